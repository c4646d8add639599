"""The Editors group can edit and publish the content and nothing else."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

CONTENT_MODELS = {
    "articles": ["article", "byline", "block", "note"],
    "gallery": ["photo", "gallery", "slide"],
    "missions": ["person", "mission", "crewmember", "launchsite"],
    "live": ["livecoverage", "entry"],
}


def test_editors_group_has_exactly_the_content_permissions(editors_group):
    expected = {
        f"{app}.{action}_{model}"
        for app, models in CONTENT_MODELS.items()
        for model in models
        for action in ("add", "change", "delete", "view")
    } | {
        "articles.publish_article",
        "gallery.publish_photo",
        "gallery.publish_gallery",
        "live.publish_livecoverage",
    }

    granted = {
        f"{p.content_type.app_label}.{p.codename}"
        for p in editors_group.permissions.select_related("content_type")
    }

    assert len(expected) == 56
    assert granted == expected


def test_editor_is_not_a_superuser(editor):
    assert editor.is_staff
    assert not editor.is_superuser
    assert editor.has_perm("articles.change_article")
    assert not editor.has_perm("auth.change_user")


def test_editor_reaches_the_admin_index_with_the_content_apps(editor_client):
    response = editor_client.get(reverse("admin:index"))

    page = response.content.decode()
    assert response.status_code == 200
    assert reverse("admin:articles_article_changelist") in page
    assert reverse("admin:gallery_photo_changelist") in page
    assert reverse("admin:missions_person_changelist") in page
    assert reverse("admin:auth_user_changelist") not in page


@pytest.mark.parametrize(
    "url_name",
    ["admin:auth_user_changelist", "admin:auth_user_add", "admin:auth_group_changelist"],
)
def test_editor_cannot_reach_users_and_groups(editor_client, url_name):
    assert editor_client.get(reverse(url_name)).status_code == 403


def test_editor_cannot_edit_their_own_account(editor_client, editor):
    url = reverse("admin:auth_user_change", args=[editor.pk])

    assert editor_client.get(url).status_code == 403


def test_reader_account_cannot_enter_the_admin(reader_client):
    response = reader_client.get(reverse("admin:articles_article_changelist"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))
