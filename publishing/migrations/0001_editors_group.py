"""The "Editors" group: staff who curate stories, photos, people and missions.

It gets exactly the permissions that work needs, and nothing over users,
groups or the site's configuration.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITED_MODELS = {
    "articles": ["article", "byline", "block"],
    "gallery": ["photo", "gallery", "slide"],
    "missions": ["person", "mission", "crewmember", "launchsite"],
}
ACTIONS = ["add", "change", "delete", "view"]


def create_editors_group(apps, schema_editor):
    # Permissions are normally created after all migrations have run; make sure
    # they exist now so the group can be given them.
    for app_label in EDITED_MODELS:
        app_config = apps.get_app_config(app_label)
        # The migration state's app configs have no models module; without one
        # create_permissions() does nothing.
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Editors")
    codenames = [
        f"{action}_{model}" for models in EDITED_MODELS.values() for model in models for action in ACTIONS
    ]
    permissions = Permission.objects.filter(
        content_type__app_label__in=EDITED_MODELS, codename__in=codenames
    )
    group.permissions.set(permissions)


def remove_editors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Editors").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("articles", "0002_initial"),
        ("gallery", "0002_initial"),
        ("missions", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_editors_group, remove_editors_group)]
