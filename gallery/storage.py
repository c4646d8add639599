"""Where photo originals are kept: apart from the public renditions, shown to staff only.

Readers' pages show renditions alone (``{% picture %}``, og:image). An original, a
draft's above all, is never at a public address: in object storage its URL is signed
and short-lived (``config.env.originals_storage``); on local disk it is under
``MEDIA_ROOT/photos/``, which neither the front server nor Django's own media serving
publishes, and the admin streams it to staff (``PhotoAdmin.original_view``).
"""

from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import reverse
from django.utils.functional import LazyObject, empty


class StaffOnlyFileSystemStorage(FileSystemStorage):
    """Originals on local disk, linked through the admin's staff-only view."""

    def url(self, name):
        return reverse("admin:gallery_photo_original", args=[name])


class OriginalsStorage(LazyObject):
    """``STORAGES["originals"]``, looked up when first used, like ``default_storage``."""

    def _setup(self):
        self._wrapped = storages["originals"]


originals_storage = OriginalsStorage()


def get_originals_storage():
    # A callable keeps the field's migration free of the storage's settings.
    return originals_storage


@receiver(setting_changed, dispatch_uid="originals_storage_changed")
def reset_originals_storage(setting, **kwargs):
    if setting in ("STORAGES", "MEDIA_ROOT", "MEDIA_URL"):
        originals_storage._wrapped = empty
