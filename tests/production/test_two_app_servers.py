"""Two app servers, a worker, PostgreSQL, Redis and SeaweedFS, as production runs them.

Each process is started from the Procfile with production settings. What an editor
does through one app server, a reader sees through the other: a photo uploaded
through A is served with its renditions by B, from object storage, once the worker
has made them; an article published or unpublished through A shows so on B's home
page within a second.
"""

import http.cookiejar
import re
import shutil
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import psycopg
import pytest

from tests.factories import jpeg_bytes
from tests.launch_story import ARTICLE_SLUG, HEADLINE
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

DATABASE = "launchdesk_two_servers_test"
REDIS_DB = 7
PASSWORD = "two-servers-test-password"


class Browser:
    """An editor's or a reader's browser without the browser: cookies, forms, CSRF."""

    def __init__(self, base):
        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def get(self, path):
        try:
            with self.opener.open(self.base + path, timeout=20) as answer:
                return answer.status, answer.read().decode(errors="replace")
        except urllib.error.HTTPError as answer:
            return answer.code, answer.read().decode(errors="replace")

    def post(self, path, fields, files=()):
        status, page = self.get(path)
        assert status == 200, (path, status)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        body, content_type = multipart({"csrfmiddlewaretoken": token, **fields}, files)
        request = urllib.request.Request(
            self.base + path, data=body, headers={"Content-Type": content_type}
        )
        with self.opener.open(request, timeout=60) as answer:
            return answer.status, answer.geturl(), answer.read().decode()


