"""An editor writes an article in the admin, with its byline and body, and publishes it."""

import pytest
from django.urls import reverse

from articles.models import Article
from publishing.models import Status
from tests.admin.forms import add_inline_row, form_data, inline_prefixes
from tests.factories import (
    ArticleFactory,
    BlockFactory,
    BylineFactory,
    PersonFactory,
    PhotoFactory,
)

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:articles_article_add")


def new_article_form(client, headline="Soyuz MS-09 lifts off", **fields):
    """The add form as an editor fills it in: headline and slug, and ``fields``."""
    data = form_data(client.get(ADD_URL), "article_form")
    data.update(headline=headline, slug="soyuz-ms-09-lifts-off", **fields)
    return data


def test_article_form_offers_byline_body_and_note_inlines(editor_client):
    data = form_data(editor_client.get(ADD_URL), "article_form")

    assert inline_prefixes(data) == ["blocks", "bylines", "notes"]


def test_editor_adds_an_article_with_byline_and_body(editor_client):
    author = PersonFactory(name="Tariq Malik")
    photo = PhotoFactory(caption="The upper stage falls away.")
    data = new_article_form(editor_client, standfirst="New cameras beamed live video.")
    data["bylines-0-person"] = author.pk
    add_inline_row(data, "blocks", text="<p>A first for Russia.</p>")
    add_inline_row(data, "blocks", photo=photo.pk)

    response = editor_client.post(ADD_URL, data)

    assert response.status_code == 302, response.context["errors"]
    article = Article.objects.get(slug="soyuz-ms-09-lifts-off")
    assert [str(person) for person in article.authors.all()] == ["Tariq Malik"]
    blocks = list(article.blocks.all())
    assert [block.text for block in blocks] == ["<p>A first for Russia.</p>", ""]
    assert [block.photo for block in blocks] == [None, photo]
    assert article.status == Status.DRAFT


def test_body_blocks_keep_the_order_the_editor_gave(editor_client):
    data = new_article_form(editor_client)
    data["bylines-0-person"] = PersonFactory().pk
    add_inline_row(data, "blocks", text="<p>Second.</p>", order="2")
    add_inline_row(data, "blocks", text="<p>First.</p>", order="1")

    editor_client.post(ADD_URL, data)

    article = Article.objects.get(slug="soyuz-ms-09-lifts-off")
    assert [block.text for block in article.blocks.all()] == ["<p>First.</p>", "<p>Second.</p>"]


def test_editor_publishes_an_article_and_readers_see_it(
    editor_client, anonymous_client, shows_photo
):
    photo = PhotoFactory()
    data = new_article_form(editor_client, status=Status.PUBLISHED)
    data["bylines-0-person"] = PersonFactory(name="Tariq Malik").pk
    add_inline_row(data, "blocks", text="<p>A first for Russia.</p>")
    add_inline_row(data, "blocks", photo=photo.pk)

    assert editor_client.post(ADD_URL, data).status_code == 302

    article = Article.objects.get(slug="soyuz-ms-09-lifts-off")
    page = anonymous_client.get(article.get_absolute_url())
    assert page.status_code == 200
    assert "Soyuz MS-09 lifts off" in page.content.decode()
    assert "A first for Russia." in page.content.decode()
    assert "Tariq Malik" in page.content.decode()
    assert shows_photo(page, photo)
    assert (
        "Soyuz MS-09 lifts off" in anonymous_client.get(reverse("articles:index")).content.decode()
    )
    assert "Soyuz MS-09 lifts off" in anonymous_client.get(reverse("home")).content.decode()


def test_publish_action_puts_a_draft_article_live(editor_client, anonymous_client):
    article = ArticleFactory(draft=True)

    response = editor_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish", "_selected_action": [article.pk]},
        follow=True,
    )

    assert "Published 1 item(s)." in response.content.decode()
    assert anonymous_client.get(article.get_absolute_url()).status_code == 200


