"""The photo picker of slides, article blocks and covers shows each photo's thumbnail."""

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, GalleryFactory, PhotoFactory

pytestmark = pytest.mark.django_db

PICKER_URL = reverse("admin:gallery_photo_autocomplete")


def pick(client, term, field="photo", model="slide"):
    params = {"term": term, "app_label": "gallery", "model_name": model, "field_name": field}
    if model == "block":
        params["app_label"] = "articles"
    return client.get(PICKER_URL, params).json()["results"]


def test_the_picker_answers_with_each_photo_s_thumbnail(editor_client):
    photo = PhotoFactory(title="Liftoff")

    [result] = pick(editor_client, "Liftoff")

    assert result["text"] == "Liftoff"
    assert result["id"] == str(photo.pk)
    assert result["thumbnail"] == photo.rendition("thumbnail").url


def test_the_picker_answers_article_photo_blocks_too(editor_client):
    PhotoFactory(title="Liftoff")

    [result] = pick(editor_client, "Liftoff", model="block")

    assert result["thumbnail"]


def test_the_picker_is_for_staff_only(client):
    PhotoFactory(title="Liftoff")

    response = client.get(PICKER_URL, {"term": "Liftoff"})

    assert response.status_code == 302


def test_slide_and_block_pickers_ask_the_photo_picker(editor_client):
    essay = GalleryFactory()
    article = ArticleFactory()

    for url in (
        reverse("admin:gallery_gallery_change", args=[essay.pk]),
        reverse("admin:articles_article_change", args=[article.pk]),
    ):
        page = editor_client.get(url).content.decode()
        assert f'data-ajax--url="{PICKER_URL}"' in page, url
        assert "gallery/admin/photo-picker.js" in page, url
