"""The newsroom's whole day in Chromium, with no shell: a contributor uploads photos,
makes an essay and writes a story; an editor reviews and publishes them, corrects the
story, restores an earlier version and moves it to a new address."""

from playwright.sync_api import expect

from tests.browser.support import BROWSER_TEST
from tests.browser.test_editing import choose, sign_in
from tests.browser.test_review import accounts  # noqa: F401 - a fixture
from tests.factories import jpeg_bytes

pytestmark = BROWSER_TEST

ESSAY = "Soyuz MS-09 launch day"
HEADLINE = "Soyuz MS-09 crew launches to the station"
SLUG = "soyuz-ms-09-crew-launches-to-the-station"
NEW_SLUG = "expedition-56-crew-launches-from-baikonur"
FIRST_TEXT = "The Soyuz-FG rocket lifted off from Baikonur Cosmodrome at 11:12 UTC."
SECOND_TEXT = "The crew docked with the International Space Station on June 8, 2018."
CORRECTION = "An earlier version of this article misspelled Sergey Prokopyev's name."
CREDIT = "NASA/Joel Kowsky"
LICENCE = "Public domain (NASA media guidelines)"
# Each file's name becomes its photo's title; each gets its alt text in the grid.
PHOTOS = {
    "Launch pad": "The Soyuz rocket stands on its launch pad at Baikonur.",
    "Liftoff over the steppe": "The Soyuz rocket rises on a column of flame.",
    "Crew at the hatch": "Three crew members wave before boarding the Soyuz.",
}

ORDERED = ["Crew at the hatch", "Launch pad", "Liftoff over the steppe"]


def photo_files(folder):
    """The three photos, as files on the contributor's disk."""
    paths = []
    for n, title in enumerate(PHOTOS):
        path = folder / (title.lower().replace(" ", "-") + ".jpg")
        path.write_bytes(jpeg_bytes(colour=(20 + 60 * n, 40, 90)))
        paths.append(path)
    return paths


def save_and_continue(page):
    page.get_by_role("button", name="Save and continue editing").click()


def upload_photos_into_a_new_essay(writer, site, folder):
    writer.goto(site + "/admin/gallery/photo/")
    writer.get_by_role("link", name="Add photos").click()
    writer.get_by_label("Photos").set_input_files(photo_files(folder))
    writer.get_by_label("New photo essay").fill(ESSAY)
    writer.get_by_role("button", name="Upload").click()
    expect(writer.locator(".messagelist .success")).to_contain_text(
        f"Added 3 photo(s) to the new photo essay “{ESSAY}” as drafts."
    )


def fill_the_words_grid(writer):
    expect(writer.locator(".photo-grid tbody tr")).to_have_count(3)
    for title, alt_text in PHOTOS.items():
        writer.get_by_label(f"Alt text of “{title}”").fill(alt_text)
        writer.get_by_label(f"Credit of “{title}”").fill(CREDIT)
        writer.get_by_label(f"Licence of “{title}”").select_option(label=LICENCE)
    writer.get_by_role("button", name="Save all").click()
    expect(writer.locator(".messagelist")).to_contain_text("Saved the words of 3 photo(s).")


def order_the_slides(writer):
    # The grid leads back to the new essay.
    expect(writer.get_by_label("Title")).to_have_value(ESSAY)
    expect(writer.locator("#slides-group tbody tr.has_original")).to_have_count(3)
    rows = writer.locator("#slides-group tbody tr.has_original")
    # "Crew at the hatch" came last; the keyboard move button puts it first.
    rows.nth(2).get_by_role("button", name="Move to first position").click()
    save_and_continue(writer)
    expect(writer.locator(".messagelist .success")).to_contain_text("was changed successfully")
    photos = writer.locator("#slides-group tbody tr.has_original select[name$=photo]")
    expect(photos.nth(0).locator("option:checked")).to_have_text(ORDERED[0])
    expect(photos.nth(1).locator("option:checked")).to_have_text(ORDERED[1])
    expect(photos.nth(2).locator("option:checked")).to_have_text(ORDERED[2])


def write_and_submit_the_article(writer, site):
    writer.goto(site + "/admin/articles/article/add/")
    writer.get_by_label("Headline").press_sequentially(HEADLINE)
    expect(writer.get_by_label("Slug")).to_have_value(SLUG)
    writer.get_by_label("Standfirst").fill("The Expedition 56 crew is on its way.")
    choose(writer, "id_bylines-0-person", "Tariq", "Tariq Malik")
    writer.get_by_role("button", name="Add another Body block").click()
    writer.locator("#blocks-0 [contenteditable=true]").click()
    writer.keyboard.type(FIRST_TEXT)
    writer.get_by_role("button", name="Add another Body block").click()
    writer.locator("#blocks-1").get_by_label("Photo", exact=True).check()
    choose(writer, "id_blocks-1-photo", "Liftoff over", "Liftoff over the steppe")
    writer.get_by_role("button", name="Submit for review").click()
    expect(writer.locator(".messagelist .success")).to_contain_text("submitted for review")


