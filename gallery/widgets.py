"""The photo picker: the admin's autocomplete, with a thumbnail beside each title.

Slides, article photo blocks, hero photos and essay covers pick a photo by typing
its title; among similar titles ("Liftoff", "Liftoff 2") the picture tells them apart.
"""

from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.contrib.admin.widgets import AutocompleteSelect
from django.forms import Media
from django.urls import reverse

from .models import Photo

THUMBNAIL_WIDTH = 64


class PhotoAutocompleteJsonView(AutocompleteJsonView):
    """The admin's autocomplete answers, each photo with its thumbnail's address."""

    def serialize_result(self, obj, to_field_name):
        result = super().serialize_result(obj, to_field_name)
        rendition = obj.rendition("thumbnail") if isinstance(obj, Photo) else None
        if rendition is not None:
            result["thumbnail"] = rendition.url
            result["thumbnail_width"] = THUMBNAIL_WIDTH
            result["thumbnail_height"] = round(rendition.height * THUMBNAIL_WIDTH / rendition.width)
        return result


class PhotoAutocompleteSelect(AutocompleteSelect):
    def get_url(self):
        return reverse(f"{self.admin_site.name}:gallery_photo_autocomplete")

    @property
    def media(self):
        # Named after autocomplete.js (so after select2): merging a page's media
        # keeps only the orders that some list states.
        return super().media + Media(
            js=["admin/js/autocomplete.js", "gallery/admin/photo-picker.js"],
            css={"screen": ["gallery/admin/photos.css"]},
        )


class PhotoPickerMixin:
    """For admins and inlines whose autocomplete fields pick a photo."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if (
            "widget" not in kwargs
            and db_field.remote_field.model is Photo
            and db_field.name in self.get_autocomplete_fields(request)
        ):
            kwargs["widget"] = PhotoAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
