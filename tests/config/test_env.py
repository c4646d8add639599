"""Production reads its services from the environment; without them the site is embedded."""

from unittest import mock

import pytest

from config import env

S3 = {
    "AWS_STORAGE_BUCKET_NAME": "launchdesk",
    "AWS_S3_ENDPOINT_URL": "http://127.0.0.1:8333",
    "AWS_ACCESS_KEY_ID": "key",
    "AWS_SECRET_ACCESS_KEY": "secret",
    "AWS_S3_CUSTOM_DOMAIN": "127.0.0.1:8333/launchdesk",
    "AWS_S3_URL_PROTOCOL": "http:",
}


@pytest.fixture
def environ():
    with mock.patch.dict("os.environ", clear=True) as patched:
        yield patched


def test_without_variables_media_stay_on_local_disk_and_the_cache_in_memory(environ):
    assert env.media_storage() is None
    assert env.media_origins() == []
    assert env.cache()["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert env.database("sqlite:///x.sqlite3")["ENGINE"] == "django.db.backends.sqlite3"


def test_a_bucket_puts_media_in_object_storage_with_public_unsigned_urls(environ):
    environ.update(S3)

    storage = env.media_storage()

    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    options = storage["OPTIONS"]
    assert options["bucket_name"] == "launchdesk"
    assert options["endpoint_url"] == "http://127.0.0.1:8333"
    assert options["custom_domain"] == "127.0.0.1:8333/launchdesk"
    assert options["url_protocol"] == "http:"
    assert options["querystring_auth"] is False
    assert "max-age=31536000" in options["object_parameters"]["CacheControl"]


def test_the_content_security_policy_admits_the_media_host(environ):
    environ.update(S3)

    assert env.media_origins() == ["http://127.0.0.1:8333"]


def test_redis_url_gives_every_app_server_one_shared_cache(environ):
    environ["REDIS_URL"] = "redis://127.0.0.1:6379/3"

    cache = env.cache()

    assert cache["BACKEND"] == "caching.backends.RedisCache"
    assert cache["LOCATION"] == "redis://127.0.0.1:6379/3"


def test_postgresql_connections_are_kept_checked_and_time_out(environ):
    environ["DATABASE_URL"] = "postgres://postgres@127.0.0.1:5432/launchdesk"

    database = env.database("sqlite:///x.sqlite3")

    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert database["CONN_MAX_AGE"] == 60
    assert database["CONN_HEALTH_CHECKS"] is True
    assert database["OPTIONS"]["connect_timeout"] == 5


def test_the_page_cache_is_on_only_with_a_cache_every_process_shares(environ):
    assert env.page_cache_seconds() == 0
    environ["REDIS_URL"] = "redis://127.0.0.1:6379/3"
    assert env.page_cache_seconds() == 600
    environ["PAGE_CACHE_SECONDS"] = "0"
    assert env.page_cache_seconds() == 0


def test_the_forwarded_address_is_believed_only_behind_trusted_proxies(environ):
    assert env.trusted_proxy_count() == 0

    environ["TRUSTED_PROXY_COUNT"] = "2"

    assert env.trusted_proxy_count() == 2


def test_without_a_bucket_originals_stay_on_local_disk_for_staff_only(environ):
    assert env.originals_storage() == {"BACKEND": "gallery.storage.StaffOnlyFileSystemStorage"}


def test_originals_share_the_media_bucket_but_only_with_short_lived_signed_urls(environ):
    environ.update(S3)

    options = env.originals_storage()["OPTIONS"]

    assert options["bucket_name"] == "launchdesk"
    assert options["querystring_auth"] is True
    assert options["querystring_expire"] == 300
    assert options["default_acl"] == "private"
    # Signed at the store itself: the media domain (a CDN) never serves an original.
    assert "custom_domain" not in options
    assert options["object_parameters"]["CacheControl"].startswith("private")


def test_originals_may_have_a_bucket_of_their_own_and_another_url_lifetime(environ):
    environ.update(S3, AWS_ORIGINALS_BUCKET_NAME="launchdesk-originals")
    environ["AWS_ORIGINALS_URL_SECONDS"] = "60"

    options = env.originals_storage()["OPTIONS"]

    assert options["bucket_name"] == "launchdesk-originals"
    assert options["querystring_expire"] == 60
    assert env.media_storage()["OPTIONS"]["bucket_name"] == "launchdesk"
