"""Renditions exist before a reader asks: made on save, on loaddata and by a command."""

import io
import json
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from PIL import Image

from gallery.models import Photo
from gallery.renditions import FORMATS, WIDTHS
from tests.factories import PhotoFactory
from tests.gallery.images import BLUE, RED, camera_jpeg, upload

pytestmark = pytest.mark.django_db


def stored_image(name):
    with default_storage.open(name, "rb") as fh:
        image = Image.open(io.BytesIO(fh.read()))
        image.load()
        return image


def near(colour, expected, tolerance=40):
    return all(abs(a - b) <= tolerance for a, b in zip(colour[:3], expected, strict=True))


def all_rendition_names(photo):
    return [entry[fmt] for entry in photo.renditions.values() for fmt in FORMATS]


def new_photo(data, name="photo.jpg", **fields):
    photo = Photo(image=upload(data, name), title="Liftoff", slug=fields.pop("slug", "liftoff"))
    for field, value in fields.items():
        setattr(photo, field, value)
    photo.save()
    return photo


def test_saving_a_photo_makes_every_rendition_at_its_recorded_size(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        photo = new_photo(camera_jpeg(2400, 1600))

    assert set(photo.renditions) == set(WIDTHS)
    for purpose, entry in photo.renditions.items():
        expected = (min(WIDTHS[purpose], 2400), round(1600 * min(WIDTHS[purpose], 2400) / 2400))
        assert (entry["width"], entry["height"]) == expected
        for fmt in FORMATS:
            assert stored_image(entry[fmt]).size == expected


def test_a_camera_photo_with_an_orientation_tag_shows_upright_in_every_rendition():
    # Stored sideways (landscape pixels) with "turn 90° clockwise to view": upright,
    # the left (red) half of the pixels is the top of the photo.
    photo = new_photo(camera_jpeg(400, 300, orientation=6))

    assert (photo.width, photo.height) == (300, 400)
    assert photo.is_portrait
    for name in all_rendition_names(photo):
        rendition = stored_image(name).convert("RGB")
        assert rendition.size == (300, 400)
        assert near(rendition.getpixel((150, 50)), RED)
        assert near(rendition.getpixel((150, 350)), BLUE)


def test_the_stored_original_is_upright_and_keeps_no_exif_or_gps():
    photo = new_photo(camera_jpeg(400, 300, orientation=6, gps=True))

    original = stored_image(photo.image.name)
    assert original.size == (300, 400)
    assert near(original.convert("RGB").getpixel((150, 50)), RED)
    assert not original.getexif()
    assert "exif" not in original.info
    assert b"Exif" not in default_storage.open(photo.image.name).read()


def test_renditions_carry_no_gps_either():
    photo = new_photo(camera_jpeg(400, 300, gps=True))

    for name in all_rendition_names(photo):
        assert not stored_image(name).getexif().get_ifd(0x8825)


@pytest.fixture
def fixture_dir(tmp_path, settings):
    """A tiny fixture with one photo whose image ships beside it, stored sideways."""
    folder = tmp_path / "fixtures"
    (folder / "photos" / "tests").mkdir(parents=True)
    (folder / "photos" / "tests" / "sideways.jpg").write_bytes(camera_jpeg(400, 300, orientation=6))
    record = {
        "model": "gallery.photo",
        "fields": {
            "image": "photos/tests/sideways.jpg",
            "width": 400,
            "height": 300,
            "title": "Sideways",
            "slug": "sideways",
            "status": "published",
            "publish_at": "2018-06-09T12:00:00Z",
            "created_at": "2018-06-09T12:00:00Z",
            "updated_at": "2018-06-09T12:00:00Z",
        },
    }
    (folder / "tiny_photo.json").write_text(json.dumps([record]))
    settings.FIXTURE_DIRS = [folder]
    return folder


def test_loading_a_fixture_copies_its_image_and_makes_upright_renditions(
    fixture_dir, django_capture_on_commit_callbacks
):
    if default_storage.exists("photos/tests/sideways.jpg"):
        default_storage.delete("photos/tests/sideways.jpg")

    with django_capture_on_commit_callbacks(execute=True):
        call_command("loaddata", "tiny_photo", verbosity=0)

    photo = Photo.objects.get(slug="sideways")
    assert default_storage.exists(photo.image.name)
    assert (photo.width, photo.height) == (300, 400)
    assert set(photo.renditions) == set(WIDTHS)
    for name in all_rendition_names(photo):
        rendition = stored_image(name).convert("RGB")
        assert rendition.size == (300, 400)
        assert near(rendition.getpixel((150, 50)), RED)


def test_the_command_makes_missing_renditions_and_reports_the_count():
    photo = PhotoFactory()
    lost = photo.renditions["slide"]["webp"]
    default_storage.delete(lost)
    out = io.StringIO()

    call_command("regenerate_renditions", stdout=out)

    assert default_storage.exists(lost)
    assert "1/1" in out.getvalue()
    assert "1 of 1 photos; 1 rendition files written" in out.getvalue()


def test_the_command_with_force_rewrites_every_rendition_in_place():
    photo = PhotoFactory()
    out = io.StringIO()

    call_command("regenerate_renditions", "--force", stdout=out)

    assert f"{len(WIDTHS) * len(FORMATS)} rendition files written" in out.getvalue()
    photo.refresh_from_db()
    folder = str(Path(photo.renditions["slide"]["jpeg"]).parent)
    assert len(default_storage.listdir(folder)[1]) == len(WIDTHS) * len(FORMATS)


def test_the_command_records_renditions_of_a_photo_saved_before_they_were_recorded():
    photo = PhotoFactory()
    recorded = photo.renditions
    Photo.objects.filter(pk=photo.pk).update(renditions={})

    call_command("regenerate_renditions", stdout=io.StringIO())

    photo.refresh_from_db()
    assert photo.renditions == recorded


def test_replacing_the_image_removes_the_old_original_and_its_renditions(
    django_capture_on_commit_callbacks,
):
    photo = new_photo(camera_jpeg(800, 600), "first.jpg")
    old_files = [photo.image.name, *all_rendition_names(photo)]

    photo = Photo.objects.get(pk=photo.pk)
    photo.image = upload(camera_jpeg(600, 800), "second.jpg")
    with django_capture_on_commit_callbacks(execute=True):
        photo.save()

    assert not any(default_storage.exists(name) for name in old_files)
    assert photo.image.name.endswith("/second.jpg")
    assert (photo.width, photo.height) == (600, 800)
    assert all(default_storage.exists(name) for name in all_rendition_names(photo))


def test_replacing_the_image_keeps_files_another_photo_still_uses(
    django_capture_on_commit_callbacks,
):
    photo = new_photo(camera_jpeg(800, 600), "shared.jpg")
    twin = Photo.objects.create(image=photo.image.name, title="Twin", slug="twin")
    shared_files = [photo.image.name, *all_rendition_names(photo)]

    photo = Photo.objects.get(pk=photo.pk)
    photo.image = upload(camera_jpeg(600, 800), "other.jpg")
    with django_capture_on_commit_callbacks(execute=True):
        photo.save()

    assert all(default_storage.exists(name) for name in shared_files)
    assert sorted(all_rendition_names(twin)) == sorted(shared_files[1:])


def test_deleting_a_photo_removes_its_files(django_capture_on_commit_callbacks):
    photo = new_photo(camera_jpeg(800, 600), "gone.jpg")
    files = [photo.image.name, *all_rendition_names(photo)]

    with django_capture_on_commit_callbacks(execute=True):
        photo.delete()

    assert not any(default_storage.exists(name) for name in files)


def test_editing_a_photo_without_a_new_image_leaves_its_files_alone(
    django_capture_on_commit_callbacks,
):
    photo = new_photo(camera_jpeg(800, 600))
    recorded = photo.renditions

    photo = Photo.objects.get(pk=photo.pk)
    photo.title = "Retitled"
    with django_capture_on_commit_callbacks(execute=True):
        photo.save()

    assert Photo.objects.get(pk=photo.pk).renditions == recorded
    assert all(default_storage.exists(name) for name in all_rendition_names(photo))
