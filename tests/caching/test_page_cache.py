"""Reader pages come from the cache, and never outlive what they show.

The page cache is off in the test settings; ``page_cache`` switches it on. Changes
make pages stale once they commit, so edits here run their on-commit callbacks.
Requests go through the site's WSGI application (``front``), where the page cache
serves what it keeps.
"""

import datetime
import gzip
import logging
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import Client, override_settings
from django.utils import timezone
from django_tasks.base import TaskContext

from caching.local import copies
from caching.middleware import ReaderPageCacheMiddleware, cacheable_response
from caching.pages import VERSION_ENVIRON
from caching.versions import current_version
from gallery.tasks import make_renditions
from tests.caching import front
from tests.factories import (
    ArticleFactory,
    BlockFactory,
    CrewMemberFactory,
    GalleryFactory,
    PersonFactory,
    PhotoFactory,
    SlideFactory,
)
from tests.services import free_port, require_redis

pytestmark = pytest.mark.django_db

REDIS_DB = 12


@pytest.fixture(params=["memory", "redis"])
def page_cache(request, settings):
    """The page cache on, in this process's memory (the tests' cache) and in Redis as
    production keeps it, one app server's worth."""
    settings.PAGE_CACHE_SECONDS = 600
    if request.param == "redis":
        settings.CACHES = {
            "default": {
                "BACKEND": "caching.backends.RedisCache",
                "LOCATION": require_redis(REDIS_DB),
                "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
            }
        }
    cache.clear()
    copies.clear()
    yield
    cache.clear()
    copies.clear()


@pytest.fixture
def edit(django_capture_on_commit_callbacks):
    """Change something as an editor's save does: committed, callbacks run."""

    def run(change):
        with django_capture_on_commit_callbacks(execute=True):
            change()

    return run


def read(url, **headers):
    response = front.request(url, headers=headers)
    return response, response.content.decode()


def test_a_readers_second_visit_is_served_from_the_cache(page_cache):
    ArticleFactory(headline="Soyuz lifts off")

    first, _ = read("/")
    second, page = read("/")

    assert first["X-Cache"] == "miss"
    assert second["X-Cache"] == "hit"
    assert "Soyuz lifts off" in page


def test_reader_pages_do_not_open_the_session_or_vary_on_the_cookie(page_cache):
    article = ArticleFactory()

    for url in ("/", article.get_absolute_url(), "/articles/", "/feeds/latest/rss/"):
        response, _ = read(url)
        assert response.status_code == 200, url
        assert "Cookie" not in response.get("Vary", ""), url
        assert not response.cookies, url


def test_cacheable_pages_tell_browsers_to_revalidate_and_cdns_to_hold_them_briefly(page_cache):
    response, _ = read("/")

    cache_control = response["Cache-Control"]
    assert "public" in cache_control
    assert "max-age=0" in cache_control
    assert "s-maxage=10" in cache_control
    assert "stale-while-revalidate=30" in cache_control


def test_a_reader_with_a_current_copy_gets_304_from_the_cache(page_cache):
    ArticleFactory()
    etag = read("/")[0]["ETag"]

    response = front.request("/", headers={"If-None-Match": etag})

    assert response.status_code == 304
    assert response["X-Cache"] == "hit"
    assert response.content == b""


def test_pages_are_compressed_for_readers_who_take_gzip(page_cache):
    ArticleFactory()

    miss = front.request("/", headers={"Accept-Encoding": "gzip"})
    hit = front.request("/", headers={"Accept-Encoding": "gzip"})
    plain, page = read("/")

    assert miss["Content-Encoding"] == "gzip"
    assert hit["Content-Encoding"] == "gzip" and hit["X-Cache"] == "hit"
    assert "Content-Encoding" not in plain
    assert "<html" in page
    assert gzip.decompress(hit.content).decode() == page


def headline(article, text):
    article.headline = text
    article.save()


def rename(obj, field, text):
    setattr(obj, field, text)
    obj.save()


