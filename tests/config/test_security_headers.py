"""Security headers on every response, and Django's deployment checklist passing with
production settings as they come."""

import re
import secrets

import pytest

from tests.services import manage, production_env

PERMISSIONS_DENIED = ["camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"]


def production(**overrides):
    """Production settings with HTTPS redirects and secure cookies as they ship."""
    env = production_env(SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="localhost")
    for name in ("SECURE_SSL_REDIRECT", "SECURE_COOKIES"):
        env.pop(name)
    env.update(overrides)
    return env


def check_deploy(**overrides):
    return manage("check", "--deploy", env=production(**overrides), check=False)


def test_check_deploy_is_clean_with_production_settings():
    result = check_deploy()

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_turning_hsts_preload_off_silences_only_its_own_check():
    result = check_deploy(SECURE_HSTS_PRELOAD="0")

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (1 silenced)." in result.stdout


def test_subdomains_off_needs_preload_off_too():
    result = check_deploy(SECURE_HSTS_INCLUDE_SUBDOMAINS="0")

    assert result.returncode != 0
    assert "SECURE_HSTS_INCLUDE_SUBDOMAINS=0 needs SECURE_HSTS_PRELOAD=0" in result.stderr

    result = check_deploy(SECURE_HSTS_INCLUDE_SUBDOMAINS="0", SECURE_HSTS_PRELOAD="0")
    assert "System check identified no issues (2 silenced)." in result.stdout


def test_a_switch_that_is_neither_on_nor_off_stops_the_site_with_a_message():
    result = check_deploy(SECURE_HSTS_PRELOAD="maybe")

    assert result.returncode != 0
    assert "SECURE_HSTS_PRELOAD must be 1 (on) or 0 (off), not 'maybe'" in result.stderr


def test_production_sends_a_year_of_hsts_with_subdomains_and_preload():
    result = manage(
        "shell",
        "--verbosity=0",
        "-c",
        "from django.conf import settings as s; "
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD)",
        env=production(),
    )
    assert result.stdout.split() == ["31536000", "True", "True"]


def assert_security_headers(response):
    for feature in PERMISSIONS_DENIED:
        assert feature in response["Permissions-Policy"]
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path, status",
    [
        ("/", 200),
        ("/articles/", 200),
        ("/feeds/latest/rss/", 200),
        ("/sitemap.xml", 200),
        ("/robots.txt", 200),
        ("/no-such-page/", 404),
        ("/admin/login/", 200),
        ("/admin/", 302),
    ],
)
def test_every_response_carries_the_security_headers(client, path, status):
    response = client.get(path)

    assert response.status_code == status
    assert_security_headers(response)


@pytest.mark.django_db
def test_reader_pages_have_the_strict_policy_without_a_nonce(client):
    policy = client.get("/")["Content-Security-Policy"]

    assert "script-src 'self';" in policy
    assert "style-src 'self';" in policy
    assert "nonce" not in policy
    assert "unsafe" not in policy


@pytest.mark.django_db
def test_staff_on_a_reader_page_get_no_nonce_either(editor_client):
    assert "nonce" not in editor_client.get("/articles/")["Content-Security-Policy"]


def admin_nonce(response):
    match = re.search(r"script-src 'self' 'nonce-([\w-]+)';", response["Content-Security-Policy"])
    assert match, response["Content-Security-Policy"]
    return match.group(1)


@pytest.mark.django_db
def test_each_admin_response_has_a_nonce_of_its_own_and_no_unsafe_inline(editor_client):
    first = editor_client.get("/admin/")
    second = editor_client.get("/admin/")

    assert admin_nonce(first) != admin_nonce(second)
    assert "unsafe-inline" not in first["Content-Security-Policy"]
    assert "'none'" in first["Content-Security-Policy"].split("object-src")[1].split(";")[0]


@pytest.mark.django_db
def test_every_inline_script_of_the_article_form_carries_the_nonce(editor_client):
    response = editor_client.get("/admin/articles/article/add/")
    nonce = admin_nonce(response)
    page = response.content.decode()

    inline = [
        tag
        for tag in re.findall(r"<script\b[^>]*>", page)
        if "src=" not in tag and "application/json" not in tag
    ]
    # The rich-text editor's import map is the one inline script; it runs.
    assert any('type="importmap"' in tag for tag in inline)
    for tag in inline:
        assert f'nonce="{nonce}"' in tag
