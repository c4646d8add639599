"""Restore an object to one of its versions, inlines included, as a new version."""

import reversion
from django.db import models, transaction
from django.db.models import F, Max
from django.utils import timezone

from .diff import inline_versions
from .registry import inline_relations


def when(version):
    return f"{timezone.localtime(version.revision.date_created):%b %-d, %Y %H:%M}"


def put_back(version):
    """Save the row ``version`` holds with the model's own ``save()``.

    Not reversion's ``Version.revert()``: its raw save would set the fields a version
    leaves out (a photo's image and renditions) to their defaults, and skip what a
    save does (sanitizing, a photo's files following its status).
    """
    model = version._model
    obj = model._default_manager.filter(pk=version.object_id).first() or model(pk=version.object_id)
    related = {}
    for name, value in version.field_dict.items():
        model_field = model._meta.get_field(name)
        if isinstance(model_field, models.ManyToManyField):
            related[model_field.name] = value
        else:
            setattr(obj, name, value)
    obj.save()
    for name, value in related.items():
        getattr(obj, name).set(value)
    return obj


@transaction.atomic
def restore(version, user):
    """Put the object and its inline rows back as ``version`` holds them.

    Only this object's rows of the revision are restored: a revision made by an
    action over many items holds the others too. Inline rows added since are deleted.
    The restored state is recorded as a new version. Returns the object.
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
        obj = put_back(version)
        for row in rows:
            put_back(row)
        # Once more, so that the new version holds the restored inlines.
        reversion.add_to_revision(obj)
    return obj