def multipart(fields, files):
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        values = value if isinstance(value, list) else [value]
        for one in values:
            head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
            parts.append(f"{head}{one}\r\n".encode())
    for name, filename, data, mime in files:
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: {mime}\r\n\r\n'.encode()
            + data
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def wait_for(condition, timeout, step=0.05):
    """Seconds until ``condition()`` held, or None if it did not within ``timeout``."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if condition():
            return time.monotonic() - start
        time.sleep(step)
    return None


@pytest.fixture(scope="module")
def site(seaweedfs):
    """App servers A and B and a worker on one PostgreSQL, Redis and SeaweedFS."""
    server = require_postgres()
    redis_url = require_redis(REDIS_DB)
    folder = Path(tempfile.mkdtemp(prefix="launchdesk-two-servers-"))
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {DATABASE}")
    database_url = f"{server}/{DATABASE}"
    s3_port = urllib.parse.urlsplit(seaweedfs.endpoint_url).port
    env = production_env(
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        AWS_STORAGE_BUCKET_NAME=seaweedfs.bucket,
        AWS_S3_ENDPOINT_URL=seaweedfs.endpoint_url,
        AWS_ACCESS_KEY_ID="two-servers",
        AWS_SECRET_ACCESS_KEY="two-servers",
        AWS_S3_REGION_NAME="us-east-1",
        AWS_S3_CUSTOM_DOMAIN=f"127.0.0.1:{s3_port}/{seaweedfs.bucket}",
        AWS_S3_URL_PROTOCOL="http:",
        STATIC_ROOT=folder / "static",
        HOST="127.0.0.1",
        WEB_CONCURRENCY=2,
        DJANGO_SUPERUSER_PASSWORD=PASSWORD,
    )
    processes = []
    try:
        seaweedfs.empty()
        manage("migrate", "--noinput", env=env)
        manage("collectstatic", "--noinput", env=env)
        manage("createsuperuser", "--noinput", "--username", "editor", "--email", "", env=env)
        manage("loaddata", "launch_story", env=env)
        servers = {}
        for name in ("a", "b"):
            port = free_port()
            process = start_procfile_process("web", {**env, "PORT": str(port)}, folder)
            processes.append(process)
            servers[name] = f"http://127.0.0.1:{port}"
            wait_for_port("127.0.0.1", port, process=process)
        processes.append(start_procfile_process("worker", env, folder))
        yield {**servers, "database": database_url, "processes": processes}
    finally:
        for process in processes:
            stop(process)
        seaweedfs.empty()
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        shutil.rmtree(folder, ignore_errors=True)


def query(site, sql, *params):
    with psycopg.connect(site["database"], autocommit=True) as connection:
        return connection.execute(sql, params).fetchall()


def signed_in(url):
    editor = Browser(url)
    status, final_url, _ = editor.post(
        "/admin/login/?next=/admin/", {"username": "editor", "password": PASSWORD}
    )
    assert final_url.endswith("/admin/"), "the editor could not sign in"
    return editor


def test_the_launch_story_is_served_by_both_with_its_images_from_object_storage(site):
    ready = wait_for(
        lambda: (
            query(site, "SELECT count(*) FROM gallery_photo WHERE rendition_state <> 'ready'")[0][0]
            == 0
        ),
        timeout=120,
        step=0.5,
    )
    assert ready is not None, "the worker did not make the launch story's renditions"

    for name in ("a", "b"):
        status, page = Browser(site[name]).get(
            "/essays/expedition-56-space-station-mission-in-photos/"
        )
        assert status == 200
        images = re.findall(r'<img src="([^"]+)"', page)
        assert len(images) == 11
        status, _ = Browser("").get(images[0])
        assert status == 200


def test_a_photo_uploaded_through_one_server_is_served_by_the_other(site):
    editor = signed_in(site["a"])
    started = time.monotonic()
    status, final_url, _ = editor.post(
        "/admin/gallery/photo/add/",
        {
            "title": "Two servers",
            "slug": "two-servers",
            "alt_text": "A test pattern: an orange disc on dark blue.",
            "credit": "Launch Desk tests",
            "licence": "permission",
            "status": "published",
            "publish_at_0": "2018-06-06",
            "publish_at_1": "11:12:00",
            "_save": "Save",
        },
        files=[("image", "two-servers.jpg", jpeg_bytes(3000, 2000), "image/jpeg")],
    )
    saved = time.monotonic() - started
    assert final_url.endswith("/admin/gallery/photo/"), "the upload was not saved"

    reader = Browser(site["b"])
    pages = []

    def shown_by_b():
        status, page = reader.get("/photos/two-servers/")
        pages.append(page)
        return status == 200 and "<picture" in page

    shown = wait_for(shown_by_b, timeout=60, step=0.2)
    assert shown is not None, "B never showed the photo with its renditions"
    # The page that showed them: B's other worker may be told of the renditions a
    # few milliseconds later (caching.watch).
    page = pages[-1]
    sources = re.findall(r'srcset="([^"]+)"', page)[0].split(", ")
    status, _ = Browser("").get(sources[-1].split(" ")[0])
    assert status == 200
    print(f"\nupload saved through A in {saved:.2f} s; shown by B {shown:.2f} s later")


def test_publishing_through_one_server_shows_on_the_others_home_page_within_a_second(site):
    editor = signed_in(site["a"])
    (pk,) = query(site, "SELECT id FROM articles_article WHERE slug = %s", ARTICLE_SLUG)[0]
    reader = Browser(site["b"])
    assert HEADLINE in reader.get("/")[1]

    editor.post(
        "/admin/articles/article/",
        {"action": "unpublish", "_selected_action": str(pk), "index": "0"},
    )
    gone = wait_for(lambda: HEADLINE not in reader.get("/")[1], timeout=1)
    editor.post(
        "/admin/articles/article/",
        {"action": "publish", "_selected_action": str(pk), "index": "0"},
    )
    back = wait_for(lambda: HEADLINE in reader.get("/")[1], timeout=1)

    assert gone is not None, "B still showed the unpublished article after 1 s"
    assert back is not None, "B did not show the published article within 1 s"
    print(f"\nunpublished seen by B after {gone:.3f} s; published after {back:.3f} s")
