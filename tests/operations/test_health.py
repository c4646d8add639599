"""``/healthz``: 200 when the database, the cache and the media storage answer, 503
naming the ones that do not, and never anything secret or cached."""

import logging
import threading
from unittest import mock

import pytest
from django.core.files.storage import FileSystemStorage
from django.db import OperationalError, connections
from django.test import override_settings

from tests.services import free_port, require_redis

pytestmark = pytest.mark.django_db

# What a driver's error can carry: the server's address and the account's password.
DATABASE_URL = "postgres://launchdesk:hunter2-not-a-real-password@db.internal:5432/launchdesk"


@pytest.fixture
def database_down():
    """Every query fails as it does once PostgreSQL has stopped."""
    error = OperationalError(f"could not connect to {DATABASE_URL}: Connection refused")
    with mock.patch.object(connections["default"], "cursor", side_effect=error):
        yield


def redis_cache(url):
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }


def test_answers_200_when_every_service_answers(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok", "storage": "ok"}


def test_answers_200_with_a_real_redis_cache(client):
    with override_settings(CACHES=redis_cache(require_redis(db=11))):
        response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json()["cache"] == "ok"


def test_names_the_database_when_it_does_not_answer(client, database_down):
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"database": "unavailable", "cache": "ok", "storage": "ok"}


def test_names_the_cache_when_redis_does_not_answer(client):
    # Nothing listens on a port just found free: the connection is refused.
    with override_settings(CACHES=redis_cache(f"redis://127.0.0.1:{free_port()}/0")):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"database": "ok", "cache": "unavailable", "storage": "ok"}


def test_names_the_storage_when_it_fails(client):
    with mock.patch.object(FileSystemStorage, "exists", side_effect=OSError("Access denied")):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"database": "ok", "cache": "ok", "storage": "unavailable"}


def test_answers_in_time_when_the_storage_hangs(client):
    released = threading.Event()

    def hang(name):
        released.wait(10)
        return False

    try:
        with (
            mock.patch("operations.views.CHECK_TIMEOUT", 0.1),
            mock.patch.object(FileSystemStorage, "exists", side_effect=hang),
        ):
            response = client.get("/healthz")
    finally:
        released.set()

    assert response.status_code == 503
    assert response.json()["storage"] == "unavailable"


def test_is_never_cached(client):
    response = client.get("/healthz")

    assert "no-store" in response["Cache-Control"]


def test_leaves_the_session_alone(client):
    response = client.get("/healthz")

    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


def test_keeps_error_details_out_of_the_answer(client, database_down):
    response = client.get("/healthz")

    body = response.content.decode()
    assert "hunter2" not in body
    assert "db.internal" not in body
    assert "Connection refused" not in body


def test_logs_what_failed_as_a_warning(client, database_down, caplog):
    with caplog.at_level(logging.WARNING, logger="operations"):
        client.get("/healthz")

    (record,) = [r for r in caplog.records if r.name == "operations"]
    assert record.levelno == logging.WARNING
    assert "database" in record.getMessage()
    assert record.exc_info[0] is OperationalError
