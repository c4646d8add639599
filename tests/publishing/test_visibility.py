"""What readers may see: published items whose time has come, and nothing else."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from articles.models import Article
from gallery.models import Gallery, Photo
from tests.factories import (
    ArticleFactory,
    BlockFactory,
    BylineFactory,
    GalleryFactory,
    PersonFactory,
    PhotoFactory,
    SlideFactory,
)

pytestmark = pytest.mark.django_db

LIFTOFF = datetime.datetime(2018, 6, 6, 11, 12, tzinfo=datetime.UTC)
BEFORE_LIFTOFF = LIFTOFF - datetime.timedelta(minutes=1)

FACTORIES = {"article": ArticleFactory, "essay": GalleryFactory, "photo": PhotoFactory}


@pytest.fixture(params=list(FACTORIES))
def kind(request):
    """Each kind of page a reader can open: an article, a photo essay, a photo."""
    return request.param


def test_published_excludes_drafts_and_scheduled_items():
    live = ArticleFactory()
    ArticleFactory(draft=True)
    ArticleFactory(scheduled=True)

    assert list(Article.objects.published()) == [live]


def test_unpublished_is_everything_published_leaves_out():
    ArticleFactory()
    draft = ArticleFactory(draft=True)
    scheduled = ArticleFactory(scheduled=True)

    assert set(Article.objects.unpublished()) == {draft, scheduled}


def test_an_item_leaves_unpublished_at_its_publish_time():
    with time_machine.travel(BEFORE_LIFTOFF, tick=False):
        item = ArticleFactory(publish_at=LIFTOFF)
        assert list(Article.objects.unpublished()) == [item]
    with time_machine.travel(LIFTOFF, tick=False):
        assert list(Article.objects.unpublished()) == []
        assert list(Article.objects.published()) == [item]


def test_visible_to_staff_includes_drafts_and_scheduled_items(editor):
    articles = {ArticleFactory(), ArticleFactory(draft=True), ArticleFactory(scheduled=True)}

    assert set(Article.objects.visible_to(editor)) == articles


def test_visible_to_a_reader_is_what_is_published(reader):
    live = ArticleFactory()
    ArticleFactory(draft=True)
    ArticleFactory(scheduled=True)

    assert list(Article.objects.visible_to(reader)) == [live]


def test_published_item_page_answers_anonymous_reader(client, kind):
    item = FACTORIES[kind]()

    assert client.get(item.get_absolute_url()).status_code == 200


def test_draft_page_is_not_found_for_anonymous_reader(client, kind):
    item = FACTORIES[kind](draft=True)

    assert client.get(item.get_absolute_url()).status_code == 404


def test_draft_page_is_not_found_for_logged_in_reader(reader_client, kind):
    item = FACTORIES[kind](draft=True)

    assert reader_client.get(item.get_absolute_url()).status_code == 404


def test_scheduled_item_is_not_found_before_its_publish_time(client, kind):
    with time_machine.travel(BEFORE_LIFTOFF, tick=False):
        item = FACTORIES[kind](publish_at=LIFTOFF)

        assert client.get(item.get_absolute_url()).status_code == 404


def test_scheduled_item_goes_live_at_its_publish_time(client, kind):
    with time_machine.travel(BEFORE_LIFTOFF, tick=False):
        item = FACTORIES[kind](publish_at=LIFTOFF)
    with time_machine.travel(LIFTOFF, tick=False):
        assert client.get(item.get_absolute_url()).status_code == 200


def test_scheduled_article_joins_the_lists_at_its_publish_time(client):
    with time_machine.travel(BEFORE_LIFTOFF, tick=False):
        ArticleFactory(headline="Soyuz MS-09 lifts off", publish_at=LIFTOFF)
        GalleryFactory(title="Expedition 56 in photos", publish_at=LIFTOFF)
        assert "Soyuz MS-09 lifts off" not in client.get(reverse("home")).content.decode()
    with time_machine.travel(LIFTOFF + datetime.timedelta(seconds=1), tick=False):
        assert "Soyuz MS-09 lifts off" in client.get(reverse("home")).content.decode()
        assert "Soyuz MS-09 lifts off" in client.get(reverse("articles:index")).content.decode()
        essays = client.get(reverse("gallery:gallery_list")).content.decode()
        assert "Expedition 56 in photos" in essays


@pytest.mark.parametrize("url_name", ["home", "articles:index"])
def test_article_lists_show_published_articles_only(client, url_name):
    ArticleFactory(headline="Crew reaches the station")
    ArticleFactory(headline="Unfinished draft story", draft=True)
    ArticleFactory(headline="Story for tomorrow", scheduled=True)

    page = client.get(reverse(url_name)).content.decode()

    assert "Crew reaches the station" in page
    assert "Unfinished draft story" not in page
    assert "Story for tomorrow" not in page


@pytest.mark.parametrize("url_name", ["home", "gallery:gallery_list"])
def test_essay_lists_show_published_essays_only(client, url_name):
    SlideFactory(gallery=GalleryFactory(title="The mission in photos"))
    SlideFactory(gallery=GalleryFactory(title="Unfinished draft essay", draft=True))
    SlideFactory(gallery=GalleryFactory(title="Essay for tomorrow", scheduled=True))

    page = client.get(reverse(url_name)).content.decode()

    assert "The mission in photos" in page
    assert "Unfinished draft essay" not in page
    assert "Essay for tomorrow" not in page


@pytest.mark.parametrize("url_name", ["home", "articles:index", "gallery:gallery_list"])
def test_lists_hide_drafts_from_staff_too(staff_client, url_name):
    ArticleFactory(headline="Unfinished draft story", draft=True)
    GalleryFactory(title="Unfinished draft essay", draft=True)

    page = staff_client.get(reverse(url_name)).content.decode()

    assert "Unfinished draft story" not in page
    assert "Unfinished draft essay" not in page


def test_draft_photo_in_article_body_is_not_shown_to_readers(client, shows_photo):
    article = ArticleFactory()
    shown = BlockFactory(article=article, photo_block=True).photo
    hidden = BlockFactory(article=article, photo_block=True, photo__draft=True).photo

    response = client.get(article.get_absolute_url())

    assert shows_photo(response, shown)
    assert not shows_photo(response, hidden)


def test_scheduled_photo_in_article_body_is_not_shown_to_readers(client, shows_photo):
    article = ArticleFactory()
    hidden = BlockFactory(article=article, photo_block=True, photo__scheduled=True).photo

    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    assert not shows_photo(response, hidden)


def test_draft_hero_photo_is_not_shown_to_readers(client, shows_photo):
    hidden = PhotoFactory(draft=True)
    article = ArticleFactory(hero_photo=hidden)

    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    assert not shows_photo(response, hidden)


def test_draft_portrait_of_an_author_is_not_shown_on_the_article(client, shows_photo):
    hidden = PhotoFactory(draft=True)
    article = ArticleFactory()
    BylineFactory(article=article, person=PersonFactory(name="Ada Writer", portrait=hidden))

    response = client.get(article.get_absolute_url())

    assert "Ada Writer" in response.content.decode()
    assert not shows_photo(response, hidden)


def test_published_portrait_of_an_author_is_shown_on_the_article(client, shows_photo):
    portrait = PhotoFactory()
    article = ArticleFactory()
    BylineFactory(article=article, person=PersonFactory(portrait=portrait))

    assert shows_photo(client.get(article.get_absolute_url()), portrait)


@pytest.mark.parametrize("url_name", ["home", "articles:index"])
def test_article_card_never_shows_a_draft_photo(client, shows_photo, url_name):
    hidden_hero = PhotoFactory(draft=True)
    article = ArticleFactory(hero_photo=hidden_hero)
    hidden_block = BlockFactory(article=article, photo_block=True, photo__draft=True).photo

    response = client.get(reverse(url_name))

    assert article.headline in response.content.decode()
    assert not shows_photo(response, hidden_hero)
    assert not shows_photo(response, hidden_block)


def test_draft_photo_in_published_essay_is_not_shown_to_readers(client, shows_photo):
    essay = GalleryFactory()
    shown = SlideFactory(gallery=essay).photo
    hidden = SlideFactory(gallery=essay, photo__draft=True).photo

    response = client.get(essay.get_absolute_url())

    assert shows_photo(response, shown)
    assert not shows_photo(response, hidden)


def test_slide_page_of_a_draft_photo_is_not_found_for_readers(client):
    slide = SlideFactory(photo__draft=True)

    assert client.get(slide.get_absolute_url()).status_code == 404


def test_slide_page_of_a_published_photo_answers_readers(client, shows_photo):
    slide = SlideFactory()

    response = client.get(slide.get_absolute_url())

    assert response.status_code == 200
    assert shows_photo(response, slide.photo)


def test_draft_cover_is_not_shown_on_the_essay_page(client, shows_photo):
    hidden = PhotoFactory(draft=True)
    essay = GalleryFactory(cover=hidden)
    SlideFactory(gallery=essay)

    response = client.get(essay.get_absolute_url())

    assert response.status_code == 200
    assert not shows_photo(response, hidden)


@pytest.mark.parametrize("url_name", ["home", "gallery:gallery_list"])
def test_draft_cover_is_not_shown_on_essay_cards(client, shows_photo, url_name):
    hidden = PhotoFactory(draft=True)
    essay = GalleryFactory(cover=hidden)
    SlideFactory(gallery=essay)

    response = client.get(reverse(url_name))

    assert essay.title in response.content.decode()
    assert not shows_photo(response, hidden)


def test_photo_page_lists_only_published_essays(client):
    photo = PhotoFactory()
    SlideFactory(photo=photo, gallery=GalleryFactory(title="The mission in photos"))
    SlideFactory(photo=photo, gallery=GalleryFactory(title="Unfinished draft essay", draft=True))

    page = client.get(photo.get_absolute_url()).content.decode()

    assert "The mission in photos" in page
    assert "Unfinished draft essay" not in page


def test_photo_and_gallery_querysets_share_the_rule():
    """Photos and essays answer published() the same way articles do."""
    live_photo = PhotoFactory()
    PhotoFactory(draft=True)
    live_essay = GalleryFactory()
    GalleryFactory(scheduled=True)

    assert list(Photo.objects.published()) == [live_photo]
    assert list(Gallery.objects.published()) == [live_essay]


@pytest.mark.parametrize("url_name", ["home", "gallery:gallery_list"])
def test_essay_whose_photos_are_all_drafts_is_listed_without_them(client, shows_photo, url_name):
    essay = GalleryFactory(title="Photos still being edited")
    hidden = SlideFactory(gallery=essay, photo__draft=True).photo

    response = client.get(reverse(url_name))

    assert response.status_code == 200
    assert "Photos still being edited" in response.content.decode()
    assert not shows_photo(response, hidden)
