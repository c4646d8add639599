"""An editor uploads and publishes photos; the admin refuses what readers must not get."""

import pytest
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gallery.forms import PENDING_SALT
from gallery.models import Licence, Photo
from gallery.storage import originals_storage
from publishing.models import Status
from tests.admin.forms import form_data
from tests.factories import (
    ArticleFactory,
    BlockFactory,
    GalleryFactory,
    PhotoFactory,
    SlideFactory,
    jpeg_bytes,
)

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:gallery_photo_add")
CHANGELIST_URL = reverse("admin:gallery_photo_changelist")


def upload(name="liftoff.jpg"):
    return SimpleUploadedFile(name, jpeg_bytes(1600, 1000), content_type="image/jpeg")


def new_photo_form(client, **fields):
    """The add form with a real image file and what an editor types."""
    data = form_data(client.get(ADD_URL), "photo_form")
    data.update(
        image=upload(),
        title="A mighty roar",
        slug="a-mighty-roar",
        alt_text="A Soyuz rocket lifting off in a cloud of flame and smoke.",
        caption="The dazzling liftoff of the Soyuz rocket.",
        credit="NASA/Joel Kowsky",
        licence=Licence.PERMISSION,
    )
    data.update(fields)
    return data


def test_editor_uploads_a_photo(editor_client):
    response = editor_client.post(ADD_URL, new_photo_form(editor_client))

    assert response.status_code == 302
    photo = Photo.objects.get(slug="a-mighty-roar")
    assert (photo.width, photo.height) == (1600, 1000)
    assert photo.image.name.startswith("photos/")
    assert photo.image.name.endswith("/liftoff.jpg")
    assert photo.status == Status.DRAFT