def test_unpublish_action_takes_an_article_off_the_site(editor_client, anonymous_client):
    article = ArticleFactory()

    editor_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "unpublish", "_selected_action": [article.pk]},
    )

    assert anonymous_client.get(article.get_absolute_url()).status_code == 404


def test_article_needs_a_byline(editor_client):
    data = new_article_form(editor_client)

    response = editor_client.post(ADD_URL, data)

    assert response.status_code == 200
    assert not Article.objects.exists()
    errors = response.context["inline_admin_formsets"][0].formset.errors
    assert errors == [{"person": ["This field is required."]}]


def test_block_with_both_text_and_photo_is_refused_and_the_form_keeps_what_was_typed(
    editor_client,
):
    data = new_article_form(editor_client, headline="Crew docks with the station")
    data["bylines-0-person"] = PersonFactory().pk
    add_inline_row(
        data, "blocks", text="<p>Words.</p>", photo=PhotoFactory().pk, caption="Hatch opening"
    )

    response = editor_client.post(ADD_URL, data)

    assert response.status_code == 200
    assert not Article.objects.exists()
    page = response.content.decode()
    assert "A block holds either text or a photo, not both." in page
    assert 'value="Crew docks with the station"' in page
    assert "Hatch opening" in page


def test_block_with_neither_text_nor_photo_is_refused(editor_client):
    data = new_article_form(editor_client)
    data["bylines-0-person"] = PersonFactory().pk
    add_inline_row(data, "blocks", caption="A caption with no photo")

    response = editor_client.post(ADD_URL, data)

    assert "Write some text or choose a photo for this block." in response.content.decode()
    assert not Article.objects.exists()


def test_editor_changes_an_article_through_its_change_form(editor_client):
    article = ArticleFactory(headline="Old headline")
    BlockFactory(article=article, text="<p>Body.</p>")
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(editor_client.get(url), "article_form")
    data["headline"] = "New headline"
    data["bylines-0-person"] = PersonFactory().pk

    response = editor_client.post(url, data)

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.headline == "New headline"
    assert [block.text for block in article.blocks.all()] == ["<p>Body.</p>"]


def change_form(client, article):
    url = reverse("admin:articles_article_change", args=[article.pk])
    return url, form_data(client.get(url), "article_form")


def block_texts(article):
    return [block.text for block in article.blocks.all()]


def test_editor_swaps_two_body_blocks(editor_client):
    """Each block has a place of its own (its natural key): a swap still saves."""
    article = BylineFactory().article
    BlockFactory(article=article, text="<p>First.</p>", order=1)
    BlockFactory(article=article, text="<p>Second.</p>", order=2)
    url, data = change_form(editor_client, article)
    data["blocks-0-order"], data["blocks-1-order"] = "2", "1"

    response = editor_client.post(url, data)

    assert response.status_code == 302, response.context["errors"]
    assert block_texts(article) == ["<p>Second.</p>", "<p>First.</p>"]


def test_editor_deletes_a_block_and_moves_the_next_into_its_place(editor_client):
    article = BylineFactory().article
    BlockFactory(article=article, text="<p>First.</p>", order=1)
    BlockFactory(article=article, text="<p>Second.</p>", order=2)
    url, data = change_form(editor_client, article)
    data["blocks-0-DELETE"] = "on"
    data["blocks-1-order"] = "1"

    response = editor_client.post(url, data)

    assert response.status_code == 302, response.context["errors"]
    assert [(b.order, b.text) for b in article.blocks.all()] == [(1, "<p>Second.</p>")]


def test_two_blocks_in_one_place_are_refused_with_a_message(editor_client):
    article = BylineFactory().article
    BlockFactory(article=article, text="<p>First.</p>", order=1)
    BlockFactory(article=article, text="<p>Second.</p>", order=2)
    url, data = change_form(editor_client, article)
    data["blocks-1-order"] = "1"

    response = editor_client.post(url, data)

    assert response.status_code == 200
    assert "Two body blocks have the same place" in response.content.decode()
    assert block_texts(article) == ["<p>First.</p>", "<p>Second.</p>"]
