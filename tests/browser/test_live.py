"""A launch covered live: the reader's page takes each change without a reload and
without moving, while an editor posts, edits and deletes entries; axe finds nothing
serious on it; screenshots at phone and desktop width."""

import json
import re

import pytest
from playwright.sync_api import expect

from gallery.models import Photo
from tests.browser.support import BROWSER_TEST, load_every_image, screenshot
from tests.browser.test_accessibility import BLOCKING, run_axe
from tests.factories import EntryFactory, LiveCoverageFactory, UserFactory

pytestmark = BROWSER_TEST

PASSWORD = "correct horse battery staple"


@pytest.fixture
def coverage(story):
    coverage = LiveCoverageFactory(title="Launch day live")
    EntryFactory(coverage=coverage, text="<p>The crew suits up.</p>")
    EntryFactory(
        coverage=coverage,
        text="<p>The rocket stands ready.</p>",
        key_event="Rollout",
        photo=Photo.objects.get(slug="a-mighty-roar"),
    )
    return coverage


@pytest.fixture
def quick_polls(settings):
    settings.LIVE_POLL_SECONDS = 1


def sign_in(page, site):
    user = UserFactory(username="desk", is_staff=True)
    from django.contrib.auth.models import Group

    user.groups.add(Group.objects.get(name="Editors"))
    page.goto(site + "/admin/")
    page.get_by_label("Username").fill("desk")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Stories, photos, people and missions")).to_be_visible()


@pytest.mark.parametrize("screen", ["phone", "page"])
def test_the_live_page_reads_well_and_axe_finds_nothing_serious(story, coverage, request, screen):
    page = request.getfixturevalue(screen)
    page.goto(story + coverage.get_absolute_url())
    load_every_image(page)
    expect(page.locator(".countdown-clock")).to_have_text(re.compile(r"^T-0:\d\d:\d\d$"))

    screenshot(page, "live")
    blocking = [v for v in run_axe(page, "live") if v["impact"] in BLOCKING]

    assert blocking == [], json.dumps(blocking, indent=2)
    assert page.problems.messages == []


def test_the_countdown_ticks(story, coverage, page):
    page.goto(story + coverage.get_absolute_url())
    clock = page.locator(".countdown-clock")
    first = clock.inner_text()

    expect(clock).not_to_have_text(first, timeout=3_000)


def test_a_reader_sees_each_change_without_a_reload_or_a_jump(
    story, coverage, new_page, quick_polls
):
    editor = new_page()
    sign_in(editor, story)
    reader = new_page({"width": 1280, "height": 600})
    reader.goto(story + coverage.get_absolute_url())
    reader.evaluate("window.notReloaded = true")
    # Reading the older entry, further down the page.
    older = reader.locator(".live-entry", has_text="The crew suits up.")
    older.scroll_into_view_if_needed()
    top = older.bounding_box()["y"]

    editor.goto(story + coverage.get_absolute_url())
    for number in range(1, 6):
        editor.get_by_role("textbox", name="Update").fill(f"Update number {number}.")
        if number == 3:
            editor.get_by_label("Key event (optional)").fill("Liftoff")
        if number == 4:
            editor.get_by_label("Photo (optional)").select_option(label="Liftoff!")
        editor.get_by_role("button", name="Post update").click()
        expect(editor.locator(".messages")).to_contain_text("Posted.")
        expect(reader.get_by_role("button", name=f"Show {number} new update")).to_be_visible()
        assert abs(older.bounding_box()["y"] - top) < 1, "the page moved under the reader"

    expect(reader.locator("[data-live-announce]")).to_have_text("5 new updates")
    reader.get_by_role("button", name="Show 5 new updates").click()
    expect(reader.locator(".live-key-events")).to_contain_text("Liftoff")
    expect(reader.locator(".live-entry")).to_have_count(7)
    expect(reader.locator(".live-entry").first).to_contain_text("Update number 5.")
    expect(reader.locator(".live-entry").first).to_be_focused()
    expect(reader.locator(".live-entry", has_text="Update number 4.").locator("img")).to_have_count(
        1
    )

    # An edit in the admin is applied where the entry stands.
    entry = coverage.entries.get(text__contains="Update number 2.")
    editor.goto(f"{story}/admin/live/entry/{entry.pk}/change/")
    text = editor.locator("[contenteditable=true]")
    text.click()
    editor.keyboard.press("ControlOrMeta+a")
    editor.keyboard.type("Update number 2, corrected.")
    editor.get_by_role("button", name="Save", exact=True).click()
    expect(editor.locator(".messagelist .success")).to_be_visible()
    expect(reader.locator(".live-entry", has_text="Update number 2, corrected.")).to_have_count(1)

    # A deletion takes the entry away.
    gone = coverage.entries.get(text__contains="Update number 1.")
    editor.goto(f"{story}/admin/live/entry/{gone.pk}/delete/")
    editor.get_by_role("button", name="Yes, I’m sure").click()
    expect(reader.locator(".live-entry", has_text="Update number 1.")).to_have_count(0)

    assert reader.evaluate("window.notReloaded") is True
    assert reader.problems.messages == []
