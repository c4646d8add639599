"""Each process's copies of the version and of the pages it served (caching.local)."""

import time
from unittest import mock

import pytest
from django.core.cache import cache

from articles.models import Article
from caching.local import LocalCopies
from caching.pages import Page
from caching.versions import VERSION_KEY
from tests.caching import front
from tests.factories import ArticleFactory


def page(version="a", size=100, expires_in=60):
    return Page(version, "200 OK", (), b"x" * size, time.time() + expires_in)


def test_copies_keep_the_pages_served_last_within_their_bytes():
    copies = LocalCopies(max_bytes=1000)

    for number in range(8):
        copies.keep(number, page(size=120))
    copies.page(0, "a")  # served again: the least recently served is now 1
    copies.keep(8, page(size=120))
    copies.keep("big", page(size=200))  # over an eighth of the bytes: not kept

    assert copies.bytes == 8 * 120
    assert [key for key in range(9) if copies.page(key, "a") is None] == [1]
    assert copies.page("big", "a") is None


def test_a_copy_is_served_only_with_its_version_and_while_fresh():
    copies = LocalCopies()
    copies.keep("current", page(version="a"))
    copies.keep("expired", page(version="a", expires_in=-1))

    assert copies.page("current", "a") is not None
    assert copies.page("current", "b") is None
    assert copies.page("expired", "a") is None


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    front.copies.clear()
    yield settings
    cache.clear()
    front.copies.clear()


@pytest.mark.django_db
def test_a_page_this_process_served_is_served_again_without_reading_the_cache(page_cache):
    ArticleFactory(headline="Soyuz lifts off")
    front.request("/")

    with mock.patch("caching.pages.read_shared", side_effect=AssertionError("read")):
        response = front.request("/")

    assert response["X-Cache"] == "hit"
    assert "Soyuz lifts off" in response.content.decode()


@pytest.mark.django_db
def test_a_change_made_on_another_app_server_shows_within_the_local_seconds(page_cache):
    page_cache.PAGE_CACHE_LOCAL_SECONDS = 0.2
    article = ArticleFactory(headline="Before the edit")
    front.request("/")
    assert front.request("/")["X-Cache"] == "hit"

    # Another app server's edit: the database and the shared version change, and
    # nothing in this process is told.
    Article.objects.filter(pk=article.pk).update(headline="After the edit")
    cache.set(VERSION_KEY, {"token": "another-server", "expires": None})
    time.sleep(0.25)

    response = front.request("/")
    assert response["X-Cache"] == "miss"
    assert "After the edit" in response.content.decode()
