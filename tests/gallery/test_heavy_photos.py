"""Camera-sized files at the 50-megapixel limit are taken and made into renditions.

Each is a real 8600 x 5700 (49 MP) image. The renditions are made from a reduced
decode (JPEG ``draft``, ``reduce`` for the others), so none holds the whole photo
at full size more than once; bench/editor_save.py --heavy states the worker's peak
memory for each.
"""

import io

import pytest
from PIL import Image, ImageDraw

from gallery.models import Photo
from gallery.renditions import WIDTHS, RenditionState
from tests.gallery.images import upload

pytestmark = pytest.mark.django_db

SIZE = (8600, 5700)


def heavy(fmt, **options):
    image = Image.linear_gradient("L").resize(SIZE).convert("RGB")
    ImageDraw.Draw(image).ellipse((2000, 1000, 6000, 5000), fill=(230, 140, 40))
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("fmt", "name", "options"),
    [
        ("JPEG", "heavy.jpg", {"quality": 90}),
        ("PNG", "heavy.png", {"compress_level": 1}),
        ("AVIF", "heavy.avif", {"speed": 10, "quality": 60}),
    ],
)
def test_a_49_megapixel_photo_is_stored_and_gets_every_rendition(fmt, name, options):
    photo = Photo(image=upload(heavy(fmt, **options), name), title=fmt, slug=fmt.lower())
    photo.full_clean()
    photo.save()

    assert (photo.width, photo.height) == SIZE
    assert photo.rendition_state == RenditionState.READY, photo.rendition_error
    full = photo.renditions["full"]
    assert (full["width"], full["height"]) == (WIDTHS["full"], round(5700 * 2048 / 8600))
    with photo.image.storage.open(full["webp"]) as fh:
        made = Image.open(fh)
        assert made.size == (full["width"], full["height"])
        # The disc in the middle survives the reduced decode, in its colour.
        assert made.convert("RGB").getpixel((made.width // 2, made.height // 2))[0] > 200
