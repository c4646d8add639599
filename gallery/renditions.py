"""The sizes a photo is shown at, each in AVIF, WebP and JPEG, made by a worker after a save.

imagekit's ``ImageSpecField``s name the files (after the source and the spec, so a
name changes when the image or a spec does) and hold each one's format and options.
The files themselves are written by ``write_renditions`` from one decode of the
original (``gallery.tasks`` runs it off the request), and the name, width and height
of every rendition are recorded in ``Photo.renditions``. Pages read that record only
once ``rendition_state`` is ready: rendering a picture costs no hashing, no storage
call, and never points a reader at a file that is not there yet.
"""

import math
from dataclasses import dataclass
from functools import lru_cache, partial

from django.core.files import File
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils.encoding import filepath_to_uri
from django.utils.functional import cached_property
from imagekit.models import ImageSpecField
from imagekit.processors import Transpose
from imagekit.utils import get_storage
from PIL import Image, ImageOps
from pilkit.utils import process_image

# Rendition -> width in pixels, smallest first. The pages' srcset offers these widths,
# so each screen downloads about what it shows.
WIDTHS = {
    "thumbnail": 320,  # portraits and admin lists (up to 160 CSS px at 2x)
    "card": 480,  # a card in a list on a standard screen
    "phone": 720,  # a phone's full width (360 CSS px) at 2x; a card at 2x
    "tablet": 1080,  # the reading column (at most 1024 CSS px) on a standard screen
    "slide": 1440,  # the reading column on a high-density screen
    "full": 2048,  # the full-size view a slide opens
}
# Browsers take the first format they know of a <picture>'s sources: AVIF is about a
# third smaller than WebP for a photo, JPEG is for the rest (and feeds).
FORMATS = {"avif": "AVIF", "webp": "WEBP", "jpeg": "JPEG"}
OPTIONS = {
    "JPEG": {"quality": 82},
    "WEBP": {"quality": 80},
    # libavif's speed 8 encodes about three times faster than its default 6, for a
    # file a few per cent larger: the worker keeps up with a launch-day essay.
    "AVIF": {"quality": 60, "speed": 8},
}

# What each use of ``{% picture %}`` may offer at most: a card on a high-density
# screen needs the phone-width file.
LARGEST = {**WIDTHS, "card": WIDTHS["phone"]}


def fitted_size(size, width):
    """The size of a rendition ``width`` pixels wide of an upright ``size``; never upscaled."""
    source_width, source_height = size
    if source_width <= width:
        return source_width, source_height
    return width, max(1, round(source_height * width / source_width))


class FitWidth:
    """Scale down to a width, keeping the aspect ratio (sizes from ``fitted_size``)."""

    def __init__(self, width):
        self.width = width

    def process(self, img):
        # Also brings the image to 8 bits a channel with its tones (``with_tones``)
        # when imagekit itself makes a file; a new processor would rename every file.
        img = with_tones(img)
        size = fitted_size(img.size, self.width)
        if size == img.size:
            return img
        # reducing_gap shrinks by whole factors first: much faster, indistinguishable.
        return img.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)


class MadeByWorker:
    """imagekit's cache-file strategy: nothing happens when a photo is saved, and no
    page asks whether a file exists. ``gallery.tasks.make_renditions`` writes them."""

    def on_source_saved(self, file):
        pass

    def should_verify_existence(self, file):
        return False


@lru_cache(maxsize=8192)
def file_url(base_url, name):
    # A rendition's name never changes its URL, and an essay's page asks for the
    # same hundred on every render: quoting them once per process is enough.
    return base_url + filepath_to_uri(name)


def url_maker():
    """A function giving a rendition's URL from its name, as the storage would.

    For files on the server's disk it skips ``urljoin``, which is most of the cost
    of ``FileSystemStorage.url``: a page asks for about a hundred URLs.
    """
    storage = get_storage()
    if type(storage).url is FileSystemStorage.url:
        return partial(file_url, storage.base_url)
    return storage.url


@dataclass(frozen=True)
class Rendition:
    name: str
    width: int
    height: int

    @property
    def url(self):
        return url_maker()(self.name)


class RenditionFile:
    """``photo.slide_jpeg`` and its kin: the recorded rendition, with imagekit behind it.

    ``url``, ``width``, ``height`` and ``name`` come from what was recorded at save time;
    anything else (``generate()``, ``path``, reading the file) goes to imagekit's
    cache file.
    """

    def __init__(self, photo, attname, spec_descriptor):
        self._photo = photo
        self._attname = attname
        self._spec_descriptor = spec_descriptor

    @cached_property
    def cachefile(self):
        return self._spec_descriptor.__get__(self._photo, type(self._photo))

    @cached_property
    def recorded(self):
        purpose, fmt = self._attname.rsplit("_", 1)
        entry = (self._photo.renditions or {}).get(purpose)
        if not entry or fmt not in entry:
            return None
        return Rendition(entry[fmt], entry["width"], entry["height"])

    @property
    def name(self):
        return self.recorded.name if self.recorded else self.cachefile.name

    @property
    def url(self):
        return self.recorded.url if self.recorded else self.cachefile.url

    @property
    def width(self):
        return self.recorded.width if self.recorded else self.cachefile.width

    @property
    def height(self):
        return self.recorded.height if self.recorded else self.cachefile.height

    def __bool__(self):
        return bool(self.recorded) or bool(self.cachefile)

    def __getattr__(self, attr):
        if attr.startswith("_"):
            raise AttributeError(attr)
        return getattr(self.cachefile, attr)


