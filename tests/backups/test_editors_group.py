"""The Editors group comes back with exactly its content and publishing rights after every
``migrate``, and after ``flush`` (which empties the database for a restore)."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.core.management.sql import emit_post_migrate_signal

pytestmark = pytest.mark.django_db


def editors_rights():
    group = Group.objects.get(name="Editors")
    return sorted(permission.natural_key() for permission in group.permissions.all())


CONTENT_RIGHTS = sorted(
    (f"{action}_{model}", app_label, model)
    for app_label, models in {
        "articles": ["article", "byline", "block", "note"],
        "gallery": ["photo", "gallery", "slide"],
        "missions": ["person", "mission", "crewmember", "launchsite"],
        "live": ["livecoverage", "entry"],
    }.items()
    for model in models
    for action in ["add", "change", "delete", "view"]
) + [
    ("publish_article", "articles", "article"),
    ("publish_gallery", "gallery", "gallery"),
    ("publish_photo", "gallery", "photo"),
    ("publish_livecoverage", "live", "livecoverage"),
]
CONTENT_RIGHTS.sort()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_flush_keeps_the_editors_group_with_its_rights():
    call_command("flush", interactive=False, verbosity=0)

    assert editors_rights() == CONTENT_RIGHTS


def test_migrate_gives_back_rights_taken_and_takes_back_rights_given():
    group = Group.objects.get(name="Editors")
    group.permissions.remove(
        Permission.objects.get_by_natural_key("add_article", "articles", "article")
    )
    group.permissions.add(Permission.objects.get_by_natural_key("change_user", "auth", "user"))

    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")

    assert editors_rights() == CONTENT_RIGHTS


def test_migrate_twice_changes_nothing():
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")

    assert Group.objects.filter(name="Editors").count() == 1
    assert editors_rights() == CONTENT_RIGHTS
