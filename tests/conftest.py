"""Fixtures shared by the whole suite: the people who use the site, and clients for them."""

import shutil
import tempfile
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.storage import default_storage
from django.test import Client
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from hypothesis.configuration import set_hypothesis_home_dir

from tests.factories import PhotoFactory, UserFactory, image_file

# Hypothesis keeps a cache of its own even without an example database: in the
# temporary folder, not the checkout.
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "launchdesk-hypothesis")

# The property-based tests (hypothesis) draw the same examples on every run, so a
# failure in CI fails again on a laptop, and keep no example database in the
# checkout. Each test sets how many examples it draws; nothing is timed per example,
# as test machines are shared.
hypothesis_settings.register_profile(
    "launchdesk",
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    # The examples reuse a test's database transaction and temporary media folder,
    # which is what they check.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
hypothesis_settings.load_profile("launchdesk")


@pytest.fixture(scope="session", autouse=True)
def _remove_test_media():
    """The test settings put uploads in a fresh temporary folder; remove it afterwards."""
    yield
    media_root = str(settings.MEDIA_ROOT)
    if media_root.startswith(tempfile.gettempdir()):
        shutil.rmtree(media_root, ignore_errors=True)


@pytest.fixture
def editors_group(db):
    """The group the data migration creates; editors get their rights from it."""
    return Group.objects.get(name="Editors")


@pytest.fixture
def editor(editors_group):
    """A newsroom editor: staff, not a superuser, a member of "Editors"."""
    user = UserFactory(username="editor", is_staff=True)
    user.groups.add(editors_group)
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def reader(db):
    """A logged-in reader with an account but no staff rights."""
    return UserFactory(username="reader")


@pytest.fixture
def reader_client(client, reader):
    client.force_login(reader)
    return client


@pytest.fixture
def anonymous_client():
    """A reader with no account, apart from ``client`` (which the staff fixtures log in)."""
    return Client()


@pytest.fixture
def staff_client(editor_client):
    """Anyone on the staff may preview drafts; the editor is the usual one."""
    return editor_client


@pytest.fixture
def shows_photo():
    """Whether a page shows a photo: its alt text, or any address of its image files.

    Every rendition of a photo lives under the photo's own random folder, so that
    folder's name appearing anywhere in the page means some size of it is shown.
    """

    def check(response, photo):
        page = response.content.decode()
        folder = photo.image.name.split("/")[1]
        return photo.alt_text in page or folder in page

    return check


@pytest.fixture
def quick_photo(db):
    """Make published photos that share one stored JPEG: quick when a test needs many.

    A photo whose file is already stored gets no renditions made on save; use
    ``PhotoFactory`` where the photo's own file or renditions matter.
    """
    name = default_storage.save("photos/shared/stand-in.jpg", image_file())

    def make(**fields):
        return PhotoFactory(image=name, **fields)

    yield make
    default_storage.delete(name)
