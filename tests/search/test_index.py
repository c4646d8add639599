"""The search index follows every save and delete, and can be rebuilt by a command."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from search.models import SearchEntry
from tests.factories import ArticleFactory, BlockFactory, MissionFactory, PersonFactory

pytestmark = pytest.mark.django_db


def found(client, query):
    response = client.get(reverse("search:index"), {"q": query})
    return [result["entry"].url for result in response.context["results"]]


def test_a_new_text_block_makes_its_article_findable(client):
    article = ArticleFactory()
    assert found(client, "rassvet") == []

    BlockFactory(article=article, text="<p>Docked at Rassvet.</p>")

    assert found(client, "rassvet") == [article.get_absolute_url()]


def test_a_deleted_text_block_takes_its_words_out_of_search(client):
    block = BlockFactory(text="<p>Docked at Rassvet.</p>")

    block.delete()

    assert found(client, "rassvet") == []


def test_a_new_spelling_of_a_name_is_findable_once_saved(client):
    person = PersonFactory(name="Sergey Prokopyev")
    person.other_names = "Sergei Prokopyev"
    person.save()

    assert found(client, "sergei") == [person.get_absolute_url()]


def test_rich_text_tags_do_not_glue_words_together(client):
    article = ArticleFactory()
    BlockFactory(article=article, text="<p>Liftoff</p><p>Rassvet</p>")

    assert found(client, "rassvet") == [article.get_absolute_url()]


def test_html_entities_in_rich_text_are_searched_as_characters(client):
    article = ArticleFactory()
    BlockFactory(article=article, text="<p>Au&ntilde;&oacute;n-Chancellor &amp; crew</p>")

    assert found(client, "aunon") == [article.get_absolute_url()]


def test_the_rebuild_command_indexes_every_record(client):
    article = ArticleFactory(headline="Rassvet docking")
    mission = MissionFactory(summary="Docked at Rassvet.")
    SearchEntry.objects.all().delete()
    assert found(client, "rassvet") == []

    out = io.StringIO()
    call_command("rebuild_search_index", stdout=out)

    assert found(client, "rassvet") == [article.get_absolute_url(), mission.get_absolute_url()]
    assert "Search index rebuilt: 1 article" in out.getvalue()


def test_the_rebuild_command_drops_entries_of_records_that_are_gone(client):
    article = ArticleFactory(headline="Rassvet docking")
    # A delete that sends no signals, as a raw SQL clean-up would.
    type(article).objects.filter(pk=article.pk)._raw_delete(connection.alias)

    call_command("rebuild_search_index", stdout=io.StringIO())

    assert not SearchEntry.objects.filter(object_id=article.pk, kind="article").exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full-text search")
def test_postgresql_finds_other_forms_of_a_word(client):
    article = ArticleFactory(headline="Soyuz launch")

    assert found(client, "launches") == [article.get_absolute_url()]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full-text search")
def test_postgresql_keeps_a_gin_index_on_the_search_vector():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE tablename = 'search_searchentry'")
        definitions = [row[0] for row in cursor.fetchall()]

    assert any("USING gin (vector)" in definition for definition in definitions)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full-text search")
def test_postgresql_keeps_a_gin_index_on_the_title_words():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE tablename = 'search_searchentry'")
        definitions = [row[0] for row in cursor.fetchall()]

    assert any("USING gin (ts_filter(vector, '{a}'" in definition for definition in definitions)
