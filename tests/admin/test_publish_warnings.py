"""An article or essay does not go live with draft photos unless the editor says so."""

import pytest
from django.urls import reverse

from articles.models import Article
from gallery.models import Gallery
from publishing.models import Status
from tests.admin.forms import add_inline_row, form_data
from tests.factories import (
    ArticleFactory,
    BlockFactory,
    GalleryFactory,
    PersonFactory,
    PhotoFactory,
    SlideFactory,
)

pytestmark = pytest.mark.django_db

ESSAY_ADD_URL = reverse("admin:gallery_gallery_add")
ARTICLE_ADD_URL = reverse("admin:articles_article_add")
WARNING = "These photos are not published, so readers would not see them"


def essay_form(client, photos, **fields):
    data = form_data(client.get(ESSAY_ADD_URL), "gallery_form")
    data.update(title="Expedition 56 in photos", slug="expedition-56-in-photos")
    data.update(fields)
    for photo in photos:
        add_inline_row(data, "slides", photo=photo.pk)
    return data


def article_form(client, photos, **fields):
    data = form_data(client.get(ARTICLE_ADD_URL), "article_form")
    data.update(headline="Soyuz MS-09 lifts off", slug="soyuz-ms-09-lifts-off")
    data.update(fields)
    data["bylines-0-person"] = PersonFactory().pk
    add_inline_row(data, "blocks", text="<p>A first for Russia.</p>")
    for photo in photos:
        add_inline_row(data, "blocks", photo=photo.pk)
    return data


def test_publishing_an_essay_of_draft_photos_names_them_and_saves_nothing(editor_client):
    photos = [PhotoFactory(title="A mighty roar", draft=True), PhotoFactory(title="Liftoff")]
    data = essay_form(editor_client, photos, status=Status.PUBLISHED)

    response = editor_client.post(ESSAY_ADD_URL, data)

    assert response.status_code == 200
    page = response.content.decode()
    assert f"{WARNING}: “A mighty roar” (draft)." in page
    assert "“Liftoff”" not in page.split(WARNING)[1].split("</ul>")[0]
    assert not Gallery.objects.exists()


def test_the_warning_shows_a_publish_anyway_checkbox_and_keeps_what_was_typed(editor_client):
    photo = PhotoFactory(title="A mighty roar", draft=True)
    data = essay_form(editor_client, [photo], status=Status.PUBLISHED, introduction="At dawn.")

    page = editor_client.post(ESSAY_ADD_URL, data).content.decode()

    assert 'type="checkbox" name="publish_anyway"' in page
    assert "Publish anyway" in page
    assert 'value="Expedition 56 in photos"' in page
    assert "At dawn." in page


def test_the_essay_form_hides_publish_anyway_until_there_is_a_warning(editor_client):
    page = editor_client.get(ESSAY_ADD_URL).content.decode()

    assert 'type="hidden" name="publish_anyway"' in page
    assert 'type="checkbox" name="publish_anyway"' not in page


def test_publish_anyway_publishes_the_essay_with_its_draft_photos(editor_client):
    photo = PhotoFactory(draft=True)
    data = essay_form(editor_client, [photo], status=Status.PUBLISHED, publish_anyway="on")

    response = editor_client.post(ESSAY_ADD_URL, data)

    assert response.status_code == 302
    assert Gallery.objects.get().status == Status.PUBLISHED


def test_an_essay_of_draft_photos_saves_as_a_draft_without_warning(editor_client):
    data = essay_form(editor_client, [PhotoFactory(draft=True)], status=Status.DRAFT)

    assert editor_client.post(ESSAY_ADD_URL, data).status_code == 302


def test_publishing_an_essay_without_photos_warns(editor_client):
    data = essay_form(editor_client, [], status=Status.PUBLISHED)

    page = editor_client.post(ESSAY_ADD_URL, data).content.decode()

    assert "It has no photos yet: readers would see no photos at all." in page


def test_a_deleted_slide_of_a_draft_photo_is_not_a_reason_to_warn(editor_client):
    essay = GalleryFactory(draft=True)
    SlideFactory(gallery=essay, photo=PhotoFactory(draft=True))
    SlideFactory(gallery=essay)
    url = reverse("admin:gallery_gallery_change", args=[essay.pk])
    data = form_data(editor_client.get(url), "gallery_form")
    data.update({"status": Status.PUBLISHED, "slides-0-DELETE": "on"})

    assert editor_client.post(url, data).status_code == 302


def test_publishing_an_article_with_a_draft_photo_block_warns(editor_client):
    data = article_form(
        editor_client, [PhotoFactory(title="Crew walkout", draft=True)], status=Status.PUBLISHED
    )

    page = editor_client.post(ARTICLE_ADD_URL, data).content.decode()

    assert f"{WARNING}: “Crew walkout” (draft)." in page
    assert not Article.objects.exists()


def test_a_photo_scheduled_after_the_article_is_named(editor_client):
    data = article_form(
        editor_client, [PhotoFactory(title="Crew walkout", scheduled=True)], status=Status.PUBLISHED
    )

    page = editor_client.post(ARTICLE_ADD_URL, data).content.decode()

    assert "“Crew walkout” (scheduled for" in page


def test_an_article_of_published_photos_publishes_without_warning(editor_client):
    data = article_form(editor_client, [PhotoFactory()], status=Status.PUBLISHED)

    assert editor_client.post(ARTICLE_ADD_URL, data).status_code == 302


def test_publish_action_refuses_an_essay_of_draft_photos_and_names_them(editor_client):
    essay = GalleryFactory(title="Farewell", draft=True)
    SlideFactory(gallery=essay, photo=PhotoFactory(title="A mighty roar", draft=True))

    response = editor_client.post(
        reverse("admin:gallery_gallery_changelist"),
        {"action": "publish", "_selected_action": [essay.pk]},
        follow=True,
    )

    page = response.content.decode()
    assert "“Farewell” was not published" in page
    assert "“A mighty roar” (draft)" in page
    essay.refresh_from_db()
    assert essay.status == Status.DRAFT


def test_publish_action_refuses_an_article_with_a_draft_hero_photo(editor_client):
    article = ArticleFactory(draft=True, hero_photo=PhotoFactory(title="Rollout", draft=True))
    BlockFactory(article=article)

    response = editor_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish", "_selected_action": [article.pk]},
        follow=True,
    )

    assert "“Rollout” (draft)" in response.content.decode()
    article.refresh_from_db()
    assert article.status == Status.DRAFT
