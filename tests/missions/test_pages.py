"""Mission and person pages show published work only, a page at a time."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from missions import views
from tests.factories import (
    ArticleFactory,
    BylineFactory,
    CrewMemberFactory,
    GalleryFactory,
    MissionFactory,
    PersonFactory,
    PhotoFactory,
)

pytestmark = pytest.mark.django_db


def test_mission_page_lists_published_work_only(client, shows_photo):
    mission = MissionFactory(name="Soyuz MS-09")
    ArticleFactory(mission=mission, headline="Soyuz MS-09 lifts off")
    ArticleFactory(mission=mission, headline="Unfinished draft story", draft=True)
    GalleryFactory(mission=mission, title="Unfinished draft essay", draft=True)
    shown = PhotoFactory(mission=mission)
    hidden = PhotoFactory(mission=mission, draft=True)

    response = client.get(mission.get_absolute_url())

    page = response.content.decode()
    assert response.status_code == 200
    assert "Soyuz MS-09 lifts off" in page
    assert "Unfinished draft story" not in page
    assert "Unfinished draft essay" not in page
    assert shows_photo(response, shown)
    assert not shows_photo(response, hidden)


def test_mission_page_lists_the_crew(client):
    crew = CrewMemberFactory(person__name="Alexander Gerst", role="Flight engineer")

    page = client.get(crew.mission.get_absolute_url()).content.decode()

    assert "Alexander Gerst" in page


def test_person_page_lists_published_articles_only(client):
    author = PersonFactory(name="Tariq Malik")
    BylineFactory(person=author, article__headline="Soyuz MS-09 lifts off")
    BylineFactory(person=author, article__headline="Unfinished draft story", article__draft=True)

    response = client.get(author.get_absolute_url())

    page = response.content.decode()
    assert response.status_code == 200
    assert "Soyuz MS-09 lifts off" in page
    assert "Unfinished draft story" not in page


def test_draft_portrait_is_not_shown_to_readers(client, shows_photo):
    portrait = PhotoFactory(draft=True)
    person = PersonFactory(name="Alexander Gerst", portrait=portrait)

    for url in (person.get_absolute_url(), reverse("missions:person_list")):
        response = client.get(url)
        assert response.status_code == 200
        assert "Alexander Gerst" in response.content.decode()
        assert not shows_photo(response, portrait)


def test_person_page_hides_draft_photos_of_them(client, shows_photo):
    person = PersonFactory()
    hidden = PhotoFactory(draft=True)
    hidden.people.add(person)

    response = client.get(person.get_absolute_url())

    assert not shows_photo(response, hidden)


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


@pytest.fixture
def two_per_page(monkeypatch):
    """Two of each list per page, so that three stories need two pages."""
    for name in ("ARTICLES_PER_PAGE", "ESSAYS_PER_PAGE", "MENTIONS_PER_PAGE", "PHOTOS_PER_PAGE"):
        monkeypatch.setattr(views, name, 2)


@pytest.fixture
def author():
    """A reporter with three articles, newest first: C, B, A."""
    person = PersonFactory(name="Tariq Malik")
    for days, headline in [(3, "Story A"), (2, "Story B"), (1, "Story C")]:
        BylineFactory(person=person, article__headline=headline, article__publish_at=days_ago(days))
    return person


@pytest.fixture
def mission():
    """A mission with three articles, newest first: C, B, A, and one photo."""
    mission = MissionFactory(name="Soyuz MS-09")
    for days, headline in [(3, "Story A"), (2, "Story B"), (1, "Story C")]:
        ArticleFactory(mission=mission, headline=headline, publish_at=days_ago(days))
    return mission


def test_person_page_shows_the_first_page_of_their_articles(client, two_per_page, author):
    page = client.get(author.get_absolute_url()).content.decode()

    assert "Story C" in page
    assert "Story B" in page
    assert "Story A" not in page
    assert "Page 1 of 2" in page


def test_person_page_two_shows_the_rest_of_their_articles(client, two_per_page, author):
    response = client.get(author.get_absolute_url(), {"page": 2})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Story A" in page
    assert "Story B" not in page
    assert "Page 2 of 2" in page


def test_person_page_turns_over_the_articles_that_mention_them(client, two_per_page):
    person = PersonFactory()
    for days, headline in [(3, "Story A"), (2, "Story B"), (1, "Story C")]:
        ArticleFactory(headline=headline, publish_at=days_ago(days)).people.add(person)

    first = client.get(person.get_absolute_url()).content.decode()
    second = client.get(person.get_absolute_url(), {"page": 2}).content.decode()

    assert "Story C" in first and "Story A" not in first
    assert "Story A" in second and "Story C" not in second


def test_person_page_turns_over_the_photos_of_them(client, two_per_page, quick_photo):
    person = PersonFactory()
    for days, title in [(3, "Photo A"), (2, "Photo B"), (1, "Photo C")]:
        quick_photo(title=title, publish_at=days_ago(days)).people.add(person)

    first = client.get(person.get_absolute_url()).content.decode()
    second = client.get(person.get_absolute_url(), {"page": 2}).content.decode()

    assert "Photo C" in first and "Photo A" not in first
    assert "Photo A" in second and "Photo C" not in second


def test_mission_page_shows_the_first_page_of_its_articles(client, two_per_page, mission):
    page = client.get(mission.get_absolute_url()).content.decode()

    assert "Story C" in page
    assert "Story B" in page
    assert "Story A" not in page
    assert "Page 1 of 2" in page


def test_mission_page_two_shows_the_rest_of_its_articles(client, two_per_page, mission):
    response = client.get(mission.get_absolute_url(), {"page": 2})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Story A" in page
    assert "Story B" not in page


def test_mission_page_turns_over_its_photos(client, two_per_page, quick_photo):
    mission = MissionFactory()
    for days, title in [(3, "Photo A"), (2, "Photo B"), (1, "Photo C")]:
        quick_photo(title=title, mission=mission, publish_at=days_ago(days))

    first = client.get(mission.get_absolute_url()).content.decode()
    second = client.get(mission.get_absolute_url(), {"page": 2}).content.decode()

    assert "Photo C" in first and "Photo A" not in first
    assert "Photo A" in second and "Photo C" not in second


def test_a_list_that_ended_is_left_off_the_later_pages(client, two_per_page, mission):
    """Page 2 holds the third article only: the empty lists of photos and essays, said
    on page 1, are not said again."""
    page = client.get(mission.get_absolute_url(), {"page": 2}).content.decode()

    assert "No photos yet." not in page
    assert "No essays yet." not in page


@pytest.mark.parametrize("number", ["3", "0", "last-but-one"])
def test_a_person_page_out_of_range_is_not_found(client, two_per_page, author, number):
    response = client.get(author.get_absolute_url(), {"page": number})

    assert response.status_code == 404


@pytest.mark.parametrize("number", ["3", "0", "last-but-one"])
def test_a_mission_page_out_of_range_is_not_found(client, two_per_page, mission, number):
    response = client.get(mission.get_absolute_url(), {"page": number})

    assert response.status_code == 404


def test_a_person_with_nothing_to_list_has_one_page(client):
    person = PersonFactory()

    assert client.get(person.get_absolute_url()).status_code == 200
    assert client.get(person.get_absolute_url(), {"page": 2}).status_code == 404


def test_an_authors_feed_is_linked_on_the_pages_past_their_articles(
    client, two_per_page, author, quick_photo
):
    for title in ["Photo A", "Photo B", "Photo C", "Photo D", "Photo E"]:
        quick_photo(title=title).people.add(author)

    page = client.get(author.get_absolute_url(), {"page": 3}).content.decode()

    assert "Story A" not in page
    assert "Photo A" in page
    assert f'href="/feeds/people/{author.slug}/rss/"' in page


def test_a_person_whose_articles_are_all_drafts_has_no_feed_link(client):
    person = PersonFactory()
    BylineFactory(person=person, article__draft=True)

    page = client.get(person.get_absolute_url()).content.decode()

    assert "/feeds/people/" not in page


def test_mission_cards_name_the_crew_who_flew_in_order_and_the_launch_in_utc(client):
    mission = MissionFactory(name="Soyuz MS-09")
    CrewMemberFactory(mission=mission, person=PersonFactory(name="Sergey Prokopyev"), order=1)
    serena = PersonFactory(name="Serena Auñón-Chancellor")
    CrewMemberFactory(mission=mission, person=serena, order=3)
    CrewMemberFactory(mission=mission, person=PersonFactory(name="Alexander Gerst"), order=2)
    CrewMemberFactory(
        mission=mission,
        person=PersonFactory(name="Oleg Artemyev"),
        group="aboard",
        order=0,
    )

    page = client.get(reverse("missions:mission_list")).content.decode()

    assert "<dd>Sergey Prokopyev, Alexander Gerst, Serena Auñón-Chancellor</dd>" in page
    assert "Oleg Artemyev" not in page
    assert '<time datetime="2018-06-06T11:12:00+00:00">June 6, 2018, 11:12 UTC</time>' in page