def test_a_day_in_the_newsroom(story, new_page, accounts, tmp_path):  # noqa: F811
    site = story
    reader = new_page()

    # 1. The contributor: photos, their words, an essay, a story sent for review.
    writer = new_page()
    sign_in(writer, site, "writer")
    upload_photos_into_a_new_essay(writer, site, tmp_path)
    fill_the_words_grid(writer)
    order_the_slides(writer)
    write_and_submit_the_article(writer, site)
    assert writer.problems.messages == []

    # 2. The editor: the review list, the photo check, the photos, then the story.
    editor = new_page()
    sign_in(editor, site, "desk")
    editor.goto(site + "/admin/articles/article/")
    editor.get_by_role("link", name="In review").click()
    expect(editor.locator("#result_list tbody tr")).to_have_count(1)
    editor.get_by_role("link", name=HEADLINE).click()
    editor.get_by_label("Status").select_option("published")
    save_and_continue(editor)
    expect(editor.locator(".errornote")).to_be_visible()
    expect(editor.locator(".field-publish_anyway .errorlist")).to_contain_text(
        "“Liftoff over the steppe” (draft)"
    )
    expect(editor.get_by_label("Publish anyway")).to_be_visible()
    article_url = editor.url

    editor.goto(site + "/admin/gallery/photo/")
    for title in PHOTOS:
        row = editor.locator("#result_list tbody tr", has_text=title)
        row.locator("input[name=_selected_action]").check()
    editor.locator("select[name=action]").select_option("publish")
    editor.get_by_role("button", name="Go").click()
    expect(editor.locator(".messagelist .success")).to_contain_text("Published 3 item(s).")

    editor.goto(article_url)
    editor.get_by_label("Status").select_option("published")
    save_and_continue(editor)
    expect(editor.locator(".messagelist .success")).to_contain_text("was changed successfully")
    editor.goto(site + "/admin/gallery/gallery/")
    editor.get_by_role("link", name=ESSAY).click()
    editor.get_by_label("Status").select_option("published")
    save_and_continue(editor)
    expect(editor.locator(".messagelist .success")).to_contain_text("was changed successfully")

    reader.goto(f"{site}/articles/{SLUG}/")
    expect(reader.get_by_role("heading", level=1)).to_have_text(HEADLINE)
    expect(reader.locator(".story-body figcaption")).to_contain_text(CREDIT)
    reader.goto(site + "/essays/")
    reader.get_by_role("link", name=ESSAY).click()
    expect(reader.locator("figure img")).to_have_count(3)
    expect(reader.locator("figure img").first).to_have_attribute("alt", PHOTOS[ORDERED[0]])

    # 3. A correction, which readers see with the time the story was updated.
    editor.goto(article_url)
    editor.get_by_role("button", name="Add another Correction or update").click()
    # A tabular row's boxes are named by their column headings, not by labels.
    editor.locator("#id_notes-0-kind").select_option(label="Correction")
    editor.locator("#id_notes-0-text").fill(CORRECTION)
    save_and_continue(editor)
    expect(editor.locator(".messagelist .success")).to_contain_text("was changed successfully")
    reader.goto(f"{site}/articles/{SLUG}/")
    expect(reader.locator(".story-note")).to_contain_text(CORRECTION)
    expect(reader.locator(".meta .updated")).to_contain_text("Updated")

    # 4. A new body, then the version before it restored from the history.
    editor.locator("#blocks-0 [contenteditable=true]").click()
    editor.keyboard.press("Control+A")
    editor.keyboard.type(SECOND_TEXT)
    save_and_continue(editor)
    expect(editor.locator(".messagelist .success")).to_contain_text("was changed successfully")
    reader.goto(f"{site}/articles/{SLUG}/")
    expect(reader.locator(".story-body")).to_contain_text(SECOND_TEXT)
    editor.get_by_role("link", name="History").click()
    editor.get_by_role("link", name="Restore…").first.click()
    editor.get_by_role("button", name="Restore this version").click()
    expect(editor.locator(".messagelist .success")).to_contain_text("Restored version of")
    reader.goto(f"{site}/articles/{SLUG}/")
    expect(reader.locator(".story-body")).to_contain_text(FIRST_TEXT)
    expect(reader.locator(".story-body")).not_to_contain_text(SECOND_TEXT)
    expect(reader.locator(".story-note")).to_contain_text(CORRECTION)

    # 5. A new address; the old one sends readers on to it, for good.
    editor.goto(article_url)
    editor.get_by_label("Slug").fill(NEW_SLUG)
    save_and_continue(editor)
    expect(editor.locator(".messagelist .success")).to_contain_text("was changed successfully")
    old_address = f"{site}/articles/{SLUG}/"
    moved = reader.request.get(old_address, max_redirects=0)
    assert (moved.status, moved.headers["location"]) == (301, f"{site}/articles/{NEW_SLUG}/")
    reader.goto(old_address)
    assert reader.url == f"{site}/articles/{NEW_SLUG}/"
    expect(reader.get_by_role("heading", level=1)).to_have_text(HEADLINE)
    expect(reader.locator(".story-body")).to_contain_text(FIRST_TEXT)

    for page in (writer, editor, reader):
        assert page.problems.messages == []
