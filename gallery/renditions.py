"""The sizes a photo is shown at, each in WebP and JPEG, made when the photo is saved.

imagekit's ``ImageSpecField``s generate the files. Reading a spec's ``.url`` makes
imagekit hash the spec's options on every access, so the name, width and height of
every rendition are recorded in ``Photo.renditions`` when the photo is saved, and
pages read them from there: rendering a picture costs no hashing and no storage call.
"""

from dataclasses import dataclass

from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils.encoding import filepath_to_uri
from django.utils.functional import cached_property
from imagekit.models import ImageSpecField
from imagekit.processors import Transpose
from imagekit.utils import get_storage
from PIL import Image

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
FORMATS = {"jpeg": "JPEG", "webp": "WEBP"}
QUALITY = {"JPEG": 82, "WEBP": 80}

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
        size = fitted_size(img.size, self.width)
        if size == img.size:
            return img
        # reducing_gap shrinks by whole factors first: much faster, indistinguishable.
        return img.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)


def url_maker():
    """A function giving a rendition's URL from its name, as the storage would.

    For files on the server's disk it skips ``urljoin``, which is most of the cost
    of ``FileSystemStorage.url``: a page asks for about a hundred URLs.
    """
    storage = get_storage()
    if type(storage).url is FileSystemStorage.url:
        base_url = storage.base_url
        return lambda name: base_url + filepath_to_uri(name)
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
        options={"quality": QUALITY[fmt]},
    )


class Renditions(models.Model):
    renditions = models.JSONField(
        default=dict,
        blank=True,
        editable=False,
        help_text="Name, width and height of every rendition, recorded when they are made.",
    )

    thumbnail_jpeg = rendition(WIDTHS["thumbnail"], "JPEG")
    thumbnail_webp = rendition(WIDTHS["thumbnail"], "WEBP")
    card_jpeg = rendition(WIDTHS["card"], "JPEG")
    card_webp = rendition(WIDTHS["card"], "WEBP")
    phone_jpeg = rendition(WIDTHS["phone"], "JPEG")
    phone_webp = rendition(WIDTHS["phone"], "WEBP")
    tablet_jpeg = rendition(WIDTHS["tablet"], "JPEG")
    tablet_webp = rendition(WIDTHS["tablet"], "WEBP")
    slide_jpeg = rendition(WIDTHS["slide"], "JPEG")
    slide_webp = rendition(WIDTHS["slide"], "WEBP")
    full_jpeg = rendition(WIDTHS["full"], "JPEG")
    full_webp = rendition(WIDTHS["full"], "WEBP")

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

    def generate_renditions(self, force=False):
        """Write the renditions missing from storage and record them all.

        Returns how many files were written. ``force`` rewrites every rendition.
        Storage is asked directly, not imagekit's cache of what exists, so a file
        removed by hand is made again.
        """
        if not self.image:
            return 0
        storage = get_storage()
        written = 0
        for attname in self.rendition_fields():
            cachefile = getattr(self, attname).cachefile
            if force:
                # Storage would save a second file beside the old one, not replace it.
                storage.delete(cachefile.name)
            if force or not storage.exists(cachefile.name):
                cachefile.generate(force=True)
                written += 1
        table = self.rendition_table()
        if table != self.renditions:
            self.renditions = table
            type(self).objects.filter(pk=self.pk).update(renditions=table)
        return written

    def rendition_entries(self):
        """What pages read of the renditions: the table recorded at save time, or for
        a photo whose renditions are not recorded yet, the same table computed from
        its size and the specs (slower, but still without a storage call)."""
        return self.renditions or self.rendition_table()

    def rendition(self, purpose, fmt="jpeg"):
        """The rendition for ``purpose`` (a key of WIDTHS), or None without an image."""
        entry = self.rendition_entries().get(purpose)
        if not entry or fmt not in entry:
            return None
        return Rendition(entry[fmt], entry["width"], entry["height"])
