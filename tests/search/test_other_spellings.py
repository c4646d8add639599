"""A search for any spelling of a person's name finds what mentions them under another."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article
from gallery.models import Photo
from missions.models import Mission, Person
from search.query import Word, parse
from tests.factories import ArticleFactory, BlockFactory, MissionFactory, PersonFactory

pytestmark = pytest.mark.django_db


def search(client, query):
    return client.get(reverse("search:index"), {"q": query})


def result_urls(response):
    return [result["entry"].url for result in response.context["results"]]


@pytest.fixture
def sergey():
    return PersonFactory(
        name="Sergey Prokopyev",
        slug="sergey-prokopyev",
        other_names="Sergei Prokopyev",
        kind=Person.Kind.COSMONAUT,
        agency="Roscosmos",
    )


def test_the_other_spelling_finds_stories_that_use_the_usual_one(client, sergey):
    article = ArticleFactory(headline="Crew launches")
    BlockFactory(article=article, text="<p>Russian cosmonaut Sergey Prokopyev.</p>")
    mission = MissionFactory(summary="Carrying Roscosmos cosmonaut Sergey Prokopyev.")

    urls = result_urls(search(client, "sergei prokopyev"))

    assert sorted(urls) == sorted(
        [sergey.get_absolute_url(), article.get_absolute_url(), mission.get_absolute_url()]
    )


def test_the_usual_spelling_finds_stories_that_use_the_other_one(client, sergey):
    article = ArticleFactory(standfirst="Roscosmos cosmonaut Sergei Prokopyev.")

    urls = result_urls(search(client, "Sergey Prokopyev"))

    assert urls == [sergey.get_absolute_url(), article.get_absolute_url()]


def test_the_spelling_a_story_uses_is_highlighted(client, sergey):
    ArticleFactory(headline="Crew launches", standfirst="Russian cosmonaut Sergey Prokopyev.")

    page = search(client, "sergei prokopyev").content.decode()

    assert "cosmonaut <mark>Sergey</mark> <mark>Prokopyev</mark>." in page


def test_other_words_in_the_query_must_still_match(client, sergey):
    ArticleFactory(headline="Crew launches", standfirst="Cosmonaut Sergey Prokopyev.")
    on_the_pad = ArticleFactory(headline="On the pad", standfirst="Sergey Prokopyev waves.")

    assert result_urls(search(client, "sergei prokopyev pad")) == [on_the_pad.get_absolute_url()]


def test_only_a_whole_name_brings_in_its_other_spellings(client, sergey):
    ArticleFactory(standfirst="Russian cosmonaut Sergey Prokopyev.")

    assert result_urls(search(client, "sergei")) == [sergey.get_absolute_url()]


def test_a_name_without_other_spellings_is_searched_as_typed():
    PersonFactory(name="Alexander Gerst")

    assert parse("alexander gerst").clauses == (((Word("alexander"),),), ((Word("gerst"),),))


def test_the_query_holds_each_spelling_once_typed_words_as_prefixes(sergey):
    query = parse("Sergei Prokopyev launch")

    assert query.clauses == (
        (
            (Word("sergei"), Word("prokopyev")),
            (Word("sergey", prefix=False), Word("prokopyev", prefix=False)),
        ),
        ((Word("launch"),),),
    )


def test_in_the_launch_story_sergei_finds_what_writes_sergey(client):
    call_command("loaddata", "launch_story", verbosity=0)
    article = Article.objects.get()
    mission = Mission.objects.get()
    # The article and the mission write "Sergey" only; so does one photo's caption.
    writes_sergey = Photo.objects.get(caption__contains="Commander Sergey Prokopyev")
    assert "Sergei" not in writes_sergey.caption

    urls = result_urls(search(client, "sergei prokopyev"))

    for record in [article, mission, writes_sergey, Person.objects.get(slug="sergey-prokopyev")]:
        assert record.get_absolute_url() in urls
