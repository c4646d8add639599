"""An editor who mistypes the password five times sees, in the admin's look, why
signing in is refused and what to do; the page passes axe and breaks no policy."""

import json

from playwright.sync_api import expect

from tests.browser.support import BROWSER_TEST, screenshot
from tests.browser.test_accessibility import BLOCKING, run_axe
from tests.factories import UserFactory

pytestmark = BROWSER_TEST


def test_a_locked_out_editor_is_told_what_to_do(live_server, page):
    UserFactory(username="desk", is_staff=True)
    page.goto(live_server.url + "/admin/")
    for _ in range(5):
        page.get_by_label("Username").fill("desk")
        page.get_by_label("Password").fill("not the password")
        page.get_by_role("button", name="Log in").click()

    expect(page.get_by_role("heading", name="Sign-in locked")).to_be_visible()
    expect(page.locator(".errornote")).to_contain_text(
        "signing in as “desk” from this address (127.0.0.1) is locked for 15 minutes"
    )
    expect(page.get_by_text("ask an administrator of the newsroom")).to_be_visible()
    screenshot(page, "admin-signin-locked")
    blocking = [v for v in run_axe(page, "admin-signin-locked") if v["impact"] in BLOCKING]
    assert blocking == [], json.dumps(blocking, indent=2)
    assert page.problems.messages == []

    page.get_by_role("link", name="Back to the sign-in page").click()
    expect(page.get_by_role("button", name="Log in")).to_be_visible()
