"""Restoring a version puts the item back with its inlines, as a new version, and
readers see it at once."""

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.urls import reverse
from reversion.models import Version

from caching.local import copies
from tests.caching import front
from tests.factories import (
    ArticleFactory,
    BlockFactory,
    PhotoFactory,
    SlideFactory,
    UserFactory,
)
from tests.revisions.conftest import save_in_admin

pytestmark = pytest.mark.django_db

OLD_TEXT = "<p>The rocket rose into a clear sky.</p>"


def restore_url(article, version):
    return reverse("admin:articles_article_revision", args=[article.pk, version.pk])


@pytest.fixture
def edited(editor_client, article):
    """The article saved once as it was, then with a new headline, a changed
    paragraph and a second one."""
    save_in_admin(editor_client, article)
    first = Version.objects.get_for_object(article).get()
    last = article.blocks.get().order
    BlockFactory(article=article, text="<p>A second paragraph.</p>", order=last + 1)
    save_in_admin(
        editor_client,
        article,
        headline="Soyuz MS-09 reaches orbit",
        **{"blocks-0-text": "<p>The rocket rose into the night.</p>"},
    )
    return first


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    copies.clear()
    yield
    cache.clear()
    copies.clear()


def test_the_restore_page_shows_what_restoring_changes(editor_client, article, edited):
    response = editor_client.get(restore_url(article, edited))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Restore this version" in page
    assert '<td class="revision-before">Soyuz MS-09 reaches orbit</td>' in page
    assert '<td class="revision-after">Soyuz MS-09 lifts off</td>' in page
    assert "<del>the night</del><ins>a clear sky</ins>" in page
    assert "A second paragraph.</del>" in page


def test_restore_brings_back_the_text_and_the_blocks(editor_client, article, edited):
    editor_client.post(restore_url(article, edited))

    article.refresh_from_db()
    assert article.headline == "Soyuz MS-09 lifts off"
    assert [block.text for block in article.blocks.all()] == [OLD_TEXT]
    assert [str(byline) for byline in article.bylines.all()] == ["Tariq Malik"]


def test_restore_keeps_a_new_version_saying_which(editor_client, editor, article, edited):
    editor_client.post(restore_url(article, edited))

    latest = Version.objects.get_for_object(article).first()
    assert Version.objects.get_for_object(article).count() == 3
    assert latest.revision.get_comment().startswith("Restored version of ")
    assert latest.revision.user == editor
    assert latest.field_dict["headline"] == "Soyuz MS-09 lifts off"


def test_readers_see_the_restored_text_at_once(
    page_cache, editor_client, article, edited, django_capture_on_commit_callbacks
):
    url = article.get_absolute_url()
    front.request(url)
    assert front.request(url)["X-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(restore_url(article, edited))

    page = front.request(url).content.decode()
    assert "The rocket rose into a clear sky." in page
    assert "A second paragraph." not in page


def test_an_editor_may_restore(editor_client, article, edited):
    response = editor_client.post(restore_url(article, edited))

    assert response.status_code == 302
    assert response.url == reverse("admin:articles_article_change", args=[article.pk])


def test_staff_who_may_only_view_articles_cannot_restore(client, article, edited):
    viewer = UserFactory(username="viewer", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_article"))
    client.force_login(viewer)

    history = client.get(reverse("admin:articles_article_history", args=[article.pk]))
    response = client.post(restore_url(article, edited))

    assert history.status_code == 200
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.headline == "Soyuz MS-09 reaches orbit"


def test_restore_brings_back_a_block_deleted_since(editor_client, article):
    save_in_admin(editor_client, article)
    first = Version.objects.get_for_object(article).get()
    save_in_admin(editor_client, article, **{"blocks-0-DELETE": "on"})
    assert not article.blocks.exists()

    editor_client.post(restore_url(article, first))

    assert [block.text for block in article.blocks.all()] == [OLD_TEXT]


def test_restore_brings_back_an_essays_slides(editor_client):
    slide = SlideFactory(caption="Crew walk-out.")
    gallery = slide.gallery
    save_in_admin(editor_client, gallery)
    first = Version.objects.get_for_object(gallery).get()
    save_in_admin(editor_client, gallery, **{"slides-0-caption": "A new caption."})

    editor_client.post(reverse("admin:gallery_gallery_revision", args=[gallery.pk, first.pk]))

    assert [s.caption for s in gallery.slides.all()] == ["Crew walk-out."]


def test_restoring_a_photo_keeps_its_image(editor_client):
    photo = PhotoFactory(caption="The upper stage falls away.")
    image = photo.image.name
    save_in_admin(editor_client, photo)
    first = Version.objects.get_for_object(photo).get()
    save_in_admin(editor_client, photo, caption="A new caption.")

    editor_client.post(reverse("admin:gallery_photo_revision", args=[photo.pk, first.pk]))

    photo.refresh_from_db()
    assert photo.caption == "The upper stage falls away."
    assert photo.image.name == image


def test_restoring_one_item_leaves_the_others_of_an_action_alone(editor_client, article):
    other = ArticleFactory(headline="Another story")
    editor_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish", "_selected_action": [article.pk, other.pk]},
    )
    published = Version.objects.get_for_object(article).get()
    save_in_admin(editor_client, article, headline="Soyuz MS-09 reaches orbit")
    other.headline = "Another story, changed"
    other.save()

    editor_client.post(restore_url(article, published))

    other.refresh_from_db()
    article.refresh_from_db()
    assert article.headline == "Soyuz MS-09 lifts off"
    assert other.headline == "Another story, changed"
