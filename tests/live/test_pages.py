"""The live page readers see: entries newest first, their times, the countdown,
key events and the structured data."""

import datetime
import json

import pytest
from django.utils import timezone

from live.clock import mission_time
from tests.factories import (
    EntryFactory,
    LaunchSiteFactory,
    LiveCoverageFactory,
    MissionFactory,
    PersonFactory,
    PhotoFactory,
)

pytestmark = pytest.mark.django_db

LIFTOFF = datetime.datetime(2018, 6, 6, 11, 12, tzinfo=datetime.UTC)


def structured(response):
    page = response.content.decode()
    start = page.index('<script type="application/ld+json">') + len(
        '<script type="application/ld+json">'
    )
    return json.loads(page[start : page.index("</script>", start)])


@pytest.mark.parametrize(
    ("moment", "shown"),
    [
        (LIFTOFF - datetime.timedelta(minutes=45), "T-0:45:00"),
        (LIFTOFF - datetime.timedelta(hours=2, seconds=5), "T-2:00:05"),
        (LIFTOFF, "T+0:00"),
        (LIFTOFF + datetime.timedelta(minutes=8, seconds=48), "T+8:48"),
        (LIFTOFF + datetime.timedelta(hours=6, minutes=3), "T+6:03:00"),
    ],
)
def test_mission_time_reads_as_a_launch_clock(moment, shown):
    assert mission_time(moment, LIFTOFF) == shown


def test_entries_show_newest_first_with_a_permalink(client):
    coverage = LiveCoverageFactory()
    older = EntryFactory(coverage=coverage, text="<p>Crew walks out.</p>")
    newer = EntryFactory(
        coverage=coverage,
        text="<p>Hatch closed.</p>",
        posted_at=older.posted_at + datetime.timedelta(minutes=5),
    )

    page = client.get(coverage.get_absolute_url()).content.decode().split("<main", 1)[1]

    assert page.index("Hatch closed.") < page.index("Crew walks out.")
    assert f'href="#{newer.anchor}"' in page
    assert f'id="{newer.anchor}"' in page


def test_an_entry_shows_utc_local_and_mission_time(client):
    site = LaunchSiteFactory(name="Baikonur Cosmodrome", timezone="Asia/Almaty")
    mission = MissionFactory(launch_at=LIFTOFF, launch_site=site)
    coverage = LiveCoverageFactory(mission=mission, starts_at=LIFTOFF - datetime.timedelta(hours=2))
    EntryFactory(coverage=coverage, posted_at=LIFTOFF + datetime.timedelta(minutes=8, seconds=48))

    response = client.get(coverage.get_absolute_url())

    assert "T+8:48" in response.content.decode()
    assert "11:20:48 UTC" in response.content.decode()
    assert "17:20:48 local time at Baikonur Cosmodrome" in response.content.decode()


def test_before_launch_the_page_counts_down(client, time_machine):
    time_machine.move_to(LIFTOFF - datetime.timedelta(minutes=45), tick=False)
    mission = MissionFactory(launch_at=LIFTOFF)
    coverage = LiveCoverageFactory(mission=mission, starts_at=LIFTOFF - datetime.timedelta(hours=1))

    response = client.get(coverage.get_absolute_url())

    assert '<time class="countdown-clock"' in response.content.decode()
    assert "T-0:45:00" in response.content.decode()


def test_after_launch_there_is_no_countdown(client, time_machine):
    time_machine.move_to(LIFTOFF + datetime.timedelta(minutes=1), tick=False)
    coverage = LiveCoverageFactory(
        mission=MissionFactory(launch_at=LIFTOFF), starts_at=LIFTOFF - datetime.timedelta(hours=1)
    )

    response = client.get(coverage.get_absolute_url())

    assert "countdown-clock" not in response.content.decode()


def test_the_state_follows_the_coverage_times(time_machine):
    coverage = LiveCoverageFactory(
        starts_at=LIFTOFF - datetime.timedelta(hours=1),
        ends_at=LIFTOFF + datetime.timedelta(hours=3),
    )

    time_machine.move_to(LIFTOFF - datetime.timedelta(hours=2), tick=False)
    assert coverage.state == "upcoming"
    time_machine.move_to(LIFTOFF, tick=False)
    assert coverage.state == "live"
    time_machine.move_to(LIFTOFF + datetime.timedelta(hours=3), tick=False)
    assert coverage.state == "ended"


