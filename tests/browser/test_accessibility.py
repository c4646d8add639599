"""Every page type checked by axe-core against WCAG 2.2 AA, and by keyboard.

axe's findings for each page are written to ``artifacts/axe/`` on every run; the
test fails on any serious or critical one.
"""

import json

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.support import ARTIFACTS, BROWSER_TEST, PAGE_TYPES, load_every_image

pytestmark = BROWSER_TEST

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
BLOCKING = {"serious", "critical"}


def run_axe(page, name=None):
    """axe's violations on ``page``, recorded under ``name`` when one is given."""
    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_22_AA}, "resultTypes": ["violations"]},
    )
    violations = [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "nodes": [node["target"] for node in violation["nodes"]],
        }
        for violation in results.response["violations"]
    ]
    if name:
        folder = ARTIFACTS / "axe"
        folder.mkdir(parents=True, exist_ok=True)
        width = page.viewport_size["width"]
        (folder / f"{name}-{width}.json").write_text(json.dumps(violations, indent=2))
    return violations


@pytest.mark.parametrize("name", PAGE_TYPES)
@pytest.mark.parametrize("screen", ["phone", "page"])
def test_axe_finds_nothing_serious(story, request, screen, name):
    page = request.getfixturevalue(screen)
    page.goto(story + PAGE_TYPES[name])
    load_every_image(page)
    violations = run_axe(page, name)
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert blocking == [], json.dumps(blocking, indent=2)


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_has_one_main_heading_and_its_landmarks(story, page, name):
    page.goto(story + PAGE_TYPES[name])
    expect(page.get_by_role("heading", level=1)).to_have_count(1)
    expect(page.get_by_role("banner")).to_have_count(1)
    expect(page.get_by_role("main")).to_have_count(1)
    expect(page.get_by_role("contentinfo")).to_have_count(1)
    expect(page.get_by_role("navigation", name="Main")).to_have_count(1)


def test_skip_link_takes_a_keyboard_user_to_the_content(story, page):
    page.goto(story + PAGE_TYPES["article"])
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.get_by_role("main")).to_be_focused()
    # The next Tab goes into the content, not back to the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")


def test_every_image_has_alt_text_and_every_photo_a_caption(story, page):
    page.goto(story + PAGE_TYPES["essay"])
    alts = page.evaluate("Array.from(document.images, img => img.getAttribute('alt'))")
    assert alts and all(alts)
    figures = page.locator("figure")
    expect(figures).to_have_count(11)
    for index in range(11):
        figure = figures.nth(index)
        expect(figure.locator("figcaption")).to_contain_text("Credit:")
        # The figure is named by its caption for assistive technology.
        assert figure.evaluate("f => f.querySelector('figcaption') !== null")


def test_slide_page_announces_the_photo_and_its_position(story, page):
    page.goto(story + PAGE_TYPES["slide"])
    title = page.get_by_role("heading", level=1)
    expect(title).to_have_text("Goodbye, Earth!")
    expect(title).to_have_accessible_description("Photo 8 of 11")
    nav = page.get_by_role("navigation", name="Photos in this essay")
    expect(nav.get_by_role("link", name="Previous photo: A Long, Straight Shot")).to_be_visible()
    expect(nav.get_by_role("link", name="Next photo: Time Grows Near")).to_be_visible()


def test_axe_check_catches_an_image_without_alt_text(story, page):
    """The check above can fail: an image stripped of its alt text is reported."""
    page.goto(story + PAGE_TYPES["photo"])
    page.evaluate("document.querySelector('main img').removeAttribute('alt')")
    violations = run_axe(page)
    assert {"id": "image-alt", "impact": "critical"}.items() <= violations[0].items()
