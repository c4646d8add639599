"""Articles: their body blocks, their lead photo, and the pages that list them."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from articles.models import Block
from tests.factories import (
    ArticleFactory,
    BlockFactory,
    BylineFactory,
    PhotoFactory,
)

pytestmark = pytest.mark.django_db


def test_block_refuses_both_text_and_a_photo():
    block = BlockFactory.build(article=ArticleFactory(), text="<p>Words.</p>", photo=PhotoFactory())

    with pytest.raises(ValidationError, match="either text or a photo, not both"):
        block.full_clean()


def test_block_refuses_neither_text_nor_a_photo():
    block = Block(article=ArticleFactory(), order=1)

    with pytest.raises(ValidationError, match="Write some text or choose a photo"):
        block.full_clean()


def test_caption_belongs_to_a_photo_block():
    block = Block(article=ArticleFactory(), text="<p>Words.</p>", caption="A caption", order=1)

    with pytest.raises(ValidationError) as error:
        block.full_clean()

    assert error.value.message_dict["caption"] == ["A caption belongs to a photo block."]


def test_block_caption_overrides_the_photo_caption():
    photo = PhotoFactory(caption="The photo's own caption.")

    assert BlockFactory.build(photo=photo, text="", caption="").display_caption == (
        "The photo's own caption."
    )
    assert BlockFactory.build(photo=photo, text="", caption="Mine.").display_caption == "Mine."


def test_block_names_its_article():
    """The admin lists a block on its own when it stops a photo being deleted."""
    article = ArticleFactory(headline="Soyuz MS-09 lifts off")
    photo = PhotoFactory(title="A mighty roar")

    assert str(BlockFactory(article=article, photo=photo, text="")) == (
        "Photo “A mighty roar” in “Soyuz MS-09 lifts off”"
    )
    assert str(BlockFactory(article=article)) == "Text in “Soyuz MS-09 lifts off”"


def test_lead_photo_is_the_hero_photo():
    hero = PhotoFactory()
    article = ArticleFactory(hero_photo=hero)
    BlockFactory(article=article, photo=PhotoFactory(), text="")

    assert article.lead_photo == hero


def test_lead_photo_is_the_first_body_photo_without_a_hero():
    article = ArticleFactory()
    BlockFactory(article=article, order=1)
    first = BlockFactory(article=article, photo=PhotoFactory(), text="", order=2).photo
    BlockFactory(article=article, photo=PhotoFactory(), text="", order=3)

    assert article.lead_photo == first


def test_article_page_shows_the_body_in_reading_order(client):
    article = ArticleFactory()
    BlockFactory(article=article, text="<p>Third paragraph.</p>", order=3)
    BlockFactory(article=article, text="<p>First paragraph.</p>", order=1)
    BlockFactory(article=article, text="<p>Second paragraph.</p>", order=2)

    page = client.get(article.get_absolute_url()).content.decode()

    first, second, third = (page.index(f"{n} paragraph.") for n in ("First", "Second", "Third"))
    assert first < second < third


def test_article_page_shows_a_photo_block_with_its_caption_and_credit(client, shows_photo):
    article = ArticleFactory()
    block = BlockFactory(
        article=article,
        photo=PhotoFactory(credit="NASA TV", caption="The photo's own caption."),
        text="",
        caption="The upper stage falls away.",
    )

    response = client.get(article.get_absolute_url())

    page = response.content.decode()
    assert shows_photo(response, block.photo)
    assert "The upper stage falls away." in page
    assert "NASA TV" in page


def test_article_page_shows_authors_in_byline_order(client):
    article = ArticleFactory()
    BylineFactory(article=article, person__name="Elizabeth Howell", order=2)
    BylineFactory(article=article, person__name="Tariq Malik", order=1)

    page = client.get(article.get_absolute_url()).content.decode()

    assert page.index("Tariq Malik") < page.index("Elizabeth Howell")


def test_article_page_shows_the_editors_note(client):
    article = ArticleFactory(editors_note="<p>Covered from Baikonur and Moscow.</p>")

    page = client.get(article.get_absolute_url()).content.decode()

    assert "<p>Covered from Baikonur and Moscow.</p>" in page


def test_home_page_leads_with_the_newest_published_article(client):
    now = datetime.datetime.now(tz=datetime.UTC)
    ArticleFactory(headline="Older story", publish_at=now - datetime.timedelta(days=2))
    ArticleFactory(headline="Newest story", publish_at=now - datetime.timedelta(hours=1))
    ArticleFactory(headline="Newer draft", draft=True)

    response = client.get(reverse("home"))

    assert response.context["lead"].headline == "Newest story"
    page = response.content.decode()
    assert page.index("Newest story") < page.index("Older story")


def test_articles_index_pages_after_twelve(client):
    ArticleFactory.create_batch(13)

    first = client.get(reverse("articles:index"))
    second = client.get(reverse("articles:index"), {"page": 2})

    assert len(first.context["object_list"]) == 12
    assert second.status_code == 200
    assert len(second.context["object_list"]) == 1


def test_articles_index_page_past_the_end_is_not_found(client):
    ArticleFactory()

    assert client.get(reverse("articles:index"), {"page": 3}).status_code == 404
