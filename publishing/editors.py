"""The "Editors" group: staff who curate stories, photos, people and missions.

It gets exactly the permissions that work needs, and nothing over users, groups or
the site's configuration. The data migration 0001 created it first; ``ensure()`` runs
after every ``migrate`` and ``flush`` (``post_migrate``), so a database emptied for a
restore, or a group edited by hand, gets it back as written here.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions

NAME = "Editors"
EDITED_MODELS = {
    "articles": ["article", "byline", "block"],
    "gallery": ["photo", "gallery", "slide"],
    "missions": ["person", "mission", "crewmember", "launchsite"],
    "live": ["livecoverage", "entry"],
}
ACTIONS = ["add", "change", "delete", "view"]


def natural_keys():
    """The group's permissions as (codename, app_label, model), sorted."""
    return sorted(
        (f"{action}_{model}", app_label, model)
        for app_label, models in EDITED_MODELS.items()
        for model in models
        for action in ACTIONS
    )


def ensure(apps=global_apps, using="default", verbosity=0):
    """Create the group if it is missing and give it exactly its permissions.

    ``apps`` is the registry of models to write with: the migrated state's, as
    post_migrate gives it, or the project's.
    """
    # post_migrate reaches this app before the edited apps have their permissions.
    for app_label in EDITED_MODELS:
        create_permissions(
            global_apps.get_app_config(app_label), verbosity=verbosity, using=using, apps=apps
        )
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.using(using).get_or_create(name=NAME)
    wanted = Permission.objects.using(using).filter(
        content_type__app_label__in=EDITED_MODELS,
        codename__in=[codename for codename, _, _ in natural_keys()],
    )
    group.permissions.set(wanted)
    return group


def group_migrated(sender, using="default", apps=None, verbosity=0, **kwargs):
    ensure(apps or global_apps, using=using, verbosity=verbosity)
