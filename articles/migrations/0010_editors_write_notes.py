"""The Editors group may add, change, delete and view corrections and updates.

``publishing.editors.ensure()`` gives the group the same after every migrate; this
gives them at the point in the history where the model arrives.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = [f"{action}_note" for action in ("add", "change", "delete", "view")]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("articles")
    # The migration state's app configs have no models module; without one
    # create_permissions() does nothing.
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="articles", codename__in=CODENAMES
    )
    for group in Group.objects.filter(name="Editors"):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="articles", codename__in=CODENAMES
    )
    for group in Group.objects.filter(name="Editors"):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0009_article_notes"),
        ("publishing", "0001_editors_group"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
