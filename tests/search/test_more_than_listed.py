"""A search that matches more records than are listed: the page says so, best first.

The most a search counts and lists (search.backends.MAX_RANKED, 1,000 on the site)
is 20 here, so a few dozen records stand for a word that is everywhere.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from missions.models import Person
from publishing.models import Status
from search import backends, index
from tests.factories import ArticleFactory, PersonFactory

pytestmark = pytest.mark.django_db

MOST = 20


@pytest.fixture(autouse=True)
def most_listed(monkeypatch):
    monkeypatch.setattr(backends, "MAX_RANKED", MOST)


def add_articles(count, standfirst="Article {i} about the launch.", status=Status.PUBLISHED):
    """``count`` articles holding the word in their body only, saved and indexed in bulk."""
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    start = Article.objects.count()
    Article.objects.bulk_create(
        Article(
            headline=f"Bench article {i}",
            slug=f"bench-{i}",
            standfirst=standfirst.format(i=i),
            status=status,
            publish_at=an_hour_ago,
        )
        for i in range(start, start + count)
    )
    index.rebuild()


def search(client, query, **params):
    return client.get(reverse("search:index"), {"q": query, **params})


def urls(response):
    return [result["entry"].url for result in response.context["results"]]


def test_the_page_says_there_are_more_results_than_it_lists(client):
    add_articles(MOST + 5)

    response = search(client, "launch")

    page = response.content.decode()
    assert "More than 20 results for “launch”." in page
    assert "The first 20 are listed, those with your words in their title first" in page
    assert "Page 1 of 2" in page
    assert response.context["page_obj"].paginator.count == MOST


def test_up_to_the_most_listed_the_count_is_exact(client):
    add_articles(MOST)

    page = search(client, "launch").content.decode()

    assert "20 results for “launch”" in page
    assert "More than" not in page


def test_the_title_match_comes_first_wherever_the_index_holds_it(client):
    # Body matches written before and after it: whichever end the index reads
    # first, the title match is not among the first matches it yields.
    add_articles(MOST + 10)
    best = ArticleFactory(headline="Launch of Soyuz MS-09", standfirst="")
    add_articles(MOST + 10)

    response = search(client, "launch")

    assert urls(response)[0] == best.get_absolute_url()


def test_title_matches_are_ranked_among_themselves(client):
    add_articles(MOST + 5)
    once = ArticleFactory(headline="Launch day", standfirst="")
    twice = ArticleFactory(headline="Launch day: the launch", standfirst="")

    assert urls(search(client, "launch"))[:2] == [
        twice.get_absolute_url(),
        once.get_absolute_url(),
    ]


def test_after_the_title_matches_the_others_are_listed_newest_first(client):
    add_articles(MOST + 5)
    titled = ArticleFactory.create_batch(3, headline="Launch day", standfirst="")

    results = search(client, "launch").context["results"]

    assert {result["entry"].url for result in results[:3]} == {
        article.get_absolute_url() for article in titled
    }
    others = [result["entry"].pk for result in results[3:]]
    assert len(others) == 7
    assert others == sorted(others, reverse=True)


def test_with_more_title_matches_than_listed_only_title_matches_are_listed(client):
    add_articles(MOST)
    titled = ArticleFactory.create_batch(MOST + 5, headline="Launch day", standfirst="")

    listed = [*urls(search(client, "launch")), *urls(search(client, "launch", page=2))]

    assert len(set(listed)) == MOST
    assert set(listed) < {article.get_absolute_url() for article in titled}


def test_every_listed_result_is_on_exactly_one_page(client):
    add_articles(MOST + 15)
    ArticleFactory.create_batch(4, headline="Launch day", standfirst="")

    pages = [urls(search(client, "launch", page=n)) for n in (1, 2)]

    listed = pages[0] + pages[1]
    assert len(listed) == MOST
    assert len(set(listed)) == MOST
    # A page past the last shows the last.
    assert urls(search(client, "launch", page=3)) == pages[1]


def test_drafts_are_never_counted_nor_listed(client):
    # Drafts whose headline holds the word would be the best matches.
    ArticleFactory.create_batch(MOST + 5, headline="Launch secrets", draft=True)
    add_articles(MOST - 5)

    response = search(client, "launch")

    page = response.content.decode()
    assert "15 results for “launch”" in page
    assert "More than" not in page
    assert "secrets" not in page


def test_drafts_leave_no_page_short_when_there_are_more(client):
    ArticleFactory.create_batch(MOST + 5, headline="Launch secrets", draft=True)
    ArticleFactory.create_batch(12, headline="Launch secrets", scheduled=True)
    add_articles(MOST + 5)

    pages = [search(client, "launch", page=n) for n in (1, 2)]

    assert "More than 20 results" in pages[0].content.decode()
    assert [len(page.context["results"]) for page in pages] == [10, 10]
    assert all("secrets" not in page.content.decode() for page in pages)


def test_other_spellings_still_find_and_rank_the_person_first(client):
    sergey = PersonFactory(
        name="Sergey Prokopyev",
        slug="sergey-prokopyev",
        other_names="Sergei Prokopyev",
        kind=Person.Kind.COSMONAUT,
    )
    add_articles(MOST + 5, standfirst="Article {i}: cosmonaut Sergey Prokopyev.")

    response = search(client, "sergei prokopyev")

    assert "More than 20 results" in response.content.decode()
    assert urls(response)[0] == sergey.get_absolute_url()
    assert "cosmonaut <mark>Sergey</mark> <mark>Prokopyev</mark>." in response.content.decode()


def test_accents_are_still_ignored(client):
    serena = PersonFactory(name="Serena Auñón-Chancellor", slug="serena-aunon-chancellor")
    add_articles(MOST + 5, standfirst="Article {i}: Serena Auñón-Chancellor on board.")

    response = search(client, "aunon")

    page = response.content.decode()
    assert "More than 20 results" in page
    assert urls(response)[0] == serena.get_absolute_url()
    assert "Serena <mark>Auñón</mark>-Chancellor on board." in page


def queries_for(client, **params):
    with CaptureQueriesContext(connection) as queries:
        search(client, "launch", **params)
    return len(queries)


def test_a_page_of_title_matches_reads_the_same_queries_however_many_match(client):
    ArticleFactory.create_batch(12, headline="Launch day", standfirst="")
    add_articles(MOST + 5)
    few = queries_for(client)
    add_articles(3 * MOST)

    # The other spellings of names in the query, the count, the page.
    assert few == 3
    assert queries_for(client) == few


def test_a_page_past_the_title_matches_reads_the_same_queries_however_many_match(client):
    ArticleFactory.create_batch(3, headline="Launch day", standfirst="")
    add_articles(MOST + 5)
    few = queries_for(client, page=2)
    add_articles(3 * MOST)

    # Then the title matches (to leave them out of the others) and the others' rows.
    assert few == 5
    assert queries_for(client, page=2) == few
