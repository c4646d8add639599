"""Saving a photo again never changes its size or which way up it shows.

A camera JPEG stores a portrait photo as landscape pixels and an EXIF orientation
tag. Uploads are stored upright, but an original that reached storage another way
(the launch story's fixtures, a script) keeps its tag, and the admin's change form
assigns the image again on every save.
"""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.urls import reverse
from PIL import Image, ImageOps

from gallery.models import Photo, photo_upload_to
from tests.admin.forms import form_data
from tests.factories import PhotoFactory
from tests.gallery.images import camera_jpeg, upload

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:gallery_photo_add")
ORIENTATIONS = range(1, 9)
# Upright, a 400 x 300 camera photo is 300 x 400 for these: they turn it a quarter.
QUARTER_TURNS = (5, 6, 7, 8)
SEED_PHOTO = (
    Path(settings.BASE_DIR)
    / "gallery"
    / "fixtures"
    / "photos"
    / "launch-story"
    / "goodbye-earth.jpg"
)


def upright(data):
    return ImageOps.exif_transpose(Image.open(io.BytesIO(data))).convert("RGB")


def stored(name):
    with default_storage.open(name, "rb") as fh:
        image = Image.open(io.BytesIO(fh.read()))
        image.load()
    return image.convert("RGB")


def near(colour, expected, tolerance=40):
    return all(abs(a - b) <= tolerance for a, b in zip(colour, expected, strict=True))


def assert_shows_like(photo, expected):
    """Every rendition has the photo's size and shows the upright image's colours."""
    for entry in photo.renditions.values():
        assert entry["height"] * expected.width == pytest.approx(
            entry["width"] * expected.height, rel=0.02
        )
        for fmt in ("jpeg", "webp", "avif"):
            rendition = stored(entry[fmt])
            assert rendition.size == (entry["width"], entry["height"])
            scaled = expected.resize(rendition.size)
            for x, y in [(0.1, 0.1), (0.9, 0.1), (0.1, 0.9), (0.9, 0.9)]:
                point = (int(x * rendition.width), int(y * rendition.height))
                assert near(rendition.getpixel(point), scaled.getpixel(point)), (fmt, point)


def resave_in_the_admin(client, photo):
    """The change form posted back as the editor sees it, with no new file."""
    url = reverse("admin:gallery_photo_change", args=[photo.pk])
    data = form_data(client.get(url), "photo_form")
    assert "image" not in data
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Photo.objects.get(pk=photo.pk)


def add_in_the_admin(client, data):
    form = form_data(client.get(ADD_URL), "photo_form")
    form.update(
        image=upload(data), title="Turned", slug="turned", alt_text="A photo.", credit="NASA"
    )
    assert client.post(ADD_URL, form).status_code == 302
    return Photo.objects.get(slug="turned")


def stored_as_is(data, name="camera.jpg"):
    """An original put in storage with its EXIF tag, as a fixture's image is."""
    return default_storage.save(photo_upload_to(None, name), io.BytesIO(data))


@pytest.mark.parametrize("orientation", ORIENTATIONS)
def test_an_uploaded_photo_saved_again_keeps_its_size_and_way_up(editor_client, orientation):
    data = camera_jpeg(400, 300, orientation=orientation)
    size = (300, 400) if orientation in QUARTER_TURNS else (400, 300)

    photo = add_in_the_admin(editor_client, data)
    assert (photo.width, photo.height) == size
    renditions = photo.renditions

    photo = resave_in_the_admin(editor_client, photo)
    assert (photo.width, photo.height) == size
    photo.save()
    photo.refresh_from_db()
    assert (photo.width, photo.height) == size
    assert photo.renditions == renditions
    assert_shows_like(photo, upright(data))


@pytest.mark.parametrize("orientation", ORIENTATIONS)
def test_a_stored_original_with_an_orientation_tag_keeps_its_size_when_saved_again(
    editor_client, orientation
):
    data = camera_jpeg(400, 300, orientation=orientation)
    size = (300, 400) if orientation in QUARTER_TURNS else (400, 300)
    photo = PhotoFactory(image=stored_as_is(data))
    assert (photo.width, photo.height) == size

    photo = resave_in_the_admin(editor_client, photo)

    assert (photo.width, photo.height) == size
    assert photo.is_portrait == (orientation in QUARTER_TURNS)


@pytest.mark.parametrize("orientation", [3, 6, 8])
def test_saving_again_in_code_keeps_the_size_and_renditions_made_again_stay_upright(orientation):
    data = camera_jpeg(400, 300, orientation=orientation)
    photo = PhotoFactory(image=stored_as_is(data))
    size = (photo.width, photo.height)

    photo = Photo.objects.get(pk=photo.pk)
    photo.save()
    photo = Photo.objects.get(pk=photo.pk)
    # Assigning the same file again, as a form or a script may.
    photo.image = photo.image.name
    photo.save()
    photo.refresh_from_db()
    assert (photo.width, photo.height) == size

    photo.queue_renditions(force=True)
    photo.refresh_from_db()
    assert photo.renditions["full"]["width"] == size[0]
    assert_shows_like(photo, upright(data))


def test_the_seed_portrait_stays_2000_by_2667_when_an_editor_saves_it_again(editor_client):
    # The launch story's own file: 2667 x 2000 pixels tagged "turn 90 degrees".
    with SEED_PHOTO.open("rb") as fh:
        photo = PhotoFactory(image=stored_as_is(fh.read(), "goodbye-earth.jpg"))
    assert (photo.width, photo.height) == (2000, 2667)

    photo = resave_in_the_admin(editor_client, photo)

    assert (photo.width, photo.height) == (2000, 2667)
    assert photo.is_portrait
    assert photo.renditions["slide"]["height"] > photo.renditions["slide"]["width"]


def test_a_portrait_recorded_the_wrong_way_is_put_right_by_saving_it_again(editor_client):
    photo = PhotoFactory(image=stored_as_is(camera_jpeg(400, 300, orientation=6)))
    # What a save through the admin recorded before the image field measured upright.
    Photo.objects.filter(pk=photo.pk).update(width=400, height=300)

    photo = resave_in_the_admin(editor_client, Photo.objects.get(pk=photo.pk))

    assert (photo.width, photo.height) == (300, 400)