class RecordedRenditionDescriptor:
    def __init__(self, attname, spec_descriptor):
        self.attname = attname
        self.spec_descriptor = spec_descriptor

    def __get__(self, instance, owner):
        if instance is None:
            return self.spec_descriptor.__get__(None, owner)
        return RenditionFile(instance, self.attname, self.spec_descriptor)

    def __set__(self, instance, value):
        raise AttributeError("Renditions are made from the image; they cannot be set.")


class RenditionField(ImageSpecField):
    """An ``ImageSpecField`` whose URL and size are read from the recorded renditions."""

    def contribute_to_class(self, cls, name):
        super().contribute_to_class(cls, name)
        setattr(cls, name, RecordedRenditionDescriptor(name, cls.__dict__[name]))


def rendition(width, fmt):
    return RenditionField(
        source="image",
        # Transpose first so a photo with an EXIF orientation tag shows upright.
        processors=[Transpose(), FitWidth(width)],
        format=fmt,
        options=OPTIONS[fmt],
    )


class RenditionState(models.TextChoices):
    PENDING = "pending", "Being made"
    READY = "ready", "Ready"
    FAILED = "failed", "Failed"


class Renditions(models.Model):
    rendition_state = models.CharField(
        "renditions",
        max_length=10,
        choices=RenditionState.choices,
        default=RenditionState.PENDING,
        editable=False,
        help_text="Readers see the photo once its renditions are ready.",
    )
    rendition_error = models.TextField(
        "rendition problem",
        blank=True,
        editable=False,
        help_text="Why the renditions could not be made, when they failed.",
    )
    renditions = models.JSONField(
        default=dict,
        blank=True,
        editable=False,
        help_text="Name, width and height of every rendition, recorded when they are made.",
    )

    thumbnail_jpeg = rendition(WIDTHS["thumbnail"], "JPEG")
    thumbnail_webp = rendition(WIDTHS["thumbnail"], "WEBP")
    thumbnail_avif = rendition(WIDTHS["thumbnail"], "AVIF")
    card_jpeg = rendition(WIDTHS["card"], "JPEG")
    card_webp = rendition(WIDTHS["card"], "WEBP")
    card_avif = rendition(WIDTHS["card"], "AVIF")
    phone_jpeg = rendition(WIDTHS["phone"], "JPEG")
    phone_webp = rendition(WIDTHS["phone"], "WEBP")
    phone_avif = rendition(WIDTHS["phone"], "AVIF")
    tablet_jpeg = rendition(WIDTHS["tablet"], "JPEG")
    tablet_webp = rendition(WIDTHS["tablet"], "WEBP")
    tablet_avif = rendition(WIDTHS["tablet"], "AVIF")
    slide_jpeg = rendition(WIDTHS["slide"], "JPEG")
    slide_webp = rendition(WIDTHS["slide"], "WEBP")
    slide_avif = rendition(WIDTHS["slide"], "AVIF")
    full_jpeg = rendition(WIDTHS["full"], "JPEG")
    full_webp = rendition(WIDTHS["full"], "WEBP")
    full_avif = rendition(WIDTHS["full"], "AVIF")

    class Meta:
        abstract = True

    def rendition_fields(self):
        return [f"{purpose}_{fmt}" for purpose in WIDTHS for fmt in FORMATS]

    def rendition_table(self, upright_size=None):
        """What ``renditions`` records: for each purpose its width, height and file names.

        The names are imagekit's (they hash the source name and the spec), so they
        change when the image or a spec changes.
        """
        size = upright_size or (self.width, self.height)
        if not self.image or not all(size):
            return {}
        table = {}
        for purpose, width in WIDTHS.items():
            rendition_width, rendition_height = fitted_size(size, width)
            table[purpose] = {"width": rendition_width, "height": rendition_height}
            for fmt in FORMATS:
                attname = f"{purpose}_{fmt}"
                table[purpose][fmt] = getattr(self, attname).cachefile.name
        return table

    @property
    def renditions_ready(self):
        return self.rendition_state == RenditionState.READY and bool(self.renditions)

    def rendition_entries(self):
        """What pages read of the renditions: the recorded table once the files are
        all written, else nothing, so a page never links a file that is not there."""
        return self.renditions if self.renditions_ready else {}

    def rendition(self, purpose, fmt="jpeg"):
        """The rendition for ``purpose`` (a key of WIDTHS), or None without an image."""
        entry = self.rendition_entries().get(purpose)
        if not entry or fmt not in entry:
            return None
        return Rendition(entry[fmt], entry["width"], entry["height"])


