"""Body blocks say what they hold: a kind, a heading with the photo's title, a thumbnail."""

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, BlockFactory, PhotoFactory

pytestmark = pytest.mark.django_db


def change_page(client, article):
    return client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()


def test_block_headings_name_the_block_and_its_photo(editor_client):
    article = ArticleFactory(headline="Soyuz MS-09 lifts off")
    BlockFactory(article=article, order=1)
    BlockFactory(article=article, order=2, photo_block=True, photo__title="Crew walkout")

    page = change_page(editor_client, article)

    assert '<b>Block 1</b> <span class="inline_label">– Text</span>' in page
    assert '<b>Block 2</b> <span class="inline_label">– Photo: Crew walkout</span>' in page


def test_a_photo_block_is_checked_as_a_photo_and_a_text_block_as_text(editor_client):
    article = ArticleFactory()
    BlockFactory(article=article, order=1)
    BlockFactory(article=article, order=2, photo_block=True)

    page = change_page(editor_client, article)

    assert (
        'name="blocks-0-kind" value="text" class="block-kind" id="id_blocks-0-kind_0" checked'
        in page
    )
    assert (
        'name="blocks-1-kind" value="photo" class="block-kind" id="id_blocks-1-kind_1" checked'
        in page
    )


def test_a_photo_block_shows_its_photo_thumbnail(editor_client):
    article = ArticleFactory()
    photo = PhotoFactory()
    BlockFactory(article=article, photo_block=True, photo=photo)

    page = change_page(editor_client, article)

    assert photo.rendition("thumbnail").url in page


def test_block_heading_and_drag_handles_load_the_admin_script_and_styles(editor_client):
    page = change_page(editor_client, ArticleFactory())

    assert "admin-desk/editing.js" in page
    assert "admin-desk/admin.css" in page


def test_rich_text_editors_leave_spell_checking_on(editor_client):
    page = change_page(editor_client, ArticleFactory())

    assert "NoSpellCheck" not in page
