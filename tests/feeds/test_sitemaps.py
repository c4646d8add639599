"""sitemap.xml: every published page with its update time and its photos; robots.txt."""

import datetime
import xml.etree.ElementTree as ET

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import (
    ArticleFactory,
    BlockFactory,
    GalleryFactory,
    MissionFactory,
    PersonFactory,
    PhotoFactory,
    SlideFactory,
)

pytestmark = pytest.mark.django_db

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "image": "http://www.google.com/schemas/sitemap-image/1.1",
}
SERVER = "http://testserver"


def sitemap(client):
    """{page address: {"lastmod": ..., "images": [...]}} as sitemap.xml lists them."""
    response = client.get(reverse("sitemap"))
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {
        url.findtext("sm:loc", namespaces=NS): {
            "lastmod": url.findtext("sm:lastmod", namespaces=NS),
            "images": [loc.text for loc in url.findall("image:image/image:loc", namespaces=NS)],
        }
        for url in root.findall("sm:url", namespaces=NS)
    }


def absolute(path):
    return f"{SERVER}{path}"


def test_the_sitemap_lists_every_kind_of_published_page(client):
    article = ArticleFactory()
    slide = SlideFactory()
    mission = MissionFactory()
    person = PersonFactory()

    pages = sitemap(client)

    assert set(pages) == {
        absolute(article.get_absolute_url()),
        absolute(slide.gallery.get_absolute_url()),
        absolute(slide.get_absolute_url()),
        absolute(mission.get_absolute_url()),
        absolute(person.get_absolute_url()),
    }


def test_the_sitemap_lists_each_slide_permalink_of_an_essay(client):
    gallery = GalleryFactory()
    slides = [SlideFactory(gallery=gallery, order=n) for n in range(3)]

    pages = sitemap(client)

    for slide in slides:
        assert absolute(slide.get_absolute_url()) in pages
    assert absolute(slides[0].get_absolute_url()).startswith(absolute(gallery.get_absolute_url()))


def test_drafts_and_scheduled_items_are_not_in_the_sitemap(client):
    draft_article = ArticleFactory(draft=True)
    scheduled_article = ArticleFactory(scheduled=True)
    draft_essay_slide = SlideFactory(gallery=GalleryFactory(draft=True))
    draft_photo_slide = SlideFactory(photo=PhotoFactory(draft=True))

    pages = sitemap(client)

    for url in [
        draft_article.get_absolute_url(),
        scheduled_article.get_absolute_url(),
        draft_essay_slide.gallery.get_absolute_url(),
        draft_essay_slide.get_absolute_url(),
        draft_photo_slide.get_absolute_url(),
    ]:
        assert absolute(url) not in pages
    assert absolute(draft_photo_slide.gallery.get_absolute_url()) in pages


def test_lastmod_is_the_time_the_page_was_last_updated(client):
    with time_machine.travel(datetime.datetime(2018, 6, 9, 12, 0, tzinfo=datetime.UTC), tick=False):
        article = ArticleFactory()
        person = PersonFactory()

    pages = sitemap(client)

    assert pages[absolute(article.get_absolute_url())]["lastmod"] == "2018-06-09T12:00:00+00:00"
    assert pages[absolute(person.get_absolute_url())]["lastmod"] == "2018-06-09T12:00:00+00:00"


def test_a_slides_lastmod_is_the_later_of_its_essays_and_its_photos(client):
    with time_machine.travel(datetime.datetime(2018, 6, 9, 12, 0, tzinfo=datetime.UTC), tick=False):
        gallery = GalleryFactory()
    with time_machine.travel(
        datetime.datetime(2018, 6, 10, 8, 30, tzinfo=datetime.UTC), tick=False
    ):
        slide = SlideFactory(gallery=gallery)

    page = sitemap(client)[absolute(slide.get_absolute_url())]

    assert page["lastmod"] == "2018-06-10T08:30:00+00:00"


def test_an_article_lists_its_hero_and_body_photos_as_images(client):
    hero = PhotoFactory()
    article = ArticleFactory(hero_photo=hero)
    block = BlockFactory(article=article, photo_block=True)

    page = sitemap(client)[absolute(article.get_absolute_url())]

    assert page["images"] == [absolute(hero.full_jpeg.url), absolute(block.photo.full_jpeg.url)]


def test_an_essay_lists_its_cover_and_slides_once_each(client):
    cover = PhotoFactory()
    gallery = GalleryFactory(cover=cover)
    SlideFactory(gallery=gallery, photo=cover, order=1)
    second = SlideFactory(gallery=gallery, order=2)

    page = sitemap(client)[absolute(gallery.get_absolute_url())]

    assert page["images"] == [absolute(cover.full_jpeg.url), absolute(second.photo.full_jpeg.url)]


def test_a_slide_permalink_lists_its_photo(client):
    slide = SlideFactory()

    page = sitemap(client)[absolute(slide.get_absolute_url())]

    assert page["images"] == [absolute(slide.photo.full_jpeg.url)]


def test_mission_and_person_pages_list_the_published_photos_they_show(client):
    mission = MissionFactory()
    person = PersonFactory()
    shown = PhotoFactory(mission=mission)
    shown.people.add(person)
    hidden = PhotoFactory(mission=mission, draft=True)
    hidden.people.add(person)
    person.portrait = PhotoFactory()
    person.save()

    pages = sitemap(client)

    assert pages[absolute(mission.get_absolute_url())]["images"] == [absolute(shown.full_jpeg.url)]
    assert pages[absolute(person.get_absolute_url())]["images"] == [
        absolute(person.portrait.full_jpeg.url),
        absolute(shown.full_jpeg.url),
    ]


def test_a_draft_photo_is_never_listed_as_an_image(client):
    draft = PhotoFactory(draft=True)
    article = ArticleFactory(hero_photo=draft)
    BlockFactory(article=article, photo=draft, text="")
    GalleryFactory(cover=draft)

    response = client.get(reverse("sitemap"))

    assert draft.image.name.split("/")[1] not in response.content.decode()


def test_the_sitemap_asks_for_a_fixed_number_of_queries(client):
    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("sitemap"))
        return len(queries)

    def add_pages():
        mission = MissionFactory()
        photo = PhotoFactory(mission=mission)
        BlockFactory(article=ArticleFactory(hero_photo=photo, mission=mission), photo_block=True)
        SlideFactory(gallery=GalleryFactory(cover=photo))
        person = PersonFactory(portrait=photo)
        photo.people.add(person)

    add_pages()
    few = count_queries()
    for _ in range(4):
        add_pages()

    assert count_queries() == few


def test_robots_txt_keeps_admin_out_and_points_at_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert lines[:2] == ["User-agent: *", "Disallow: /admin/"]
    assert "Sitemap: http://testserver/sitemap.xml" in lines
