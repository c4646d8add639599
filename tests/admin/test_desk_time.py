"""Editors type and read times in the desk's time zone, with UTC beside them."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.urls import reverse

from missions.models import LaunchSite
from tests.admin.forms import form_data
from tests.factories import ArticleFactory, MissionFactory

pytestmark = pytest.mark.django_db

LAUNCH = datetime(2018, 6, 6, 11, 12, tzinfo=UTC)


def test_launch_time_shows_in_the_desk_zone_with_utc_under_it(editor_client, settings):
    settings.DESK_TIME_ZONE = "America/New_York"
    mission = MissionFactory(launch_at=LAUNCH)

    page = editor_client.get(reverse("admin:missions_mission_change", args=[mission.pk]))

    html = page.content.decode()
    assert 'value="07:12:00"' in html
    assert "America/New_York" in html
    assert "= 2018-06-06 11:12 UTC" in html


def test_a_launch_time_typed_in_the_desk_zone_is_stored_in_utc(editor_client, settings):
    settings.DESK_TIME_ZONE = "America/New_York"
    mission = MissionFactory(launch_at=LAUNCH)
    url = reverse("admin:missions_mission_change", args=[mission.pk])
    data = form_data(editor_client.get(url), "mission_form")
    data["launch_at_1"] = "08:12:00"

    assert editor_client.post(url, data).status_code == 302

    mission.refresh_from_db()
    assert mission.launch_at == datetime(2018, 6, 6, 12, 12, tzinfo=UTC)


def test_launch_site_zone_is_chosen_from_the_iana_list(editor_client):
    page = editor_client.get(reverse("admin:missions_launchsite_add")).content.decode()

    assert '<select name="timezone"' in page
    assert '<option value="Asia/Almaty">Asia/Almaty</option>' in page


def test_launch_site_with_an_unknown_zone_is_refused_and_keeps_its_name(editor_client):
    url = reverse("admin:missions_launchsite_add")
    data = {"name": "Baikonur Cosmodrome", "slug": "baikonur", "timezone": "Asia/Nowhere"}

    response = editor_client.post(url, data)

    assert "Select a valid choice." in response.content.decode()
    assert 'value="Baikonur Cosmodrome"' in response.content.decode()
    assert not LaunchSite.objects.exists()


@time_machine.travel(datetime(2018, 6, 5, 12, 0, tzinfo=UTC), tick=False)
def test_a_scheduled_items_preview_says_when_it_goes_live(staff_client, settings):
    settings.DESK_TIME_ZONE = "America/New_York"
    article = ArticleFactory(publish_at=LAUNCH)

    page = staff_client.get(article.get_absolute_url()).content.decode()

    assert "Scheduled: goes live Jun 6, 2018 07:12 EDT (Jun 6, 2018 11:12 UTC)" in page
    assert "Draft preview" not in page
