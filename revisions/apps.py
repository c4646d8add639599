from django.apps import AppConfig


class RevisionsConfig(AppConfig):
    name = "revisions"
    verbose_name = "Revisions"

    def ready(self):
        # Registers the versioned models, so that saves outside the admin (scripts,
        # the shell) can record versions too.
        from . import registry  # noqa: F401
