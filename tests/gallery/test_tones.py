"""Renditions keep a photo's tones, whatever mode its file is in.

Each test makes a real file of one mode with Pillow (gradients, never a flat colour),
uploads it through the admin's photo form, and compares the mean brightness of each
rendition with the original's: converted with its tones kept, and laid on white where
it is transparent (JPEG has no alpha; WebP and AVIF keep it).
"""

import io

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from PIL import Image, ImageStat

from gallery.models import Photo
from gallery.renditions import FORMATS
from tests.admin.forms import form_data
from tests.gallery.images import encode, upload

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:gallery_photo_add")
WIDTH, HEIGHT = 600, 400
# The most two means may differ, as a share of the 0-255 range.
TOLERANCE = 0.03


def ramp(width=WIDTH, height=HEIGHT):
    """Grey from black at the left to white at the right, darker towards the bottom."""
    across = Image.linear_gradient("L").rotate(90).resize((width, height))
    down = Image.linear_gradient("L").resize((width, height))
    return Image.blend(across, down.point(lambda v: 255 - v), 0.25)


def colour_ramp():
    grey = ramp()
    return Image.merge(
        "RGB", (grey, grey.rotate(180), grey.transpose(Image.Transpose.FLIP_LEFT_RIGHT))
    )


def alpha_ramp():
    """Opaque at the top, fully transparent at the bottom."""
    return Image.linear_gradient("L").point(lambda v: 255 - v).resize((WIDTH, HEIGHT))


def sixteen_bit_grey_png():
    image = ramp().convert("I").point(lambda v: v * 257).convert("I;16")  # 0-65535
    return encode(image, "PNG")


def one_bit_png():
    return encode(ramp().convert("1"), "PNG")  # dithered: the share of white dots is the tone


def palette_png():
    return encode(colour_ramp().convert("P", palette=Image.Palette.ADAPTIVE, colors=200), "PNG")


def palette_png_with_transparency():
    image = colour_ramp().convert("P", palette=Image.Palette.ADAPTIVE, colors=200)
    # The lower left quarter's colours are transparent.
    corner = {index for _, index in image.crop((0, HEIGHT // 2, WIDTH // 2, HEIGHT)).getcolors()}
    image = image.point(lambda i: 0 if i in corner else i)
    return encode(image, "PNG", transparency=0)


def cmyk_jpeg():
    grey = ramp()
    image = Image.merge("CMYK", (grey, grey.rotate(180), Image.new("L", grey.size, 40), grey))
    return encode(image, "JPEG", quality=92)


def rgba_png():
    image = colour_ramp().convert("RGBA")
    image.putalpha(alpha_ramp())
    return encode(image, "PNG")


def la_png():
    # Dark where it is transparent: dropping the alpha shows the dark pixels.
    grey = ramp().point(lambda v: v // 3)
    return encode(Image.merge("LA", (grey, alpha_ramp())), "PNG")


def rgba_webp():
    image = colour_ramp().convert("RGBA")
    image.putalpha(alpha_ramp())
    return encode(image, "WEBP", lossless=True)


def on_white(image):
    """``image`` as the grey a reader sees: modes with alpha laid on white first."""
    image.load()
    if image.mode in SIXTEEN_BIT:
        image = image.convert("I").point(lambda v: v * (255 / 65535)).convert("L")
    if image.has_transparency_data:
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        white.alpha_composite(rgba)
        image = white
    return image.convert("RGB").convert("L")


SIXTEEN_BIT = {"I;16", "I;16B", "I;16L", "I"}


def brightness(image):
    return ImageStat.Stat(on_white(image)).mean[0]


def opened(data):
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def upload_as_an_editor(client, data, name, content_type):
    form = form_data(client.get(ADD_URL), "photo_form")
    form.update(
        image=upload(data, name, content_type),
        title="Tones",
        slug="tones",
        alt_text="A gradient.",
        credit="Launch Desk",
    )
    response = client.post(ADD_URL, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Photo.objects.get(slug="tones")


def stored(name):
    with default_storage.open(name, "rb") as fh:
        return opened(fh.read())


FILES = {
    "16-bit grey PNG": (sixteen_bit_grey_png, "I;16", "grey.png", "image/png", False),
    "1-bit PNG": (one_bit_png, "1", "dots.png", "image/png", False),
    "palette PNG": (palette_png, "P", "palette.png", "image/png", False),
    "palette PNG with transparency": (
        palette_png_with_transparency, "P", "see-through.png", "image/png", True,
    ),
    "CMYK JPEG": (cmyk_jpeg, "CMYK", "print.jpg", "image/jpeg", False),
    "RGBA PNG": (rgba_png, "RGBA", "fade.png", "image/png", True),
    "LA PNG": (la_png, "LA", "grey-fade.png", "image/png", True),
    "RGBA WebP": (rgba_webp, "RGBA", "fade.webp", "image/webp", True),
}  # fmt: skip


@pytest.mark.parametrize("kind", FILES)
def test_every_rendition_keeps_the_tones_of_the_original(editor_client, kind):
    make, mode, name, content_type, transparent = FILES[kind]
    data = make()
    original = opened(data)
    assert original.mode == mode  # the file really is of the mode under test
    expected = brightness(original)

    photo = upload_as_an_editor(editor_client, data, name, content_type)

    assert photo.renditions_ready
    for purpose in ("thumbnail", "card", "tablet"):
        for fmt in FORMATS:
            rendition = stored(photo.renditions[purpose][fmt])
            found = brightness(rendition)
            assert abs(found - expected) <= 255 * TOLERANCE, (
                f"{purpose} {fmt}: mean {found:.1f}, the original's {expected:.1f}"
            )
            if fmt == "jpeg":
                assert rendition.mode in ("RGB", "L")
            elif transparent:
                # WebP and AVIF keep the transparency rather than lay it on white.
                assert rendition.mode == "RGBA"
                assert rendition.getchannel("A").getextrema()[0] < 128


@pytest.mark.parametrize("kind", ["16-bit grey PNG", "LA PNG"])
def test_the_stored_original_keeps_its_tones_too(editor_client, kind):
    make, _, name, content_type, _ = FILES[kind]
    data = make()

    photo = upload_as_an_editor(editor_client, data, name, content_type)

    found, expected = brightness(stored(photo.image.name)), brightness(opened(data))
    assert abs(found - expected) <= 255 * TOLERANCE
