"""An editor builds a photo essay from library photos and publishes it."""

import pytest
from django.urls import reverse

from gallery.models import Gallery
from publishing.models import Status
from tests.admin.forms import add_inline_row, form_data, inline_prefixes
from tests.factories import GalleryFactory, PhotoFactory, SlideFactory

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:gallery_gallery_add")


def new_essay_form(client, photos, **fields):
    data = form_data(client.get(ADD_URL), "gallery_form")
    data.update(
        title="Expedition 56 in photos",
        slug="expedition-56-in-photos",
        introduction="The mission in photos.",
    )
    data.update(fields)
    for photo in photos:
        add_inline_row(data, "slides", photo=photo.pk)
    return data


def test_essay_form_offers_the_slides_inline(editor_client):
    data = form_data(editor_client.get(ADD_URL), "gallery_form")

    assert inline_prefixes(data) == ["slides"]


def test_editor_adds_an_essay_with_slides_in_order(editor_client):
    first, second = PhotoFactory(title="A mighty roar"), PhotoFactory(title="Goodbye, Earth!")

    response = editor_client.post(ADD_URL, new_essay_form(editor_client, [first, second]))

    assert response.status_code == 302
    essay = Gallery.objects.get(slug="expedition-56-in-photos")
    assert [slide.photo for slide in essay.slides.all()] == [first, second]
    assert essay.status == Status.DRAFT


def test_editor_publishes_an_essay_and_readers_see_its_slides(
    editor_client, anonymous_client, shows_photo
):
    first, second = PhotoFactory(), PhotoFactory()
    data = new_essay_form(editor_client, [first, second], status=Status.PUBLISHED)

    assert editor_client.post(ADD_URL, data).status_code == 302

    page = anonymous_client.get(reverse("gallery:gallery_detail", args=["expedition-56-in-photos"]))
    assert page.status_code == 200
    assert "Expedition 56 in photos" in page.content.decode()
    assert shows_photo(page, first)
    assert shows_photo(page, second)
    essays = anonymous_client.get(reverse("gallery:gallery_list")).content.decode()
    assert "Expedition 56 in photos" in essays


def test_slide_caption_overrides_the_photo_caption(editor_client, anonymous_client):
    photo = PhotoFactory(caption="The photo's own caption.")
    data = new_essay_form(editor_client, [photo], status=Status.PUBLISHED)
    data["slides-0-caption"] = "A caption written for this essay."

    editor_client.post(ADD_URL, data)

    page = anonymous_client.get(reverse("gallery:gallery_detail", args=["expedition-56-in-photos"]))
    assert "A caption written for this essay." in page.content.decode()
    assert "The photo&#x27;s own caption." not in page.content.decode()


def test_the_same_photo_twice_in_an_essay_is_refused(editor_client):
    photo = PhotoFactory()
    data = new_essay_form(editor_client, [photo, photo])

    response = editor_client.post(ADD_URL, data)

    assert response.status_code == 200
    assert not Gallery.objects.exists()
    assert "Please correct the duplicate data" in response.content.decode()


def test_a_refused_essay_form_keeps_what_the_editor_typed(editor_client):
    photo = PhotoFactory()
    data = new_essay_form(editor_client, [photo, photo], title="Farewell to Earth")
    data["slides-0-caption"] = "Waving goodbye at the pad."

    page = editor_client.post(ADD_URL, data).content.decode()

    assert 'value="Farewell to Earth"' in page
    assert "Waving goodbye at the pad." in page


def test_publish_action_puts_a_draft_essay_live(editor_client, anonymous_client):
    essay = GalleryFactory(draft=True)
    SlideFactory(gallery=essay)

    editor_client.post(
        reverse("admin:gallery_gallery_changelist"),
        {"action": "publish", "_selected_action": [essay.pk]},
    )

    assert anonymous_client.get(essay.get_absolute_url()).status_code == 200
