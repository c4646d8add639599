"""What an uploaded photo must be, and the clean original that is stored from it.

Every path that saves a Photo with a new file goes through ``check_photo_file``: the
admin's photo form, the essay's "Add photos" form, ``Photo.full_clean()`` and
``Photo.save()`` itself. A file is accepted when

- it is at most ``PHOTO_UPLOAD_MAX_BYTES`` (25 MB);
- its content is a JPEG, PNG, WebP or AVIF image, whatever its name says, and its
  name's extension agrees with that content;
- it holds at most ``PHOTO_UPLOAD_MAX_PIXELS`` (50 megapixels), counting every frame
  of an animated image. Pillow only warns about decompression bombs; here the size
  declared in the header is checked before any pixel is decoded, and Pillow's warning
  is an error too;
- it decodes completely: a truncated or damaged file is refused with a message,
  never an exception;
- no web markup hides in it (a polyglot: a file that is both an image and a web
  page). Markup means an HTML, SVG or script tag (``<script``, ``<html``, ``<svg``,
  ``<iframe``, ``<img``...) or a PHP opening. It is looked for in every part of the
  file but the pixel data: headers and metadata (JPEG segments and comments, PNG
  chunks, WebP chunks, AVIF boxes, EXIF, XMP, text) and any bytes after the image's
  end. Compressed pixel data is not searched: it is random-looking bytes in which a
  short tag turns up by chance, so searching it would refuse honest photos.

The stored original is then re-encoded from its pixels alone (``normalized_original``),
so nothing of the uploaded file but the picture reaches storage or readers.
"""

import re
import warnings
from dataclasses import dataclass
from io import BytesIO
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from PIL import Image, ImageCms, ImageOps

DEFAULT_MAX_BYTES = 25 * 1024 * 1024
DEFAULT_MAX_PIXELS = 50_000_000


@dataclass(frozen=True)
class PhotoFormat:
    label: str
    extensions: tuple
    save_options: dict


# Pillow format -> what it is called and how the normalized original is written.
FORMATS = {
    "JPEG": PhotoFormat("a JPEG image", (".jpg", ".jpeg"), {"quality": 90}),
    "PNG": PhotoFormat("a PNG image", (".png",), {"compress_level": 6}),
    "WEBP": PhotoFormat("a WebP image", (".webp",), {"quality": 90}),
    # libavif's fastest speed: a camera-sized AVIF takes seconds, not half a minute.
    "AVIF": PhotoFormat("an AVIF image", (".avif",), {"quality": 90, "speed": 10}),
}
ACCEPTED = "Upload a JPEG, PNG, WebP or AVIF image."

MARKUP = re.compile(
    rb"<(?:!doctype|\?php|html|head|body|script|svg|iframe|frame|frameset|object|embed"
    rb"|applet|img|image|style|link|meta|base|form|input|math|video|audio|source|details"
    rb"|marquee|template)[\s/>]",
    re.IGNORECASE,
)
SNIFF_BYTES = 1024
ORIENTATION = 0x0112
# Orientations that turn the stored pixels a quarter: width and height swap.
QUARTER_TURNS = (5, 6, 7, 8)


@dataclass
class CheckedPhoto:
    """A file that passed every check, and the normalized original to store for it."""

    name: str
    format: str  # a key of FORMATS
    frames: int
    original: ContentFile  # upright, sRGB, without metadata
    size: tuple  # the normalized original's (width, height)


def max_bytes():
    return getattr(settings, "PHOTO_UPLOAD_MAX_BYTES", DEFAULT_MAX_BYTES)


def max_pixels():
    return getattr(settings, "PHOTO_UPLOAD_MAX_PIXELS", DEFAULT_MAX_PIXELS)


def refuse(message, code):
    raise ValidationError(message, code=code)


