"""Rich text is sanitized when it is saved, whatever saves it, and so on every page."""

import json

import pytest
from django.core.management import call_command

from articles.models import Article, Block
from tests.factories import ArticleFactory, BlockFactory

pytestmark = pytest.mark.django_db

HOSTILE = (
    "<p>Liftoff at last.<script>alert(1)</script></p>"
    '<p><img src=x onerror=alert(1)>Watch the <a href="javascript:alert(1)">video</a>.</p>'
)


def assert_harmless(html):
    assert "<script" not in html
    assert "alert(1)" not in html
    assert "onerror" not in html
    assert "javascript:" not in html
    assert "<img" not in html


def test_block_text_saved_by_the_model_is_sanitized():
    block = BlockFactory(text=HOSTILE)

    block.refresh_from_db()
    assert_harmless(block.text)
    assert "Liftoff at last." in block.text


def test_editors_note_saved_by_the_model_is_sanitized():
    article = ArticleFactory(editors_note=HOSTILE)

    article.refresh_from_db()
    assert_harmless(article.editors_note)
    assert "Liftoff at last." in article.editors_note


def test_sanitizing_keeps_the_formatting_editors_may_use():
    safe = (
        "<h2>Docking</h2><p><strong>Bold</strong>, <em>italic</em> and "
        '<a href="https://www.nasa.gov/">a link</a>.</p><ul><li>One</li></ul>'
        "<blockquote><p>Quoted.</p></blockquote>"
    )

    block = BlockFactory(text=safe)

    block.refresh_from_db()
    assert block.text == safe


def test_link_keeps_its_text_when_its_javascript_address_is_removed():
    block = BlockFactory(text='<p><a href="javascript:alert(1)">video</a></p>')

    block.refresh_from_db()
    assert block.text == "<p><a>video</a></p>"


def test_text_that_sanitizes_to_nothing_is_saved_empty():
    article = ArticleFactory(editors_note="<script>alert(1)</script>")

    article.refresh_from_db()
    assert article.editors_note == ""


def test_rich_text_loaded_from_a_fixture_is_sanitized(tmp_path):
    article = ArticleFactory()
    fixture = tmp_path / "hostile.json"
    fixture.write_text(
        json.dumps(
            [
                {
                    "model": "articles.block",
                    "pk": 9001,
                    "fields": {"article": article.pk, "text": HOSTILE, "order": 1},
                },
                {
                    "model": "articles.article",
                    "pk": article.pk,
                    "fields": {
                        "headline": article.headline,
                        "slug": article.slug,
                        "status": "published",
                        "publish_at": "2018-06-06T11:12:00Z",
                        "created_at": "2018-06-06T11:12:00Z",
                        "updated_at": "2018-06-06T11:12:00Z",
                        "editors_note": HOSTILE,
                    },
                },
            ]
        )
    )

    call_command("loaddata", str(fixture), verbosity=0)

    assert_harmless(Block.objects.get(pk=9001).text)
    assert_harmless(Article.objects.get(pk=article.pk).editors_note)


def test_article_page_never_carries_hostile_markup(client):
    article = ArticleFactory(editors_note=HOSTILE)
    BlockFactory(article=article, text=HOSTILE)

    response = client.get(article.get_absolute_url())

    page = response.content.decode()
    assert response.status_code == 200
    assert "Liftoff at last." in page
    assert "<script>alert" not in page
    assert "onerror=" not in page
    assert "javascript:alert" not in page


def test_plain_text_fields_are_escaped_on_the_page(client):
    article = ArticleFactory(
        headline="Launch <script>alert(1)</script>",
        standfirst='<img src=x onerror="alert(1)">',
    )

    page = client.get(article.get_absolute_url()).content.decode()

    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert "Launch &lt;script&gt;" in page
    assert "&lt;img src=x onerror=" in page
