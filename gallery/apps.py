from django.apps import AppConfig
from django.db.models.signals import post_init, post_save

# imagekit listens to the init and save of every model, of any app, to tell its
# cache-file strategy when a photo's image changes. Ours (gallery.renditions.
# MadeByWorker) does nothing then: the worker makes renditions when a photo is saved.
# Left connected, the listener ran on every row any page read, a tenth of reading a
# list of missions.
IMAGEKIT_LISTENERS = "ik_spec_field_receivers"


class GalleryConfig(AppConfig):
    name = "gallery"
    verbose_name = "Photos and photo essays"

    def ready(self):
        from . import signals  # noqa: F401

        post_init.disconnect(dispatch_uid=IMAGEKIT_LISTENERS)
        post_save.disconnect(dispatch_uid=IMAGEKIT_LISTENERS)
