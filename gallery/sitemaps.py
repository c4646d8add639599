"""Sitemaps of photo essays, their slide permalinks and photo pages, and the base of
every section: each entry lists the photos its page shows (image sitemap extension).

A section's files are blocks of keys: file 1 lists the pages of the items whose
keys run from 1 to ``limit``, file 2 those of the next ``limit`` keys, and so on to
the largest key the section shows. Neither the index nor a file counts anything: an
exact count reads an entry per row, and at 50,000 photos PostgreSQL's took longer
than all the rest of the index. An item keeps its file for good, whatever is added,
unpublished or deleted; a file lists fewer pages than keys where keys belong to
drafts or deleted items, and may list none.

A file is made from plain rows, not model instances, and its addresses from each
page's slug and its URL pattern reversed once: model instances and a ``reverse()``
per page were most of a file's time.
"""

from collections import defaultdict
from html import escape

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Case, Exists, OuterRef, Q, When
from django.db.models.fields.json import KeyTextTransform, KeyTransform
from django.template.defaultfilters import date
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape as django_escape

from publishing.models import is_published

from .models import Gallery, Photo, Slide
from .renditions import RenditionState, url_maker

# The rendition image search should index: the largest JPEG (purpose, format).
SITEMAP_RENDITION = ("full", "jpeg")
# Keys per sitemap file, so at most as many pages, for pages that show a few photos
# each, as articles do. Sections whose pages show one photo or none take twice as
# many keys a file, photo essays a fifth: each file names up to a couple of hundred
# addresses, pages and images, far below the protocol's 50,000 URLs and 50 MB. A
# file's time grows with its addresses (some 10 to 25 us each, more where a page
# shows photos), so files this size take at most about twice as long as a file of a
# page or two; with 125 and 250 they took two to four times as long. The index lists
# every file, at a couple of microseconds each.
SITEMAP_LIMIT = 50
# Stands for a slug in a reversed URL pattern; the slug converter accepts it.
SLUG_MARKER = "sitemap-slug-marker"


def per_file(share):
    """A section's ``limit``: ``share`` of the pages a file that articles take."""
    return property(lambda sitemap: max(1, int(PhotoSitemap.limit * share)))


def path_maker(url_name, slugs=1):
    """A function giving the path of ``url_name`` for its ``slugs`` slug arguments,
    with the pattern reversed once (slugs need no quoting in a path)."""
    parts = reverse(url_name, args=[SLUG_MARKER] * slugs).split(SLUG_MARKER)
    head, tails = parts[0], parts[1:]

    def path(*args):
        return head + "".join(slug + tail for slug, tail in zip(args, tails, strict=True))

    return path


def image_name(photo_path=""):
    """The file name of a photo's sitemap rendition; None for a photo that is not
    published or whose renditions are not ready (pages do not show it). The
    database reads it from the recorded table: a sitemap file names hundreds of
    photos, too many to load whole."""
    purpose, fmt = SITEMAP_RENDITION
    return Case(
        When(
            is_published(photo_path) & Q(**{f"{photo_path}rendition_state": RenditionState.READY}),
            then=KeyTextTransform(fmt, KeyTransform(purpose, f"{photo_path}renditions")),
        )
    )


def published_images(ids):
    """{pk: image name or None} of the photos ``ids``, in one query.

    By key alone, the rule of published() in the image name: with it in the query's
    filter, SQLite walked its index of every published photo to find the file's,
    and PostgreSQL joined them all.
    """
    ids = {pk for pk in ids if pk is not None}
    if not ids:
        return {}
    return dict(
        Photo.objects.filter(pk__in=ids)
        .order_by()
        .annotate(image_name=image_name())
        .values_list("pk", "image_name")
    )


def photo_ids_by(rows, owner):
    """{owner id: [photo id, ...]} of ``rows`` (body blocks, slides) in their order."""
    found = defaultdict(list)
    ordered = rows.filter(photo__isnull=False).order_by("order", "pk")
    for owner_id, photo_id in ordered.values_list(owner, "photo_id"):
        found[owner_id].append(photo_id)
    return found


