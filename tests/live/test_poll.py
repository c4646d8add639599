"""The endpoint a live page polls: every entry as the page shows it, kept by the
page cache like a page, so an unchanged poll costs no database query.

Requests go through the site's WSGI application (``front``), where the page cache
answers what it keeps; changes run their on-commit callbacks, which make pages stale.
"""

import datetime
import json

import pytest
from django.core.cache import cache
from django.utils import timezone

from caching.local import copies
from tests.caching import front
from tests.factories import EntryFactory, LiveCoverageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    """The page cache on, in this process's memory, one app server's worth."""
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


def poll_url(coverage):
    return f"{coverage.get_absolute_url()}updates/"


def test_the_poll_lists_every_entry_newest_first(client):
    coverage = LiveCoverageFactory()
    first = EntryFactory(coverage=coverage, text="<p>First.</p>")
    second = EntryFactory(coverage=coverage, text="<p>Second.</p>", key_event="Liftoff")

    data = client.get(poll_url(coverage)).json()

    assert [entry["id"] for entry in data["entries"]] == [second.anchor, first.anchor]
    assert "Second." in data["entries"][0]["html"]
    assert "Liftoff" in data["key_events"]
    assert data["state"] == "live"


def test_an_unchanged_poll_is_a_304_from_the_cache_without_a_query(
    page_cache, django_assert_num_queries
):
    coverage = LiveCoverageFactory()
    EntryFactory(coverage=coverage)
    etag = front.request(poll_url(coverage))["ETag"]

    with django_assert_num_queries(0):
        response = front.request(poll_url(coverage), headers={"If-None-Match": etag})

    assert response.status_code == 304
    assert response["X-Cache"] == "hit"
    assert response.content == b""


def changed_entries(coverage, etag):
    response = front.request(poll_url(coverage), headers={"If-None-Match": etag})
    assert response.status_code == 200
    return "".join(entry["html"] for entry in json.loads(response.content)["entries"])


def test_a_posted_entry_reaches_the_next_poll(page_cache, edit):
    coverage = LiveCoverageFactory()
    etag = front.request(poll_url(coverage))["ETag"]

    edit(lambda: EntryFactory(coverage=coverage, text="<p>Engines ignite.</p>"))

    assert "Engines ignite." in changed_entries(coverage, etag)


def test_an_edited_entry_reaches_the_next_poll(page_cache, edit):
    entry = EntryFactory(text="<p>Hatch closed.</p>")
    etag = front.request(poll_url(entry.coverage))["ETag"]

    entry.text = "<p>Hatch closed and sealed.</p>"
    edit(entry.save)

    assert "Hatch closed and sealed." in changed_entries(entry.coverage, etag)


def test_a_deleted_entry_is_gone_from_the_next_poll(page_cache, edit):
    entry = EntryFactory(text="<p>Hatch closed.</p>")
    EntryFactory(coverage=entry.coverage, text="<p>Crew aboard.</p>")
    etag = front.request(poll_url(entry.coverage))["ETag"]

    edit(entry.delete)

    assert "Hatch closed." not in changed_entries(entry.coverage, etag)


def test_a_new_entry_makes_the_cached_live_page_fresh(page_cache, edit):
    coverage = LiveCoverageFactory()
    front.request(coverage.get_absolute_url())

    edit(lambda: EntryFactory(coverage=coverage, text="<p>Orbit reached.</p>"))
    response = front.request(coverage.get_absolute_url())

    assert response["X-Cache"] == "miss"
    assert "Orbit reached." in response.content.decode()


def test_the_cached_page_goes_stale_when_coverage_starts(page_cache, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    coverage = LiveCoverageFactory(starts_at=timezone.now() + datetime.timedelta(minutes=5))
    assert "Coverage starts" in front.request(coverage.get_absolute_url()).content.decode()

    time_machine.shift(datetime.timedelta(minutes=6))
    response = front.request(coverage.get_absolute_url())

    assert '<span class="live-badge">Live</span>' in response.content.decode()
