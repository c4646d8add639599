"""Sign in to the admin as a browser does: the sign-in page fetched, its form posted
back with its CSRF token, from an address of the documentation ranges."""

import re

from django.test import Client

PASSWORD = "correct horse battery staple"
ADDRESS = "203.0.113.7"
OTHER_ADDRESS = "198.51.100.23"
PROXY = "10.0.0.2"
LOCKED = "Sign-in locked"
LIMIT = 5


def browser(address=ADDRESS, name=None, forwarded_for=None):
    """A browser at ``address``, its requests checked for CSRF as in production;
    ``name``: the browser it says it is; ``forwarded_for``: an X-Forwarded-For."""
    headers = {}
    if name:
        headers["User-Agent"] = name
    if forwarded_for:
        headers["X-Forwarded-For"] = forwarded_for
    return Client(enforce_csrf_checks=True, REMOTE_ADDR=address, headers=headers)


def sign_in(client, username, password=PASSWORD):
    form = client.get("/admin/login/?next=/admin/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.content.decode())
    return client.post(
        "/admin/login/?next=/admin/",
        {
            "csrfmiddlewaretoken": token.group(1),
            "username": username,
            "password": password,
            "next": "/admin/",
        },
    )


def text(response):
    """The page with its whitespace folded, as a reader sees it."""
    return " ".join(response.content.decode().split())


def signed_in(response):
    return response.status_code == 302 and response.url == "/admin/"


def fail(times, username="desk", address=ADDRESS, before=0, name=None):
    """``times`` wrong passwords: the form says so, until the fifth for the pair (of
    which ``before`` were made already) locks it."""
    client = browser(address, name)
    for attempt in range(before + 1, before + times + 1):
        response = sign_in(client, username, "wrong password")
        if attempt < LIMIT:
            assert response.status_code == 200
            assert "Please enter the correct username and password" in response.content.decode()
        else:
            assert response.status_code == 429
            assert LOCKED in response.content.decode()
    return client
