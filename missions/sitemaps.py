from django.db.models import Prefetch

from gallery.models import Photo
from gallery.sitemaps import PhotoSitemap

from .models import Mission, Person

# As many photos as a mission or person page shows.
PAGE_PHOTOS = 24


class MissionSitemap(PhotoSitemap):
    def items(self):
        return Mission.objects.prefetch_related(
            Prefetch(
                "photos",
                queryset=Photo.objects.published()[:PAGE_PHOTOS],
                to_attr="page_photos",
            )
        )

    def photos(self, mission):
        return mission.page_photos


class PersonSitemap(PhotoSitemap):
    def items(self):
        published = Photo.objects.published()
        return Person.objects.prefetch_related(
            Prefetch("portrait", queryset=published),
            Prefetch("photos", queryset=published[:PAGE_PHOTOS], to_attr="page_photos"),
        )

    def photos(self, person):
        return [person.portrait, *person.page_photos]
