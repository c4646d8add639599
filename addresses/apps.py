from django.apps import AppConfig


class AddressesConfig(AppConfig):
    name = "addresses"
    verbose_name = "Old addresses"

    def ready(self):
        from . import signals  # noqa: F401 - records old slugs as items are saved
