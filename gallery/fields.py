"""The photo's image field, whose width and height are those of the photo as it shows.

Django's ImageField records the size of the file's pixels. A camera JPEG stores a
portrait photo as landscape pixels with an EXIF tag saying "turn a quarter to view":
the pages and renditions show it turned (``ImageOps.exif_transpose``), so its width
and height must be the turned ones. Uploads are stored upright, but files that reach
storage another way (fixtures, scripts) keep their tag, and Django measures the file
again whenever the image is assigned, as the admin's change form does on every save:
measured without the tag, a portrait photo saved again became a landscape one.
The size is read from the file's header alone, and a file that is no image, or a
decompression bomb, has none: the upload checker refuses it with a message.
"""

from django.db.models.fields.files import ImageField, ImageFieldFile

from .imaging import header_upright_size


class UprightImageFieldFile(ImageFieldFile):
    def _get_image_dimensions(self):
        # Django's own measure also raises on a decompression bomb's header, from
        # Model.__init__ where nothing turns it into a message.
        if not hasattr(self, "_dimensions_cache"):
            close = self.closed
            self.open()
            position = self.tell()
            try:
                self._dimensions_cache = header_upright_size(self)
            finally:
                if close:
                    self.close()
                else:
                    self.seek(position)
        return self._dimensions_cache


class UprightImageField(ImageField):
    attr_class = UprightImageFieldFile
