"""What the browser tests share: the pages they visit, the two screens, helpers."""

from pathlib import Path

import pytest

from tests.launch_story import ARTICLE_SLUG, ESSAY_SLUG

# Written on every run for a person to look at; not committed.
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
PHONE = {"width": 360, "height": 780}
DESKTOP = {"width": 1280, "height": 800}


# Each module's pytestmark: real transactions, so the served site sees the test's
# data, with the data migrations' rows (the Editors group) put back afterwards.
BROWSER_TEST = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def screenshot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    width = page.viewport_size["width"]
    path = SCREENSHOTS / f"{name}-{width}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def load_every_image(page):
    """Scroll down a screen at a time, as a reader does, so that every lazy image
    loads; wait for them all, then go back to the top."""
    page.evaluate(
        """async () => {
            for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight / 2) {
                window.scrollTo(0, y);
                await new Promise(resolve => setTimeout(resolve, 50));
            }
        }"""
    )
    page.wait_for_function(
        "() => Array.from(document.images).every(img => img.complete && img.naturalWidth > 0)",
        timeout=15_000,
    )
    page.evaluate("window.scrollTo(0, 0)")


def horizontal_overflow(page):
    """How many CSS pixels the page is wider than the window."""
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


PAGE_TYPES = {
    "home": "/",
    "article-list": "/articles/",
    "article": f"/articles/{ARTICLE_SLUG}/",
    "essay-list": "/essays/",
    "essay": f"/essays/{ESSAY_SLUG}/",
    "slide": f"/essays/{ESSAY_SLUG}/goodbye-earth/",
    "photo": "/photos/a-mighty-roar/",
    "mission-list": "/missions/",
    "mission": "/missions/soyuz-ms-09/",
    "person-list": "/people/",
    "person": "/people/sergey-prokopyev/",
    "search": "/search/?q=soyuz",
    "not-found": "/no-such-page/",
}
