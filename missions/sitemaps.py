from gallery.sitemaps import PhotoSitemap, image_name, per_file

from .models import Mission, Person


class MissionSitemap(PhotoSitemap):
    """Mission pages. Their photos are in the photos section, each at its own page."""

    url_name = "missions:mission_detail"
    # Three quarters of a file of photo pages: their entries cost more to make.
    limit = per_file(1.5)

    def items(self):
        return Mission.objects.all()


class PersonSitemap(PhotoSitemap):
    """Person pages with their portraits. The photos of them are in the photos section."""

    url_name = "missions:person_detail"
    # Three quarters of a file of photo pages: their entries cost more to make.
    limit = per_file(1.5)

    def items(self):
        return Person.objects.all()

    def rows(self, items):
        # The portrait's image read with its person, by a join on its key: a query of
        # the file's portraits by their keys cost as much again as the file's people.
        return items.values(
            "slug", "updated_at", "portrait_id", image_name=image_name("portrait__")
        )

    def page_images(self, rows):
        return [[(row["portrait_id"], row["image_name"])] for row in rows]
