"""The queue as production runs it: jobs in the database, ``manage.py worker`` processes."""

import pytest
from django.db import connection

from tests.services import database_url, production_env


@pytest.fixture
def queue(settings):
    """Jobs are queued in the database, as in production, not run at once."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def worker_env(queue, settings):
    """The environment of a worker process on this test's database and media folder.

    The test must commit what the worker reads: mark it
    ``django_db(transaction=True, serialized_rollback=True)``.
    """
    return production_env(
        DATABASE_URL=database_url(connection.settings_dict), MEDIA_ROOT=settings.MEDIA_ROOT
    )
