"""On SQLite, search reads FTS5 indexes that follow every write to the search entries."""

import io

import pytest
from django.core.management import call_command
from django.db import connection

from search.backends.sqlite import FTS_TABLE, KIND_RECORD_INDEX, TITLE_FTS_TABLE
from search.models import SearchEntry
from tests.factories import ArticleFactory, BlockFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 index"),
]


def fts_rowids(match):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [match])
        return [row[0] for row in cursor.fetchall()]


def entry_of(article):
    return SearchEntry.objects.get(kind="article", object_id=article.pk)


def assert_index_matches_entries():
    # FTS5 compares its index with the entries' text, and raises if they differ.
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rank) VALUES ('integrity-check', 1)")


def test_the_index_is_an_fts5_table_that_folds_accents():
    with connection.cursor() as cursor:
        cursor.execute("SELECT sql FROM sqlite_master WHERE name = %s", [FTS_TABLE])
        (definition,) = cursor.fetchone()

    assert "USING fts5" in definition
    assert "remove_diacritics 2" in definition


def test_a_saved_article_is_in_the_index():
    article = ArticleFactory(headline="Views of Baikonur")

    assert fts_rowids('"baikonur"') == [entry_of(article).pk]


def test_a_changed_article_is_indexed_by_its_new_words_only():
    article = ArticleFactory(headline="Views of Baikonur", standfirst="")
    BlockFactory(article=article, text="<p>Docked at Rassvet.</p>")

    article.headline = "Views of Kazakhstan"
    article.save()

    assert fts_rowids('"baikonur"') == []
    assert fts_rowids('"kazakhstan"') == [entry_of(article).pk]
    assert fts_rowids('"rassvet"') == [entry_of(article).pk]
    assert_index_matches_entries()


def test_a_deleted_article_leaves_the_index():
    article = ArticleFactory(headline="Views of Baikonur")

    article.delete()

    assert fts_rowids('"baikonur"') == []
    assert_index_matches_entries()


def test_entries_written_in_bulk_are_indexed():
    articles = ArticleFactory.create_batch(3, headline="Views of Baikonur")
    SearchEntry.objects.all().delete()
    assert fts_rowids('"baikonur"') == []

    call_command("rebuild_search_index", stdout=io.StringIO())

    expected = sorted(entry_of(article).pk for article in articles)
    assert sorted(fts_rowids('"baikonur"')) == expected
    assert_index_matches_entries()


def title_rowids(match):
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid FROM {TITLE_FTS_TABLE} WHERE {TITLE_FTS_TABLE} MATCH %s", [match]
        )
        return [row[0] for row in cursor.fetchall()]


def assert_title_index_matches_entries():
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {TITLE_FTS_TABLE} ({TITLE_FTS_TABLE}, rank) VALUES ('integrity-check', 1)"
        )


def test_the_index_reads_prefixes_of_up_to_eight_letters():
    with connection.cursor() as cursor:
        cursor.execute("SELECT sql FROM sqlite_master WHERE name = %s", [FTS_TABLE])
        (definition,) = cursor.fetchone()

    assert "prefix='1 2 3 4 5 6 7 8'" in definition


def test_a_saved_article_is_in_the_title_index_by_its_headline_only():
    article = ArticleFactory(headline="Views of Baikonur", standfirst="Seen from Rassvet.")

    assert title_rowids('"baikonur"') == [entry_of(article).pk]
    assert title_rowids('"rassvet"') == []
    assert_title_index_matches_entries()


def test_a_changed_headline_is_in_the_title_index_by_its_new_words_only():
    article = ArticleFactory(headline="Views of Baikonur")

    article.headline = "Views of Kazakhstan"
    article.save()

    assert title_rowids('"baikonur"') == []
    assert title_rowids('"kazakhstan"') == [entry_of(article).pk]
    assert_title_index_matches_entries()


def test_a_deleted_article_leaves_the_title_index():
    article = ArticleFactory(headline="Views of Baikonur")

    article.delete()

    assert title_rowids('"baikonur"') == []
    assert_title_index_matches_entries()


def test_entries_written_in_bulk_are_in_the_title_index():
    articles = ArticleFactory.create_batch(3, headline="Views of Baikonur")
    SearchEntry.objects.all().delete()
    assert title_rowids('"baikonur"') == []

    call_command("rebuild_search_index", stdout=io.StringIO())

    expected = sorted(entry_of(article).pk for article in articles)
    assert sorted(title_rowids('"baikonur"')) == expected
    assert_title_index_matches_entries()


def test_an_index_gives_each_entrys_kind_and_record_by_id():
    with connection.cursor() as cursor:
        cursor.execute("SELECT sql FROM sqlite_master WHERE name = %s", [KIND_RECORD_INDEX])
        (definition,) = cursor.fetchone()

    assert "search_searchentry (id, kind, object_id)" in definition
