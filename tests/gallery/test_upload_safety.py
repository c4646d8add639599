"""Only real photos get in: each refused kind of file gets a message saying what is wrong."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from PIL import Image

from gallery.forms import PhotoAdminForm
from gallery.models import Photo
from tests.admin.forms import form_data
from tests.gallery.images import (
    animated_png,
    camera_jpeg,
    encode,
    png_chunk,
    png_declaring,
    png_with_text,
    two_colour_image,
    upload,
)

pytestmark = pytest.mark.django_db

FIELDS = {"title": "Liftoff", "slug": "liftoff", "status": "draft", "publish_at": "2018-06-06"}


def image_errors(file):
    form = PhotoAdminForm(data=FIELDS, files={"image": file})
    assert not form.is_valid()
    return " ".join(form.errors["image"])


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("liftoff.jpg", "JPEG"),
        ("liftoff.png", "PNG"),
        ("liftoff.webp", "WEBP"),
        ("liftoff.avif", "AVIF"),
    ],
)
def test_jpeg_png_webp_and_avif_are_accepted_and_kept_in_their_format(name, fmt):
    form = PhotoAdminForm(
        data=FIELDS, files={"image": upload(encode(two_colour_image(), fmt), name)}
    )

    assert form.is_valid(), form.errors
    photo = form.save()
    assert photo.image.name.endswith(name)
    with photo.image.open("rb"), Image.open(photo.image) as stored:
        assert stored.format == fmt


SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
)
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"
TEXT = b"Liftoff at 11:12 UTC from Baikonur.\n" * 20


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("drawing.jpg", SVG, "“drawing.jpg” is an SVG drawing, not a photo."),
        ("page.jpg", HTML, "“page.jpg” is an HTML page, not an image."),
        ("document.jpg", PDF, "“document.jpg” is a PDF document, not an image."),
        ("notes.jpg", TEXT, "“notes.jpg” is a text file, not an image."),
        ("animation.gif", encode(two_colour_image(), "GIF"), "is a GIF image"),
    ],
    ids=["svg", "html", "pdf", "text", "gif"],
)
def test_a_file_that_is_not_an_accepted_image_is_refused_saying_what_it_is(name, data, message):
    errors = image_errors(upload(data, name))

    assert message in errors
    assert "Upload a JPEG, PNG, WebP or AVIF image." in errors


def test_an_image_whose_extension_disagrees_with_its_content_is_refused():
    errors = image_errors(upload(encode(two_colour_image(), "PNG"), "liftoff.jpg"))

    assert "“liftoff.jpg” is a PNG image but its name ends in “.jpg”" in errors
    assert "Rename it to end in “.png”" in errors


def test_a_png_carrying_html_in_a_text_chunk_is_refused():
    polyglot = png_with_text("Comment", "<html><script>alert(document.cookie)</script></html>")

    errors = image_errors(upload(polyglot, "polyglot.png"))

    assert "“polyglot.png” has web page or script code hidden inside the image file" in errors


def test_a_png_with_html_after_its_end_is_refused():
    polyglot = encode(two_colour_image(), "PNG") + b"<script>alert(1)</script>"

    assert "has web page or script code hidden" in image_errors(upload(polyglot, "trailer.png"))


def test_a_jpeg_with_a_script_in_its_comment_is_refused():
    polyglot = encode(two_colour_image(), "JPEG", comment=b"<svg onload=alert(1)>")

    assert "has web page or script code hidden" in image_errors(upload(polyglot, "comment.jpg"))


def test_markup_like_bytes_in_the_pixel_data_do_not_refuse_a_photo():
    # Compressed pixels are random-looking bytes in which a tag can occur by chance;
    # only metadata and what follows the image are searched. Here the pixel data
    # holds "<img src=x>" literally (uncompressed, unfiltered palette indexes).
    row = list(b"<img src=x>") + [0] * 53
    image = Image.new("P", (64, 4))
    image.putpalette([v for grey in range(256) for v in (grey, grey, grey)])
    image.putdata(row * 4)
    data = encode(image, "PNG", compress_level=0)
    assert b"<img src=x>" in data

    form = PhotoAdminForm(data=FIELDS, files={"image": upload(data, "grey.png")})

    assert form.is_valid(), form.errors


def test_a_file_over_25_mb_is_refused():
    big = camera_jpeg() + b"\0" * (26 * 1024 * 1024)

    errors = image_errors(upload(big, "huge.jpg"))

    assert "“huge.jpg” is 26.0\xa0MB, more than the 25.0\xa0MB a photo can be." in errors


def test_an_image_over_50_megapixels_is_refused():
    errors = image_errors(upload(png_declaring(10_000, 6_000), "panorama.png"))

    assert "“panorama.png” is 10000 × 6000 pixels, 60 megapixels in all" in errors
    assert "the most a photo can have is 50 megapixels" in errors


def test_frames_of_an_animated_image_count_towards_the_megapixel_limit(settings):
    settings.PHOTO_UPLOAD_MAX_PIXELS = 25_000

    errors = image_errors(upload(animated_png(frames=3, size=(100, 100)), "animated.png"))

    assert "is 100 × 100 pixels in 3 frames" in errors


def test_a_decompression_bomb_is_refused_even_when_the_megapixel_limit_is_raised(settings):
    # Pillow only warns about this size and would decode it; the upload is refused.
    settings.PHOTO_UPLOAD_MAX_PIXELS = 10**12

    errors = image_errors(upload(png_declaring(12_000, 12_000), "bomb.png"))

    assert "“bomb.png” is too large to open safely: its header declares a picture" in errors


def test_a_truncated_jpeg_is_refused_as_damaged():
    data = camera_jpeg(800, 600)

    errors = image_errors(upload(data[: len(data) // 2], "cut.jpg"))

    assert "“cut.jpg” is damaged or incomplete" in errors


def test_a_png_with_a_corrupt_chunk_is_refused_as_damaged():
    data = encode(two_colour_image(), "PNG")
    idat = data.index(b"IDAT")
    corrupt = data[: idat + 10] + bytes(40) + data[idat + 50 :]

    assert "is damaged or incomplete" in image_errors(upload(corrupt, "corrupt.png"))


def test_the_admin_shows_the_refusal_on_the_image_field(editor_client):
    add_url = reverse("admin:gallery_photo_add")
    data = form_data(editor_client.get(add_url), "photo_form")
    data.update(FIELDS, image=upload(SVG, "drawing.jpg"))

    response = editor_client.post(add_url, data)

    assert response.status_code == 200
    assert not Photo.objects.exists()
    assert "“drawing.jpg” is an SVG drawing, not a photo." in response.content.decode()


def test_saving_a_photo_outside_the_admin_refuses_a_bad_file_too():
    photo = Photo(title="Liftoff", slug="liftoff", image=upload(HTML, "page.jpg"))

    with pytest.raises(ValidationError, match="is an HTML page"):
        photo.full_clean()
    with pytest.raises(ValidationError, match="is an HTML page"):
        photo.save()
    assert not Photo.objects.exists()


def test_a_chunk_with_a_bad_length_does_not_crash_the_check():
    data = encode(two_colour_image(), "PNG")
    broken = data[:33] + png_chunk(b"tEXt", b"a\0b")[:6] + b"\xff\xff" + data[33:]

    assert "“broken.png” is damaged or incomplete" in image_errors(upload(broken, "broken.png"))
