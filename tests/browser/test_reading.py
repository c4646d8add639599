"""A reader reads the launch story: the article, then the essay slide by slide."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.support import BROWSER_TEST, DESKTOP, load_every_image
from tests.launch_story import ARTICLE_SLUG, ESSAY_SLUG, HEADLINE, SLIDE_TITLES

pytestmark = BROWSER_TEST


def test_reader_opens_the_lead_story_and_reads_the_article(story, phone):
    phone.goto(story + "/")
    phone.locator(".lead-story").get_by_role("link", name=HEADLINE).click()

    expect(phone).to_have_url(f"{story}/articles/{ARTICLE_SLUG}/")
    expect(phone.get_by_role("heading", level=1)).to_have_text(HEADLINE)
    expect(phone.locator(".byline")).to_contain_text("By Tariq Malik")
    figure = phone.locator(".story-body figure")
    expect(figure.locator("figcaption")).to_contain_text("(Image credit: NASA TV)")
    expect(phone.get_by_text("That was awesome!", exact=False)).to_be_visible()
    expect(phone.locator(".editors-note")).to_contain_text("Elizabeth Howell")
    load_every_image(phone)
    assert figure.locator("img").evaluate("img => img.naturalWidth") > 0

    phone.locator(".author-name").get_by_role("link", name="Tariq Malik").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Tariq Malik")
    expect(phone.get_by_role("link", name=HEADLINE)).to_be_visible()
    assert phone.problems.messages == []


def test_reader_moves_through_the_essay_with_the_next_links(story, phone):
    phone.goto(f"{story}/essays/{ESSAY_SLUG}/")
    phone.get_by_role("link", name="View one at a time").click()

    for position, title in enumerate(SLIDE_TITLES, 1):
        expect(phone.get_by_role("heading", level=1)).to_have_text(title)
        expect(phone.locator("#slide-position")).to_have_text(f"Photo {position} of 11")
        if position < len(SLIDE_TITLES):
            phone.get_by_role("link", name=re.compile(r"^Next")).click()

    expect(phone.get_by_role("link", name=re.compile(r"^Next"))).to_have_count(0)
    phone.get_by_role("link", name=re.compile(r"^Previous")).click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Offering Blessings")
    assert phone.problems.messages == []


def test_next_and_previous_links_work_without_javascript(story, new_page):
    page = new_page(DESKTOP, java_script_enabled=False)
    page.goto(f"{story}/essays/{ESSAY_SLUG}/a-mighty-roar/")
    page.get_by_role("link", name=re.compile(r"^Next")).click()
    expect(page).to_have_url(f"{story}/essays/{ESSAY_SLUG}/capturing-history/")
    page.get_by_role("link", name=re.compile(r"^Previous")).click()
    expect(page).to_have_url(f"{story}/essays/{ESSAY_SLUG}/a-mighty-roar/")


def test_reader_moves_through_the_essay_with_the_arrow_keys(story, page):
    page.goto(f"{story}/essays/{ESSAY_SLUG}/a-mighty-roar/")
    expect(page.locator("[data-slide-keys]")).to_be_visible()

    page.keyboard.press("ArrowRight")
    expect(page).to_have_url(f"{story}/essays/{ESSAY_SLUG}/capturing-history/")
    # Focus is on the new photo's title, which a screen reader reads with its
    # position ("Photo 2 of 11") instead of the whole page from the top.
    title = page.get_by_role("heading", level=1)
    expect(title).to_be_focused()
    expect(title).to_have_accessible_description("Photo 2 of 11")

    page.keyboard.press("ArrowRight")
    expect(page).to_have_url(f"{story}/essays/{ESSAY_SLUG}/capturing-every-angle/")
    page.keyboard.press("ArrowLeft")
    expect(page).to_have_url(f"{story}/essays/{ESSAY_SLUG}/capturing-history/")
    assert page.problems.messages == []


def test_arrow_keys_do_not_leave_the_slide_while_typing_a_search(story, page):
    page.goto(f"{story}/essays/{ESSAY_SLUG}/a-mighty-roar/")
    box = page.get_by_role("searchbox", name="Search")
    box.fill("soyuz")
    box.press("ArrowLeft")
    expect(page).to_have_url(f"{story}/essays/{ESSAY_SLUG}/a-mighty-roar/")


def test_keyboard_user_reaches_the_next_slide_by_tabbing(story, page):
    page.goto(f"{story}/essays/{ESSAY_SLUG}/a-mighty-roar/")
    next_link = page.get_by_role("link", name=re.compile(r"^Next"))
    for _ in range(40):
        page.keyboard.press("Tab")
        if next_link.evaluate("link => link === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the Next link")
    # The focused link is visibly outlined.
    assert next_link.evaluate("link => getComputedStyle(link).outlineStyle") != "none"
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{story}/essays/{ESSAY_SLUG}/capturing-history/")


def test_slide_image_opens_the_full_size_photo(story, page):
    page.goto(f"{story}/essays/{ESSAY_SLUG}/a-mighty-roar/")
    page.locator(".slideshow .figure-link").click()
    expect(page).to_have_url(re.compile(r"/media/renditions/.+\.jpg$"))
    width = page.evaluate("document.images[0].naturalWidth")
    assert width == 2048
