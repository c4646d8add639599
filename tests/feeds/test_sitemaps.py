"""sitemap.xml: an index of section files listing every published page with its update
time and its photos; robots.txt."""

import datetime
import math
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gallery.models import Photo
from gallery.renditions import RenditionState
from gallery.sitemaps import PhotoSitemap
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
SECTIONS = ["articles", "essays", "slides", "photos", "missions", "people"]


def xml(client, address):
    """The parsed XML document at ``address`` (absolute or a path)."""
    parts = urlsplit(address)
    response = client.get(f"{parts.path}?{parts.query}" if parts.query else parts.path)
    assert response.status_code == 200, address
    assert response["Content-Type"] == "application/xml"
    return ET.fromstring(response.content)


def section_files(client):
    """The addresses of the section files the index lists, in its order."""
    index = xml(client, reverse("sitemap"))
    return [loc.text for loc in index.findall("sm:sitemap/sm:loc", namespaces=NS)]


def sitemap(client):
    """{page address: {"lastmod": ..., "images": [...]}} of every file the index lists."""
    pages = {}
    for address in section_files(client):
        for url in xml(client, address).findall("sm:url", namespaces=NS):
            pages[url.findtext("sm:loc", namespaces=NS)] = {
                "lastmod": url.findtext("sm:lastmod", namespaces=NS),
                "images": [loc.text for loc in url.findall("image:image/image:loc", namespaces=NS)],
            }
    return pages


def absolute(path):
    return f"{SERVER}{path}"


def section(name):
    return absolute(reverse("sitemap_section", args=[name]))


@pytest.fixture
def files_of_two(monkeypatch):
    """Sitemap files of at most two pages each, so that three of a kind need two files."""
    monkeypatch.setattr(PhotoSitemap, "limit", 2)


def test_the_index_lists_a_file_for_every_section(client):
    assert section_files(client) == [section(name) for name in SECTIONS]


def files_of(client, name):
    """The index's addresses of the files of section ``name``."""
    return [address for address in section_files(client) if f"/sitemap-{name}.xml" in address]


def numbered(name, count):
    """The addresses of files 1 to ``count`` of section ``name``, as the index gives them."""
    return [section(name), *(f"{section(name)}?p={number}" for number in range(2, count + 1))]


def test_a_section_larger_than_a_file_is_split_into_numbered_files(client, files_of_two):
    ArticleFactory.create_batch(3)

    assert section_files(client)[:2] == [section("articles"), section("articles") + "?p=2"]


def test_a_sections_files_are_blocks_of_keys_up_to_the_largest_it_shows(client, monkeypatch):
    """Files of ten keys for articles: an essay names a dozen photos and takes a fifth
    of that, a photo page one photo and takes twice as many."""
    monkeypatch.setattr(PhotoSitemap, "limit", 10)
    galleries = GalleryFactory.create_batch(3)
    articles = ArticleFactory.create_batch(11)
    photos = PhotoFactory.create_batch(19)

    def files_for(items, keys_a_file):
        return math.ceil(max(item.pk for item in items) / keys_a_file)

    assert files_of(client, "essays") == numbered("essays", files_for(galleries, 2))
    assert files_of(client, "articles") == numbered("articles", files_for(articles, 10))
    assert files_of(client, "photos") == numbered("photos", files_for(photos, 20))


def test_the_files_of_a_section_list_each_page_once_in_the_file_of_its_key(client, files_of_two):
    articles = ArticleFactory.create_batch(3)

    listed = {}
    for number, address in enumerate(files_of(client, "articles"), start=1):
        locations = xml(client, address).findall("sm:url/sm:loc", namespaces=NS)
        assert len(locations) <= 2
        for location in locations:
            assert location.text not in listed
            listed[location.text] = number

    assert listed == {
        absolute(article.get_absolute_url()): math.ceil(article.pk / 2) for article in articles
    }


def test_a_page_keeps_its_file_when_earlier_ones_are_unpublished_or_deleted(client, files_of_two):
    first, second, *_, last = ArticleFactory.create_batch(5)
    address = f"{reverse('sitemap_section', args=['articles'])}?p={math.ceil(last.pk / 2)}"
    before = client.get(address).content

    first.status = "draft"
    first.save()
    second.delete()

    assert client.get(address).content == before
    assert absolute(last.get_absolute_url()) in before.decode()


