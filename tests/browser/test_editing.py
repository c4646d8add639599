"""An editor writes a story in the admin, previews it, publishes it; readers find it."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.support import BROWSER_TEST
from tests.factories import UserFactory

pytestmark = BROWSER_TEST

PASSWORD = "correct horse battery staple"
HEADLINE = "Launch day notebook"


@pytest.fixture
def editor_account(editors_group):
    user = UserFactory(username="desk", is_staff=True)
    user.groups.add(editors_group)
    return user


def sign_in(page, site, username):
    page.goto(site + "/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Stories, photos, people and missions")).to_be_visible()


def choose(page, select_id, typed, option):
    """Pick ``option`` in an admin autocomplete (select2) box after typing ``typed``."""
    page.locator(f"#{select_id} + .select2").click()
    page.locator(".select2-container--open .select2-search__field").fill(typed)
    page.locator(".select2-results__option", has_text=option).click()


def test_editor_writes_previews_and_publishes_a_story(story, new_page, editor_account):
    editor = new_page()
    sign_in(editor, story, "desk")

    editor.goto(story + "/admin/articles/article/add/")
    editor.get_by_label("Headline").press_sequentially(HEADLINE)
    expect(editor.get_by_label("Slug")).to_have_value("launch-day-notebook")
    editor.get_by_label("Standfirst").fill("Notes from the desk on launch day.")
    choose(editor, "id_bylines-0-person", "Tariq", "Tariq Malik")

    editor.get_by_role("button", name="Add another Body block").click()
    text_block = editor.locator("#blocks-0 [contenteditable=true]")
    text_block.click()
    editor.keyboard.type("The rocket soared into space from Baikonur.")
    editor.get_by_role("button", name="Add another Body block").click()
    # A new block is a text block until the editor says it holds a photo.
    editor.locator("#blocks-1").get_by_label("Photo", exact=True).check()
    choose(editor, "id_blocks-1-photo", "Liftoff", "Liftoff!")

    editor.get_by_role("button", name="Save and continue editing").click()
    expect(editor.locator(".messagelist .success")).to_contain_text("was added successfully")
    expect(editor.get_by_label("Status")).to_have_value("draft")

    # The draft at its public address, for staff only, with a banner.
    editor.get_by_role("link", name="View on site").click()
    expect(editor.get_by_text("Draft preview")).to_be_visible()
    expect(editor.get_by_role("heading", level=1)).to_have_text(HEADLINE)
    expect(editor.locator(".story-body")).to_contain_text("soared into space from Baikonur")
    expect(editor.locator(".story-body figcaption")).to_contain_text("(Image credit: NASA)")
    draft_url = editor.url

    reader = new_page()
    assert reader.goto(draft_url).status == 404
    reader.goto(story + "/")
    expect(reader.get_by_text(HEADLINE)).to_have_count(0)

    editor.go_back()
    editor.get_by_label("Status").select_option("published")
    editor.get_by_role("button", name="Save", exact=True).click()
    expect(editor.locator(".messagelist .success")).to_contain_text("was changed successfully")
    expect(editor.locator("#result_list")).to_contain_text("Published")

    # A reader now finds it on the front page, in search and in the feed.
    reader.goto(story + "/")
    lead = reader.locator(".lead-story")
    expect(lead.get_by_role("link", name=HEADLINE)).to_be_visible()
    lead.get_by_role("link", name=HEADLINE).click()
    expect(reader.get_by_text("Draft preview")).to_have_count(0)
    expect(reader.locator(".byline")).to_contain_text("By Tariq Malik")

    box = reader.get_by_role("search").get_by_role("searchbox", name="Search")
    box.fill("notebook")
    box.press("Enter")
    expect(reader.locator(".search-result").first).to_contain_text(HEADLINE)

    feed = reader.request.get(story + "/feeds/latest/rss/")
    assert feed.ok
    assert re.search(rf"<item><title>{HEADLINE}</title>", feed.text())


def test_editor_is_told_why_a_photo_cannot_be_published(story, new_page, editor_account):
    editor = new_page()
    sign_in(editor, story, "desk")
    editor.goto(story + "/admin/gallery/photo/?q=liftoff")
    editor.get_by_role("link", name="Liftoff!").first.click()
    editor.get_by_label("Alt text").fill("")
    editor.get_by_label("Credit").fill("")
    editor.get_by_role("button", name="Save", exact=True).click()

    expect(editor.locator(".errornote")).to_be_visible()
    expect(editor.locator(".field-alt_text .errorlist")).to_contain_text(
        "A photo cannot be published without alt text"
    )
    expect(editor.locator(".field-credit .errorlist")).to_contain_text(
        "A photo cannot be published without a credit"
    )
    # What the editor typed elsewhere is kept.
    expect(editor.get_by_label("Title")).to_have_value("Liftoff!")


def test_a_long_headline_has_room_while_the_editor_types(story, new_page, editor_account):
    editor = new_page()
    sign_in(editor, story, "desk")

    editor.goto(story + "/admin/articles/article/add/")
    headline = editor.get_by_label("Headline")
    headline.fill("Soyuz MS-09 crew launches to the International Space Station")

    # At 1280 px the box spans most of the form, not the admin's default 274 px,
    # and the whole headline fits in it without scrolling sideways.
    assert headline.bounding_box()["width"] >= 600
    assert headline.evaluate("box => box.scrollWidth <= box.clientWidth")
