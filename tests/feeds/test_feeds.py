"""RSS and Atom feeds: the latest published stories, each with its lead image."""

import datetime
import xml.etree.ElementTree as ET

import pytest
import time_machine
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import (
    ArticleFactory,
    BlockFactory,
    BylineFactory,
    GalleryFactory,
    MissionFactory,
    NoteFactory,
    PersonFactory,
    PhotoFactory,
    SlideFactory,
)

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
LIFTOFF = datetime.datetime(2018, 6, 6, 11, 12, tzinfo=datetime.UTC)


def rss_items(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return ET.fromstring(response.content).findall("./channel/item")


def atom_entries(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content).findall(f"{ATOM}entry")


@pytest.fixture
def photo():
    """A published photo; saving it writes its renditions."""
    return PhotoFactory()


def test_latest_rss_lists_published_articles_and_essays_newest_first(client):
    ArticleFactory(headline="Liftoff", publish_at=LIFTOFF)
    GalleryFactory(title="The mission in photos", publish_at=LIFTOFF + datetime.timedelta(days=3))

    items = rss_items(client, reverse("feeds:latest_rss"))

    assert [item.findtext("title") for item in items] == ["The mission in photos", "Liftoff"]


def test_latest_feeds_leave_out_drafts_and_scheduled_stories(client):
    ArticleFactory(headline="Live story")
    ArticleFactory(headline="Draft story", draft=True)
    ArticleFactory(headline="Scheduled story", scheduled=True)
    GalleryFactory(title="Draft essay", draft=True)

    rss = rss_items(client, reverse("feeds:latest_rss"))
    atom = atom_entries(client, reverse("feeds:latest_atom"))

    assert [item.findtext("title") for item in rss] == ["Live story"]
    assert [entry.findtext(f"{ATOM}title") for entry in atom] == ["Live story"]


def test_an_rss_item_has_link_summary_dates_author_and_mission(client):
    with time_machine.travel(LIFTOFF + datetime.timedelta(hours=2), tick=False):
        article = ArticleFactory(
            headline="Liftoff",
            standfirst="A Soyuz rocket rises from Baikonur.",
            publish_at=LIFTOFF,
            mission=MissionFactory(name="Soyuz MS-09"),
        )
    BylineFactory(article=article, person=PersonFactory(name="Tariq Malik"))

    (item,) = rss_items(client, reverse("feeds:latest_rss"))

    assert item.findtext("link") == f"http://testserver{article.get_absolute_url()}"
    assert item.findtext("description") == "A Soyuz rocket rises from Baikonur."
    assert item.findtext("pubDate") == "Wed, 06 Jun 2018 11:12:00 +0000"
    assert item.findtext("{http://purl.org/dc/elements/1.1/}creator") == "Tariq Malik"
    assert item.findtext("category") == "Soyuz MS-09"


def test_an_atom_entry_has_published_updated_and_author(client):
    article = ArticleFactory(headline="Liftoff", publish_at=LIFTOFF)
    # Updated when a correction or update says so (articles.Note), not on every save.
    NoteFactory(article=article, noted_at=LIFTOFF + datetime.timedelta(hours=2))
    BylineFactory(article=article, person=PersonFactory(name="Tariq Malik"))

    (entry,) = atom_entries(client, reverse("feeds:latest_atom"))

    assert entry.findtext(f"{ATOM}published") == "2018-06-06T11:12:00+00:00"
    assert entry.findtext(f"{ATOM}updated") == "2018-06-06T13:12:00+00:00"
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == "Tariq Malik"


def test_a_summary_is_escaped_as_the_html_a_feed_reader_expects(client):
    ArticleFactory(standfirst="Fuel & <oxidizer>")

    (item,) = rss_items(client, reverse("feeds:latest_rss"))

    assert item.findtext("description") == "Fuel &amp; &lt;oxidizer&gt;"


def test_an_articles_hero_photo_is_its_rss_enclosure(client, photo):
    ArticleFactory(hero_photo=photo)

    (item,) = rss_items(client, reverse("feeds:latest_rss"))

    enclosure = item.find("enclosure")
    assert enclosure.get("url") == f"http://testserver{photo.card_jpeg.url}"
    assert enclosure.get("type") == "image/jpeg"
    assert int(enclosure.get("length")) == photo.card_jpeg.storage.size(photo.card_jpeg.name)


def test_a_known_image_size_is_not_asked_of_the_storage_again(client, photo, monkeypatch):
    ArticleFactory(hero_photo=photo)
    client.get(reverse("feeds:latest_rss"))

    def no_storage_calls(self, name):
        raise AssertionError(f"storage asked for the size of {name}")

    monkeypatch.setattr(type(photo.card_jpeg.storage), "size", no_storage_calls)
    (item,) = rss_items(client, reverse("feeds:latest_rss"))

    assert item.find("enclosure").get("url") == f"http://testserver{photo.card_jpeg.url}"


def test_the_first_photo_block_is_the_enclosure_of_an_article_without_hero(client, photo):
    article = ArticleFactory()
    BlockFactory(article=article)
    BlockFactory(article=article, photo_block=True, photo=photo)

    (item,) = rss_items(client, reverse("feeds:latest_rss"))

    assert item.find("enclosure").get("url") == f"http://testserver{photo.card_jpeg.url}"


def test_an_essays_cover_is_its_atom_enclosure(client, photo):
    GalleryFactory(cover=photo)

    (entry,) = atom_entries(client, reverse("feeds:latest_atom"))

    (link,) = entry.findall(f"{ATOM}link[@rel='enclosure']")
    assert link.get("href") == f"http://testserver{photo.card_jpeg.url}"
    assert link.get("type") == "image/jpeg"


def test_an_essay_without_cover_uses_its_first_slide(client, photo):
    gallery = GalleryFactory()
    SlideFactory(gallery=gallery, photo=photo, order=1)

    (item,) = rss_items(client, reverse("feeds:latest_rss"))

    assert item.find("enclosure").get("url") == f"http://testserver{photo.card_jpeg.url}"


def test_a_draft_hero_photo_is_never_an_enclosure(client):
    draft_photo = PhotoFactory(draft=True)
    ArticleFactory(hero_photo=draft_photo)

    response = client.get(reverse("feeds:latest_rss"))

    assert ET.fromstring(response.content).find("./channel/item/enclosure") is None
    assert draft_photo.image.name.split("/")[1] not in response.content.decode()


def test_a_photo_whose_rendition_is_missing_from_storage_gives_no_enclosure(client):
    photo = PhotoFactory()
    photo.card_jpeg.storage.delete(photo.card_jpeg.name)
    ArticleFactory(hero_photo=photo)

    (item,) = rss_items(client, reverse("feeds:latest_rss"))

    assert item.find("enclosure") is None


def test_the_feed_asks_for_a_fixed_number_of_queries(client):
    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("feeds:latest_rss"))
        return len(queries)

    def add_story():
        photo = PhotoFactory()
        article = ArticleFactory(hero_photo=photo)
        BylineFactory(article=article)
        GalleryFactory(cover=photo)

    add_story()
    few = count_queries()
    for _ in range(4):
        add_story()

    assert count_queries() == few


