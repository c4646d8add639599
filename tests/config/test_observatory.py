"""The HTTP Observatory's grade of a reader page (A+) and the admin (A at least), as
the production web process (the Procfile's gunicorn, production settings) answers.

The process sits behind no balancer here: requests say they came over HTTPS with the
``X-Forwarded-Proto`` header it trusts from 127.0.0.1, as a balancer's would.
"""

import http.client
import os
import shutil
import subprocess
import sys

import pytest

from tests.config.observatory import Response, grade
from tests.services import (
    ROOT,
    VENV_BIN,
    free_port,
    procfile,
    split_command,
    stop,
    wait_for_port,
)

HOST = "localhost"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("observatory")
    variables, argv = split_command(procfile()["web"])
    port = free_port()
    environ = {
        # The virtualenv's programs first, as in an activated virtualenv.
        "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "HOME": str(folder),
        "PORT": str(port),
        "HOST": "127.0.0.1",
        "WEB_CONCURRENCY": "1",
        "SECRET_KEY": "observatory-test-" + "x" * 50,
        "ALLOWED_HOSTS": HOST,
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "STATIC_ROOT": str(folder / "static"),
        "MEDIA_ROOT": str(folder / "media"),
        **variables,
    }
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"]):
        subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env=environ,
            check=True,
            capture_output=True,
        )
    argv[0] = shutil.which(argv[0], path=environ["PATH"])
    with (folder / "server.log").open("w") as log:
        process = subprocess.Popen(argv, cwd=ROOT, env=environ, stdout=log, stderr=log)
    try:
        wait_for_port("127.0.0.1", port, process=process)
        yield port
    finally:
        stop(process)


def request(port, path, https=True):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"Host": HOST, "X-Forwarded-Proto": "https"} if https else {"Host": HOST}
    connection.request("GET", path, headers=headers)
    answer = connection.getresponse()
    body = answer.read().decode()
    connection.close()
    return answer, body


def scan(port, path):
    """What the Observatory sees of ``path``: the redirect from plain HTTP, then the
    HTTPS answer, following redirects, with every cookie set on the way."""
    plain, _ = request(port, path, https=False)
    cookies = []
    for _ in range(5):
        answer, body = request(port, path)
        cookies += answer.headers.get_all("Set-Cookie") or []
        if answer.status not in (301, 302):
            break
        path = answer.headers["Location"]
    assert answer.status == 200, (path, answer.status)
    return Response(
        url=f"https://{HOST}{path}",
        headers={name.lower(): value for name, value in answer.getheaders()},
        body=body,
        cookies=cookies,
        http_status=plain.status,
        http_location=plain.headers.get("Location", ""),
    )


def test_a_reader_page_grades_a_plus(server):
    letter, score, results = grade(scan(server, "/"))

    print(f"reader page: {letter} ({score})", results)
    assert letter == "A+", results
    assert results["content-security-policy"] == "csp-implemented-with-no-unsafe"
    assert results["x-frame-options"] == "xfo-implemented-via-csp"
    assert results["redirection"] == "redirection-to-https"
    assert results["strict-transport-security"].endswith("at-least-six-months")


def test_the_admin_grades_a_plus_with_its_nonce_and_secure_cookies(server):
    # /admin/ sends a visitor who is not signed in to the sign-in page, which sets
    # the CSRF cookie.
    response = scan(server, "/admin/")
    letter, score, results = grade(response)

    print(f"admin: {letter} ({score})", results)
    assert letter == "A+", results
    assert "'nonce-" in response.headers["content-security-policy"]
    assert results["cookies"] == "cookies-secure-with-httponly-sessions-and-samesite"


def test_static_files_carry_the_security_headers_too(server):
    answer, _ = request(server, "/static/css/site.css")

    assert answer.status == 200
    assert "camera=()" in answer.headers["Permissions-Policy"]
    assert answer.headers["X-Frame-Options"] == "DENY"
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
    assert "Strict-Transport-Security" in answer.headers