def test_key_events_are_listed_at_the_top(client):
    coverage = LiveCoverageFactory()
    liftoff = EntryFactory(coverage=coverage, key_event="Liftoff")
    EntryFactory(coverage=coverage, text="<p>Later words.</p>")

    response = client.get(coverage.get_absolute_url())

    body = response.content.decode().split("<main", 1)[1]
    assert f'<a href="#{liftoff.anchor}"><strong>Liftoff</strong>' in body
    assert body.index("Key events") < body.index("Later words.")


def test_an_entry_shows_its_photo_with_alt_text_and_credit(client):
    photo = PhotoFactory(alt_text="The rocket on the pad.", credit="NASA/Joel Kowsky")
    entry = EntryFactory(photo=photo)

    response = client.get(entry.coverage.get_absolute_url())

    assert "The rocket on the pad." in response.content.decode()
    assert "(Image credit: NASA/Joel Kowsky" in response.content.decode()


def test_a_draft_photo_is_left_out_for_readers(client, shows_photo):
    photo = PhotoFactory(draft=True)
    entry = EntryFactory(photo=photo, text="<p>Words stay.</p>")

    response = client.get(entry.coverage.get_absolute_url())

    assert "Words stay." in response.content.decode()
    assert not shows_photo(response, photo)


def test_draft_coverage_is_a_404_for_readers(client):
    coverage = LiveCoverageFactory(draft=True)

    assert client.get(coverage.get_absolute_url()).status_code == 404
    assert client.get(f"{coverage.get_absolute_url()}updates/").status_code == 404


def test_staff_preview_draft_coverage(staff_client):
    coverage = LiveCoverageFactory(draft=True, title="Rehearsal")

    response = staff_client.get(coverage.get_absolute_url())

    assert response.status_code == 200
    assert "Draft preview" in response.content.decode()


def test_the_entry_text_is_sanitized():
    entry = EntryFactory(text='<p onclick="steal()">Go<script>alert(1)</script></p>')

    entry.refresh_from_db()
    assert "script" not in entry.text
    assert "onclick" not in entry.text


def test_without_javascript_a_refresh_link_is_there(client):
    coverage = LiveCoverageFactory()

    response = client.get(coverage.get_absolute_url())

    assert (
        f'<a href="{coverage.get_absolute_url()}">Refresh for the latest updates</a>'
        in response.content.decode()
    )


def test_the_page_describes_a_live_blog_posting(client):
    author = PersonFactory(name="Reporter One")
    coverage = LiveCoverageFactory(
        starts_at=LIFTOFF - datetime.timedelta(hours=1),
        ends_at=timezone.now() + datetime.timedelta(hours=3),
    )
    entry = EntryFactory(coverage=coverage, key_event="Liftoff", author=author)

    data = structured(client.get(coverage.get_absolute_url()))

    posting = data["@graph"][0]
    assert posting["@type"] == "LiveBlogPosting"
    assert posting["coverageStartTime"] == coverage.starts_at.isoformat()
    assert posting["coverageEndTime"] == coverage.ends_at.isoformat()
    [update] = posting["liveBlogUpdate"]
    assert update["@type"] == "BlogPosting"
    assert update["headline"] == "Liftoff"
    assert update["url"].endswith(f"#{entry.anchor}")
    assert update["author"]["name"] == "Reporter One"


def test_the_live_page_queries_do_not_grow_with_entries(client, django_assert_max_num_queries):
    coverage = LiveCoverageFactory()
    for _ in range(3):
        EntryFactory(coverage=coverage, photo=PhotoFactory(), author=PersonFactory())
    with django_assert_max_num_queries(10) as few:
        client.get(coverage.get_absolute_url())
    for _ in range(5):
        EntryFactory(coverage=coverage, photo=PhotoFactory(), author=PersonFactory())

    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(coverage.get_absolute_url())


def test_entries_appear_in_the_missions_feeds(client):
    coverage = LiveCoverageFactory()
    EntryFactory(coverage=coverage, key_event="Liftoff", text="<p>Clean ascent.</p>")
    mission = coverage.mission

    rss = client.get(f"/feeds/missions/{mission.slug}/rss/").content.decode()
    atom = client.get(f"/feeds/missions/{mission.slug}/atom/").content.decode()

    assert f"<title>{coverage.title}: Liftoff</title>" in rss
    assert "Clean ascent." in rss
    assert f"{coverage.title}: Liftoff" in atom


def test_entries_of_draft_coverage_stay_out_of_the_feeds(client):
    coverage = LiveCoverageFactory(draft=True)
    EntryFactory(coverage=coverage, text="<p>Rehearsal words.</p>")

    rss = client.get(f"/feeds/missions/{coverage.mission.slug}/rss/").content.decode()

    assert "Rehearsal words." not in rss