def test_uploading_a_photo_makes_its_renditions(editor_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(ADD_URL, new_photo_form(editor_client))

    photo = Photo.objects.get(slug="a-mighty-roar")
    assert photo.thumbnail_jpeg.storage.exists(photo.thumbnail_jpeg.name)
    assert photo.slide_webp.storage.exists(photo.slide_webp.name)


def test_editor_publishes_an_uploaded_photo_and_readers_see_it(editor_client, anonymous_client):
    data = new_photo_form(editor_client, status=Status.PUBLISHED)

    assert editor_client.post(ADD_URL, data).status_code == 302

    page = anonymous_client.get(reverse("gallery:photo_detail", args=["a-mighty-roar"]))
    assert page.status_code == 200
    assert "A mighty roar" in page.content.decode()
    assert "NASA/Joel Kowsky" in page.content.decode()


def test_a_file_that_is_not_an_image_is_refused(editor_client):
    not_an_image = SimpleUploadedFile("liftoff.jpg", b"not a picture", content_type="image/jpeg")

    response = editor_client.post(ADD_URL, new_photo_form(editor_client, image=not_an_image))

    assert response.status_code == 200
    assert not Photo.objects.exists()
    assert "image" in response.context["adminform"].form.errors


def test_publishing_a_photo_without_alt_text_is_refused_on_the_alt_text_field(editor_client):
    data = new_photo_form(editor_client, alt_text="", status=Status.PUBLISHED)

    response = editor_client.post(ADD_URL, data)

    assert response.status_code == 200
    assert not Photo.objects.exists()
    errors = response.context["adminform"].form.errors
    assert "cannot be published without alt text" in errors["alt_text"][0]
    assert "cannot be published without alt text" in response.content.decode()


def test_publishing_a_photo_without_credit_is_refused_on_the_credit_field(editor_client):
    data = new_photo_form(editor_client, credit="  ", status=Status.PUBLISHED)

    response = editor_client.post(ADD_URL, data)

    assert not Photo.objects.exists()
    errors = response.context["adminform"].form.errors
    assert "cannot be published without a credit" in errors["credit"][0]


def test_a_refused_photo_form_keeps_what_the_editor_typed(editor_client):
    data = new_photo_form(
        editor_client,
        alt_text="",
        title="Goodbye, Earth!",
        caption="The crew waves farewell before boarding.",
        status=Status.PUBLISHED,
    )

    page = editor_client.post(ADD_URL, data).content.decode()

    assert 'value="Goodbye, Earth!"' in page
    assert "The crew waves farewell before boarding." in page
    assert 'value="NASA/Joel Kowsky"' in page


def test_a_draft_photo_may_lack_alt_text_and_credit(editor_client):
    data = new_photo_form(editor_client, alt_text="", credit="", status=Status.DRAFT)

    assert editor_client.post(ADD_URL, data).status_code == 302
    assert Photo.objects.get(slug="a-mighty-roar").status == Status.DRAFT


def test_publish_action_refuses_a_photo_without_alt_text_and_names_it(editor_client):
    lacking = PhotoFactory(title="Launch pad at dawn", alt_text="", draft=True)
    ready = PhotoFactory(title="Crew waves farewell", draft=True)

    response = editor_client.post(
        CHANGELIST_URL,
        {"action": "publish", "_selected_action": [lacking.pk, ready.pk]},
        follow=True,
    )

    page = response.content.decode()
    assert "“Launch pad at dawn” was not published" in page
    assert "cannot be published without alt text" in page
    assert "Published 1 item(s)." in page
    lacking.refresh_from_db()
    ready.refresh_from_db()
    assert lacking.status == Status.DRAFT
    assert ready.status == Status.PUBLISHED


def test_publish_action_refuses_a_photo_without_credit(editor_client):
    lacking = PhotoFactory(title="Launch pad at dawn", credit="", draft=True)

    response = editor_client.post(
        CHANGELIST_URL, {"action": "publish", "_selected_action": [lacking.pk]}, follow=True
    )

    assert "cannot be published without a credit" in response.content.decode()
    lacking.refresh_from_db()
    assert lacking.status == Status.DRAFT


def test_deleting_a_photo_used_in_an_article_body_and_an_essay_is_refused(editor_client):
    photo = PhotoFactory(title="A mighty roar")
    BlockFactory(
        photo_block=True, photo=photo, article=ArticleFactory(headline="Soyuz MS-09 lifts off")
    )
    SlideFactory(photo=photo, gallery=GalleryFactory(title="Expedition 56 in photos"))
    url = reverse("admin:gallery_photo_delete", args=[photo.pk])

    response = editor_client.post(url, {"post": "yes"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Soyuz MS-09 lifts off" in page
    assert "Expedition 56 in photos" in page
    assert Photo.objects.filter(pk=photo.pk).exists()


def test_deleting_a_hero_photo_or_essay_cover_is_refused(editor_client):
    photo = PhotoFactory()
    ArticleFactory(headline="Soyuz MS-09 lifts off", hero_photo=photo)
    GalleryFactory(title="Expedition 56 in photos", cover=photo)
    url = reverse("admin:gallery_photo_delete", args=[photo.pk])

    page = editor_client.get(url).content.decode()

    assert "Soyuz MS-09 lifts off" in page
    assert "Expedition 56 in photos" in page
    editor_client.post(url, {"post": "yes"})
    assert Photo.objects.filter(pk=photo.pk).exists()


def test_delete_selected_refuses_a_photo_in_use(editor_client):
    photo = PhotoFactory()
    BlockFactory(
        photo_block=True, photo=photo, article=ArticleFactory(headline="Soyuz MS-09 lifts off")
    )

    response = editor_client.post(
        CHANGELIST_URL, {"action": "delete_selected", "_selected_action": [photo.pk], "post": "yes"}
    )

    assert "Soyuz MS-09 lifts off" in response.content.decode()
    assert Photo.objects.filter(pk=photo.pk).exists()


def test_editor_deletes_a_photo_nobody_uses(editor_client):
    photo = PhotoFactory()

    response = editor_client.post(
        reverse("admin:gallery_photo_delete", args=[photo.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    assert not Photo.objects.filter(pk=photo.pk).exists()


def test_a_new_photo_whose_slug_is_taken_gets_the_next_free_one(editor_client):
    PhotoFactory(title="Liftoff", slug="liftoff")

    response = editor_client.post(
        ADD_URL, new_photo_form(editor_client, title="Liftoff!", slug="liftoff")
    )

    assert response.status_code == 302
    assert Photo.objects.get(title="Liftoff!").slug == "liftoff-2"


def test_a_refused_form_keeps_the_chosen_file_and_says_so(editor_client):
    data = new_photo_form(editor_client, image=upload("soyuz.jpg"), alt_text="")
    data["status"] = Status.PUBLISHED

    page = editor_client.post(ADD_URL, data).content.decode()

    assert "Keeping soyuz.jpg – choose another file to replace it." in page
    assert 'name="kept_image" value="' in page


def test_the_kept_file_is_saved_when_the_form_is_sent_again_without_a_file(editor_client):
    data = new_photo_form(editor_client, image=upload("soyuz.jpg"), alt_text="")
    data["status"] = Status.PUBLISHED
    refused = editor_client.post(ADD_URL, data)
    again = form_data(refused, "photo_form")
    again["alt_text"] = "A Soyuz rocket on the pad."

    response = editor_client.post(ADD_URL, again)

    assert response.status_code == 302
    photo = Photo.objects.get(slug="a-mighty-roar")
    assert photo.image.name.endswith("/soyuz.jpg")
    assert (photo.width, photo.height) == (1600, 1000)


def test_a_forged_kept_file_token_is_ignored(editor_client):
    data = new_photo_form(editor_client)
    del data["image"]
    data["kept_image"] = "pending/../../secret.jpg"

    response = editor_client.post(ADD_URL, data)

    assert response.status_code == 200
    assert not Photo.objects.exists()
    assert "This field is required." in response.content.decode()


def test_a_kept_file_name_is_escaped(editor_client):
    data = new_photo_form(editor_client, image=upload("<i>soyuz.jpg"), alt_text="")
    data["status"] = Status.PUBLISHED

    page = editor_client.post(ADD_URL, data).content.decode()

    assert "Keeping &lt;i&gt;soyuz.jpg" in page


def test_the_kept_file_is_removed_once_the_photo_is_saved(
    editor_client, django_capture_on_commit_callbacks
):
    data = new_photo_form(editor_client, image=upload("soyuz.jpg"), alt_text="")
    data["status"] = Status.PUBLISHED
    refused = editor_client.post(ADD_URL, data)
    again = form_data(refused, "photo_form")
    kept = signing.loads(again["kept_image"], salt=PENDING_SALT)["name"]
    assert originals_storage.exists(kept)
    again["alt_text"] = "A Soyuz rocket on the pad."

    with django_capture_on_commit_callbacks(execute=True):
        assert editor_client.post(ADD_URL, again).status_code == 302

    assert not originals_storage.exists(kept)