def test_a_missions_feed_lists_only_its_stories(client):
    mission = MissionFactory()
    ArticleFactory(headline="About the mission", mission=mission)
    GalleryFactory(title="Mission photos", mission=mission)
    ArticleFactory(headline="Another story")
    ArticleFactory(headline="Draft about the mission", mission=mission, draft=True)

    items = rss_items(client, reverse("feeds:mission_rss", args=[mission.slug]))
    entries = atom_entries(client, reverse("feeds:mission_atom", args=[mission.slug]))

    assert {item.findtext("title") for item in items} == {"About the mission", "Mission photos"}
    assert len(entries) == 2


def test_a_feed_of_an_unknown_mission_is_not_found(client):
    assert client.get(reverse("feeds:mission_rss", args=["no-such-mission"])).status_code == 404


def test_an_authors_feed_lists_only_their_published_articles(client):
    author = PersonFactory(name="Tariq Malik")
    BylineFactory(person=author, article=ArticleFactory(headline="By Tariq"))
    BylineFactory(person=author, article=ArticleFactory(headline="Draft by Tariq", draft=True))
    BylineFactory(article=ArticleFactory(headline="By someone else"))

    items = rss_items(client, reverse("feeds:author_rss", args=[author.slug]))
    entries = atom_entries(client, reverse("feeds:author_atom", args=[author.slug]))

    assert [item.findtext("title") for item in items] == ["By Tariq"]
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["By Tariq"]


def test_a_person_who_wrote_no_published_article_has_no_feed(client):
    person = PersonFactory()
    BylineFactory(person=person, article=ArticleFactory(draft=True))

    assert client.get(reverse("feeds:author_rss", args=[person.slug])).status_code == 404


def render_feed_links(obj=None):
    return Template("{% load feeds %}{% feed_links %}").render(Context({"object": obj}))


def test_every_page_links_the_latest_feeds_from_its_head():
    html = render_feed_links()

    assert (
        '<link rel="alternate" type="application/rss+xml" '
        'title="Launch Desk: latest stories (RSS)" href="/feeds/latest/rss/">'
    ) in html
    assert 'type="application/atom+xml"' in html


def test_a_mission_page_also_links_its_own_feeds():
    mission = MissionFactory(name="Soyuz MS-09", slug="soyuz-ms-09")

    html = render_feed_links(mission)

    assert 'title="Launch Desk: Soyuz MS-09 (RSS)" href="/feeds/missions/soyuz-ms-09/rss/"' in html
    assert 'href="/feeds/missions/soyuz-ms-09/atom/"' in html


def test_an_authors_page_links_their_feeds_and_another_persons_page_does_not(client):
    author = PersonFactory(slug="tariq-malik")
    BylineFactory(person=author)
    astronaut = PersonFactory(slug="alexander-gerst")

    assert (
        'href="/feeds/people/tariq-malik/rss/"'
        in client.get(author.get_absolute_url()).content.decode()
    )
    assert "/feeds/people/" not in client.get(astronaut.get_absolute_url()).content.decode()


def test_a_person_whose_articles_are_drafts_links_no_feed_of_theirs(client):
    author = PersonFactory(slug="tariq-malik")
    BylineFactory(person=author, article=ArticleFactory(draft=True))

    assert "/feeds/people/" not in client.get(author.get_absolute_url()).content.decode()
