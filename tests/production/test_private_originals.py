"""Photo originals on object storage are private; renditions of live photos are public.

The store is SeaweedFS set up as the README sets up production's: the site's key may
do everything, an anonymous reader may read ``renditions/`` and nothing else. Every
check of what a reader gets is a real HTTP request to it without credentials.
"""

import re
import urllib.error
import urllib.request
from html import unescape

import pytest
from django.core.management import call_command
from django.urls import reverse

from gallery.models import Photo
from publishing.models import Status
from tests.admin.forms import form_data
from tests.factories import PhotoFactory, image_file
from tests.production.conftest import ORIGINALS_BUCKET, use_store

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:gallery_photo_add")


def anonymous_get(url):
    """A reader's browser: no credentials. Returns the status and the body."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def public_url(store, name):
    """Where a file would be for readers: the bucket at AWS_S3_CUSTOM_DOMAIN."""
    return f"{store.endpoint_url}/{store.bucket}/{name}"


def uploaded_draft(editor_client, capture):
    data = form_data(editor_client.get(ADD_URL), "photo_form")
    data.update(
        image=image_file("embargoed.jpg"),
        title="Embargoed",
        slug="embargoed",
        alt_text="A capsule on its parachutes.",
        credit="NASA",
        status=Status.DRAFT,
    )
    with capture(execute=True):
        response = editor_client.post(ADD_URL, data)
    assert response.status_code == 302
    return Photo.objects.get(slug="embargoed")


def stored_original(store, photo):
    return store.client.get_object(Bucket=store.bucket, Key=photo.image.name)["Body"].read()


def test_a_drafts_original_is_refused_to_readers_and_a_live_photos_rendition_served(
    private_media, editor_client, django_capture_on_commit_callbacks
):
    draft = uploaded_draft(editor_client, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        live = PhotoFactory()
    live.refresh_from_db()

    # The draft's original is in the bucket, and no anonymous request gets it.
    assert stored_original(private_media, draft)
    assert anonymous_get(public_url(private_media, draft.image.name))[0] in (403, 404)
    assert anonymous_get(public_url(private_media, live.image.name))[0] in (403, 404)
    # Nor a listing that would name it.
    assert anonymous_get(f"{private_media.endpoint_url}/{private_media.bucket}/")[0] == 403
    assert (
        anonymous_get(f"{private_media.endpoint_url}/{private_media.bucket}?list-type=2")[0] == 403
    )
    # The live photo's renditions, as its page offers them, are served.
    page = editor_client.get(live.get_absolute_url()).content.decode()
    rendition = live.rendition("slide").url
    assert rendition in page
    status, body = anonymous_get(rendition)
    assert status == 200
    assert body[:3] == b"\xff\xd8\xff"


def test_staff_get_the_original_from_the_admin_through_a_short_lived_signed_url(
    private_media, editor_client, django_capture_on_commit_callbacks
):
    draft = uploaded_draft(editor_client, django_capture_on_commit_callbacks)

    page = editor_client.get(reverse("admin:gallery_photo_change", args=[draft.pk]))

    link = unescape(re.search(r'Currently: <a href="([^"]+)"', page.content.decode()).group(1))
    assert "X-Amz-Signature=" in link
    assert "X-Amz-Expires=300" in link
    status, body = anonymous_get(link)
    assert status == 200
    assert body == stored_original(private_media, draft)
    # The admin's previews are renditions, which the reader's browser loads.
    preview = draft.rendition("phone").url
    assert preview in page.content.decode()
    assert anonymous_get(preview)[0] == 200


def test_unpublishing_a_photo_retires_the_rendition_addresses_readers_saw(
    private_media, editor_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        photo = PhotoFactory()
    photo.refresh_from_db()
    seen = photo.rendition("slide").url
    assert anonymous_get(seen)[0] == 200

    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(
            reverse("admin:gallery_photo_changelist"),
            {"action": "unpublish", "_selected_action": [photo.pk]},
        )

    photo.refresh_from_db()
    assert photo.status == Status.DRAFT
    assert anonymous_get(seen)[0] in (403, 404)
    assert photo.rendition("slide").url != seen
    # The photo keeps its image, for staff and for publishing again.
    assert stored_original(private_media, photo)
    assert photo.renditions_ready


def test_protect_originals_sets_them_private_and_finds_none_answering(
    private_media, django_capture_on_commit_callbacks, capsys
):
    with django_capture_on_commit_callbacks(execute=True):
        PhotoFactory(status=Status.DRAFT)
        PhotoFactory()

    call_command("protect_originals")
    call_command("protect_originals")

    output = capsys.readouterr().out
    assert "None of 2 originals answer without credentials." in output


def test_protect_originals_fails_where_originals_answer_anonymously(
    s3_media, django_capture_on_commit_callbacks
):
    """The open store of the other tests serves everything: the check must say so."""
    with django_capture_on_commit_callbacks(execute=True):
        PhotoFactory(status=Status.DRAFT)

    with pytest.raises(Exception, match="1 of 1 originals answer without credentials"):
        call_command("protect_originals")


def test_protect_originals_moves_them_to_their_own_bucket_once(
    settings, private_media, editor_client, django_capture_on_commit_callbacks, capsys
):
    """A site that kept originals in the media bucket, then set AWS_ORIGINALS_BUCKET_NAME."""
    with django_capture_on_commit_callbacks(execute=True):
        draft = PhotoFactory(status=Status.DRAFT)
        live = PhotoFactory()
    originals = {draft.image.name, live.image.name}
    assert originals <= private_media.keys()
    use_store(settings, private_media, AWS_ORIGINALS_BUCKET_NAME=ORIGINALS_BUCKET)

    call_command("protect_originals")
    call_command("protect_originals")

    output = capsys.readouterr().out
    assert "Originals moved to private storage: 2; already there: 0." in output
    assert "Originals moved to private storage: 0; already there: 2." in output
    assert private_media.keys(ORIGINALS_BUCKET) == originals
    assert not originals & private_media.keys()
    # Renditions stay in the media bucket, and the admin links the moved original.
    assert live.rendition("slide").name in private_media.keys()
    page = editor_client.get(reverse("admin:gallery_photo_change", args=[draft.pk]))
    link = unescape(re.search(r'Currently: <a href="([^"]+)"', page.content.decode()).group(1))
    assert f"/{ORIGINALS_BUCKET}/" in link
    assert anonymous_get(link)[0] == 200
    assert anonymous_get(link.split("?")[0])[0] in (403, 404)
