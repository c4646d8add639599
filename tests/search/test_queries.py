"""Whatever a reader types, the search page answers normally and shows it back escaped."""

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, PhotoFactory

pytestmark = pytest.mark.django_db

ODD_QUERIES = [
    '"',
    "'",
    '"soyuz',
    "%",
    "_",
    "%_%",
    "50%",
    "soyuz_fg",
    "' OR '1'='1",
    "1; DROP TABLE articles_article; --",
    "soyuz & | ! :* <-> (",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "soyuz\x00rocket",
    "\u202e\u200b",
    "𝔰𝔬𝔶𝔲𝔷 🚀",
]


@pytest.fixture(autouse=True)
def content():
    ArticleFactory(headline="Soyuz rocket launch", standfirst="A Soyuz-FG rocket at 100% power.")


def search(client, query, **params):
    return client.get(reverse("search:index"), {"q": query, **params})


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_an_odd_query_gets_a_normal_page(client, query):
    response = search(client, query)

    assert response.status_code == 200
    page = response.content.decode()
    assert "<script>alert" not in page
    assert "<img src=x" not in page


# The content's article is "Soyuz rocket launch". Were these full-text query syntax
# (FTS5's or PostgreSQL's), each would find it; as words, each asks for a word that
# no record has.
SYNTAX_AS_WORDS = [
    "soyuz OR zebra",
    "soyuz | zebra",
    "soyuz NOT zebra",
    "soyuz -zebra",
    "soyuz !zebra",
    "NEAR(soyuz rocket)",
    "NEAR(soyuz rocket, 5)",
    "title_folded:soyuz",
    "{title_folded body_folded}: soyuz",
    "title:soyuz",
]


@pytest.mark.parametrize("query", SYNTAX_AS_WORDS)
def test_search_syntax_is_read_as_words(client, query):
    response = search(client, query)

    assert response.status_code == 200
    assert response.context["results"] == []


@pytest.mark.parametrize(
    "query",
    [
        '"soyuz',
        'soyuz"',
        '"soyuz rocket"',
        "soyuz*",
        "*soyuz",
        "(soyuz",
        "soyuz)",
        "^soyuz",
        "+soyuz",
        "soyuz:*",
        "soyuz & rocket",
        "soyuz <-> rocket",
        "soyuz; rocket",
    ],
)
def test_syntax_characters_around_words_only_separate_them(client, query):
    response = search(client, query)

    assert response.status_code == 200
    assert len(response.context["results"]) == 1


@pytest.mark.parametrize("query", ['"', "*", "(", ")", "-", "^", ":", '""*', "( ) * -"])
def test_syntax_characters_alone_are_nothing_to_search_for(client, query):
    response = search(client, query)

    assert response.status_code == 200
    assert "There is nothing to search for" in response.content.decode()


def test_the_query_is_shown_back_escaped(client):
    response = search(client, "<b>soyuz</b>")

    page = response.content.decode()
    assert "&lt;b&gt;soyuz&lt;/b&gt;" in page
    assert "<b>soyuz</b>" not in page


def test_percent_and_underscore_do_not_match_everything(client):
    for query in ["%", "_", "%%", "__"]:
        response = search(client, query)
        assert response.context["results"] == []
        assert "There is nothing to search for" in response.content.decode()


def test_punctuation_only_separates_words(client):
    response = search(client, '"soyuz" (rocket)')

    assert len(response.context["results"]) == 1


def test_an_empty_query_invites_a_search(client):
    response = client.get(reverse("search:index"))

    assert response.status_code == 200
    assert response.context["results"] == []
    assert "Search articles, photo essays, photos, people and missions" in (
        response.content.decode()
    )


def test_a_query_with_no_match_says_so(client):
    response = search(client, "zebra")

    assert "No results for “zebra”" in response.content.decode()


def test_a_query_over_200_characters_is_cut_and_the_reader_told(client):
    # "zebra" comes after the first 200 characters, so it is not searched for:
    # with it the article would not match.
    query = "soyuz" + " " * 200 + "zebra"

    response = search(client, query)

    assert response.status_code == 200
    assert "only its first 200 characters were searched" in response.content.decode()
    assert len(response.context["results"]) == 1


def test_a_long_query_of_many_words_gets_a_normal_page(client):
    response = search(client, " ".join(["soyuz"] * 60 + ["rocket"] * 60))

    assert response.status_code == 200
    assert "only its first 200 characters were searched" in response.content.decode()


def test_a_query_of_200_characters_is_not_cut(client):
    response = search(client, "soyuz " + "a" * 194)

    assert "only its first" not in response.content.decode()


def test_editor_text_in_a_snippet_is_escaped(client):
    PhotoFactory(title="Launch pad", caption='Soyuz <img src=x onerror="alert(1)"> & crew.')

    response = search(client, "crew")

    page = response.content.decode()
    assert "<img src=x" not in page
    assert "Soyuz &lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; <mark>crew</mark>." in page


def test_results_are_paginated_and_keep_the_query(client):
    for n in range(12):
        PhotoFactory(title=f"Soyuz view {n:02d}")

    first = search(client, "view")
    second = search(client, "view", page=2)

    assert len(first.context["results"]) == 10
    assert len(second.context["results"]) == 2
    assert "?q=view&amp;page=2" in first.content.decode()
    assert "13 results" not in first.content.decode()
    assert "12 results for “view”" in first.content.decode()


@pytest.mark.parametrize("page", ["0", "-1", "abc", "999", "1' OR 1=1"])
def test_an_odd_page_number_gets_a_normal_page(client, page):
    assert search(client, "soyuz", page=page).status_code == 200
