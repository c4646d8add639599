"""The right to publish articles, photos and photo essays, given to the "Editors"
group, and the "Contributors" group: staff who write drafts and submit them for
review, and may not publish or delete.

Written out as it stood when this migration was made; ``publishing/editors.py``
keeps both groups as written there after every migrate.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

APPS = ["articles", "gallery", "missions"]
PUBLISH = [("articles", "publish_article"), ("gallery", "publish_photo"), ("gallery", "publish_gallery")]
EVERYTHING = ["add", "change", "delete", "view"]
NO_DELETE = ["add", "change", "view"]
CONTRIBUTED = {
    "articles": {"article": NO_DELETE, "byline": EVERYTHING, "block": EVERYTHING},
    "gallery": {"photo": NO_DELETE, "gallery": NO_DELETE, "slide": EVERYTHING},
    "missions": {
        "person": NO_DELETE,
        "mission": NO_DELETE,
        "crewmember": EVERYTHING,
        "launchsite": NO_DELETE,
    },
}


def permissions(apps, keys):
    Permission = apps.get_model("auth", "Permission")
    found = Permission.objects.filter(
        content_type__app_label__in=APPS, codename__in={codename for _, codename in keys}
    ).select_related("content_type")
    return [p for p in found if (p.content_type.app_label, p.codename) in keys]


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations have run; make sure
    # they exist now (the publish ones are new) so the groups can be given them.
    for app_label in APPS:
        app_config = apps.get_app_config(app_label)
        # The migration state's app configs have no models module; without one
        # create_permissions() does nothing.
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(*permissions(apps, set(PUBLISH)))
    contributors, _ = Group.objects.get_or_create(name="Contributors")
    contributed = {
        (app_label, f"{action}_{model}")
        for app_label, models in CONTRIBUTED.items()
        for model, actions in models.items()
        for action in actions
    }
    contributors.permissions.set(permissions(apps, contributed))


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Contributors").delete()
    editors = apps.get_model("auth", "Group").objects.filter(name="Editors").first()
    if editors:
        editors.permissions.remove(*permissions(apps, set(PUBLISH)))


class Migration(migrations.Migration):
    dependencies = [
        ("publishing", "0001_editors_group"),
        ("articles", "0008_creator_review_request_publish_permission"),
        ("gallery", "0010_creator_review_request_publish_permission"),
        ("missions", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