def rendition_cachefiles(photo):
    """(purpose, imagekit cache file) for every rendition of ``photo``, largest first."""
    return [
        (purpose, getattr(photo, f"{purpose}_{fmt}").cachefile)
        for purpose in reversed(WIDTHS)
        for fmt in FORMATS
    ]


def open_for_renditions(field_file, upright_width):
    """The upright image to make renditions from, decoded no larger than they need.

    A JPEG is decoded straight at a fraction of its size (``draft``), others are
    shrunk by a whole factor (``reduce``) right after decoding: a 49-megapixel photo
    then holds a few hundred megabytes at most while its renditions are made.
    """
    largest = max(WIDTHS.values())
    with field_file.open("rb"):
        image = Image.open(field_file)
        if image.format == "JPEG" and upright_width > largest:
            scale = largest / upright_width
            image.draft(None, (math.ceil(image.width * scale), math.ceil(image.height * scale)))
        image.load()
    image = ImageOps.exif_transpose(image)
    image = with_tones(image)
    factor = image.width // largest
    if factor >= 2:
        try:
            image = image.reduce(factor)
        except ValueError:
            pass  # A mode reduce() does not handle: resize() does it, more slowly.
    return image


# 16-bit grey: Pillow's convert() to 8 bits clips these values rather than scale them,
# so all but the darkest tones of such a PNG would come out white.
SIXTEEN_BIT_MODES = {"I;16", "I;16L", "I;16B", "I;16N"}
WHITE = (255, 255, 255)


def with_tones(image):
    """``image`` as 8-bit RGB, or RGBA when it has any transparency, its tones kept.

    Every mode an accepted file opens in ends up here: 16-bit and 32-bit grey scaled
    down to 8 bits, 1-bit and palette images expanded (a palette image would
    otherwise be resized by nearest neighbour), CMYK converted, and a palette's or a
    grey image's transparent colour turned into an alpha channel.
    """
    if image.mode in SIXTEEN_BIT_MODES or image.mode == "I":
        image = scaled_to_eight_bits(image)
    if image.has_transparency_data:
        return image if image.mode == "RGBA" else image.convert("RGBA")
    return image if image.mode == "RGB" else image.convert("RGB")


def scaled_to_eight_bits(image):
    """A grey image of more than 8 bits as mode L, its range mapped onto 0-255."""
    sixteen_bit = image.mode in SIXTEEN_BIT_MODES
    image = image.convert("I")
    high = image.getextrema()[1]
    if sixteen_bit or 255 < high <= 65535:
        scale = 255 / 65535
    elif high > 65535:
        scale = 255 / high
    else:
        scale = 1
    return image.point(lambda value: value * scale).convert("L")


def on_white(image):
    """An RGBA image laid on white, for JPEG, which has no transparency."""
    if image.mode != "RGBA":
        return image
    background = Image.new("RGBA", image.size, (*WHITE, 255))
    background.alpha_composite(image)
    return background.convert("RGB")


def write_renditions(photo, force=False):
    """Write the renditions of ``photo`` missing from storage; returns the names written.

    Storage is asked directly, so a file removed by hand is made again; ``force``
    rewrites them all. Each file is resized from one decoded copy to the size
    recorded for it in ``rendition_table``.
    """
    storage = get_storage()
    table = photo.rendition_table((photo.width, photo.height))
    wanted = []
    for purpose, cachefile in rendition_cachefiles(photo):
        if force and storage.exists(cachefile.name):
            # A storage saves beside an existing file rather than over it.
            storage.delete(cachefile.name)
        elif not force and storage.exists(cachefile.name):
            continue
        wanted.append((purpose, cachefile))
    if not wanted:
        return []
    source = open_for_renditions(photo.image, photo.width)
    # WebP and AVIF keep a transparent photo's alpha channel; JPEG gets it on white.
    sources = {"alpha": source, "opaque": on_white(source)}
    written, resized = [], {}
    for purpose, cachefile in wanted:
        spec = cachefile.generator
        image = sources["opaque" if spec.format == "JPEG" else "alpha"]
        size = (table[purpose]["width"], table[purpose]["height"])
        # An opaque photo has one source for every format: resized once per size.
        key = (size, id(image))
        if key not in resized:
            resized[key] = (
                image
                if image.size == size
                else image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
            )
        # The image is already in a mode the format takes: pilkit's own conversion
        # would lay an AVIF's alpha on white.
        content = process_image(
            resized[key], format=spec.format, options=spec.options, autoconvert=False
        )
        saved = storage.save(cachefile.name, File(content))
        if saved != cachefile.name:
            storage.delete(saved)
            raise OSError(f"Storage stored {cachefile.name} as {saved}")
        written.append(saved)
    return written
