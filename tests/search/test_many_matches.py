"""A word that many records hold: one page read, counted, and full of visible records."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from publishing.models import Status
from search import index
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def add_articles(count, status=Status.PUBLISHED, headline="Bench article {i}", start=0):
    """``count`` articles saved in bulk, as an import does, then indexed in bulk."""
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    Article.objects.bulk_create(
        Article(
            headline=headline.format(i=i),
            slug=f"bench-{status}-{i}",
            standfirst=f"Article {i} about the launch.",
            status=status,
            publish_at=an_hour_ago,
        )
        for i in range(start, start + count)
    )
    index.rebuild()


def search(client, query, **params):
    return client.get(reverse("search:index"), {"q": query, **params})


def test_a_common_word_reads_one_page_in_three_queries(client):
    add_articles(300)

    with CaptureQueriesContext(connection) as queries:
        response = search(client, "launch")

    assert len(response.context["results"]) == 10
    assert "300 results for “launch”" in response.content.decode()
    # The other spellings of names in the query, the count, the page.
    assert len(queries) == 3


def test_the_number_of_queries_does_not_grow_with_the_matches(client):
    add_articles(3)
    with CaptureQueriesContext(connection) as few:
        search(client, "launch")
    add_articles(200, start=3)
    with CaptureQueriesContext(connection) as many:
        search(client, "launch")

    assert len(many) == len(few)


def test_drafts_that_would_rank_first_leave_no_page_short(client):
    # Title matches rank first: were drafts dropped after ranking, page one would be
    # these twelve, less the drafts, and so empty.
    add_articles(12, status=Status.DRAFT, headline="Launch day {i}")
    add_articles(15)

    first = search(client, "launch")
    second = search(client, "launch", page=2)

    assert len(first.context["results"]) == 10
    assert len(second.context["results"]) == 5
    assert "15 results for “launch”" in first.content.decode()
    shown = first.context["results"] + second.context["results"]
    assert all("Launch day" not in result["entry"].title for result in shown)


def test_every_match_is_on_exactly_one_page(client):
    add_articles(25)

    pages = [search(client, "launch", page=n).context["results"] for n in (1, 2, 3)]

    urls = [result["entry"].url for page in pages for result in page]
    assert len(urls) == 25
    assert len(set(urls)) == 25


def test_a_body_that_says_the_word_more_often_ranks_higher(client):
    once = ArticleFactory(headline="Crew day", standfirst="Launch and a long day of tests.")
    thrice = ArticleFactory(headline="Pad day", standfirst="Launch, launch and launch again.")

    assert [result["entry"].url for result in search(client, "launch").context["results"]] == [
        thrice.get_absolute_url(),
        once.get_absolute_url(),
    ]
