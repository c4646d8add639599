"""The photo admin at work: many photos' words on one page, the list at 1280 px."""

import pytest
from playwright.sync_api import expect

from gallery.models import Photo
from tests.browser.support import BROWSER_TEST, DESKTOP, horizontal_overflow, screenshot
from tests.browser.test_editing import sign_in
from tests.factories import MissionFactory, PersonFactory, PhotoFactory, UserFactory

pytestmark = BROWSER_TEST


@pytest.fixture
def editor_account(editors_group):
    user = UserFactory(username="desk", is_staff=True)
    user.groups.add(editors_group)
    return user


def test_editor_captions_several_photos_on_one_page(live_server, new_page, editor_account):
    live = PhotoFactory(title="A mighty roar")
    draft = PhotoFactory(title="Crew walkout", alt_text="", credit="", licence="", draft=True)
    editor = new_page()
    sign_in(editor, live_server.url, "desk")
    editor.goto(live_server.url + "/admin/gallery/photo/")
    for photo in (live, draft):
        editor.locator(f'input[name="_selected_action"][value="{photo.pk}"]').check()
    editor.locator('select[name="action"]').select_option("edit_words")
    editor.get_by_role("button", name="Go").click()

    expect(
        editor.get_by_role("heading", name="Edit alt text, captions and credits")
    ).to_be_visible()
    expect(editor.locator(".photo-grid img")).to_have_count(2)
    editor.get_by_label("Alt text of “A mighty roar”").fill("")
    editor.get_by_label("Alt text of “Crew walkout”").fill("Three crew members wave.")
    editor.get_by_label("Credit of “Crew walkout”").fill("Joel Kowsky/NASA")
    editor.get_by_label("Licence of “Crew walkout”").select_option(label="Used with permission")
    screenshot(editor, "admin-photo-grid")
    editor.get_by_role("button", name="Save all").click()

    expect(editor.locator(".errornote")).to_contain_text("Nothing was saved")
    expect(editor.get_by_label("Alt text of “Crew walkout”")).to_have_value(
        "Three crew members wave."
    )
    editor.get_by_label("Alt text of “A mighty roar”").fill("A rocket rises in flame.")
    editor.get_by_role("button", name="Save all").click()

    expect(editor.locator(".messagelist")).to_contain_text("Saved the words of 2 photo(s).")
    draft.refresh_from_db()
    assert (draft.alt_text, draft.credit) == ("Three crew members wave.", "Joel Kowsky/NASA")
    assert Photo.objects.get(pk=live.pk).alt_text == "A rocket rises in flame."
    assert editor.problems.messages == []


def test_the_photo_list_fits_1280_px(live_server, new_page, editor_account):
    mission = MissionFactory(name="Soyuz MS-09 and Expedition 56 to the station")
    person = PersonFactory(name="Serena Auñón-Chancellor")
    for n in range(3):
        photo = PhotoFactory(
            title=f"The Soyuz MS-09 rocket rises over Baikonur, view {n}",
            credit="NASA/Joel Kowsky",
            mission=mission,
        )
        photo.people.add(person)
    editor = new_page(DESKTOP)
    sign_in(editor, live_server.url, "desk")
    editor.goto(live_server.url + "/admin/gallery/photo/")

    screenshot(editor, "admin-photo-list")
    assert horizontal_overflow(editor) == 0
    header = editor.locator("#result_list th.column-publish_at")
    box = header.bounding_box()
    assert box["x"] + box["width"] <= DESKTOP["width"]
    assert editor.problems.messages == []


def test_the_photo_picker_shows_thumbnails(live_server, new_page, editor_account):
    PhotoFactory(title="A mighty roar")
    editor = new_page()
    sign_in(editor, live_server.url, "desk")
    editor.goto(live_server.url + "/admin/articles/article/add/")
    editor.locator("#id_hero_photo + .select2").click()
    editor.locator(".select2-container--open .select2-search__field").fill("mighty")

    choice = editor.locator(".select2-results__option", has_text="A mighty roar")
    thumbnail = choice.locator("img")
    expect(thumbnail).to_be_visible()
    # Shown as soon as the option is: its size is known once its file has arrived.
    thumbnail.evaluate(
        """img => img.complete || new Promise(done => {
            img.addEventListener("load", done, {once: true});
            img.addEventListener("error", done, {once: true});
        })"""
    )
    assert thumbnail.evaluate("img => img.naturalWidth") > 0
    screenshot(editor, "admin-photo-picker")
    assert editor.problems.messages == []
