"""Every page type on a 360 px phone and a 1280 px desktop: fits, loads, is shot."""

import pytest

from tests.browser.support import (
    BROWSER_TEST,
    PAGE_TYPES,
    horizontal_overflow,
    load_every_image,
    screenshot,
)
from tests.launch_story import ESSAY_SLUG

pytestmark = BROWSER_TEST


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_fits_a_phone_without_sideways_scrolling(story, phone, name):
    response = phone.goto(story + PAGE_TYPES[name])
    assert response.status == (404 if name == "not-found" else 200)
    load_every_image(phone)
    screenshot(phone, name)
    assert horizontal_overflow(phone) == 0
    assert phone.problems.messages == []


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_on_a_desktop_loads_cleanly(story, page, name):
    page.goto(story + PAGE_TYPES[name])
    load_every_image(page)
    screenshot(page, name)
    assert horizontal_overflow(page) == 0
    # Nothing refused by the Content-Security-Policy, no script error, no
    # missing file.
    assert page.problems.messages == []


def box(page, selector):
    return page.locator(selector).first.bounding_box()


def test_home_page_puts_the_lead_photo_beside_its_headline_on_a_desktop(story, page):
    page.goto(story + "/")
    image, text = box(page, ".lead-story-image"), box(page, ".lead-story-body")
    assert image["x"] + image["width"] <= text["x"]
    assert image["width"] > 500


def test_home_page_stacks_the_lead_photo_above_its_headline_on_a_phone(story, phone):
    phone.goto(story + "/")
    image, text = box(phone, ".lead-story-image"), box(phone, ".lead-story-body")
    assert image["y"] + image["height"] <= text["y"]
    assert image["width"] == pytest.approx(328, abs=2)  # the full width less the margins


def test_phone_downloads_essay_images_about_its_own_width(story, phone):
    """At 360 CSS px and two device pixels each, no image is wider than 720 pixels, in AVIF."""
    phone.goto(f"{story}/essays/{ESSAY_SLUG}/")
    load_every_image(phone)
    widths = phone.evaluate(
        "Array.from(document.querySelectorAll('.slides img'), img => img.naturalWidth)"
    )
    assert len(widths) == 11
    assert max(widths) <= 720
    formats = phone.evaluate(
        "Array.from(document.querySelectorAll('.slides img'),"
        " img => img.currentSrc.split('.').pop())"
    )
    # The first source of each <picture>, which Chromium takes.
    assert set(formats) == {"avif"}


def test_desktop_downloads_sharper_essay_images(story, page):
    page.goto(f"{story}/essays/{ESSAY_SLUG}/")
    load_every_image(page)
    widths = page.evaluate(
        "Array.from(document.querySelectorAll('.slides img'), img => img.naturalWidth)"
    )
    assert min(widths) >= 1024


def test_images_keep_their_place_while_loading(story, phone):
    """Every image has its size before it loads, so the text does not jump."""
    phone.goto(f"{story}/essays/{ESSAY_SLUG}/")
    sizes = phone.evaluate(
        "Array.from(document.images,"
        " img => [img.getAttribute('width'), img.getAttribute('height')])"
    )
    assert sizes and all(width and height for width, height in sizes)
    shift = phone.evaluate(
        """() => new Promise(resolve => {
            let total = 0;
            new PerformanceObserver(list => {
                for (const entry of list.getEntries()) total += entry.value;
            }).observe({type: "layout-shift", buffered: true});
            setTimeout(() => resolve(total), 500);
        })"""
    )
    load_every_image(phone)
    assert shift < 0.01


def test_page_zoomed_to_200_percent_still_fits_a_desktop_window(story, page):
    """WCAG 1.4.4 and 1.4.10: a 1280 px window zoomed 200 % is 640 CSS px wide."""
    page.set_viewport_size({"width": 640, "height": 400})
    for name in ("home", "article", "essay", "slide", "mission", "person"):
        page.goto(story + PAGE_TYPES[name])
        assert horizontal_overflow(page) == 0, name


def test_text_alone_at_twice_its_size_still_fits(story, page):
    """Text-only zoom: the root font size doubled, everything in rem grows with it."""
    for name in ("home", "article", "essay", "slide", "mission", "person"):
        page.goto(story + PAGE_TYPES[name])
        page.evaluate("document.documentElement.style.fontSize = '200%'")
        assert horizontal_overflow(page) == 0, name
        headline = page.get_by_role("heading", level=1)
        assert float(headline.evaluate("h => parseFloat(getComputedStyle(h).fontSize)")) > 40
