"""Sign-in protection: 5 failed sign-ins for one user name from one address lock that
pair for 15 minutes; other pairs still sign in.

Every sign-in here is a browser's (tests/admin/signin.py).
"""

import datetime
import logging
import re

import pytest
import time_machine
from axes.models import AccessAttempt
from django.http import HttpRequest

from caching.middleware import cacheable_response
from tests.admin.signin import (
    ADDRESS,
    LIMIT,
    LOCKED,
    OTHER_ADDRESS,
    PASSWORD,
    PROXY,
    browser,
    fail,
    sign_in,
    signed_in,
    text,
)
from tests.caching import front
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(db):
    return UserFactory(username="desk", is_staff=True)


@pytest.fixture
def photo_desk(db):
    return UserFactory(username="photos", is_staff=True)


def test_the_right_password_signs_in(desk):
    assert signed_in(sign_in(browser(), "desk"))


def test_four_failures_do_not_lock(desk):
    client = fail(4)

    assert signed_in(sign_in(client, "desk"))


def test_after_five_failures_the_right_password_is_refused_with_the_message(desk):
    client = fail(5)

    response = sign_in(client, "desk")

    assert response.status_code == 429
    page = text(response)
    assert LOCKED in page
    assert f"signing in as “desk” from this address ({ADDRESS}) is locked for 15 minutes" in page
    assert "Wait 15 minutes, then sign in again" in page
    assert "ask an administrator of the newsroom" in page
    assert response["Retry-After"] == "900"
    # Not signed in: the admin still asks for the password.
    assert client.get("/admin/").status_code == 302


def test_the_lockout_page_is_in_the_admin_look_without_inline_script_or_style(desk):
    response = sign_in(fail(5), "desk")

    page = response.content.decode()
    assert re.search(r'<body class="[^"]*\blogin\b', page)
    assert "admin/css/login.css" in page
    assert "Launch Desk newsroom" in page
    assert " style=" not in page and "<style" not in page
    assert re.findall(r"<script(?![^>]*\ssrc=)", page) == []


def test_another_user_name_from_the_same_address_still_signs_in(desk, photo_desk):
    client = fail(5)
    assert sign_in(client, "desk").status_code == 429

    assert signed_in(sign_in(client, "photos"))


def test_the_same_user_name_from_another_address_still_signs_in(desk):
    fail(5)

    assert signed_in(sign_in(browser(OTHER_ADDRESS), "desk"))


def test_another_browser_at_the_same_address_is_locked_too(desk):
    fail(5, name="Firefox")

    response = sign_in(browser(ADDRESS, name="Chromium"), "desk")

    assert response.status_code == 429


def test_a_success_resets_the_failures(desk):
    fail(4)
    assert signed_in(sign_in(browser(), "desk"))

    client = fail(4)

    assert signed_in(sign_in(client, "desk"))


def test_the_pair_is_still_locked_after_fourteen_minutes(desk):
    with time_machine.travel(datetime.datetime(2026, 3, 1, 9, 0, tzinfo=datetime.UTC)) as clock:
        client = fail(5)
        clock.shift(datetime.timedelta(minutes=14))

        assert sign_in(client, "desk").status_code == 429


def test_the_pair_signs_in_again_after_fifteen_minutes(desk):
    with time_machine.travel(datetime.datetime(2026, 3, 1, 9, 0, tzinfo=datetime.UTC)) as clock:
        client = fail(5)
        assert sign_in(client, "desk").status_code == 429
        clock.shift(datetime.timedelta(minutes=15, seconds=1))

        assert signed_in(sign_in(client, "desk"))


def test_an_attempt_while_locked_starts_the_fifteen_minutes_again(desk):
    with time_machine.travel(datetime.datetime(2026, 3, 1, 9, 0, tzinfo=datetime.UTC)) as clock:
        client = fail(5)
        clock.shift(datetime.timedelta(minutes=10))
        assert sign_in(client, "desk").status_code == 429
        clock.shift(datetime.timedelta(minutes=10))

        assert sign_in(client, "desk").status_code == 429


def test_the_lockout_is_logged_as_a_warning_naming_user_name_and_address(desk, caplog):
    with caplog.at_level(logging.INFO):
        client = fail(5)
        sign_in(client, "desk")

    locked, refused = [r for r in caplog.records if r.name == "signin"]
    assert locked.levelno == refused.levelno == logging.WARNING
    assert locked.getMessage() == (
        f"Sign-in locked out: user name 'desk' from {ADDRESS} after 5 failed attempts, "
        "for 15 minutes"
    )
    assert refused.getMessage() == (
        f"Sign-in refused, still locked out: user name 'desk' from {ADDRESS}, attempt 6, "
        "for 15 minutes"
    )
    # Axes's own lines hide both, which is why the line above is there.
    axes_lines = [r.getMessage() for r in caplog.records if r.name.startswith("axes")]
    assert any("Locking out" in line for line in axes_lines)
    assert not any(ADDRESS in line for line in axes_lines)


def test_a_forged_forwarded_address_does_not_escape_the_lock(desk):
    client = browser()
    for guess in range(4):
        client.defaults["HTTP_X_FORWARDED_FOR"] = f"192.0.2.{guess + 1}"
        assert sign_in(client, "desk", "wrong password").status_code == 200
    client.defaults["HTTP_X_FORWARDED_FOR"] = "192.0.2.5"
    assert sign_in(client, "desk", "wrong password").status_code == 429
    client.defaults["HTTP_X_FORWARDED_FOR"] = "192.0.2.99"

    assert sign_in(client, "desk").status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ADDRESS}


def test_behind_a_trusted_proxy_the_address_it_saw_is_counted(desk, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    client = browser(PROXY)
    for guess in range(1, 6):
        # What the client wrote, then what our proxy appended.
        client.defaults["HTTP_X_FORWARDED_FOR"] = f"192.0.2.{guess}, {ADDRESS}"
        response = sign_in(client, "desk", "wrong password")
        assert response.status_code == (200 if guess < LIMIT else 429)

    assert sign_in(client, "desk").status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ADDRESS}
    # Another reader behind the same proxy is another address.
    other = browser(PROXY, forwarded_for=OTHER_ADDRESS)
    assert signed_in(sign_in(other, "desk"))


def test_the_page_cache_keeps_neither_the_sign_in_page_nor_the_lockout_page(desk, settings):
    settings.PAGE_CACHE_SECONDS = 600
    client = fail(5)

    locked = sign_in(client, "desk")

    assert locked.status_code == 429
    assert "no-store" in locked["Cache-Control"]
    assert not cacheable_response(locked.wsgi_request, locked)
    for _ in range(2):
        response = front.request("/admin/login/", REMOTE_ADDR=ADDRESS)
        assert response.status_code == 200
        assert "X-Cache" not in response
        assert LOCKED not in response.content.decode()


def test_the_test_clients_login_works_when_given_a_request(desk, client):
    """Axes must see a request: tests that use ``Client.login`` pass one, as axes's
    documentation says."""
    assert client.login(request=HttpRequest(), username="desk", password=PASSWORD)
    assert client.get("/admin/").status_code == 200
