"""The test suite: fast hashing, files written to a temporary media folder."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

MEDIA_ROOT = tempfile.mkdtemp(prefix="newsroom-test-media-")

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not memory: the tests of workers and app servers run them as processes
    # of their own on the test database. The test run deletes it at the end.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(Path(tempfile.gettempdir()) / f"launchdesk-test-{os.getpid()}.sqlite3")
    }

# Local files and memory, whatever the shell exports: the tests that need object
# storage or Redis start or name their own (tests/services.py).
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "originals": {"BACKEND": "gallery.storage.StaffOnlyFileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SERVE_MEDIA = True
# Tests run without collectstatic: look for static files when asked, not in a
# STATIC_ROOT indexed at start-up.
WHITENOISE_AUTOREFRESH = True
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Off, so a test sees each change at once; tests/caching/ switch it on.
PAGE_CACHE_SECONDS = 0

# Jobs run as they are queued, inside the test's transaction; the tests of the queue
# itself (tests/jobs/) use the database backend and a real worker.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
