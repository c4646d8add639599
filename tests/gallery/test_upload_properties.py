"""Whatever bytes arrive under whatever name, the upload checker answers with a message.

Property-based: hypothesis draws random bytes, real JPEG, PNG, WebP and AVIF files
with bytes flipped, cut short or given huge declared sizes, and names with the wrong
extension. For each, ``check_photo_file``, the admin's photo form and ``Photo.save()``
either accept the file or refuse it with a ValidationError (the form: an error on
its image field), never another exception, and a refused file leaves nothing in the
media folder.
"""

import os
import struct
from functools import cache

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from hypothesis import example, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from PIL import Image

from gallery.forms import PhotoAdminForm
from gallery.imaging import CheckedPhoto, check_photo_file
from gallery.models import Photo
from tests.gallery.images import camera_jpeg, encode, png_declaring, two_colour_image, upload

pytestmark = [
    pytest.mark.django_db,
    # Pillow warns about the EXIF that the flipped bytes damage, then reads on.
    pytest.mark.filterwarnings("ignore::UserWarning:PIL.TiffImagePlugin"),
]

FIELDS = {"title": "Liftoff", "slug": "liftoff", "status": "draft", "publish_at": "2018-06-06"}
NAMES = [
    "photo.jpg",
    "photo.jpeg",
    "photo.png",
    "photo.webp",
    "photo.avif",
    "photo.JPG",
    "photo.gif",
    "photo.svg",
    "photo.html",
    "photo",
    ".png",
    "photo.png.jpg",
    "../../etc/photo.jpg",
    "фото.webp",
]


@cache
def valid_files():
    """Small real files of every accepted format, some with metadata to mutate."""
    picture = two_colour_image(64, 48)
    return {
        "jpeg": camera_jpeg(64, 48, orientation=6, gps=True),
        "png": encode(picture, "PNG"),
        "png-alpha": encode(picture.convert("RGBA"), "PNG"),
        "webp": encode(picture, "WEBP", quality=80),
        "webp-lossless": encode(picture.convert("RGBA"), "WEBP", lossless=True),
        "avif": encode(picture, "AVIF", quality=60),
    }


def media_files():
    found = set()
    for folder, _, files in os.walk(settings.MEDIA_ROOT):
        found.update(os.path.join(folder, name) for name in files)
    return found


def check(data, name):
    """The checker's answer: a CheckedPhoto, or the ValidationError it raised."""
    try:
        result = check_photo_file(ContentFile(data, name=name), name)
    except ValidationError as error:
        assert error.messages and all(message.strip() for message in error.messages)
        return error
    assert isinstance(result, CheckedPhoto)
    # What is accepted is a picture that opens and decodes.
    with Image.open(result.original) as stored:
        stored.load()
        assert stored.size == result.size
    return result


def assert_refused_everywhere_without_leaving_a_file(data, name):
    """The form and ``Photo.save()`` refuse it with a message and store nothing."""
    before = media_files()
    form = PhotoAdminForm(data=FIELDS, files={"image": upload(data, name)})
    assert not form.is_valid()
    assert form.errors["image"]
    photo = Photo(image=ContentFile(data, name=name), title="Liftoff", slug="liftoff")
    with pytest.raises(ValidationError):
        photo.full_clean()
    with pytest.raises(ValidationError):
        photo.save()
    assert media_files() == before


def flip(data, positions, values):
    mutated = bytearray(data)
    for position, value in zip(positions, values, strict=False):
        mutated[position % len(mutated)] ^= value or 1
    return bytes(mutated)


@hypothesis_settings(max_examples=300)
@given(data=st.binary(max_size=4096), name=st.sampled_from(NAMES))
@example(data=b"", name="photo.jpg")
@example(data=b"\xff\xd8\xff", name="photo.jpg")
@example(data=b"\x89PNG\r\n\x1a\n", name="photo.png")
@example(data=b"RIFF\x00\x00\x00\x00WEBPVP8 ", name="photo.webp")
@example(data=b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1", name="photo.avif")
def test_random_bytes_are_refused_with_a_message(data, name):
    result = check(data, name)

    assert isinstance(result, ValidationError)


@hypothesis_settings(max_examples=400)
@given(
    kind=st.sampled_from(sorted(valid_files())),
    positions=st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=8),
    values=st.lists(st.integers(min_value=0, max_value=255), min_size=1, max_size=8),
    cut=st.one_of(st.none(), st.integers(min_value=0, max_value=10**6)),
)
def test_real_images_with_flipped_bytes_or_cut_short_are_accepted_or_refused(
    kind, positions, values, cut
):
    data = flip(valid_files()[kind], positions, values)
    if cut is not None:
        data = data[: cut % len(data)]
    name = {"jpeg": "photo.jpg", "avif": "photo.avif"}.get(kind, f"photo.{kind[:4]}")

    check(data, name)


