"""A database outage: readers get a short 503 page, never a 500 or a traceback, the
error is logged, and the site recovers by itself when the database is back."""

import glob
import logging
import os
import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from unittest import mock

import psycopg
import pytest
from django.db import OperationalError, connections
from django.test import Client

from tests.launch_story import HEADLINE
from tests.services import ROOT, VENV_BIN, free_port, stop, unavailable, wait_for_port

pytestmark = pytest.mark.django_db

REFUSED = 'connection to server at "127.0.0.1", port 5432 failed: Connection refused'


@pytest.fixture
def database_down():
    """Every query fails as it does once PostgreSQL has stopped."""
    with mock.patch.object(connections["default"], "cursor", side_effect=OperationalError(REFUSED)):
        yield


def test_reader_gets_the_static_503_page(client, database_down):
    response = client.get("/")

    assert response.status_code == 503
    page = response.content.decode()
    assert "Temporarily unavailable" in page
    assert "Traceback" not in page
    assert "Connection refused" not in page


def test_503_page_asks_to_retry_and_is_not_cached(client, database_down):
    response = client.get("/articles/")

    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]


def test_503_page_keeps_to_the_content_security_policy(client, database_down):
    response = client.get("/")

    page = response.content.decode()
    assert "<script" not in page
    assert "style=" not in page
    assert "default-src 'self'" in response["Content-Security-Policy"]


def test_outage_is_logged_as_an_error_with_its_traceback(client, database_down, caplog):
    with caplog.at_level(logging.ERROR, logger="operations"):
        client.get("/")

    (record,) = [r for r in caplog.records if r.name == "operations"]
    assert record.levelno == logging.ERROR
    assert record.exc_info[0] is OperationalError


