"""Restore an object to one of its versions, inlines included, as a new version."""

import reversion
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone

from .diff import inline_versions
from .registry import inline_relations


def when(version):
    return f"{timezone.localtime(version.revision.date_created):%b %-d, %Y %H:%M}"


@transaction.atomic
def restore(version, user):
    """Put the object and its inline rows back as ``version`` holds them.

    Only this object's rows of the revision are restored: a revision made by an
    action over many items holds the others too. Inline rows added since are deleted.
    The object is then saved as usual (sanitizing, search, page cache), recording the
    restored state as a new version. Returns the object.
    """
    model = version._model
    with reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(f"Restored version of {when(version)}")
        rows = []
        for _name, related_model, foreign_key in inline_relations(model):
            kept = inline_versions(version, related_model, foreign_key)
            rows.extend(kept)
            current = related_model._default_manager.filter(
                **{foreign_key.attname: version.object_id}
            )
            current.exclude(pk__in=[row.object_id for row in kept]).delete()
            if any(f.name == "order" for f in related_model._meta.fields):
                # Out of the way first, so that restored rows may swap places.
                top = max(
                    [current.aggregate(top=Max("order"))["top"] or 0]
                    + [row.field_dict.get("order") or 0 for row in kept]
                )
                current.update(order=F("order") + top + 1)
        version.revert()
        for row in rows:
            row.revert()
        obj = model._default_manager.get(pk=version.object_id)
        obj.save()
    return obj