@hypothesis_settings(max_examples=100)
@given(
    kind=st.sampled_from(sorted(valid_files())),
    positions=st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=4),
    values=st.lists(st.integers(min_value=1, max_value=255), min_size=1, max_size=4),
    cut=st.one_of(st.none(), st.integers(min_value=0, max_value=10**6)),
)
def test_a_damaged_image_the_checker_refuses_is_refused_by_form_and_model_and_not_stored(
    kind, positions, values, cut
):
    data = flip(valid_files()[kind], positions, values)
    if cut is not None:
        data = data[: cut % len(data)]
    name = {"jpeg": "photo.jpg", "avif": "photo.avif"}.get(kind, f"photo.{kind[:4]}")

    if isinstance(check(data, name), ValidationError):
        assert_refused_everywhere_without_leaving_a_file(data, name)


@hypothesis_settings(max_examples=200)
@given(
    kind=st.sampled_from(sorted(valid_files())),
    name=st.sampled_from(NAMES),
)
def test_a_real_image_under_another_formats_name_is_refused(kind, name):
    data = valid_files()[kind]
    fmt = {"jpeg": "JPEG", "png": "PNG", "webp": "WEBP", "avif": "AVIF"}[kind.split("-")[0]]
    extensions = {
        "JPEG": (".jpg", ".jpeg"),
        "PNG": (".png",),
        "WEBP": (".webp",),
        "AVIF": (".avif",),
    }[fmt]

    result = check(data, name)

    suffix = os.path.splitext(name)[1].lower()
    if suffix in extensions:
        assert isinstance(result, CheckedPhoto)
    else:
        assert isinstance(result, ValidationError)
        assert result.code == "wrong_extension"


@hypothesis_settings(max_examples=100)
@given(text=st.text(min_size=1, max_size=2000), name=st.sampled_from(NAMES))
def test_a_text_file_named_as_an_image_is_refused_and_not_stored(text, name):
    data = text.encode()

    assert isinstance(check(data, name), ValidationError)
    assert_refused_everywhere_without_leaving_a_file(data, name)


def jpeg_declaring(width, height):
    """A real small JPEG whose frame header claims ``width`` x ``height`` pixels."""
    data = bytearray(camera_jpeg(64, 48))
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def webp_declaring(width, height):
    """A lossless WebP whose bitstream header claims ``width`` x ``height`` pixels."""
    data = bytearray(encode(two_colour_image(64, 48), "WEBP", lossless=True))
    start = data.index(b"VP8L") + 8
    bits = (width - 1) | ((height - 1) << 14) | (data[start + 4] >> 5 << 29)
    data[start + 1 : start + 5] = bits.to_bytes(4, "little")
    return bytes(data)


@hypothesis_settings(max_examples=150)
@given(
    fmt=st.sampled_from(["png", "jpeg", "webp"]),
    width=st.integers(min_value=1, max_value=2**31 - 1),
    height=st.integers(min_value=1, max_value=2**31 - 1),
)
@example(fmt="png", width=100_000, height=100_000)
@example(fmt="jpeg", width=65_535, height=65_535)
@example(fmt="webp", width=16_384, height=16_384)
def test_huge_declared_sizes_are_refused_before_decoding(fmt, width, height):
    if fmt == "png":
        data, name = png_declaring(width, height), "photo.png"
    elif fmt == "jpeg":
        width, height = min(width, 65_535), min(height, 65_535)
        data, name = jpeg_declaring(width, height), "photo.jpg"
    else:
        width, height = min(width, 16_384), min(height, 16_384)
        data, name = webp_declaring(width, height), "photo.webp"

    result = check(data, name)

    if width * height > 50_000_000:
        assert isinstance(result, ValidationError)
        assert result.code in ("too_many_pixels", "damaged")
    if isinstance(result, ValidationError) and width * height > 50_000_000:
        assert_refused_everywhere_without_leaving_a_file(data, name)