@pytest.mark.parametrize(
    "case",
    ["article", "block", "photo", "slide", "essay", "person", "mission", "launch site"],
)
def test_an_edit_to_anything_a_page_shows_is_seen_at_once(page_cache, edit, case):
    if case == "article":
        thing = ArticleFactory()
        url, field, change = thing.get_absolute_url(), "headline", "Liftoff at 11:12 UTC"
    elif case == "block":
        thing = BlockFactory()
        url, field, change = thing.article.get_absolute_url(), "text", "<p>New paragraph.</p>"
    elif case == "photo":
        thing = PhotoFactory()
        url, field, change = thing.get_absolute_url(), "caption", "A new caption."
    elif case == "slide":
        thing = SlideFactory()
        url, field, change = thing.gallery.get_absolute_url(), "caption", "The slide's caption."
    elif case == "essay":
        thing = GalleryFactory()
        url, field, change = "/essays/", "title", "Expedition 56 in photos"
    elif case == "person":
        thing = PersonFactory()
        url, field, change = thing.get_absolute_url(), "name", "Serena Auñón-Chancellor"
    elif case == "mission":
        thing = CrewMemberFactory().mission
        url, field, change = thing.get_absolute_url(), "name", "Soyuz MS-09"
    else:
        thing = CrewMemberFactory().mission.launch_site
        url, field, change = (
            thing.missions.get().get_absolute_url(),
            "name",
            "Baikonur Cosmodrome",
        )
    read(url)
    assert read(url)[0]["X-Cache"] == "hit"

    edit(lambda: rename(thing, field, change))

    response, page = read(url)
    assert response["X-Cache"] == "miss"
    assert change.replace("<p>", "").replace("</p>", "").replace("'", "&#x27;") in page


def test_an_unpublished_article_is_gone_from_cached_pages_at_once(page_cache, edit):
    article = ArticleFactory(headline="Going back to draft")
    read("/")
    read(article.get_absolute_url())

    edit(lambda: rename(article, "status", "draft"))

    assert "Going back to draft" not in read("/")[1]
    assert read(article.get_absolute_url())[0].status_code == 404


def test_a_deleted_article_is_gone_from_cached_pages_at_once(page_cache, edit):
    article = ArticleFactory(headline="Deleted story")
    read("/")

    edit(article.delete)

    assert "Deleted story" not in read("/")[1]


def test_a_scheduled_article_appears_at_its_second(page_cache, time_machine):
    now = timezone.now().replace(microsecond=0)
    time_machine.move_to(now, tick=False)
    ArticleFactory(headline="Scheduled story", publish_at=now + datetime.timedelta(seconds=90))
    assert "Scheduled story" not in read("/")[1]
    assert read("/")[0]["X-Cache"] == "hit"

    time_machine.move_to(now + datetime.timedelta(seconds=89), tick=False)
    assert "Scheduled story" not in read("/")[1]
    time_machine.move_to(now + datetime.timedelta(seconds=90), tick=False)
    assert "Scheduled story" in read("/")[1]


def test_staff_are_never_served_from_the_cache_nor_fill_it(page_cache, editor_client):
    draft = ArticleFactory(headline="Draft story", draft=True)

    preview = front.request(draft.get_absolute_url(), cookies=editor_client.cookies)
    again = front.request(draft.get_absolute_url(), cookies=editor_client.cookies)

    assert preview.status_code == again.status_code == 200
    assert "X-Cache" not in preview and "X-Cache" not in again
    assert read(draft.get_absolute_url())[0].status_code == 404


def test_a_reader_with_a_session_is_never_served_from_the_cache(page_cache, reader_client):
    ArticleFactory()
    read("/")

    response = front.request("/", cookies=reader_client.cookies)

    assert response.status_code == 200
    assert "X-Cache" not in response


def test_the_admin_and_the_health_check_are_never_cached(page_cache, editor_client):
    for url in ("/admin/login/", "/healthz", "/admin/login/", "/healthz"):
        assert "X-Cache" not in front.request(url)


def test_a_page_holding_a_csrf_token_is_not_stored(rf):
    request = rf.get("/")
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    response = Client().get("/robots.txt")

    assert not cacheable_response(request, response)


