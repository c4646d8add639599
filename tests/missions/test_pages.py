"""Mission and person pages show published work only."""

import pytest
from django.urls import reverse

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
