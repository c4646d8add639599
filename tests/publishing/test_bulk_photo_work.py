"""The photo list's "Add photos" and the words grid follow the roles and keep versions,
as each photo's own page does."""

import pytest
from django.urls import reverse
from reversion.models import Version

from gallery.models import Gallery, Photo
from tests.admin.forms import form_data
from tests.factories import PhotoFactory
from tests.gallery.images import camera_jpeg, upload

pytestmark = pytest.mark.django_db

GRID_URL = reverse("admin:gallery_photo_grid")
ADD_PHOTOS_URL = reverse("admin:gallery_photo_add_photos")


def grid_post(client, photo, alt_text):
    data = form_data(client.get(GRID_URL, {"ids": photo.pk}), "photo-grid")
    data["form-0-alt_text"] = alt_text
    return client.post(f"{GRID_URL}?ids={photo.pk}", data)


def test_photos_a_contributor_uploads_from_the_list_are_theirs_to_edit(
    contributor, contributor_client
):
    files = [upload(camera_jpeg(800, 600), "crew-walkout.jpg")]

    contributor_client.post(
        ADD_PHOTOS_URL, {"photos": files, "credit": "NASA", "essay_title": "Walkout"}
    )

    photo = Photo.objects.get(title="Crew walkout")
    assert photo.created_by == contributor
    assert Gallery.objects.get(title="Walkout").created_by == contributor
    response = contributor_client.get(reverse("admin:gallery_photo_change", args=[photo.pk]))
    assert 'name="alt_text"' in response.content.decode()


def test_an_upload_from_the_list_keeps_a_version_with_who_uploaded(editor, editor_client):
    files = [upload(camera_jpeg(800, 600), "crew-walkout.jpg")]

    editor_client.post(ADD_PHOTOS_URL, {"photos": files, "credit": "NASA"})

    version = Version.objects.get_for_object(Photo.objects.get(title="Crew walkout")).get()
    assert version.revision.user == editor
    assert version.revision.comment == "Added 1 photo(s)"


def test_the_grid_keeps_a_version_of_each_photo_it_saves(editor, editor_client):
    photo = PhotoFactory(alt_text="", draft=True)

    response = grid_post(editor_client, photo, "Three crew members wave from the stairs.")

    assert response.status_code == 302
    version = Version.objects.get_for_object(photo).get()
    assert version.revision.user == editor
    assert version.revision.comment == "Edited alt text, captions and credits"
    assert version.field_dict["alt_text"] == "Three crew members wave from the stairs."


def test_a_contributor_cannot_change_anothers_photo_through_the_grid(
    contributor_client, other_contributor
):
    photo = PhotoFactory(alt_text="As it was.", draft=True, created_by=other_contributor)

    response = grid_post(contributor_client, photo, "Changed behind their back.")

    assert response.status_code == 403
    photo.refresh_from_db()
    assert photo.alt_text == "As it was."
