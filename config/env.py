"""The one place settings read the environment: database, cache, media storage.

Every variable is listed with its default in the README's "Production" section.
Without any of them the site runs embedded: SQLite, a per-process memory cache and
uploads on local disk.
"""

import os
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

ON = {"1", "on", "true", "yes"}
OFF = {"0", "off", "false", "no"}


def database(default_url):
    """``DATABASE_URL``, else ``default_url`` (SQLite in development)."""
    config = dj_database_url.config(default=default_url, conn_max_age=60, conn_health_checks=True)
    if config["ENGINE"] == "django.db.backends.postgresql":
        # A database host that drops packets answers pages with a 503 in seconds,
        # not after the system's TCP timeout.
        config.setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
    return config


def cache():
    """Redis at ``REDIS_URL`` shared by every app server, else local memory."""
    url = os.environ.get("REDIS_URL")
    if not url:
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    return {
        # Django's, reusing its Redis clients (caching/backends.py).
        "BACKEND": "caching.backends.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "launchdesk"),
        # A cache that stops answering must not hold up a page for long.
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }


def page_cache_seconds():
    """``PAGE_CACHE_SECONDS``: how long reader pages may stay in the cache.

    Only a cache every process shares can be told at once that content changed, so
    without ``REDIS_URL`` the page cache is off unless this says otherwise: each
    gunicorn worker (and the worker, and manage.py) has a memory of its own.
    """
    default = "600" if os.environ.get("REDIS_URL") else "0"
    return int(os.environ.get("PAGE_CACHE_SECONDS", default))


def s3_connection(bucket):
    """The store and the keys, the same for the media and the originals' buckets."""
    return {
        "bucket_name": bucket,
        "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
        "access_key": os.environ.get("AWS_ACCESS_KEY_ID") or None,
        "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY") or None,
        "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
    }


def s3_storage(options):
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {key: value for key, value in options.items() if value is not None},
    }


def media_storage():
    """S3-compatible object storage when ``AWS_STORAGE_BUCKET_NAME`` is set, else None.

    Pages build media URLs from the recorded file names and ``AWS_S3_CUSTOM_DOMAIN``
    (the public host and path browsers load media from): no signing, no request to
    the store while a page renders. Every file is stored with a year-long
    ``Cache-Control``: renditions get a new name when their image changes.
    Photo originals go to ``originals_storage()``, never to a public URL.
    """
    bucket = os.environ.get("AWS_STORAGE_BUCKET_NAME")
    if not bucket:
        return None
    options = {
        **s3_connection(bucket),
        "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
        "url_protocol": os.environ.get("AWS_S3_URL_PROTOCOL", "https:"),
        "querystring_auth": False,
        "file_overwrite": False,
        "default_acl": None,
        "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
    }
    return s3_storage(options)


def originals_storage():
    """Where photo originals go: private, with short-lived signed URLs for the admin.

    In object storage, the bucket ``AWS_ORIGINALS_BUCKET_NAME`` if set, else the
    media bucket itself, whose ``photos/`` prefix anonymous readers must not be let
    into (README, "What is public"). The admin links an original with a URL signed
    for ``AWS_ORIGINALS_URL_SECONDS``, at the store's own endpoint: the media domain
    (a CDN) never serves originals. On local disk they stay under ``MEDIA_ROOT``
    and the admin streams them to staff (``gallery.storage``).
    """
    bucket = os.environ.get("AWS_ORIGINALS_BUCKET_NAME") or os.environ.get(
        "AWS_STORAGE_BUCKET_NAME"
    )
    if not bucket:
        return {"BACKEND": "gallery.storage.StaffOnlyFileSystemStorage"}
    options = {
        **s3_connection(bucket),
        "querystring_auth": True,
        "querystring_expire": int(os.environ.get("AWS_ORIGINALS_URL_SECONDS", "300")),
        "signature_version": "s3v4",
        "file_overwrite": False,
        # Honoured by stores that enforce ACLs (Amazon S3 with ACLs enabled); the
        # rest rely on the bucket policy or the store's identities.
        "default_acl": "private",
        "object_parameters": {"CacheControl": "private, max-age=31536000, immutable"},
    }
    return s3_storage(options)


def media_origins():
    """The origins browsers load media from, for the Content-Security-Policy."""
    if not os.environ.get("AWS_STORAGE_BUCKET_NAME"):
        return []
    protocol = os.environ.get("AWS_S3_URL_PROTOCOL", "https:")
    domain = os.environ.get("AWS_S3_CUSTOM_DOMAIN")
    if domain:
        return [f"{protocol}//{domain.split('/')[0]}"]
    endpoint = urlsplit(os.environ.get("AWS_S3_ENDPOINT_URL") or "https://s3.amazonaws.com")
    return [f"{endpoint.scheme}://{endpoint.netloc}", f"{endpoint.scheme}://*.{endpoint.netloc}"]


def switch(name, default):
    """A yes-or-no variable: ``1``/``on``/``true``/``yes`` or ``0``/``off``/``false``/``no``;
    ``default`` when it is unset or empty. Anything else stops the site with a message."""
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    if value in ON:
        return True
    if value in OFF:
        return False
    raise ImproperlyConfigured(f"{name} must be 1 (on) or 0 (off), not {value!r}.")


def log_level():
    return os.environ.get("LOG_LEVEL", "INFO").upper()


def media_root(default):
    """``MEDIA_ROOT``: where uploads go without object storage (a scratch run's own)."""
    return os.environ.get("MEDIA_ROOT") or default


def static_root(default):
    """``STATIC_ROOT``: where ``collectstatic`` puts the files whitenoise serves."""
    return os.environ.get("STATIC_ROOT") or default


def trusted_proxy_count():
    """``TRUSTED_PROXY_COUNT``: how many proxies of ours stand in front of the app server.

    Each of them appends the address it was reached from to ``X-Forwarded-For``, so
    the client is the N-th address from the right; anything further left came from
    the client and may be forged. 0 (the default): the app server is reached directly
    and only the connection's own address (``REMOTE_ADDR``) counts.
    """
    return int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))


def desk_time_zone():
    """``DESK_TIME_ZONE``: the newsroom's time zone, in which editors type and read times."""
    return os.environ.get("DESK_TIME_ZONE") or "America/New_York"
