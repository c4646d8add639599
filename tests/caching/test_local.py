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
    copies.get(0)  # served again: the least recently served is now 1
    copies.keep(8, page(size=120))
    copies.keep("big", page(size=200))  # over an eighth of the bytes: not kept

    assert copies.bytes == 8 * 120
    assert [key for key in range(9) if copies.get(key) is None] == [1]
    assert copies.get("big") is None


def test_a_copy_is_served_only_while_fresh():
    copies = LocalCopies()
    copies.keep("current", page())
    copies.keep("expired", page(expires_in=-1))

    assert copies.get("current") is not None
    assert copies.get("expired") is None


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    front.copies.clear()
    yield settings
    cache.clear()
    front.copies.clear()


@pytest.mark.django_db
def test_a_page_this_process_served_is_served_again_reading_only_the_version(page_cache):
    ArticleFactory(headline="Soyuz lifts off")
    front.request("/")
    reads = []

    def read_shared(keys, environ):
        reads.append(keys)
        return cache.get_many(keys)

    with mock.patch("caching.pages.read_shared", side_effect=read_shared):
        response = front.request("/")

    assert response["X-Cache"] == "hit"
    assert "Soyuz lifts off" in response.content.decode()
    assert reads == [[VERSION_KEY]]


@pytest.mark.django_db
def test_a_change_made_on_another_app_server_shows_here_at_once(page_cache):
    article = ArticleFactory(headline="Before the edit")
    front.request("/")
    assert front.request("/")["X-Cache"] == "hit"

    # Another app server's edit: the database and the shared version change, and
    # nothing in this process is told.
    Article.objects.filter(pk=article.pk).update(headline="After the edit")
    cache.set(VERSION_KEY, {"token": "another-server", "expires": None})

    response = front.request("/")
    assert response["X-Cache"] == "miss"
    assert "After the edit" in response.content.decode()
