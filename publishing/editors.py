"""The newsroom's groups: "Editors", who curate and publish, and "Contributors", who
write drafts and submit them for review.

Each group gets exactly the permissions its work needs, and nothing over users,
groups or the site's configuration. The data migrations 0001 (Editors) and 0002
(Contributors, and the right to publish) created them first; ``ensure()`` runs after
every ``migrate`` and ``flush`` (``post_migrate``), so a database emptied for a
restore, or a group edited by hand, gets them back as written here.

Version history (revisions/) needs no rights of its own: an item's history and
compare pages take its model's view right, restoring a version its change right.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions

NAME = "Editors"
EDITED_MODELS = {
    "articles": ["article", "byline", "block", "note"],
    "gallery": ["photo", "gallery", "slide"],
    "missions": ["person", "mission", "crewmember", "launchsite"],
    "live": ["livecoverage", "entry"],
}
ACTIONS = ["add", "change", "delete", "view"]
# The models with a draft and a published state: publishing one is a right of its
# own (``publish_<model>``), which PublishableAdmin checks.
PUBLISHED_MODELS = {
    "articles": ["article"],
    "gallery": ["photo", "gallery"],
    "live": ["livecoverage"],
}

CONTRIBUTORS = "Contributors"
# Contributors add and change, never delete a whole record. PublishableAdmin limits
# their changes to the drafts they created themselves.
#
# People, launch sites and missions: a contributor writing about a new launch needs
# its mission and the people in it (authors included) to link the story to, and these
# records are facts shared by every story, with no draft to review, so fixing a
# spelling or adding a crew member should not wait for an editor. Deleting one is
# left to editors: it takes the person or mission out of every published story that
# names it.
#
# The rows inside a record (bylines, body blocks, slides, crew) may be deleted: they
# are reached only through the form of their article, essay or mission, and taking a
# paragraph out of one's own draft is editing it.
CONTRIBUTED_MODELS = {
    "articles": {"article": ["add", "change", "view"], "byline": ACTIONS, "block": ACTIONS},
    "gallery": {
        "photo": ["add", "change", "view"],
        "gallery": ["add", "change", "view"],
        "slide": ACTIONS,
    },
    "missions": {
        "person": ["add", "change", "view"],
        "mission": ["add", "change", "view"],
        "crewmember": ACTIONS,
        "launchsite": ["add", "change", "view"],
    },
}


def natural_keys():
    """The Editors group's permissions as (codename, app_label, model), sorted."""
    return sorted(
        [
            (f"{action}_{model}", app_label, model)
            for app_label, models in EDITED_MODELS.items()
            for model in models
            for action in ACTIONS
        ]
        + [
            (f"publish_{model}", app_label, model)
            for app_label, models in PUBLISHED_MODELS.items()
            for model in models
        ]
    )


def contributor_natural_keys():
    """The Contributors group's permissions as (codename, app_label, model), sorted."""
    return sorted(
        (f"{action}_{model}", app_label, model)
        for app_label, models in CONTRIBUTED_MODELS.items()
        for model, actions in models.items()
        for action in actions
    )


GROUPS = {NAME: natural_keys, CONTRIBUTORS: contributor_natural_keys}


def ensure(apps=global_apps, using="default", verbosity=0):
    """Create the groups that are missing and give each exactly its permissions.

    ``apps`` is the registry of models to write with: the migrated state's, as
    post_migrate gives it, or the project's. Returns the Editors group.
    """
    # post_migrate reaches this app before the edited apps have their permissions.
    for app_label in EDITED_MODELS:
        create_permissions(
            global_apps.get_app_config(app_label), verbosity=verbosity, using=using, apps=apps
        )
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    groups = {}
    for name, keys in GROUPS.items():
        group, _ = Group.objects.using(using).get_or_create(name=name)
        wanted = {(app_label, codename) for codename, app_label, _ in keys()}
        permissions = Permission.objects.using(using).filter(
            content_type__app_label__in=EDITED_MODELS,
            codename__in={codename for _, codename in wanted},
        )
        group.permissions.set(
            p
            for p in permissions.select_related("content_type")
            if (p.content_type.app_label, p.codename) in wanted
        )
        groups[name] = group
    return groups[NAME]


def group_migrated(sender, using="default", apps=None, verbosity=0, **kwargs):
    ensure(apps or global_apps, using=using, verbosity=verbosity)