def test_a_file_whose_keys_are_all_drafts_is_an_empty_list_not_a_missing_one(client, files_of_two):
    # Three drafts in a row fill one file of two keys, whichever key comes first.
    drafts = {draft.pk for draft in ArticleFactory.create_batch(3, draft=True)}
    ArticleFactory.create_batch(2)
    (number,) = {pk // 2 for pk in drafts if pk % 2 == 0 and pk - 1 in drafts}

    response = client.get(reverse("sitemap_section", args=["articles"]), {"p": number})

    assert response.status_code == 200
    assert ET.fromstring(response.content).findall("sm:url", namespaces=NS) == []


def test_a_file_past_the_last_of_a_section_is_not_found(client, files_of_two):
    articles = ArticleFactory.create_batch(3)
    last = math.ceil(max(article.pk for article in articles) / 2)

    def status(number):
        return client.get(reverse("sitemap_section", args=["articles"]), {"p": number}).status_code

    assert (status(last), status(last + 1)) == (200, 404)


def test_an_unknown_section_is_not_found(client):
    response = client.get(reverse("sitemap_section", args=["drafts"]))

    assert response.status_code == 404


def test_every_section_file_is_a_valid_urlset(client):
    BlockFactory(article=ArticleFactory(hero_photo=PhotoFactory()), photo_block=True)
    SlideFactory()
    MissionFactory()
    PersonFactory(portrait=PhotoFactory())

    listing = set()
    for address in section_files(client):
        root = xml(client, address)
        assert root.tag == f"{{{NS['sm']}}}urlset", address
        # A file whose keys all belong to other tests' rows lists nothing.
        if root.findall("sm:url", namespaces=NS):
            listing.add(urlsplit(address).path)
    assert listing == {urlsplit(section(name)).path for name in SECTIONS}


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
        absolute(slide.photo.get_absolute_url()),
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


def test_drafts_and_scheduled_items_are_not_in_the_sitemap(client, files_of_two):
    draft_article = ArticleFactory(draft=True)
    scheduled_article = ArticleFactory(scheduled=True)
    draft_essay_slide = SlideFactory(gallery=GalleryFactory(draft=True))
    draft_photo_slide = SlideFactory(photo=PhotoFactory(draft=True))
    scheduled_photo = PhotoFactory(scheduled=True)
    # Enough published pages of each kind for a second file.
    ArticleFactory.create_batch(3)
    SlideFactory.create_batch(3)

    pages = sitemap(client)

    for url in [
        draft_article.get_absolute_url(),
        scheduled_article.get_absolute_url(),
        draft_essay_slide.gallery.get_absolute_url(),
        draft_essay_slide.get_absolute_url(),
        draft_photo_slide.get_absolute_url(),
        draft_photo_slide.photo.get_absolute_url(),
        scheduled_photo.get_absolute_url(),
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


def test_a_photo_page_lists_its_photo(client):
    photo = PhotoFactory(mission=MissionFactory())

    page = sitemap(client)[absolute(photo.get_absolute_url())]

    assert page["images"] == [absolute(photo.full_jpeg.url)]


def test_a_person_page_lists_their_published_portrait(client):
    shown = PersonFactory(portrait=PhotoFactory())
    hidden = PersonFactory(portrait=PhotoFactory(draft=True))

    pages = sitemap(client)

    assert pages[absolute(shown.get_absolute_url())]["images"] == [
        absolute(shown.portrait.full_jpeg.url)
    ]
    assert pages[absolute(hidden.get_absolute_url())]["images"] == []


def test_a_draft_photo_is_never_listed_as_an_image(client):
    draft = PhotoFactory(draft=True)
    article = ArticleFactory(hero_photo=draft)
    BlockFactory(article=article, photo=draft, text="")
    GalleryFactory(cover=draft)
    PersonFactory(portrait=draft)

    pages = sitemap(client)

    folder = draft.image.name.split("/")[1]
    assert not any(folder in image for page in pages.values() for image in page["images"])


def test_a_photo_is_listed_as_an_image_only_once_its_renditions_are_ready(client):
    """Pages leave a photo out until its files are made; the sitemap too."""
    photo = PhotoFactory()
    article = ArticleFactory(hero_photo=photo)
    Photo.objects.filter(pk=photo.pk).update(rendition_state=RenditionState.PENDING)

    pages = sitemap(client)

    assert pages[absolute(article.get_absolute_url())]["images"] == []
    assert pages[absolute(photo.get_absolute_url())]["images"] == []


def test_the_index_and_each_file_ask_for_a_fixed_number_of_queries(client):
    def count_queries():
        # The index and each section's last file, which holds its newest pages.
        last_files = {urlsplit(address).path: address for address in section_files(client)}
        counts = []
        for address in [absolute(reverse("sitemap")), *last_files.values()]:
            with CaptureQueriesContext(connection) as queries:
                xml(client, address)
            counts.append(len(queries))
        return counts

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


def test_slides_of_draft_essays_or_photos_add_no_file_to_the_index(client, files_of_two):
    # Files of four slides (twice the pages of an article file): the hidden slides,
    # made last, hold the largest keys and must not add files of their own.
    shown = SlideFactory.create_batch(4)
    SlideFactory(gallery=GalleryFactory(draft=True))
    SlideFactory(photo=PhotoFactory(draft=True))

    assert files_of(client, "slides") == numbered("slides", math.ceil(shown[-1].pk / 4))


def test_the_index_is_the_xml_djangos_index_template_writes(client):
    response = client.get(reverse("sitemap"))

    entries = "".join(f"<sitemap><loc>{section(name)}</loc></sitemap>" for name in SECTIONS)
    assert response.content.decode() == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{entries}\n"
        "</sitemapindex>\n"
    )
    assert response["X-Robots-Tag"] == "noindex, noodp, noarchive"
