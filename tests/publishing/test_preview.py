"""Staff preview drafts at their public address, under a "Draft preview" banner."""

import pytest
from django.test import Client

from tests.factories import (
    ArticleFactory,
    BlockFactory,
    GalleryFactory,
    PhotoFactory,
    SlideFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

BANNER = "Draft preview"

FACTORIES = {"article": ArticleFactory, "essay": GalleryFactory, "photo": PhotoFactory}


@pytest.fixture(params=list(FACTORIES))
def kind(request):
    return request.param


def test_staff_see_a_draft_with_the_preview_banner(staff_client, kind):
    item = FACTORIES[kind](draft=True)

    response = staff_client.get(item.get_absolute_url())

    assert response.status_code == 200
    assert BANNER in response.content.decode()


def test_staff_see_a_scheduled_item_with_the_preview_banner(staff_client, kind):
    item = FACTORIES[kind](scheduled=True)

    response = staff_client.get(item.get_absolute_url())

    assert response.status_code == 200
    assert "Scheduled: goes live" in response.content.decode()


def test_a_live_item_has_no_preview_banner_for_staff(staff_client, kind):
    item = FACTORIES[kind]()

    response = staff_client.get(item.get_absolute_url())

    assert response.status_code == 200
    assert BANNER not in response.content.decode()


def test_superuser_previews_a_draft_too(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    article = ArticleFactory(draft=True)

    assert BANNER in client.get(article.get_absolute_url()).content.decode()


def test_draft_is_not_found_for_everyone_but_staff(reader):
    article = ArticleFactory(draft=True)
    logged_in_reader = Client()
    logged_in_reader.force_login(reader)

    assert Client().get(article.get_absolute_url()).status_code == 404
    assert logged_in_reader.get(article.get_absolute_url()).status_code == 404


def test_inactive_staff_account_cannot_preview():
    """A disabled account is logged out by Django, so it is a reader like any other."""
    staff = UserFactory(is_staff=True)
    client = Client()
    client.force_login(staff)
    article = ArticleFactory(draft=True)
    staff.is_active = False
    staff.save()

    assert client.get(article.get_absolute_url()).status_code == 404


def test_staff_preview_of_a_draft_article_shows_its_draft_photos(staff_client, shows_photo):
    article = ArticleFactory(draft=True)
    draft_photo = BlockFactory(article=article, photo_block=True, photo__draft=True).photo

    response = staff_client.get(article.get_absolute_url())

    assert shows_photo(response, draft_photo)


def test_staff_preview_of_a_draft_essay_shows_its_draft_photos(staff_client, shows_photo):
    essay = GalleryFactory(draft=True)
    draft_photo = SlideFactory(gallery=essay, photo__draft=True).photo

    response = staff_client.get(essay.get_absolute_url())

    assert BANNER in response.content.decode()
    assert shows_photo(response, draft_photo)


def test_staff_preview_shows_a_draft_hero_photo_and_essay_cover(staff_client, shows_photo):
    hero, cover = PhotoFactory(draft=True), PhotoFactory(draft=True)
    article = ArticleFactory(draft=True, hero_photo=hero)
    essay = GalleryFactory(draft=True, cover=cover)
    SlideFactory(gallery=essay)

    assert shows_photo(staff_client.get(article.get_absolute_url()), hero)
    assert shows_photo(staff_client.get(essay.get_absolute_url()), cover)


def test_staff_preview_of_a_slide_shows_the_banner(staff_client):
    slide = SlideFactory(gallery=GalleryFactory(draft=True))

    response = staff_client.get(slide.get_absolute_url())

    assert response.status_code == 200
    assert BANNER in response.content.decode()


def test_slide_of_a_draft_essay_is_not_found_for_readers(client):
    slide = SlideFactory(gallery=GalleryFactory(draft=True))

    assert client.get(slide.get_absolute_url()).status_code == 404
