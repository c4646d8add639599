"""The photo's image field, whose width and height are those of the photo as it shows.

Django's ImageField records the size of the file's pixels. A camera JPEG stores a
portrait photo as landscape pixels with an EXIF tag saying "turn a quarter to view":
the pages and renditions show it turned (``ImageOps.exif_transpose``), so its width
and height must be the turned ones. Uploads are stored upright, but files that reach
storage another way (fixtures, scripts) keep their tag, and Django measures the file
again whenever the image is assigned, as the admin's change form does on every save:
measured without the tag, a portrait photo saved again became a landscape one.
"""

from django.db.models.fields.files import ImageField, ImageFieldFile

from .imaging import QUARTER_TURNS, file_orientation


class UprightImageFieldFile(ImageFieldFile):
    def _get_image_dimensions(self):
        if not hasattr(self, "_dimensions_cache"):
            width, height = super()._get_image_dimensions()
            if width and height and self._orientation() in QUARTER_TURNS:
                width, height = height, width
            self._dimensions_cache = (width, height)
        return self._dimensions_cache

    def _orientation(self):
        close = self.closed
        self.open()
        position = self.tell()
        try:
            return file_orientation(self)
        finally:
            if close:
                self.close()
            else:
                self.seek(position)


class UprightImageField(ImageField):
    attr_class = UprightImageFieldFile
