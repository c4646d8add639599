"""What ``restore`` refuses, what a broken file leaves behind (nothing), and how it
reports media files the content names but storage does not hold."""

import json
import logging
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from articles.models import Article
from gallery.models import Photo
from gallery.storage import originals_storage
from missions.models import Person
from search.models import SearchEntry
from tests.factories import ArticleFactory, PersonFactory, PhotoFactory, UserFactory, image_file

pytestmark = pytest.mark.django_db


def restore(path, *args):
    out = StringIO()
    call_command("restore", str(path), *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def dump(tmp_path):
    """A backup of one article, one reporter and an account, then an empty database."""
    ArticleFactory(headline="Soyuz MS-09 docks", slug="soyuz-ms-09-docks")
    PersonFactory(name="Ada Reporter", slug="ada-reporter")
    UserFactory(username="desk")
    path = tmp_path / "launchdesk.json"
    call_command("backup", str(path), stdout=StringIO())
    Article.objects.all().delete()
    Person.objects.all().delete()
    get_user_model().objects.all().delete()
    return path


def test_restore_refuses_a_database_with_content(dump):
    PersonFactory(name="Someone already here")

    with pytest.raises(CommandError, match=r"already holds content \(1 people\).*--merge"):
        restore(dump)

    assert not Article.objects.exists()


def test_restore_with_merge_loads_over_content(dump):
    PersonFactory(name="Someone already here")

    restore(dump, "--merge")

    assert Article.objects.get().headline == "Soyuz MS-09 docks"
    assert Person.objects.count() == 2


def test_a_dump_with_one_bad_record_restores_nothing(dump):
    records = json.loads(dump.read_text())
    records.append(
        {
            "model": "articles.block",
            "fields": {"article": ["soyuz-ms-09-docks"], "photo": ["no-such-photo"], "order": 9},
        }
    )
    dump.write_text(json.dumps(records))

    with pytest.raises(CommandError, match="Nothing was restored from .*no-such-photo"):
        restore(dump)

    assert not Article.objects.exists()
    assert not Person.objects.exists()
    assert not SearchEntry.objects.exists()


def test_a_cut_off_dump_restores_nothing(dump):
    dump.write_text(dump.read_text()[:-200])

    with pytest.raises(CommandError, match="Nothing was restored: .* is not a JSON dump"):
        restore(dump)

    assert not Article.objects.exists()


def test_a_dump_naming_permissions_by_number_is_refused(tmp_path):
    """Permission numbers differ between databases: loaded as they are, the Editors
    group of such a dump gets other rights, those over accounts among them."""
    path = tmp_path / "numbered.json"
    call_command("dumpdata", "auth.group", output=str(path), verbosity=0)

    with pytest.raises(CommandError, match="names permissions or groups by number"):
        restore(path)


def test_restore_rebuilds_the_search_index(dump):
    out = restore(dump)

    assert f"Restored {dump}: articles: 1, photo essays: 0, photos: 0, people: 1," in out
    assert "Search index rebuilt: 1 article, 0 essay, 0 photo, 1 person, 0 mission." in out
    assert SearchEntry.objects.get(kind="article").title == "Soyuz MS-09 docks"


@pytest.fixture
def photos_dump(tmp_path):
    """Two photos with their renditions made, backed up; then an empty database."""
    for slug in ["liftoff", "rollout"]:
        PhotoFactory(title=slug.title(), slug=slug, image=image_file(width=480, height=320))
    path = tmp_path / "launchdesk.json"
    call_command("backup", str(path), stdout=StringIO())
    # Deleting the rows in the test's transaction leaves their files in storage.
    Photo.objects.all().delete()
    return path


def test_restore_names_missing_media_files_and_counts_them(photos_dump):
    records = json.loads(photos_dump.read_text())
    liftoff, rollout = (r["fields"] for r in records if r["model"] == "gallery.photo")
    lost_original = liftoff["image"]
    lost_renditions = [rollout["renditions"]["card"]["avif"], rollout["renditions"]["full"]["jpeg"]]
    originals_storage.delete(lost_original)
    for name in lost_renditions:
        default_storage.delete(name)

    out = restore(photos_dump)

    assert (
        "3 files that the content names are missing from media storage "
        "(originals: 1, renditions: 2):" in out
    )
    for name in [lost_original, *lost_renditions]:
        assert name in out
    assert f"{lost_original}  (original of photo “liftoff”)" in out
    assert "Queued the renditions of 1 photo(s) whose original is there" in out
    # Jobs run at once in the tests: the rendition files are there again.
    assert all(default_storage.exists(name) for name in lost_renditions)


def test_restore_says_when_every_media_file_is_there(photos_dump):
    out = restore(photos_dump)

    assert "Media: every file the content names is in media storage." in out
    assert Photo.objects.filter(rendition_state="ready").count() == 2


def test_the_media_list_names_every_file_of_the_backup(photos_dump):
    listed = photos_dump.with_name("launchdesk.media.txt").read_text().splitlines()

    records = json.loads(photos_dump.read_text())
    originals = [r["fields"]["image"] for r in records if r["model"] == "gallery.photo"]
    assert len(listed) == 2 + 2 * 18
    assert listed[:2] == originals
    assert all(originals_storage.exists(name) for name in listed[:2])
    assert all(default_storage.exists(name) for name in listed[2:])


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_plain_loaddata_of_a_photo_whose_file_is_missing_says_so(tmp_path, caplog):
    photo = PhotoFactory(slug="liftoff", image=image_file(width=480, height=320))
    path = tmp_path / "launchdesk.json"
    call_command("backup", str(path), stdout=StringIO())
    name = photo.image.name
    photo.delete()
    assert not originals_storage.exists(name)
    records = json.loads(path.read_text())
    # Renditions recorded as not made yet: the load looks for the original.
    (fields,) = (r["fields"] for r in records if r["model"] == "gallery.photo")
    fields.update(rendition_state="pending", renditions={})
    path.write_text(json.dumps(records))

    with caplog.at_level(logging.WARNING, logger="gallery.signals"):
        call_command("loaddata", str(path), verbosity=0)

    assert Photo.objects.get().image.name == name
    assert f"Photo liftoff: its image {name} is not in media storage." in caplog.text
