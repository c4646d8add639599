"""An item's old addresses answer with a 301 to its current one, for as long as it
exists and readers may see it."""

import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache
from django.urls import reverse

from addresses.models import OldSlug
from caching.local import copies
from caching.signals import CONTENT_APPS
from tests.caching import front
from tests.factories import (
    ArticleFactory,
    BylineFactory,
    GalleryFactory,
    MissionFactory,
    PersonFactory,
    PhotoFactory,
    SlideFactory,
)

pytestmark = pytest.mark.django_db


def rename(item, slug):
    item.slug = slug
    item.save()
    return item


def redirects_to(response, path):
    return response.status_code == 301 and response["Location"] == f"http://testserver{path}"


@pytest.mark.parametrize(
    "factory",
    [ArticleFactory, GalleryFactory, PhotoFactory, MissionFactory, PersonFactory],
    ids=["article", "essay", "photo", "mission", "person"],
)
def test_a_changed_slug_answers_with_a_301_to_the_current_address(client, factory):
    item = factory(slug="first-slug")
    old_address = item.get_absolute_url()
    rename(item, "second-slug")

    response = client.get(old_address)

    assert redirects_to(response, item.get_absolute_url())
    assert client.get(item.get_absolute_url()).status_code == 200


def test_a_chain_of_changes_leads_straight_to_the_current_address(client):
    article = ArticleFactory(slug="a")
    rename(article, "b")
    rename(article, "c")

    assert redirects_to(client.get("/articles/a/"), "/articles/c/")
    assert redirects_to(client.get("/articles/b/"), "/articles/c/")


def test_the_query_string_is_kept(client):
    rename(ArticleFactory(slug="old"), "new")

    response = client.get("/articles/old/?utm_source=newsletter&page=2")

    assert redirects_to(response, "/articles/new/?utm_source=newsletter&page=2")


def test_a_head_request_is_redirected_and_a_post_is_not(client):
    rename(ArticleFactory(slug="old"), "new")

    assert client.head("/articles/old/").status_code == 301
    assert client.post("/articles/old/").status_code in (404, 405)


def test_a_slide_follows_its_essay_and_its_photo(client):
    photo = PhotoFactory(slug="liftoff")
    essay = GalleryFactory(slug="soyuz")
    SlideFactory(gallery=essay, photo=photo)
    rename(essay, "soyuz-ms-09")
    rename(photo, "soyuz-lifts-off")

    response = client.get("/essays/soyuz/liftoff/")

    assert redirects_to(response, "/essays/soyuz-ms-09/soyuz-lifts-off/")
    assert client.get("/essays/soyuz-ms-09/soyuz-lifts-off/").status_code == 200


def test_a_persons_feeds_follow_the_person(client):
    person = PersonFactory(slug="old-name")
    BylineFactory(person=person)
    rename(person, "new-name")

    assert redirects_to(client.get("/feeds/people/old-name/rss/"), "/feeds/people/new-name/rss/")
    assert redirects_to(client.get("/feeds/people/old-name/atom/"), "/feeds/people/new-name/atom/")


def test_a_draft_is_not_redirected_for_an_anonymous_reader(client):
    rename(ArticleFactory(slug="old", draft=True), "new")

    assert client.get("/articles/old/").status_code == 404


def test_staff_are_sent_on_to_the_draft_they_may_preview(staff_client):
    rename(ArticleFactory(slug="old", draft=True), "new")

    assert redirects_to(staff_client.get("/articles/old/"), "/articles/new/")


def test_a_deleted_item_takes_its_old_addresses_with_it(client):
    article = rename(ArticleFactory(slug="old"), "new")
    article.delete()

    assert client.get("/articles/old/").status_code == 404
    assert not OldSlug.objects.exists()


def test_a_slug_taken_back_is_current_again(client):
    rename(rename(ArticleFactory(slug="old"), "new"), "old")

    assert client.get("/articles/old/").status_code == 200
    assert redirects_to(client.get("/articles/new/"), "/articles/old/")


def test_the_last_item_to_give_up_a_slug_owns_it(client):
    rename(ArticleFactory(slug="shared"), "first")
    second = rename(ArticleFactory(slug="shared"), "second")

    assert redirects_to(client.get("/articles/shared/"), second.get_absolute_url())


def test_an_unknown_address_is_still_a_404(client):
    ArticleFactory(slug="here")

    assert client.get("/articles/nowhere/").status_code == 404


def test_saving_without_a_slug_change_records_nothing():
    article = ArticleFactory(slug="same")
    article.headline = "A typo fixed"
    article.save()

    assert not OldSlug.objects.exists()


def test_sitemap_and_feed_give_only_the_current_address(client):
    rename(ArticleFactory(slug="old"), "new")

    sitemap = client.get("/sitemap-articles.xml").content.decode()
    feed = ET.fromstring(client.get(reverse("feeds:latest_rss")).content)

    assert "/articles/new/" in sitemap and "/articles/old/" not in sitemap
    assert feed.findtext("channel/item/link") == "http://testserver/articles/new/"


def test_old_addresses_are_content_the_page_cache_watches():
    assert "addresses" in CONTENT_APPS


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    copies.clear()
    yield
    cache.clear()
    copies.clear()


@pytest.fixture
def edit(django_capture_on_commit_callbacks):
    def run(change):
        with django_capture_on_commit_callbacks(execute=True):
            change()

    return run


def test_a_kept_page_at_the_old_address_gives_way_to_the_redirect(page_cache, edit):
    article = ArticleFactory(slug="old")
    assert front.request("/articles/old/").status_code == 200
    assert front.request("/articles/old/")["X-Cache"] == "hit"

    edit(lambda: rename(article, "new"))
    response = front.request("/articles/old/")

    assert response.status_code == 301
    assert response["Location"].endswith("/articles/new/")


def test_a_redirect_is_not_kept_so_it_follows_the_next_change(page_cache, edit):
    article = ArticleFactory(slug="a")
    edit(lambda: rename(article, "b"))
    first = front.request("/articles/a/")

    edit(lambda: rename(article, "c"))
    second = front.request("/articles/a/")

    assert first["Location"].endswith("/articles/b/")
    assert second["Location"].endswith("/articles/c/")
    assert "no-store" in second["Cache-Control"]


def test_a_redirect_stops_once_the_item_is_deleted_with_the_cache_on(page_cache, edit):
    article = ArticleFactory(slug="a")
    edit(lambda: rename(article, "b"))
    assert front.request("/articles/a/").status_code == 301

    edit(article.delete)

    assert front.request("/articles/a/").status_code == 404
