from django.apps import AppConfig
from django.db.models.signals import post_migrate


class PublishingConfig(AppConfig):
    name = "publishing"
    verbose_name = "Publishing"

    def ready(self):
        from . import editors, richtext  # noqa: F401 - richtext connects the sanitizing signal

        # After migrate and after flush: a database emptied for a restore keeps the group.
        post_migrate.connect(editors.group_migrated, sender=self, dispatch_uid="editors_group")
