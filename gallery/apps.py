from django.apps import AppConfig


class GalleryConfig(AppConfig):
    name = "gallery"
    verbose_name = "Photos and photo essays"

    def ready(self):
        from . import signals  # noqa: F401
