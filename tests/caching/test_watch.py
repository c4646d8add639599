"""Each process is told of new content versions through Redis (caching.watch), so a
kept page is served with no Redis read, and is never stale for more than a second."""

import logging
import time
from unittest import mock

import pytest
import redis
from django.core.cache import cache

from articles.models import Article
from caching import watch as watching
from caching.versions import VERSION_KEY
from tests.caching import front
from tests.factories import ArticleFactory
from tests.services import require_redis

pytestmark = pytest.mark.django_db

REDIS_DB = 10


@pytest.fixture
def redis_page_cache(settings):
    location = require_redis(REDIS_DB)
    settings.PAGE_CACHE_SECONDS = 600
    settings.CACHES = {
        "default": {
            "BACKEND": "caching.backends.RedisCache",
            "LOCATION": location,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    cache.clear()
    front.copies.clear()
    yield redis.Redis.from_url(location)
    cache.clear()
    front.copies.clear()


def wait_until(condition, seconds=3.0):
    """Seconds until ``condition()`` held; fails the test after ``seconds``."""
    started = time.monotonic()
    while not condition():
        assert time.monotonic() - started < seconds, "not within the time allowed"
        time.sleep(0.005)
    return time.monotonic() - started


def told():
    return watching.watch.current() is not None


def shared_reads():
    """Records the keys of every read of the shared cache the page cache makes."""
    from caching import pages

    reads = []
    real = pages.read_shared

    def read_shared(keys, environ):
        reads.append(keys)
        return real(keys, environ)

    return reads, mock.patch("caching.pages.read_shared", side_effect=read_shared)


def another_app_server_edits(article, headline, client, announce=True):
    """What an editor's save on another app server does here: the database and the
    shared version change, and (unless lost) the change is announced."""
    Article.objects.filter(pk=article.pk).update(headline=headline)
    cache.set(VERSION_KEY, {"token": f"from-{headline}", "expires": None})
    if announce:
        client.publish(watching.channel(cache), "changed")


def test_a_process_told_the_version_serves_a_kept_page_without_reading_redis(redis_page_cache):
    ArticleFactory(headline="Soyuz lifts off")
    front.request("/")
    wait_until(told)
    reads, recording = shared_reads()

    with recording:
        response = front.request("/")

    assert response["X-Cache"] == "hit"
    assert "Soyuz lifts off" in response.content.decode()
    assert reads == []


def test_a_change_announced_by_another_app_server_shows_here_within_milliseconds(
    redis_page_cache,
):
    article = ArticleFactory(headline="Before the edit")
    front.request("/")
    wait_until(told)
    assert front.request("/")["X-Cache"] == "hit"

    another_app_server_edits(article, "After the edit", redis_page_cache)
    seconds = wait_until(lambda: "After the edit" in front.request("/").content.decode())

    assert seconds < 0.5


def test_a_change_whose_announcement_is_lost_shows_within_a_second(redis_page_cache):
    article = ArticleFactory(headline="Before the edit")
    front.request("/")
    wait_until(told)

    another_app_server_edits(article, "After the edit", redis_page_cache, announce=False)
    seconds = wait_until(lambda: "After the edit" in front.request("/").content.decode())

    assert seconds <= watching.TRUST_SECONDS + 0.2


def test_a_listener_cut_off_from_redis_says_so_and_listens_again(redis_page_cache, caplog):
    article = ArticleFactory(headline="Before the edit")
    front.request("/")
    wait_until(told)
    caplog.set_level(logging.WARNING, logger="caching")

    # Redis drops the listener's connection, as it does on a restart; only this
    # test's listener, the one subscribed on its database.
    listeners = [
        client["id"]
        for client in redis_page_cache.client_list(_type="pubsub")
        if client["db"] == str(REDIS_DB)
    ]
    assert listeners
    for listener in listeners:
        redis_page_cache.client_kill_filter(_id=listener)
    wait_until(lambda: "Not told of new content versions" in caplog.text)
    wait_until(lambda: "Told of new content versions again" in caplog.text, seconds=5)
    wait_until(told)

    another_app_server_edits(article, "After the edit", redis_page_cache)
    seconds = wait_until(lambda: "After the edit" in front.request("/").content.decode())
    assert seconds < 0.5


def test_without_redis_every_process_reads_the_version_itself(page_cache_in_memory):
    ArticleFactory(headline="Soyuz lifts off")
    front.request("/")
    reads, recording = shared_reads()

    with recording:
        assert front.request("/")["X-Cache"] == "hit"

    assert watching.watch.current() is None
    assert reads == [[VERSION_KEY]]


@pytest.fixture
def page_cache_in_memory(settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    front.copies.clear()
    yield
    cache.clear()
    front.copies.clear()