def check_photo_file(file, name=None):
    """Check an uploaded file and normalize it; a ``CheckedPhoto`` or ``ValidationError``.

    Normalizing is part of the check, so a file that cannot be stored is refused
    by the form, not by an error while saving. The result is remembered on the
    file object: the form, the model's validation and its save do the work once.
    """
    checked = getattr(file, "_checked_photo", None)
    if checked is not None:
        return checked
    name = PurePath(name or getattr(file, "name", "") or "photo").name
    size = getattr(file, "size", None)
    limit = max_bytes()
    if size is not None and size > limit:
        refuse(
            f"“{name}” is {filesizeformat(size)}, more than the {filesizeformat(limit)} "
            "a photo can be. Export a smaller file and upload it again.",
            "too_big",
        )
    file.seek(0)
    data = file.read(limit + 1)
    file.seek(0)
    if len(data) > limit:
        refuse(
            f"“{name}” is larger than {filesizeformat(limit)}, the most a photo can be. "
            "Export a smaller file and upload it again.",
            "too_big",
        )
    if not data:
        refuse(f"“{name}” is empty. {ACCEPTED}", "empty")

    fmt = sniff(data)
    if fmt not in FORMATS:
        refuse(f"“{name}” {fmt}. {ACCEPTED}", "not_a_photo")
    expected = FORMATS[fmt]
    suffix = PurePath(name).suffix.lower()
    if suffix not in expected.extensions:
        ending = f"its name ends in “{suffix}”" if suffix else "its name has no extension"
        refuse(
            f"“{name}” is {expected.label} but {ending}. Rename it to end in "
            f"“{expected.extensions[0]}” and upload it again.",
            "wrong_extension",
        )

    safe_limit = min(max_pixels(), Image.MAX_IMAGE_PIXELS or max_pixels())
    too_large = (
        f"“{name}” is too large to open safely: its header declares a picture of more "
        f"than {safe_limit // 1_000_000} megapixels. Resize it and upload it again."
    )
    damaged = (
        f"“{name}” is damaged or incomplete, so it cannot be read as {expected.label}. "
        "Export it again from the original and upload the new file."
    )
    with warnings.catch_warnings():
        # Pillow warns about a decompression bomb and opens it anyway; refuse instead.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(BytesIO(data), formats=["JPEG", "PNG", "WEBP", "AVIF"])
            frames = getattr(image, "n_frames", 1)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            refuse(too_large, "too_many_pixels")
        except Exception:  # noqa: BLE001 - any parser error means an unreadable upload
            refuse(damaged, "damaged")
        actual = "JPEG" if image.format == "MPO" else image.format
        if actual != fmt:
            refuse(damaged, "damaged")
        width, height = image.size
        pixels = width * height * frames
        if pixels > max_pixels():
            frames_text = f" in {frames} frames" if frames > 1 else ""
            refuse(
                f"“{name}” is {width} × {height} pixels{frames_text}, "
                f"{pixels / 1_000_000:.0f} megapixels in all; the most a photo can have "
                f"is {max_pixels() // 1_000_000} megapixels. Resize it and upload it again.",
                "too_many_pixels",
            )
        if find_markup(data, fmt, image):
            refuse(
                f"“{name}” has web page or script code hidden inside the image file, so "
                "it was refused for safety. Open it in an image editor, export it again "
                "and upload the new file.",
                "markup",
            )
        try:
            image.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            refuse(too_large, "too_many_pixels")
        except Exception:  # noqa: BLE001
            refuse(damaged, "damaged")
    try:
        original, size = normalized_original(image, fmt, name)
    except (OSError, ValueError) as error:
        refuse(
            f"“{name}” could not be stored as {expected.label} ({error}). Export it as "
            "a JPEG and upload it again.",
            "not_storable",
        )
    checked = CheckedPhoto(name, fmt, frames, original, size)
    try:
        file._checked_photo = checked
    except AttributeError:
        pass
    return checked


