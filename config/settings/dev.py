"""Local development: DEBUG on, served on 127.0.0.1:8000 with SQLite by default."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "dev-only-not-secret"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]

# Static files straight from the apps' folders; no collectstatic needed to serve.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SERVE_MEDIA = True

# No worker to start: a photo's renditions are made as it is saved. Run
# `manage.py worker` and set TASKS_IMMEDIATE=0 to try the queue as production runs it.
if os.environ.get("TASKS_IMMEDIATE", "1") == "1":
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
