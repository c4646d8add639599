"""On local disk, a photo's original is for staff only; readers get renditions.

The front server publishes ``MEDIA_ROOT/renditions/`` alone (README), and Django's
own media serving, used in development and in these tests, follows the same rule.
"""

import re
from html import unescape

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.urls import reverse

from gallery.models import Photo
from publishing.models import Status
from tests.factories import PhotoFactory, UserFactory, image_file

pytestmark = pytest.mark.django_db


def media_path(name):
    return f"/media/{name}"


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_readers_get_no_original_from_the_media_url_a_draft_least_of_all(anonymous_client):
    draft = PhotoFactory(status=Status.DRAFT)
    live = PhotoFactory()

    assert anonymous_client.get(media_path(draft.image.name)).status_code == 404
    assert anonymous_client.get(media_path(live.image.name)).status_code == 404


def test_staff_get_no_original_from_the_media_url_either(staff_client):
    """The one address of an original is the admin's, so the rule is the same for all."""
    draft = PhotoFactory(status=Status.DRAFT)

    assert staff_client.get(media_path(draft.image.name)).status_code == 404


def test_a_live_photos_renditions_are_served_from_the_media_url(anonymous_client):
    live = PhotoFactory()

    response = anonymous_client.get(live.rendition("slide").url)

    assert response.status_code == 200
    assert body(response)[:3] == b"\xff\xd8\xff"


def test_the_admin_links_the_original_and_streams_it_to_staff(editor_client):
    draft = PhotoFactory(status=Status.DRAFT)

    page = editor_client.get(reverse("admin:gallery_photo_change", args=[draft.pk]))
    link = unescape(re.search(r'Currently: <a href="([^"]+)"', page.content.decode()).group(1))
    response = editor_client.get(link)

    assert link == reverse("admin:gallery_photo_original", args=[draft.image.name])
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert "private" in response["Cache-Control"]
    with draft.image.open("rb") as stored:
        assert body(response) == stored.read()


def test_the_admins_original_is_refused_to_readers(anonymous_client, reader_client):
    draft = PhotoFactory(status=Status.DRAFT)
    link = reverse("admin:gallery_photo_original", args=[draft.image.name])

    response = anonymous_client.get(link)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert reader_client.get(link)["Location"].startswith(reverse("admin:login"))


def test_staff_without_the_right_to_view_photos_are_refused_the_original(client):
    staff = UserFactory(username="sales", is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_article"))
    client.force_login(staff)
    draft = PhotoFactory(status=Status.DRAFT)

    response = client.get(reverse("admin:gallery_photo_original", args=[draft.image.name]))

    assert response.status_code == 403


def test_the_admin_streams_only_files_that_are_a_photos_original(editor_client):
    photo = PhotoFactory()
    rendition = photo.rendition("slide").name

    for name in (rendition, "photos/none/missing.jpg", "../settings.py"):
        response = editor_client.get(reverse("admin:gallery_photo_original", args=[name]))
        assert response.status_code == 404, name


def test_unpublishing_a_photo_retires_the_rendition_addresses_readers_saw(
    editor_client, anonymous_client, django_capture_on_commit_callbacks
):
    photo = PhotoFactory()
    old_original = photo.image.name
    seen = photo.rendition("slide").url
    assert anonymous_client.get(seen).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(
            reverse("admin:gallery_photo_changelist"),
            {"action": "unpublish", "_selected_action": [photo.pk]},
        )

    photo.refresh_from_db()
    assert photo.status == Status.DRAFT
    assert anonymous_client.get(seen).status_code == 404
    assert photo.image.name != old_original
    assert not Photo._meta.get_field("image").storage.exists(old_original)
    assert photo.renditions_ready
    assert photo.rendition("slide").url != seen
    with photo.image.open("rb") as moved:
        assert moved.read()[:3] == b"\xff\xd8\xff"


def test_editing_a_draft_or_a_scheduled_photo_keeps_its_files(editor_client):
    """Only a photo readers could see gets new addresses: the others had none public."""
    draft = PhotoFactory(status=Status.DRAFT)
    names = (draft.image.name, draft.renditions)

    draft.caption = "A new caption."
    draft.save()
    draft.status = Status.PUBLISHED
    draft.save()

    draft.refresh_from_db()
    assert (draft.image.name, draft.renditions) == names


def test_replacing_the_image_while_unpublishing_stores_only_the_new_one():
    photo = PhotoFactory()
    photo.status = Status.DRAFT
    photo.image = image_file("new.jpg", width=800, height=600)
    photo.save()

    photo.refresh_from_db()
    assert photo.image.name.endswith("/new.jpg")
    assert photo.renditions_ready


def test_protect_originals_on_local_disk_says_what_the_front_server_must_do(capsys):
    PhotoFactory(status=Status.DRAFT)

    call_command("protect_originals")

    output = capsys.readouterr().out
    assert "MEDIA_ROOT/renditions/ only" in output
    assert "give --site" in output
