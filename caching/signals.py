"""Any saved or deleted content makes every cached page stale, once it commits.

Committed, not before: a page rendered between the save and the commit would
otherwise be cached under the new version with the old content.
"""

from django.apps import apps
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from .versions import content_changed

# The apps whose models reader pages show, and old addresses (which page an old
# address leads to). Search's index is derived from them and the jobs' rows are not
# content.
CONTENT_APPS = ("publishing", "missions", "gallery", "articles", "addresses", "live")


def changed(sender, using="default", **kwargs):
    # Robust: while the cache does not answer, the editor's save has still happened
    # and must say so; the failure is logged.
    transaction.on_commit(content_changed, using=using, robust=True)


def connect():
    for label in CONTENT_APPS:
        for model in apps.get_app_config(label).get_models():
            uid = f"caching.{model._meta.label_lower}"
            post_save.connect(changed, sender=model, dispatch_uid=f"{uid}.save")
            post_delete.connect(changed, sender=model, dispatch_uid=f"{uid}.delete")
            for field in model._meta.local_many_to_many:
                m2m_changed.connect(
                    changed, sender=field.remote_field.through, dispatch_uid=f"{uid}.{field.name}"
                )


connect()
