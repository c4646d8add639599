"""Editors upload several photos into an essay at once, and see thumbnails."""

import pytest
from django.urls import reverse

from gallery.models import Photo
from publishing.models import Status
from tests.factories import GalleryFactory, MissionFactory, PhotoFactory, SlideFactory
from tests.gallery.images import camera_jpeg, upload

pytestmark = pytest.mark.django_db


def add_photos_url(essay):
    return reverse("admin:gallery_gallery_add_photos", args=[essay.pk])


def test_the_essay_change_page_links_to_add_photos(editor_client):
    essay = GalleryFactory()

    response = editor_client.get(reverse("admin:gallery_gallery_change", args=[essay.pk]))

    assert f'href="{add_photos_url(essay)}"' in response.content.decode()


def test_several_photos_become_draft_slides_at_the_end_of_the_essay(editor_client):
    essay = GalleryFactory(mission=MissionFactory())
    existing = SlideFactory(gallery=essay, order=5)
    files = [
        upload(camera_jpeg(800, 600), "soyuz_on-the-pad.jpg"),
        upload(camera_jpeg(600, 800), "crew-walkout.jpg"),
    ]

    response = editor_client.post(
        add_photos_url(essay), {"photos": files, "credit": "NASA/Joel Kowsky"}
    )

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:gallery_photo_grid"))
    slides = list(essay.slides.order_by("order"))
    assert slides[0] == existing
    added = [slide.photo for slide in slides[1:]]
    assert [photo.title for photo in added] == ["Soyuz on the pad", "Crew walkout"]
    assert [slide.order for slide in slides[1:]] == [6, 7]
    for photo in added:
        assert photo.status == Status.DRAFT
        assert photo.credit == "NASA/Joel Kowsky"
        assert photo.mission == essay.mission
        assert photo.renditions
    messages = [str(m) for m in response.wsgi_request._messages]
    assert "Added 2 photo(s)" in messages[0]


def test_a_refused_file_is_named_with_its_reason_and_the_others_are_added(editor_client):
    essay = GalleryFactory()
    files = [
        upload(camera_jpeg(), "good.jpg"),
        upload(b"<html><body>hello</body></html>", "bad.jpg"),
    ]

    response = editor_client.post(add_photos_url(essay), {"photos": files}, follow=True)

    assert [slide.photo.title for slide in essay.slides.all()] == ["Good"]
    page = response.content.decode()
    assert "Not added: “bad.jpg” is an HTML page, not an image." in page


def test_when_every_file_is_refused_the_form_shows_each_reason(editor_client):
    essay = GalleryFactory()
    files = [upload(b"just text", "a.jpg"), upload(b"%PDF-1.4 ...", "b.jpg")]

    response = editor_client.post(add_photos_url(essay), {"photos": files})

    assert response.status_code == 200
    page = response.content.decode()
    assert "“a.jpg” is a text file, not an image." in page
    assert "“b.jpg” is a PDF document, not an image." in page
    assert not Photo.objects.exists()


def test_a_second_upload_of_the_same_file_name_gets_its_own_slug(editor_client):
    essay = GalleryFactory()
    PhotoFactory(slug="liftoff")

    editor_client.post(add_photos_url(essay), {"photos": [upload(camera_jpeg(), "liftoff.jpg")]})

    assert essay.slides.get().photo.slug == "liftoff-2"


def test_a_reader_cannot_add_photos(reader_client):
    essay = GalleryFactory()

    response = reader_client.post(add_photos_url(essay), {"photos": [upload(camera_jpeg())]})

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    assert not Photo.objects.exists()


def test_the_photo_list_shows_recorded_thumbnails(editor_client):
    photo = PhotoFactory(title="Liftoff")

    response = editor_client.get(reverse("admin:gallery_photo_changelist"))

    thumbnail = photo.renditions["thumbnail"]["jpeg"]
    assert f'src="/media/{thumbnail}" width="48"' in response.content.decode()


def test_the_photo_change_form_shows_a_preview(editor_client):
    photo = PhotoFactory()

    response = editor_client.get(reverse("admin:gallery_photo_change", args=[photo.pk]))

    assert f'src="/media/{photo.renditions["phone"]["jpeg"]}" width="320"' in (
        response.content.decode()
    )
