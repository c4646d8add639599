"""The Contributors group exists with exactly its rights after every ``migrate``, and
after ``flush``; editors keep theirs, and the right to publish."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.core.management.sql import emit_post_migrate_signal

pytestmark = pytest.mark.django_db

WRITE = ["add", "change", "view"]
ROWS = ["add", "change", "delete", "view"]
CONTRIBUTOR_RIGHTS = sorted(
    (f"{action}_{model}", app_label, model)
    for app_label, model, actions in [
        ("articles", "article", WRITE),
        ("articles", "byline", ROWS),
        ("articles", "block", ROWS),
        ("gallery", "photo", WRITE),
        ("gallery", "gallery", WRITE),
        ("gallery", "slide", ROWS),
        ("missions", "person", WRITE),
        ("missions", "mission", WRITE),
        ("missions", "crewmember", ROWS),
        ("missions", "launchsite", WRITE),
    ]
    for action in actions
)
PUBLISH_RIGHTS = [
    ("publish_article", "articles", "article"),
    ("publish_gallery", "gallery", "gallery"),
    ("publish_photo", "gallery", "photo"),
]


def rights(name):
    group = Group.objects.get(name=name)
    return sorted(permission.natural_key() for permission in group.permissions.all())


def test_the_migrations_create_the_contributors_group_with_its_rights():
    assert rights("Contributors") == CONTRIBUTOR_RIGHTS


def test_contributors_may_neither_publish_nor_delete_a_whole_record():
    codenames = {codename for codename, _, _ in rights("Contributors")}

    assert not {c for c in codenames if c.startswith("publish_")}
    assert not codenames & {"delete_article", "delete_photo", "delete_gallery"}
    assert not codenames & {"delete_person", "delete_mission", "delete_launchsite"}


def test_editors_may_publish_each_kind_of_item():
    assert set(PUBLISH_RIGHTS) <= set(rights("Editors"))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_flush_keeps_the_contributors_group_with_its_rights():
    call_command("flush", interactive=False, verbosity=0)

    assert rights("Contributors") == CONTRIBUTOR_RIGHTS
    assert set(PUBLISH_RIGHTS) <= set(rights("Editors"))


def test_migrate_takes_back_the_right_to_publish_given_to_contributors():
    group = Group.objects.get(name="Contributors")
    group.permissions.add(Permission.objects.get_by_natural_key(*PUBLISH_RIGHTS[0]))
    group.permissions.remove(
        Permission.objects.get_by_natural_key("add_article", "articles", "article")
    )

    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")

    assert rights("Contributors") == CONTRIBUTOR_RIGHTS
