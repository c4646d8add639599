"""A real Chromium, driven by Playwright, against the site this test run serves.

The browser is Debian's Chromium at /usr/bin/chromium (``scripts/test`` installs it);
Playwright does not download a browser of its own. Every test here runs against
``live_server`` with the launch story loaded, in real transactions, so that what
the browser sees is what a reader would.

Screenshots of each page type at phone and desktop width are written to
``artifacts/screenshots/`` on every run, for a person to look at.
"""

import os
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connections
from playwright.sync_api import sync_playwright

from tests.browser.support import DESKTOP, PHONE

# Playwright's synchronous API runs an event loop in this thread; the ORM calls
# that tests make between browser steps are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"No Chromium at {CHROMIUM}: run ./scripts/test, which installs it.")
    saved = {
        alias: connections[alias].__dict__.get("_test_serialized_contents") for alias in connections
    }
    with sync_playwright() as playwright:
        # Playwright's event loop gives this thread a new context, in which Django
        # opens new database connections. Give them the database's contents as it
        # was created, which tests with serialized_rollback put back.
        for alias, contents in saved.items():
            if contents is not None:
                connections[alias]._test_serialized_contents = contents
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Problems:
    """What went wrong in a page that the page does not show: script errors, anything
    the Content-Security-Policy refused, files that failed to load."""

    def __init__(self, page):
        self.messages = []
        page.on("console", self.console)
        page.on("pageerror", lambda error: self.messages.append(f"page error: {error}"))
        page.on("requestfailed", self.request_failed)
        page.on("response", self.response)

    def console(self, message):
        # A file that failed to load is reported below, with its address; the page
        # itself may rightly answer 404.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.messages.append(f"console: {message.text}")
        # Logged as a warning, but it means a header the site sends is wrong.
        elif message.text.startswith("Error with Permissions-Policy header"):
            self.messages.append(f"console: {message.text}")

    def request_failed(self, request):
        # A navigation away cancels the images still loading: not a fault.
        if request.failure != "net::ERR_ABORTED":
            self.messages.append(f"request failed: {request.url} {request.failure}")

    def response(self, response):
        if response.status >= 400 and response.request.resource_type != "document":
            self.messages.append(f"{response.status}: {response.url}")


@pytest.fixture
def new_page(browser):
    """``new_page(viewport)``: a page in a fresh context (no cookies), with the
    problems it meets collected in ``page.problems``."""
    contexts = []

    def make(viewport=DESKTOP, **options):
        context = browser.new_context(viewport=viewport, **options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = context.new_page()
        page.problems = Problems(page)
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page(DESKTOP)


@pytest.fixture
def phone(new_page):
    """A phone: 360 CSS pixels wide, two device pixels to each, touch."""
    return new_page(PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)


@pytest.fixture
def story(live_server):
    """The launch story, loaded as ``loaddata`` loads it; the site's address."""
    call_command("loaddata", "launch_story", verbosity=0)
    return live_server.url
