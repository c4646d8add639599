from gallery.sitemaps import PhotoSitemap

from .models import Mission, Person


class MissionSitemap(PhotoSitemap):
    """Mission pages. Their photos are in the photos section, each at its own page."""

    def items(self):
        return Mission.objects.only("slug", "updated_at").order_by("pk")


class PersonSitemap(PhotoSitemap):
    """Person pages with their portraits. The photos of them are in the photos section."""

    def items(self):
        return Person.objects.only("slug", "updated_at", "portrait").order_by("pk")

    def page_photo_ids(self, people):
        return [[person.portrait_id] for person in people]
