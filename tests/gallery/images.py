"""Real image files for the tests, made with Pillow in memory."""

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, PngImagePlugin

ORIENTATION = 0x0112
GPS_IFD = 0x8825
RED, BLUE = (220, 30, 30), (30, 30, 220)


def two_colour_image(width=400, height=300):
    """Left half red, right half blue: which way is up shows after a rotation."""
    image = Image.new("RGB", (width, height), BLUE)
    image.paste(RED, (0, 0, width // 2, height))
    return image


def encode(image, fmt="JPEG", **options):
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def camera_jpeg(width=400, height=300, orientation=1, gps=False):
    """A JPEG as a camera writes it: EXIF with an orientation tag and, if asked, GPS."""
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[0x010F] = "Camera maker"
    if gps:
        gps_ifd = exif.get_ifd(GPS_IFD)
        gps_ifd[1] = "N"
        gps_ifd[2] = (45.0, 57.0, 54.0)
        gps_ifd[3] = "E"
        gps_ifd[4] = (63.0, 18.0, 18.0)
    return encode(two_colour_image(width, height), "JPEG", exif=exif, quality=90)


def upload(data, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def png_chunk(kind, payload):
    return (
        struct.pack(">I", len(payload))
        + kind
        + payload
        + struct.pack(">I", zlib.crc32(kind + payload) & 0xFFFFFFFF)
    )


def png_declaring(width, height):
    """A tiny PNG whose header declares ``width`` x ``height`` pixels (a bomb's trick)."""
    data = encode(Image.new("L", (8, 8)), "PNG")
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    start = data.index(b"IHDR") - 4
    end = start + 8 + 13 + 4
    return data[:start] + png_chunk(b"IHDR", ihdr) + data[end:]


def png_with_text(key, text):
    info = PngImagePlugin.PngInfo()
    info.add_text(key, text)
    return encode(two_colour_image(64, 48), "PNG", pnginfo=info)


def animated_png(frames=3, size=(100, 100)):
    images = [Image.new("RGB", size, (i * 60, 0, 0)) for i in range(frames)]
    return encode(images[0], "PNG", save_all=True, append_images=images[1:])