def test_error_raised_in_another_middleware_gets_the_503_page():
    # A session read or save fails in the session middleware, outside any view.
    client = Client(raise_request_exception=False)
    with mock.patch(
        "django.contrib.sessions.middleware.SessionMiddleware.process_request",
        side_effect=OperationalError(REFUSED),
    ):
        response = client.get("/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Temporarily unavailable" in response.content.decode()


def test_503_page_for_another_middleware_keeps_the_security_headers():
    client = Client(raise_request_exception=False)
    with mock.patch(
        "django.contrib.sessions.middleware.SessionMiddleware.process_request",
        side_effect=OperationalError(REFUSED),
    ):
        response = client.get("/")

    assert response["X-Content-Type-Options"] == "nosniff"


def test_other_errors_are_left_to_django():
    client = Client(raise_request_exception=False)
    with mock.patch(
        "django.contrib.sessions.middleware.SessionMiddleware.process_request",
        side_effect=RuntimeError("a bug"),
    ):
        response = client.get("/")

    assert response.status_code == 500


# The real thing: gunicorn serving the site from a PostgreSQL of this test's own,
# which the test stops and starts again.


def postgres_programs():
    """The folder that holds initdb and pg_ctl: on the PATH, or Debian's layout."""
    on_path = shutil.which("pg_ctl")
    candidates = [Path(on_path).resolve().parent] if on_path else []
    candidates += sorted(
        (Path(folder) for folder in glob.glob("/usr/lib/postgresql/*/bin")),
        key=lambda folder: int(folder.parent.name) if folder.parent.name.isdigit() else 0,
        reverse=True,
    )
    for folder in candidates:
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    return None


class Postgres:
    """A PostgreSQL server in a temporary folder, on a free loopback port."""

    def __init__(self, programs, folder):
        self.programs = programs
        self.folder = folder
        self.data = folder / "data"
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/launchdesk"

    def run(self, program, *arguments, check=True):
        argv = [str(self.programs / program), *arguments]
        # PostgreSQL refuses to run as root; run it as its own system user.
        if os.geteuid() == 0:
            argv = ["runuser", "-u", "postgres", "--", *argv]
        done = subprocess.run(argv, cwd=self.folder, capture_output=True, text=True, timeout=60)
        if check and done.returncode:
            raise RuntimeError(f"{program} failed: {done.stdout}{done.stderr}")

    def create(self):
        self.run(
            "initdb",
            f"--pgdata={self.data}",
            "--username=postgres",
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C",
            "--no-sync",
            "--no-instructions",
        )
        self.start()
        with psycopg.connect(self.url.replace("/launchdesk", "/postgres"), autocommit=True) as db:
            db.execute("CREATE DATABASE launchdesk")

    def start(self):
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        log = self.folder / "postgres.log"
        self.run("pg_ctl", "start", f"--pgdata={self.data}", f"--log={log}", "-o", options, "-w")

    def stop(self, mode="fast"):
        self.run("pg_ctl", "stop", f"--pgdata={self.data}", f"--mode={mode}", "-w", check=False)


@pytest.fixture(scope="module")
def served_site():
    """The site under gunicorn, started with the Procfile's web command and production
    settings, on a PostgreSQL of its own with the launch story loaded."""
    programs = postgres_programs()
    if programs is None:
        unavailable("Install PostgreSQL's server binaries (initdb, pg_ctl) for this test")
    if os.geteuid() == 0 and not shutil.which("runuser"):
        unavailable("Running as root, this test needs runuser to start PostgreSQL")
    folder = Path(tempfile.mkdtemp(prefix="launchdesk-outage-"))
    postgres = Postgres(programs, folder)
    server = None
    try:
        if os.geteuid() == 0:
            shutil.chown(folder, "postgres", "postgres")
        postgres.create()
        port = free_port()
        environ = {
            "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}",
            "HOME": str(folder),
            "DJANGO_SETTINGS_MODULE": "config.settings.prod",
            # Collected into the test's folder, not the checkout's.
            "STATIC_ROOT": str(folder / "static"),
            "SECRET_KEY": "test-outage-not-secret",
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "0",
            "DATABASE_URL": postgres.url,
            "MEDIA_ROOT": str(folder / "media"),
            "HOST": "127.0.0.1",
            "PORT": str(port),
            "WEB_CONCURRENCY": "1",
        }
        for command in (
            ["migrate", "--noinput"],
            ["collectstatic", "--noinput"],
            ["loaddata", "launch_story"],
        ):
            done = subprocess.run(
                [str(VENV_BIN / "python"), "manage.py", *command, "-v0"],
                cwd=ROOT,
                env=environ,
                capture_output=True,
                text=True,
                timeout=120,
            )
            assert done.returncode == 0, f"manage.py {command[0]} failed: {done.stderr}"
        stderr_path = folder / "gunicorn.stderr"
        with open(folder / "gunicorn.stdout", "w") as stdout, open(stderr_path, "w") as stderr:
            server = subprocess.Popen(
                [str(VENV_BIN / "gunicorn"), "config.wsgi", "--config", "config/gunicorn.py"],
                cwd=ROOT,
                env=environ,
                stdout=stdout,
                stderr=stderr,
            )
        wait_for_port("127.0.0.1", port, process=server)
        yield {"url": f"http://127.0.0.1:{port}", "postgres": postgres, "stderr": stderr_path}
    finally:
        if server is not None:
            stop(server)
        postgres.stop(mode="immediate")
        shutil.rmtree(folder, ignore_errors=True)


def fetch(url):
    """(status, headers, body) of a GET, whatever the status."""
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.status, answer.headers, answer.read().decode()
    except urllib.error.HTTPError as answer:
        with answer:
            return answer.code, answer.headers, answer.read().decode()


def test_gunicorn_answers_503_while_postgresql_is_down_and_recovers_by_itself(served_site):
    url, postgres = served_site["url"], served_site["postgres"]
    status, _, body = fetch(f"{url}/")
    assert status == 200
    assert HEADLINE in body

    postgres.stop()
    status, headers, body = fetch(f"{url}/")
    assert status == 503
    assert headers["Retry-After"] == "30"
    assert "no-store" in headers["Cache-Control"]
    assert "Temporarily unavailable" in body
    assert "Traceback" not in body
    status, _, body = fetch(f"{url}/healthz")
    assert status == 503
    assert '"database": "unavailable"' in body

    postgres.start()
    deadline = time.monotonic() + 5
    while (status := fetch(f"{url}/")[0]) != 200 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert status == 200
    assert fetch(f"{url}/healthz")[0] == 200

    log = served_site["stderr"].read_text()
    assert "Database unavailable: answered GET / with 503" in log
    assert "Traceback (most recent call last)" in log
    assert "OperationalError" in log
