"""Editors give many photos their alt text, captions, credits and licences on one page."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from gallery.models import Licence, Photo
from publishing.models import Status
from tests.admin.forms import form_data
from tests.factories import GalleryFactory, PhotoFactory
from tests.gallery.images import camera_jpeg, upload

pytestmark = pytest.mark.django_db

CHANGELIST_URL = reverse("admin:gallery_photo_changelist")
GRID_URL = reverse("admin:gallery_photo_grid")
ADD_PHOTOS_URL = reverse("admin:gallery_photo_add_photos")


def grid_of(client, *photos):
    ids = ",".join(str(photo.pk) for photo in photos)
    return client.get(GRID_URL, {"ids": ids})


def test_the_action_leads_to_a_grid_of_the_selected_photos(editor_client):
    first = PhotoFactory(title="Crew walkout", draft=True)
    second = PhotoFactory(title="Soyuz on the pad", draft=True)
    PhotoFactory(title="Not chosen")

    response = editor_client.post(
        CHANGELIST_URL,
        {"action": "edit_words", "_selected_action": [first.pk, second.pk]},
        follow=True,
    )

    page = response.content.decode()
    assert "Edit alt text, captions and credits" in page
    assert "Crew walkout" in page
    assert "Soyuz on the pad" in page
    assert "Not chosen" not in page


def test_the_grid_saves_every_row(editor_client):
    first = PhotoFactory(title="Crew walkout", alt_text="", credit="", licence="", draft=True)
    second = PhotoFactory(title="Soyuz on the pad", alt_text="", draft=True)
    data = form_data(grid_of(editor_client, first, second), "photo-grid")
    rows = {data[f"form-{n}-id"]: n for n in range(2)}
    n = rows[str(first.pk)]
    data[f"form-{n}-alt_text"] = "Three crew members wave from the stairs."
    data[f"form-{n}-credit"] = "Joel Kowsky/NASA"
    data[f"form-{n}-licence"] = Licence.PERMISSION
    data[f"form-{rows[str(second.pk)]}-alt_text"] = "A rocket on its launch pad."

    response = editor_client.post(f"{GRID_URL}?ids={first.pk},{second.pk}", data)

    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.alt_text == "Three crew members wave from the stairs."
    assert first.credit == "Joel Kowsky/NASA"
    assert first.licence == Licence.PERMISSION
    assert second.alt_text == "A rocket on its launch pad."


def test_a_refused_grid_keeps_what_the_editor_typed(editor_client):
    live = PhotoFactory(title="Liftoff")
    draft = PhotoFactory(title="Crew walkout", alt_text="", draft=True)
    data = form_data(grid_of(editor_client, live, draft), "photo-grid")
    rows = {data[f"form-{n}-id"]: n for n in range(2)}
    data[f"form-{rows[str(live.pk)]}-alt_text"] = ""
    data[f"form-{rows[str(draft.pk)]}-caption"] = "The crew <walks> out."

    response = editor_client.post(f"{GRID_URL}?ids={live.pk},{draft.pk}", data)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Nothing was saved." in page
    assert "cannot be published without alt text" in page
    assert "The crew &lt;walks&gt; out." in page
    draft.refresh_from_db()
    assert draft.caption != "The crew <walks> out."


def test_the_grid_shows_each_photo_s_thumbnail(editor_client):
    photo = PhotoFactory(title="Liftoff")

    page = grid_of(editor_client, photo).content.decode()

    assert photo.rendition("thumbnail").url in page


def test_the_photo_list_offers_add_photos(editor_client):
    page = editor_client.get(CHANGELIST_URL).content.decode()

    assert f'href="{ADD_PHOTOS_URL}"' in page


def test_photos_uploaded_from_the_list_arrive_in_the_grid(editor_client):
    files = [upload(camera_jpeg(800, 600), "crew-walkout.jpg")]

    response = editor_client.post(ADD_PHOTOS_URL, {"photos": files, "credit": "NASA"})

    assert response.status_code == 302
    photo = Photo.objects.get(title="Crew walkout")
    assert photo.status == Status.DRAFT
    query = parse_qs(urlsplit(response["Location"]).query)
    assert urlsplit(response["Location"]).path == GRID_URL
    assert query["ids"] == [str(photo.pk)]
    assert not photo.galleries.exists()


def test_uploading_with_an_essay_title_makes_a_draft_essay_of_the_photos(editor_client):
    files = [
        upload(camera_jpeg(800, 600), "soyuz.jpg"),
        upload(camera_jpeg(800, 600), "crew.jpg"),
    ]

    editor_client.post(ADD_PHOTOS_URL, {"photos": files, "essay_title": "Expedition 56"})

    essay = GalleryFactory._meta.model.objects.get(title="Expedition 56")
    assert essay.status == Status.DRAFT
    assert [s.photo.title for s in essay.slides.order_by("order")] == ["Soyuz", "Crew"]


def test_the_add_essay_page_links_to_uploading_photos_first(editor_client):
    page = editor_client.get(reverse("admin:gallery_gallery_add")).content.decode()

    assert f'href="{ADD_PHOTOS_URL}"' in page


def test_photos_can_be_filtered_by_person_pictured(editor_client):
    crew = PhotoFactory(title="Crew walkout")
    PhotoFactory(title="Empty pad")
    person = crew.people.create(name="Serena Auñón-Chancellor", slug="serena")

    page = editor_client.get(CHANGELIST_URL, {"people__id__exact": person.pk}).content.decode()

    assert "Crew walkout" in page
    assert "Empty pad" not in page


def test_photos_can_be_searched_by_person_pictured(editor_client):
    crew = PhotoFactory(title="Crew walkout")
    PhotoFactory(title="Empty pad")
    crew.people.create(name="Serena Auñón-Chancellor", slug="serena")

    page = editor_client.get(CHANGELIST_URL, {"q": "Auñón"}).content.decode()

    assert "Crew walkout" in page
    assert "Empty pad" not in page
