"""The code that renders pages, as one digest: a page rendered by other code is stale.

A deploy changes templates and views without changing any content, so the content
version (``caching.versions``) stays the same; the page cache's keys hold this digest
too, so the pages of the code before are never served by the code after. During a
rolling deploy each release serves the pages it rendered.

The digest covers the project's own code and templates, the collected static files'
manifest (the hashed names pages link to) and Django's version. It is computed once
per process, when the first page is looked up; gunicorn's master does it once for
its workers.
"""

import functools
import hashlib
import sys
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings

SUFFIXES = {".py", ".html", ".txt", ".xml", ".json"}


def code_digest(folders, extra=""):
    """A digest of every file under ``folders`` with one of ``SUFFIXES``, by path and
    contents."""
    digest = hashlib.sha256(extra.encode())
    for folder in sorted({Path(f) for f in folders}):
        for path in sorted(folder.rglob("*")):
            if path.suffix in SUFFIXES and path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(folder)).encode() + b"\0")
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def project_folders():
    # The project's apps; not those installed in the environment (a virtualenv may
    # sit in the checkout), which Django's version stands for.
    base, installed = Path(settings.BASE_DIR), Path(sys.prefix)
    folders = [Path(config.path) for config in apps.get_app_configs()]
    folders = [f for f in folders if f.is_relative_to(base) and not f.is_relative_to(installed)]
    folders += [Path(d) for engine in settings.TEMPLATES for d in engine.get("DIRS", [])]
    folders.append(base / "config")
    return folders


@functools.cache
def release():
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    extra = django.get_version() + (manifest.read_text() if manifest.is_file() else "")
    return code_digest(project_folders(), extra)
