"""Live coverage on two app servers, as production runs them: an editor posts on A,
a reader's page on B takes each change without a reload, within one poll interval
and a second.

Two gunicorns from the Procfile with production settings, on one PostgreSQL and
one Redis; Chromium for the editor and the reader. The delivery times are written
to ``artifacts/live-delivery.json``.
"""

import json
import shutil
import tempfile
import time
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from playwright.sync_api import expect

from tests.browser.support import ARTIFACTS
from tests.services import (
    free_port,
    manage,
    production_env,
    require_postgres,
    require_redis,
    start_procfile_process,
    stop,
    wait_for_port,
)

pytestmark = pytest.mark.browser

DATABASE = "launchdesk_live_two_servers_test"
REDIS_DB = 8
PASSWORD = "live-two-servers-test-password"
POLL_SECONDS = settings.LIVE_POLL_SECONDS

MAKE_COVERAGE = """
from tests.factories import LiveCoverageFactory, PersonFactory
coverage = LiveCoverageFactory(title="Launch day live", slug="launch-day-live")
PersonFactory(name="Desk Reporter", kind="journalist")
"""


@pytest.fixture(scope="module")
def site():
    server = require_postgres()
    redis_url = require_redis(REDIS_DB)
    folder = Path(tempfile.mkdtemp(prefix="launchdesk-live-two-servers-"))
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {DATABASE}")
    env = production_env(
        DATABASE_URL=f"{server}/{DATABASE}",
        REDIS_URL=redis_url,
        MEDIA_ROOT=folder / "media",
        STATIC_ROOT=folder / "static",
        HOST="127.0.0.1",
        WEB_CONCURRENCY=2,
        DJANGO_SUPERUSER_PASSWORD=PASSWORD,
    )
    processes = []
    try:
        manage("migrate", "--noinput", env=env)
        manage("collectstatic", "--noinput", env=env)
        manage("createsuperuser", "--noinput", "--username", "editor", "--email", "", env=env)
        manage("shell", "-c", MAKE_COVERAGE, env=env)
        servers = {}
        for name in ("a", "b"):
            port = free_port()
            process = start_procfile_process("web", {**env, "PORT": str(port)}, folder)
            processes.append(process)
            servers[name] = f"http://127.0.0.1:{port}"
            wait_for_port("127.0.0.1", port, process=process)
        yield servers
    finally:
        for process in processes:
            stop(process)
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        shutil.rmtree(folder, ignore_errors=True)


def sign_in(page, base):
    page.goto(base + "/admin/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Stories, photos, people and missions")).to_be_visible()


def delivered(locator, since):
    """Seconds from ``since`` until ``locator`` holds, waiting up to three polls."""
    expect(locator).to_be_visible(timeout=3 * POLL_SECONDS * 1000)
    return time.monotonic() - since


def test_a_reader_on_one_server_sees_what_an_editor_posts_on_the_other(site, new_page):
    live = "/live/launch-day-live/"
    editor = new_page()
    sign_in(editor, site["a"])
    editor.goto(site["a"] + live)
    reader = new_page({"width": 1280, "height": 600})
    reader.goto(site["b"] + live)
    reader.evaluate("window.notReloaded = true")
    older = reader.locator(".live-entries")
    top = older.bounding_box()["y"]
    times = {}

    for number in range(1, 6):
        editor.get_by_role("textbox", name="Update").fill(f"Update number {number}.")
        if number == 3:
            editor.get_by_label("Key event (optional)").fill("Liftoff")
        editor.get_by_role("button", name="Post update").click()
        expect(editor.locator(".messages")).to_contain_text("Posted.")
        posted = time.monotonic()
        button = reader.get_by_role("button", name=f"Show {number} new update")
        times[f"post {number}"] = delivered(button, posted)
        assert abs(older.bounding_box()["y"] - top) < 1, "the page moved under the reader"

    reader.get_by_role("button", name="Show 5 new updates").click()
    expect(reader.locator(".live-entry")).to_have_count(5)

    editor.goto(f"{site['a']}/admin/live/livecoverage/")
    editor.get_by_role("link", name="Launch day live").click()
    text = editor.locator("[contenteditable=true]").filter(has_text="Update number 2.")
    text.click()
    editor.keyboard.press("End")
    editor.keyboard.type(" Corrected.")
    editor.get_by_role("button", name="Save and continue editing").click()
    expect(editor.locator(".messagelist .success")).to_be_visible()
    edited = time.monotonic()
    times["edit"] = delivered(
        reader.locator(".live-entry", has_text="Update number 2. Corrected."), edited
    )

    editor.locator(".inline-related", has_text="Update number 1.").get_by_label("Delete").check()
    editor.get_by_role("button", name="Save and continue editing").click()
    expect(editor.locator(".messagelist .success")).to_be_visible()
    deleted = time.monotonic()
    expect(reader.locator(".live-entry", has_text="Update number 1.")).to_have_count(
        0, timeout=3 * POLL_SECONDS * 1000
    )
    times["delete"] = time.monotonic() - deleted

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "live-delivery.json").write_text(
        json.dumps({"poll_seconds": POLL_SECONDS, "seconds": times}, indent=2)
    )
    print(json.dumps(times, indent=2))
    assert reader.evaluate("window.notReloaded") is True
    late = {change: seconds for change, seconds in times.items() if seconds > POLL_SECONDS + 1}
    assert late == {}, f"later than one poll interval and a second: {late}"
