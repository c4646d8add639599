"""Sitemaps of photo essays, their slide permalinks and photo pages, and the base of
every section: each entry lists the photos its page shows (image sitemap extension)."""

from collections import defaultdict

from django.contrib.sitemaps import Sitemap
from django.db.models import Case, Exists, OuterRef, When
from django.db.models.fields.json import KeyTextTransform, KeyTransform

from .models import Gallery, Photo, Slide
from .renditions import RenditionState, url_maker

# The rendition image search should index: the largest JPEG (purpose, format).
SITEMAP_RENDITION = ("full", "jpeg")
# Pages per sitemap file: far below the protocol's 50,000 URLs and 50 MB, so that each
# file, photos included, is made in one quick request; the index lists every file.
SITEMAP_LIMIT = 5000


def image_name(photo_path=""):
    """The file name of a photo's sitemap rendition, None until its renditions are
    ready (pages do not show it before). The database reads it from the recorded
    table: a sitemap file names thousands of photos, too many to load whole."""
    purpose, fmt = SITEMAP_RENDITION
    return Case(
        When(
            **{f"{photo_path}rendition_state": RenditionState.READY},
            then=KeyTextTransform(fmt, KeyTransform(purpose, f"{photo_path}renditions")),
        )
    )


def for_sitemap(photos, *fields):
    """``photos`` loaded with their ``image_name``, and of their fields only ``fields``."""
    return photos.only("pk", *fields).annotate(image_name=image_name())


def published_images(ids):
    """{pk: image name} of the published photos among ``ids``, in one query.

    By primary key, not by prefetching foreign keys: Django 5.2 prefetches a foreign
    key on SQLite with one "id = %s OR ..." term per object, which SQLite refuses
    past about a thousand.
    """
    ids = {pk for pk in ids if pk is not None}
    if not ids:
        return {}
    return dict(
        for_sitemap(Photo.objects.published().filter(pk__in=ids)).values_list("pk", "image_name")
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

    ``templates/sitemap.xml`` writes each entry's ``images`` as <image:image>.
    Subclasses name the photos of a page of items with ``page_photo_ids``, or find
    them all themselves in ``page_images``.
    """

    limit = SITEMAP_LIMIT

    def page_photo_ids(self, items):
        """For each item of a sitemap page, the ids of the photos its page shows."""
        return [[] for _ in items]

    def page_images(self, items):
        """For each item of a sitemap page, (pk, image name) of each photo its page
        shows, in page order."""
        ids = self.page_photo_ids(items)
        found = published_images(pk for row in ids for pk in row)
        return [[(pk, found.get(pk)) for pk in row] for row in ids]

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        # No update time in the index: Django's asks lastmod() of every item of the
        # section, and the newest of them would mark all the section's files changed.
        # Each entry of each file has its own.
        return None

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        origin = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        url_of = url_maker()
        page_images = self.page_images([url["item"] for url in urls])
        for url, shown in zip(urls, page_images, strict=True):
            seen, images = set(), []
            for pk, name in shown:
                if name and pk not in seen:
                    seen.add(pk)
                    address = url_of(name)
                    images.append(address if "://" in address else origin + address)
            url["images"] = images
        return urls


class GallerySitemap(PhotoSitemap):
    def items(self):
        # Oldest first: a new essay goes on the last file, the others keep their pages.
        return (
            Gallery.objects.published()
            .only("slug", "updated_at", "cover")
            .order_by("publish_at", "pk")
        )

    def page_photo_ids(self, galleries):
        slides = photo_ids_by(Slide.objects.filter(gallery__in=galleries), "gallery_id")
        return [[gallery.cover_id, *slides[gallery.pk]] for gallery in galleries]


class SlideSitemap(PhotoSitemap):
    """One entry per slide permalink of a published essay."""

    def items(self):
        # EXISTS rather than "IN (published photos)": see articles.views.showing_one_of.
        return (
            Slide.objects.filter(
                Exists(Gallery.objects.published().filter(pk=OuterRef("gallery_id"))),
                Exists(Photo.objects.published().filter(pk=OuterRef("photo_id"))),
            )
            .select_related("gallery", "photo")
            .only("gallery__slug", "gallery__updated_at", "photo__slug", "photo__updated_at")
            .annotate(image_name=image_name("photo__"))
            .order_by("gallery__publish_at", "gallery_id", "order", "pk")
        )

    def lastmod(self, slide):
        return max(slide.gallery.updated_at, slide.photo.updated_at)

    def page_images(self, slides):
        return [[(slide.photo_id, slide.image_name)] for slide in slides]


class PhotoPageSitemap(PhotoSitemap):
    """Every published photo's own page, with the photo.

    The photos of the mission and person pages are listed here, once each, rather
    than with those pages: finding each page's newest photos would rank every photo
    of the library for each sitemap file.
    """

    def items(self):
        # Oldest first: a new photo goes on the last file, the others keep their pages.
        return for_sitemap(Photo.objects.published(), "slug", "updated_at").order_by(
            "publish_at", "pk"
        )

    def page_images(self, photos):
        return [[(photo.pk, photo.image_name)] for photo in photos]
