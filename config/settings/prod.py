"""Production: secrets and hosts come from the environment, or the site refuses to start.

Database, cache and media storage are read in config/env.py (through base.py):
DATABASE_URL, REDIS_URL and the AWS_* variables. The README lists every variable.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from config import env

from .base import *  # noqa: F403


def required(name):
    try:
        return os.environ[name]
    except KeyError:
        raise ImproperlyConfigured(f"Set the {name} environment variable.") from None


SECRET_KEY = required("SECRET_KEY")
ALLOWED_HOSTS = required("ALLOWED_HOSTS").split(",")
DEBUG = os.environ.get("DEBUG", "") == "1"

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
# The balancer's health probe speaks plain HTTP to the app server.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = os.environ.get("SECURE_COOKIES", "1") == "1"
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# Browsers keep to HTTPS for a year after each visit.
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
# On by default: a news site on a domain of its own serves every host name over
# HTTPS. "0" turns either off where a subdomain still needs plain HTTP, and then
# silences exactly the deployment check that asks for it.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.switch("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
# Only makes the domain eligible for the browsers' preload list; it is on that list
# once someone submits it (README: hard to undo).
SECURE_HSTS_PRELOAD = env.switch("SECURE_HSTS_PRELOAD", default=True)
if SECURE_HSTS_PRELOAD and not SECURE_HSTS_INCLUDE_SUBDOMAINS:
    raise ImproperlyConfigured(
        "SECURE_HSTS_INCLUDE_SUBDOMAINS=0 needs SECURE_HSTS_PRELOAD=0 as well: the "
        "preload list only takes domains whose every subdomain is HTTPS."
    )
SILENCED_SYSTEM_CHECKS = [
    check
    for check, name in [
        ("security.W005", "SECURE_HSTS_INCLUDE_SUBDOMAINS"),
        ("security.W021", "SECURE_HSTS_PRELOAD"),
    ]
    if env.switch(name, default=None) is False
]
# The admin's forms post from the site's own origin; behind a balancer that serves
# another host name, list it here (https://news.example.org).
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]