def test_a_photo_whose_renditions_become_ready_shows_at_once(page_cache, settings, edit):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    photo = PhotoFactory()
    assert "<picture" not in read(photo.get_absolute_url())[1]

    context = TaskContext(task_result=SimpleNamespace(attempts=1))
    edit(lambda: make_renditions.call(context, photo.pk, photo.image.name))

    assert "<picture" in read(photo.get_absolute_url())[1]


def test_a_kept_page_is_served_without_django_and_with_every_header_it_had(
    page_cache, django_assert_num_queries
):
    ArticleFactory(headline="Soyuz lifts off")
    miss = front.request("/")

    with django_assert_num_queries(0):
        hit = front.request("/")

    assert hit["X-Cache"] == "hit"
    assert hit.content == miss.content
    assert [h for h in hit.header_list if h[0] != "X-Cache"] == [
        h for h in miss.header_list if h[0] != "X-Cache"
    ]
    assert "Content-Security-Policy" in hit and "X-Content-Type-Options" in hit


def test_a_head_request_gets_the_kept_pages_headers_and_no_body(page_cache):
    ArticleFactory()
    page = front.request("/")

    head = front.request("/", method="HEAD")

    assert head["X-Cache"] == "hit"
    assert head.content == b""
    assert head["Content-Length"] == page["Content-Length"] == str(len(page.content))


def test_a_page_kept_for_https_is_never_served_to_plain_http(page_cache, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT = True
    ArticleFactory()
    secure = {"X-Forwarded-Proto": "https"}
    front.request("/", headers=secure)

    assert front.request("/", headers=secure)["X-Cache"] == "hit"
    assert front.request("/").status_code == 301


def test_a_page_rendered_while_an_edit_committed_is_not_served(page_cache, edit, rf):
    """The version is read before the view reads the database: a page that may hold
    the old content is kept under the old version, so it is never served."""
    article = ArticleFactory(headline="Before the edit")
    before = current_version()
    edit(lambda: rename(article, "headline", "After the edit"))
    request = rf.get("/")
    request.META[VERSION_ENVIRON] = before
    ReaderPageCacheMiddleware(lambda request: HttpResponse("Before the edit"))(request)

    response, page = read("/")

    assert response["X-Cache"] == "miss"
    assert "After the edit" in page


def test_while_the_cache_is_down_readers_get_rendered_pages_and_a_log_line(page_cache, caplog):
    ArticleFactory(headline="Soyuz lifts off")
    nowhere = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }

    with override_settings(CACHES={"default": nowhere}):
        with caplog.at_level(logging.WARNING, logger="caching"):
            response, page = read("/")

    assert response.status_code == 200
    assert "Soyuz lifts off" in page
    assert "X-Cache" not in response
    assert [r.getMessage().split(":")[0] for r in caplog.records] == [
        "Page cache unavailable, rendering /"
    ]


def test_an_editors_save_while_the_cache_is_down_is_kept_and_logged(edit, caplog):
    article = ArticleFactory(headline="Before the outage")
    nowhere = {
        "BACKEND": "caching.backends.RedisCache",
        "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }

    with override_settings(CACHES={"default": nowhere}), caplog.at_level(logging.ERROR):
        edit(lambda: rename(article, "headline", "Saved during the outage"))

    article.refresh_from_db()
    assert article.headline == "Saved during the outage"
    assert any("content_changed" in record.getMessage() for record in caplog.records)


def test_links_with_tracking_parameters_share_the_page_they_link_to(page_cache):
    ArticleFactory()
    read("/")
    read("/search/?q=soyuz")

    shared = read("/?utm_source=twitter&utm_medium=social&fbclid=IwAR0abc")[0]
    searched = read("/search/?utm_campaign=launch&q=soyuz&gclid=xyz")[0]
    other = read("/search/?q=launch&utm_campaign=launch")[0]

    assert shared["X-Cache"] == searched["X-Cache"] == "hit"
    assert other["X-Cache"] == "miss"