class PhotoSitemap(Sitemap):
    """A sitemap whose entries also list their page's photos (image sitemap extension).

    ``items()`` gives the section's records, ``rows()`` the
    values a file reads of them, with at least ``slug`` and ``updated_at``.
    Subclasses name the photos each row's page shows with ``page_photo_ids``, or
    find them all themselves in ``page_images``.
    """

    limit = SITEMAP_LIMIT
    # The page's URL name, reversed with the row's slug.
    url_name = None

    def rows(self, items):
        return items.values("slug", "updated_at")

    def page(self):
        """The rows of the file: the items with keys from ``self.start`` (not
        included) to ``self.stop``, read on the primary key's index."""
        block = self.items().filter(pk__gt=self.start, pk__lte=self.stop)
        return self.rows(block.order_by("pk"))

    def page_photo_ids(self, rows):
        """For each row of a sitemap file, the ids of the photos its page shows."""
        return [[] for _ in rows]

    def page_images(self, rows):
        """For each row of a sitemap file, (pk, image name) of each photo its page
        shows, in page order."""
        ids = self.page_photo_ids(rows)
        found = published_images(pk for row in ids for pk in row)
        return [[(pk, found.get(pk)) for pk in row] for row in ids]

    def location(self, row):
        return self.path(row["slug"])

    def lastmod(self, row):
        return row["updated_at"]

    def last_key(self):
        """The largest key of an item of the section, 0 for none.

        Asked as "the newest row that is one of the items", so the databases walk
        the primary key's index from its end to the first item shown: asked for
        the largest key of the items, SQLite (which plans without statistics) read
        every published row's entry of another index and sorted them all.
        """
        items = self.items()
        shown = Exists(items.filter(pk=OuterRef("pk")))
        newest = items.model._default_manager.filter(shown).order_by("-pk")
        return newest.values_list("pk", flat=True).first() or 0

    @property
    def paginator(self):
        # Django's index asks it for the number of files: as many as there are
        # blocks of keys up to the largest.
        paginator = Paginator([], self.limit)
        paginator.count = self.last_key()
        return paginator

    def get_latest_lastmod(self):
        # No update time in the index: Django's asks lastmod() of every item of the
        # section, and the newest of them would mark all the section's files changed.
        # Each entry of each file has its own.
        return None

    def page_rows(self, page):
        """The rows of file ``page``; a file past the last is not found."""
        try:
            number = int(page)
        except (TypeError, ValueError) as error:
            raise PageNotAnInteger("That page number is not an integer") from error
        if number < 1:
            raise EmptyPage("That page number is less than 1")
        self.start, self.stop = (number - 1) * self.limit, number * self.limit
        rows = list(self.page())
        if not rows and number > 1 and self.start >= self.last_key():
            raise EmptyPage("That page contains no results")
        return rows

    def get_urls(self, page=1, site=None, protocol=None):
        """The file's entries (``Entry``), with the images each page shows."""
        origin = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        self.path = path_maker(self.url_name, getattr(self, "slugs", 1))
        url_of = url_maker()
        zone = timezone.get_current_timezone()
        rows = self.page_rows(page)
        urls = []
        for row, shown in zip(rows, self.page_images(rows), strict=True):
            seen, images = set(), []
            for pk, name in shown:
                if name and pk not in seen:
                    seen.add(pk)
                    address = url_of(name)
                    images.append(address if "://" in address else origin + address)
            urls.append(Entry(origin + self.location(row), self.lastmod(row), images, zone))
        # The file's Last-Modified, as Django's own sitemaps give it.
        self.latest_lastmod = max((url["lastmod"] for url in urls), default=None)
        return urls


def xml_text(text):
    """``text`` escaped for XML; most addresses hold nothing to escape, and looking
    costs a fraction of escaping."""
    if "&" in text or "<" in text or ">" in text or '"' in text or "'" in text:
        return escape(text)
    return text


