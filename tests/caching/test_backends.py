"""The Redis cache backend keeps Django's behaviour and makes one client, not one a call."""

from django.core.cache import caches
from django.test import override_settings

from tests.services import require_redis

REDIS_DB = 13


def test_the_redis_cache_stores_reads_and_reuses_its_client():
    location = require_redis(REDIS_DB)
    backend = {"BACKEND": "caching.backends.RedisCache", "LOCATION": location}

    with override_settings(CACHES={"default": backend}):
        cache = caches["default"]
        cache.set("page", {"token": "a", "body": b"<html>"}, 30)
        cache.set("count", 3, 30)

        assert cache.get_many(["page", "count", "absent"]) == {
            "page": {"token": "a", "body": b"<html>"},
            "count": 3,
        }
        assert cache._cache.get_client(write=False) is cache._cache.get_client(write=True)
        cache.clear()
