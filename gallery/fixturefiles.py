"""Images that ship beside the fixtures, copied into media storage by loaddata."""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files import File

from .storage import originals_storage


def fixture_dirs():
    for app in apps.get_app_configs():
        yield Path(app.path) / "fixtures"
    for folder in settings.FIXTURE_DIRS:
        yield Path(folder)


def copy_fixture_image(name):
    """Put the fixture's image file ``name`` among the originals unless it is there already.

    Returns True when a file was copied.
    """
    if originals_storage.exists(name):
        return False
    for folder in fixture_dirs():
        source = folder / name
        if source.is_file():
            with source.open("rb") as fh:
                saved = originals_storage.save(name, File(fh))
            if saved != name:
                raise RuntimeError(f"Storage renamed {name} to {saved}")
            return True
    raise FileNotFoundError(f"No fixture folder holds the image {name}")
