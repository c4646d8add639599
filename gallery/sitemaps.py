"""Sitemaps of photo essays and their slide permalinks, with the photos each page shows."""

from django.contrib.sitemaps import Sitemap

from .models import Gallery, Photo, Slide
from .views import gallery_cards

# The largest rendition: what image search should index.
SITEMAP_RENDITION = "full_jpeg"


class PhotoSitemap(Sitemap):
    """A sitemap whose entries also list their page's photos (image sitemap extension).

    ``templates/sitemap.xml`` writes each entry's ``images`` as <image:image>.
    """

    def photos(self, item):
        return []

    def lastmod(self, item):
        return item.updated_at

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        origin = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        for url in urls:
            seen, images = set(), []
            for photo in self.photos(url["item"]):
                if photo is not None and photo.pk not in seen:
                    seen.add(photo.pk)
                    address = getattr(photo, SITEMAP_RENDITION).url
                    images.append(address if "://" in address else origin + address)
            url["images"] = images
        return urls


class GallerySitemap(PhotoSitemap):
    def items(self):
        return gallery_cards(Gallery.objects.published())

    def photos(self, gallery):
        return [gallery.cover, *(slide.photo for slide in gallery.visible_slides)]


class SlideSitemap(PhotoSitemap):
    """One entry per slide permalink of a published essay."""

    def items(self):
        return (
            Slide.objects.filter(
                gallery__in=Gallery.objects.published(), photo__in=Photo.objects.published()
            )
            .select_related("gallery", "photo")
            .order_by("gallery__publish_at", "gallery_id", "order", "pk")
        )

    def lastmod(self, slide):
        return max(slide.gallery.updated_at, slide.photo.updated_at)

    def photos(self, slide):
        return [slide.photo]
