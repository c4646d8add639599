"""Every save in the admin, and every admin action, keeps a version: who, when, what."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from reversion.models import Version

from articles.models import Article, Block, Byline
from gallery.models import Gallery, Photo
from tests.admin.forms import add_inline_row, form_data
from tests.factories import (
    GalleryFactory,
    MissionFactory,
    PersonFactory,
    PhotoFactory,
    SlideFactory,
    image_file,
)
from tests.revisions.conftest import save_in_admin

pytestmark = pytest.mark.django_db


def test_a_change_in_the_admin_keeps_a_version_with_who_and_what(editor_client, editor, article):
    save_in_admin(editor_client, article, headline="Soyuz MS-09 reaches orbit")

    version = Version.objects.get_for_object(article).get()
    assert version.field_dict["headline"] == "Soyuz MS-09 reaches orbit"
    assert version.revision.user == editor
    assert version.revision.get_comment() == "Changed Headline."


def test_adding_an_article_keeps_its_first_version(editor_client, editor):
    author = PersonFactory(name="Tariq Malik")
    data = form_data(editor_client.get(reverse("admin:articles_article_add")), "article_form")
    data.update(headline="New story", slug="new-story", **{"bylines-0-person": author.pk})

    editor_client.post(reverse("admin:articles_article_add"), data)

    article = Article.objects.get(slug="new-story")
    assert Version.objects.get_for_object(article).get().revision.user == editor


def test_a_version_holds_the_articles_blocks_and_bylines(editor_client, article):
    data_changes = {"blocks-0-text": "<p>The rocket rose into the night.</p>"}

    save_in_admin(editor_client, article, **data_changes)

    revision = Version.objects.get_for_object(article).get().revision
    block = Version.objects.get_for_object(article.blocks.get())
    byline = Version.objects.get_for_object(article.bylines.get())
    assert block.get().revision == revision
    assert block.get().field_dict["text"] == "<p>The rocket rose into the night.</p>"
    assert byline.get().revision == revision


def test_a_block_added_in_the_admin_is_in_the_version(editor_client, article):
    data = form_data(
        editor_client.get(f"/admin/articles/article/{article.pk}/change/"), "article_form"
    )
    add_inline_row(data, "blocks", text="<p>A second paragraph.</p>")

    editor_client.post(f"/admin/articles/article/{article.pk}/change/", data)

    revision = Version.objects.get_for_object(article).get().revision
    texts = sorted(v.field_dict["text"] for v in revision.version_set.all() if v._model is Block)
    assert texts == [
        "<p>A second paragraph.</p>",
        "<p>The rocket rose into a clear sky.</p>",
    ]


def test_a_gallery_version_holds_its_slides(editor_client):
    slide = SlideFactory(caption="Crew walk-out.")

    save_in_admin(editor_client, slide.gallery, title="Expedition 56 in photos")

    revision = Version.objects.get_for_object(slide.gallery).get().revision
    assert Version.objects.get_for_object(slide).get().revision == revision


@pytest.mark.parametrize(
    "action, comment", [("publish", "Published"), ("unpublish", "Unpublished (back to draft)")]
)
def test_the_publishing_actions_keep_a_version_saying_what_happened(
    editor_client, editor, article, action, comment
):
    editor_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": action, "_selected_action": [article.pk]},
    )

    version = Version.objects.get_for_object(article).get()
    assert version.revision.get_comment() == comment
    assert version.revision.user == editor
    assert Version.objects.get_for_object(article.blocks.get()).get().revision == version.revision


def test_a_person_and_a_mission_keep_versions(editor_client, editor):
    person = PersonFactory(name="Sergey Prokopyev")
    mission = MissionFactory(name="Soyuz MS-09")

    save_in_admin(editor_client, person, job_title="Commander")
    save_in_admin(editor_client, mission, destination="International Space Station")

    assert Version.objects.get_for_object(person).get().revision.user == editor
    assert Version.objects.get_for_object(mission).get().revision.user == editor


def test_a_photo_keeps_a_version_of_its_words(editor_client, editor):
    photo = PhotoFactory(caption="The upper stage falls away.")

    save_in_admin(editor_client, photo, caption="The first stage falls away.")

    version = Version.objects.get_for_object(photo).get()
    assert version.field_dict["caption"] == "The first stage falls away."
    assert "renditions" not in version.field_dict


def test_photos_added_to_an_essay_at_once_keep_a_version_of_the_essay(editor_client, editor):
    gallery = GalleryFactory(title="Expedition 56 in photos")
    url = reverse("admin:gallery_gallery_add_photos", args=[gallery.pk])

    response = editor_client.post(
        url, {"photos": [image_file("liftoff.jpg")], "credit": "NASA/Joel Kowsky"}
    )

    assert response.status_code == 302
    version = Version.objects.get_for_object(gallery).get()
    assert version.revision.get_comment() == "Added 1 photo(s)"
    assert version.revision.user == editor
    assert Version.objects.get_for_object(Photo.objects.get()).get().revision == version.revision


def test_saves_outside_the_admin_keep_no_version_and_need_no_user():
    call_command("loaddata", "launch_story", stdout=StringIO())

    assert Article.objects.exists()
    assert Gallery.objects.exists()
    assert Byline.objects.exists()
    assert not Version.objects.exists()
