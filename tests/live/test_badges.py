"""A "Live" badge on the home page, the mission page and the related article while
coverage is live, and only then."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import ArticleFactory, LiveCoverageFactory

pytestmark = pytest.mark.django_db

BADGE = '<span class="live-badge">Live</span>'


def badge_link(coverage):
    return f'<a class="live-badge-link" href="{coverage.get_absolute_url()}">{BADGE}'


@pytest.fixture
def live():
    return LiveCoverageFactory(title="Launch day live", article=ArticleFactory())


def test_the_home_page_shows_live_coverage(client, live):
    assert badge_link(live) in client.get("/").content.decode()


def test_the_mission_page_shows_live_coverage(client, live):
    page = client.get(live.mission.get_absolute_url()).content.decode()

    assert badge_link(live) in page


def test_the_related_article_shows_live_coverage(client, live):
    page = client.get(live.article.get_absolute_url()).content.decode()

    assert badge_link(live) in page


def test_ended_coverage_has_no_badge(client, time_machine):
    coverage = LiveCoverageFactory(ends_at=timezone.now() + datetime.timedelta(hours=1))
    time_machine.move_to(timezone.now() + datetime.timedelta(hours=2), tick=False)

    assert BADGE not in client.get("/").content.decode()
    mission_page = client.get(coverage.mission.get_absolute_url()).content.decode()
    assert BADGE not in mission_page
    assert "(coverage ended)" in mission_page


def test_upcoming_coverage_has_no_badge(client):
    coverage = LiveCoverageFactory(starts_at=timezone.now() + datetime.timedelta(hours=1))

    assert BADGE not in client.get("/").content.decode()
    assert BADGE not in client.get(coverage.mission.get_absolute_url()).content.decode()


def test_draft_coverage_has_no_badge(client):
    coverage = LiveCoverageFactory(draft=True)

    assert BADGE not in client.get("/").content.decode()
    assert coverage.title not in client.get(coverage.mission.get_absolute_url()).content.decode()