def sniff(data):
    """The Pillow format of ``data`` when it is one we accept, else what it looks like."""
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    if data[4:8] == b"ftyp":
        brands = {data[i : i + 4] for i in range(8, min(int.from_bytes(data[:4]), 64), 4)}
        if brands & {b"avif", b"avis"}:
            return "AVIF"
        if brands & {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1"}:
            return "is a HEIC photo, which browsers cannot show; export it as JPEG first"
        return "is a video or another media file, not an image"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "is a GIF image, a format this site does not take"
    if data.startswith(b"%PDF-"):
        return "is a PDF document, not an image"
    if data.startswith((b"II*\x00", b"MM\x00*")):
        return "is a TIFF or camera raw file, which browsers cannot show; export it as JPEG first"
    if data.startswith(b"BM"):
        return "is a BMP image, a format this site does not take"
    head = data[:SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"<svg" in head:
        return "is an SVG drawing, not a photo"
    if MARKUP.search(head) or head.startswith(b"<!--"):
        return "is an HTML page, not an image"
    if looks_like_text(data[:SNIFF_BYTES]):
        return "is a text file, not an image"
    return "is not an image this site can read"


def looks_like_text(head):
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut at the end of the sample is still text.
        return error.start >= len(head) - 3
    return True


def find_markup(data, fmt, image):
    """True when web markup hides anywhere outside the compressed pixel data."""
    parts = []
    walkers = {"JPEG": jpeg_parts, "PNG": png_parts, "WEBP": riff_parts, "AVIF": isobmff_parts}
    try:
        parts += walkers[fmt](data)
    except (IndexError, ValueError):
        # A structure this walker cannot follow: search all of it.
        parts.append(data)
    for value in image.info.values():
        if isinstance(value, str):
            parts.append(value.encode("utf-8", "replace"))
        elif isinstance(value, bytes):
            parts.append(value)
    return any(MARKUP.search(part) for part in parts)


def jpeg_parts(data, depth=0):
    """JPEG segments (markers, tables, APPn, comments) and what follows the image."""
    parts, pos, end = [], 2, len(data)
    while pos < end:
        if data[pos] != 0xFF:
            raise ValueError("expected a marker")
        while pos < end and data[pos] == 0xFF:
            pos += 1
        if pos >= end:
            break
        marker = data[pos]
        pos += 1
        if marker == 0xD9:  # end of image
            break
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            continue
        length = int.from_bytes(data[pos : pos + 2])
        parts.append(data[pos : pos + length])
        pos += length
        if marker == 0xDA:  # start of scan: entropy-coded data up to the next marker
            while True:
                pos = data.find(b"\xff", pos)
                if pos < 0 or pos + 1 >= end:
                    return parts
                following = data[pos + 1]
                if following == 0 or 0xD0 <= following <= 0xD7 or following == 0xFF:
                    pos += 1
                    continue
                break
    trailer = data[pos:]
    # Cameras append preview images (MPF) after the main one; walk those as JPEGs too.
    start = trailer.find(b"\xff\xd8\xff")
    if start >= 0 and depth < 8:
        return parts + [trailer[:start]] + jpeg_parts(trailer[start:], depth + 1)
    return parts + [trailer]


def png_parts(data):
    """Every PNG chunk but the pixel data (IDAT, fdAT), and bytes after IEND."""
    parts, pos = [], 8
    while pos + 8 <= len(data):
        length = int.from_bytes(data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        if kind not in (b"IDAT", b"fdAT"):
            parts.append(data[pos + 8 : pos + 8 + length])
        pos += 12 + length
        if kind == b"IEND":
            break
    parts.append(data[pos:])
    return parts


def riff_parts(data):
    """WebP chunks other than image data (VP8, VP8L, ALPH, ANMF), and bytes after them."""
    parts, pos = [], 12
    end = min(len(data), 8 + int.from_bytes(data[4:8], "little"))
    while pos + 8 <= end:
        kind = data[pos : pos + 4]
        length = int.from_bytes(data[pos + 4 : pos + 8], "little")
        if kind not in (b"VP8 ", b"VP8L", b"ALPH", b"ANMF"):
            parts.append(data[pos + 8 : pos + 8 + length])
        pos += 8 + length + (length & 1)
    parts.append(data[pos:])
    return parts


def isobmff_parts(data):
    """AVIF boxes other than the media data box, and bytes after the last box."""
    parts, pos = [], 0
    while pos + 8 <= len(data):
        size = int.from_bytes(data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        header = 8
        if size == 1:
            size, header = int.from_bytes(data[pos + 8 : pos + 16]), 16
        elif size == 0:
            size = len(data) - pos
        if size < header:
            raise ValueError("bad box size")
        if kind != b"mdat":
            parts.append(data[pos + header : pos + size])
        pos += size
    parts.append(data[pos:])
    return parts


def exif_orientation(image):
    """The EXIF orientation of an opened image, 1 (as stored) when it has none.

    Read from the EXIF that opening the file found (JPEG, WebP and AVIF keep it in
    their headers, a PNG before its pixels): ``getexif()`` would decode a PNG's
    pixels to look for EXIF after them.
    """
    data = image.info.get("exif")
    if not data:
        return 1
    exif = Image.Exif()
    exif.load(data)
    return exif.get(ORIENTATION, 1)


def header_upright_size(file):
    """(width, height) of an image file as it shows, read from its header.

    The header alone, as Django reads a size, since the image field asks on every
    save: a PNG that keeps its EXIF after its pixels is taken as stored.
    (None, None) for a file that is not an image Pillow can open, or whose header
    declares a decompression bomb: the checker refuses those with a message.
    """
    try:
        file.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                width, height = image.size
                turned = exif_orientation(image) in QUARTER_TURNS
    except Exception:  # noqa: BLE001 - any parser error means no size to record
        return None, None
    return (height, width) if turned else (width, height)


def upright_size(image):
    """The size ``image`` shows at once its EXIF orientation is applied.

    Reads all of the EXIF, as ``exif_transpose`` does when the renditions are made:
    a PNG may keep it after its pixels.
    """
    orientation = image.getexif().get(ORIENTATION, 1)
    width, height = image.size
    return (height, width) if orientation in QUARTER_TURNS else (width, height)


def normalized_original(image, fmt, name):
    """The file to store for a decoded upload, and its size: upright, sRGB, no metadata.

    In the upload's format. The first frame only: a photo is a still, and the
    renditions show the first frame of an animated file anyway.
    """
    image.seek(0)
    image = ImageOps.exif_transpose(image)
    image = to_srgb(image)
    options = dict(FORMATS[fmt].save_options)
    if fmt == "JPEG":
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
    elif fmt == "PNG":
        if "transparency" in image.info:
            options["transparency"] = image.info["transparency"]
    elif image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA" if image.has_transparency_data else "RGB")
    # Nothing of the upload's metadata (EXIF with GPS, XMP, text, comments) is written.
    image.info = {}
    out = BytesIO()
    image.save(out, fmt, **options)
    return ContentFile(out.getvalue(), name=name), image.size


def to_srgb(image):
    """Convert pixels with an embedded colour profile to sRGB (the web's default)."""
    icc = image.info.get("icc_profile")
    if not icc:
        return image if image.mode != "CMYK" else image.convert("RGB")
    try:
        source = ImageCms.ImageCmsProfile(BytesIO(icc))
        mode = "RGBA" if image.mode in ("RGBA", "LA", "PA") else "RGB"
        if image.mode == "P":
            image = image.convert("RGBA" if image.has_transparency_data else "RGB")
            mode = image.mode
        if image.mode == "LA":
            image = image.convert("RGBA")
        return ImageCms.profileToProfile(
            image, source, ImageCms.createProfile("sRGB"), outputMode=mode
        )
    except (ImageCms.PyCMSError, OSError, ValueError):
        # A profile that cannot be applied: leave the pixels as they are.
        return image if image.mode != "CMYK" else image.convert("RGB")


def validate_photo_file(value):
    """Model field validator: check a newly assigned file; stored files were checked."""
    if not value or getattr(value, "_committed", True):
        return
    check_photo_file(value.file, value.name)


def stored_upright_size(field_file):
    """The upright size of a stored image, read from its header, or None."""
    try:
        with field_file.open("rb"):
            with Image.open(field_file) as image:
                return upright_size(image)
    except (OSError, ValueError, SyntaxError):
        return None