class Entry(dict):
    """One page of a sitemap file: its ``location``, ``lastmod`` and ``images``, as
    Django's sitemaps give them, which also renders as its own <url> element.

    Written here rather than by the template: a file lists hundreds of pages, and
    the template language took most of its time; ``templates/sitemap.xml`` joins
    the entries.
    """

    def __init__(self, location, lastmod, images, zone):
        super().__init__(location=location, lastmod=lastmod, images=images)
        parts = [f"<url><loc>{xml_text(location)}</loc>"]
        if lastmod:
            # As date:"c" writes it, in the current time zone ``zone``.
            parts.append(f"<lastmod>{lastmod.astimezone(zone).isoformat()}</lastmod>")
        parts.extend(
            f"<image:image><image:loc>{xml_text(image)}</image:loc></image:image>"
            for image in images
        )
        parts.append("</url>\n")
        self.xml = "".join(parts)

    def __html__(self):
        return self.xml


class GallerySitemap(PhotoSitemap):
    url_name = "gallery:gallery_detail"

    # An essay's entry names its cover and each slide's photo, a dozen or more.
    limit = per_file(1 / 5)

    def items(self):
        return Gallery.objects.published()

    def rows(self, items):
        return items.values("pk", "slug", "updated_at", "cover_id")

    def page_photo_ids(self, rows):
        slides = photo_ids_by(
            Slide.objects.filter(gallery__in=[row["pk"] for row in rows]), "gallery_id"
        )
        return [[row["cover_id"], *slides[row["pk"]]] for row in rows]


class SlideSitemap(PhotoSitemap):
    """One entry per slide permalink of a published essay."""

    url_name = "gallery:slide_detail"
    slugs = 2
    limit = per_file(2)

    def items(self):
        # Slides of published essays (the rule of published() on the slide's essay),
        # not showing an unpublished photo: those are few and on an index.
        return Slide.objects.filter(is_published("gallery__")).exclude(
            photo__in=Photo.objects.unpublished()
        )

    def rows(self, items):
        return items.values(
            "photo_id",
            "gallery__slug",
            "gallery__updated_at",
            "photo__slug",
            "photo__updated_at",
            image_name=image_name("photo__"),
        )

    def location(self, row):
        return self.path(row["gallery__slug"], row["photo__slug"])

    def lastmod(self, row):
        return max(row["gallery__updated_at"], row["photo__updated_at"])

    def page_images(self, rows):
        return [[(row["photo_id"], row["image_name"])] for row in rows]


class PhotoPageSitemap(PhotoSitemap):
    """Every published photo's own page, with the photo.

    The photos of the mission and person pages are listed here, once each, rather
    than with those pages: finding each page's newest photos would rank every photo
    of the library for each sitemap file.
    """

    url_name = "gallery:photo_detail"
    limit = per_file(2)

    def items(self):
        return Photo.objects.published()

    def rows(self, items):
        return items.values("pk", "slug", "updated_at", image_name=image_name())

    def page_images(self, rows):
        return [[(row["pk"], row["image_name"])] for row in rows]


def index(request, sitemaps, **kwargs):
    """Django's sitemap index, with its entries written here rather than by the
    template: the index names every file of every section, hundreds of them, and
    the template language took most of its time. The XML is the same, to the byte."""
    response = sitemap_views.index(request, sitemaps, **kwargs)
    response.context_data["sitemaps"] = [
        IndexEntry(item.location, item.last_mod) for item in response.context_data["sitemaps"]
    ]
    return response


class IndexEntry:
    """One file of the sitemap index as its own <sitemap> element, as
    ``templates/sitemap_index.xml`` joins them."""

    def __init__(self, location, lastmod):
        self.xml = f"<sitemap><loc>{django_escape(location)}</loc>" + (
            f"<lastmod>{date(lastmod, 'c')}</lastmod></sitemap>" if lastmod else "</sitemap>"
        )

    def __html__(self):
        return self.xml
