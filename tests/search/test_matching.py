"""What a search finds: every kind of published record, ignoring accents and case."""

import pytest
from django.urls import reverse

from missions.models import Person
from tests.factories import (
    ArticleFactory,
    BlockFactory,
    GalleryFactory,
    MissionFactory,
    PersonFactory,
    PhotoFactory,
)

pytestmark = pytest.mark.django_db


def search(client, query, **params):
    return client.get(reverse("search:index"), {"q": query, **params})


def result_urls(response):
    return [result["entry"].url for result in response.context["results"]]


@pytest.fixture
def serena():
    return PersonFactory(
        name="Serena Auñón-Chancellor", slug="serena-aunon-chancellor", kind=Person.Kind.ASTRONAUT
    )


@pytest.fixture
def sergey():
    return PersonFactory(
        name="Sergey Prokopyev",
        slug="sergey-prokopyev",
        other_names="Sergei Prokopyev",
        kind=Person.Kind.COSMONAUT,
        agency="Roscosmos",
    )


def test_a_name_typed_without_accents_finds_the_accented_name(client, serena):
    response = search(client, "aunon")

    assert result_urls(response) == [serena.get_absolute_url()]
    assert "Serena <mark>Auñón</mark>-Chancellor" in response.content.decode()


def test_a_name_typed_with_accents_and_capitals_finds_it_too(client, serena):
    response = search(client, "AUÑÓN-chancellor")

    assert result_urls(response) == [serena.get_absolute_url()]


def test_another_spelling_of_a_name_finds_the_person(client, sergey):
    response = search(client, "sergei")

    assert result_urls(response) == [sergey.get_absolute_url()]
    assert "Also spelled <mark>Sergei</mark> Prokopyev" in response.content.decode()


def test_the_usual_spelling_still_finds_the_person(client, sergey):
    assert result_urls(search(client, "Sergey Prokopyev")) == [sergey.get_absolute_url()]


def test_a_word_in_an_articles_body_finds_the_article(client):
    article = ArticleFactory(headline="Crew reaches orbit")
    BlockFactory(article=article, text="<p>The Soyuz docked at the <b>Rassvet</b> module.</p>")

    response = search(client, "rassvet")

    assert result_urls(response) == [article.get_absolute_url()]
    assert "the <mark>Rassvet</mark> module" in response.content.decode()


def test_a_word_in_the_standfirst_finds_the_article(client):
    article = ArticleFactory(standfirst="Live views of Earth from a rocket's external cameras.")

    assert result_urls(search(client, "cameras")) == [article.get_absolute_url()]


def test_the_title_and_introduction_of_an_essay_find_it(client):
    essay = GalleryFactory(
        title="Expedition 56 in photos", introduction="Photos of the astronauts in orbit."
    )

    assert result_urls(search(client, "expedition")) == [essay.get_absolute_url()]
    assert result_urls(search(client, "astronauts")) == [essay.get_absolute_url()]


def test_the_title_and_caption_of_a_photo_find_it(client):
    photo = PhotoFactory(title="Goodbye, Earth!", caption="The Soyuz-FG rocket climbs.")

    assert result_urls(search(client, "goodbye")) == [photo.get_absolute_url()]
    assert result_urls(search(client, "climbs")) == [photo.get_absolute_url()]


def test_a_missions_name_spacecraft_vehicle_and_summary_find_it(client):
    mission = MissionFactory(
        name="Expedition 56 launch",
        spacecraft="Soyuz MS-09",
        launch_vehicle="Soyuz-FG",
        summary="The crew docked to the Rassvet module.",
    )

    for query in ["expedition", "MS-09", "soyuz-fg", "rassvet"]:
        assert result_urls(search(client, query)) == [mission.get_absolute_url()], query


def test_a_word_matches_at_the_start_of_a_word(client, serena):
    assert result_urls(search(client, "auno")) == [serena.get_absolute_url()]


def test_a_word_does_not_match_inside_another_word(client, serena):
    assert result_urls(search(client, "nón")) == []


def test_every_word_of_the_query_must_match(client, serena):
    assert result_urls(search(client, "serena zebra")) == []


def test_a_headline_match_ranks_above_a_body_match(client):
    in_body = ArticleFactory(
        headline="A launch from Kazakhstan",
        standfirst="Baikonur, Baikonur and again Baikonur.",
    )
    BlockFactory(article=in_body, text="<p>The cosmodrome at Baikonur.</p>")
    in_headline = ArticleFactory(headline="Views of Baikonur", standfirst="A rocket rises.")

    assert result_urls(search(client, "baikonur")) == [
        in_headline.get_absolute_url(),
        in_body.get_absolute_url(),
    ]


def test_a_person_named_in_the_query_ranks_above_stories_mentioning_them(client, serena):
    article = ArticleFactory(standfirst="Serena Auñón-Chancellor flies to the station.")

    assert result_urls(search(client, "aunon chancellor")) == [
        serena.get_absolute_url(),
        article.get_absolute_url(),
    ]


def test_the_last_word_matches_as_the_reader_types_it(client, serena):
    for typed in ["serena a", "serena auñ", "serena aunon-chanc"]:
        assert result_urls(search(client, typed)) == [serena.get_absolute_url()], typed


def test_the_snippet_is_the_text_around_a_match_deep_in_the_body(client):
    article = ArticleFactory(headline="Crew reaches orbit", standfirst="")
    filler = " ".join(f"word{n}" for n in range(60))
    BlockFactory(article=article, text=f"<p>{filler} The Soyuz docked at Rassvet. {filler}</p>")

    result = search(client, "rassvet").context["results"][0]

    assert result["snippet"].startswith("… ")
    assert "docked at <mark>Rassvet</mark>." in result["snippet"]
    assert result["snippet"].endswith(" …")
