from gallery.sitemaps import PhotoSitemap, per_file

from .models import Mission, Person


class MissionSitemap(PhotoSitemap):
    """Mission pages. Their photos are in the photos section, each at its own page."""

    url_name = "missions:mission_detail"
    limit = per_file(2)

    def items(self):
        return Mission.objects.order_by("pk")


class PersonSitemap(PhotoSitemap):
    """Person pages with their portraits. The photos of them are in the photos section."""

    url_name = "missions:person_detail"
    limit = per_file(2)

    def items(self):
        return Person.objects.order_by("pk")

    def rows(self, items):
        return items.values("slug", "updated_at", "portrait_id")

    def page_photo_ids(self, rows):
        return [[row["portrait_id"]] for row in rows]
