"""Rich text typed in the admin's prose editor is kept as HTML, and sanitized on save."""

import pytest
from django.urls import reverse
from django_prose_editor.fields import ProseEditorFormField

from articles.models import Article
from tests.admin.forms import add_inline_row, form_data
from tests.factories import ArticleFactory, PersonFactory

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:articles_article_add")

HOSTILE = (
    "<p>Liftoff at last.<script>alert(1)</script></p>"
    '<p><img src=x onerror=alert(1)>Watch the <a href="javascript:alert(1)">video</a>.</p>'
)
FORMATTED = (
    '<h2>Docking</h2><p><strong>Bold</strong>, <em>italic</em> and <a href="https://www.nasa.gov/">'
    "a link</a>.</p><ul><li><p>One</p></li></ul>"
)


def post_article(client, editors_note="", block_text=None):
    data = form_data(client.get(ADD_URL), "article_form")
    data.update(headline="Soyuz MS-09 lifts off", slug="soyuz-ms-09-lifts-off")
    data["editors_note"] = editors_note
    data["bylines-0-person"] = PersonFactory().pk
    if block_text is not None:
        add_inline_row(data, "blocks", text=block_text)
    response = client.post(ADD_URL, data)
    assert response.status_code == 302, response.context["errors"]
    return Article.objects.get(slug="soyuz-ms-09-lifts-off")


def test_article_form_uses_the_prose_editor_for_rich_text(editor_client):
    response = editor_client.get(ADD_URL)

    form = response.context["adminform"].form
    assert isinstance(form.fields["editors_note"], ProseEditorFormField)
    assert "data-django-prose-editor" in response.content.decode()


def test_block_inline_uses_the_prose_editor(editor_client):
    response = editor_client.get(ADD_URL)

    blocks = next(
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.prefix == "blocks"
    )
    assert isinstance(blocks.form.base_fields["text"], ProseEditorFormField)


def test_editors_note_keeps_the_formatting_typed_in_the_admin(editor_client):
    article = post_article(editor_client, editors_note=FORMATTED)

    assert article.editors_note == FORMATTED


def test_block_text_keeps_the_formatting_typed_in_the_admin(editor_client):
    article = post_article(editor_client, block_text=FORMATTED)

    assert article.blocks.get().text == FORMATTED


def test_editors_note_posted_through_the_admin_is_sanitized(editor_client):
    article = post_article(editor_client, editors_note=HOSTILE)

    assert article.editors_note == ("<p>Liftoff at last.</p><p>Watch the <a>video</a>.</p>")


def test_block_text_posted_through_the_admin_is_sanitized(editor_client):
    article = post_article(editor_client, block_text=HOSTILE)

    assert article.blocks.get().text == "<p>Liftoff at last.</p><p>Watch the <a>video</a>.</p>"


def test_changing_an_article_sanitizes_its_note_again(editor_client):
    article = ArticleFactory()
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(editor_client.get(url), "article_form")
    data["editors_note"] = '<p onclick="alert(1)">Covered from Baikonur and Moscow.</p>'
    data["bylines-0-person"] = PersonFactory().pk

    assert editor_client.post(url, data).status_code == 302

    article.refresh_from_db()
    assert article.editors_note == "<p>Covered from Baikonur and Moscow.</p>"


def test_admin_published_article_page_carries_no_hostile_markup(editor_client, anonymous_client):
    data = form_data(editor_client.get(ADD_URL), "article_form")
    data.update(
        headline="Soyuz MS-09 lifts off",
        slug="soyuz-ms-09-lifts-off",
        status="published",
        editors_note=HOSTILE,
    )
    data["bylines-0-person"] = PersonFactory().pk
    add_inline_row(data, "blocks", text=HOSTILE)
    editor_client.post(ADD_URL, data)

    page = anonymous_client.get(reverse("articles:detail", args=["soyuz-ms-09-lifts-off"]))

    assert page.status_code == 200
    assert "Liftoff at last." in page.content.decode()
    assert "<script>alert" not in page.content.decode()
    assert "onerror=" not in page.content.decode()
