"""Pages make the same number of SQL queries however much content they show.

Each test renders a page for a small and for a large amount of content and
compares the two counts; a query per photo, slide or article shows up as a
difference.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import (
    ArticleFactory,
    BlockFactory,
    BylineFactory,
    CrewMemberFactory,
    GalleryFactory,
    MissionFactory,
    PersonFactory,
    SlideFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def photo(quick_photo):
    return quick_photo


def queries(client, url):
    # A first request fills the caches a process fills once (content types,
    # permissions); only the second one counts.
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def story(photo, photos):
    """An article as the launch story is built: every kind of link, ``photos`` photos."""
    mission = MissionFactory()
    for _ in range(3):
        CrewMemberFactory(mission=mission, person__portrait=photo())
    essay = GalleryFactory(mission=mission, cover=photo())
    for _ in range(photos):
        SlideFactory(gallery=essay, photo=photo())
    article = ArticleFactory(mission=mission, hero_photo=photo(), related_gallery=essay)
    BylineFactory(article=article, person=PersonFactory(portrait=photo()))
    BylineFactory(article=article)
    article.people.add(*PersonFactory.create_batch(3))
    for _ in range(photos):
        BlockFactory(article=article)
        BlockFactory(article=article, photo=photo(), text="", caption="")
    BlockFactory(article=article, photo=photo(draft=True), text="")
    return article


def essay_with(photo, slides):
    essay = GalleryFactory(mission=MissionFactory(), cover=photo())
    for _ in range(slides):
        SlideFactory(gallery=essay, photo=photo(), caption="Slide caption.")
    SlideFactory(gallery=essay, photo=photo(draft=True))
    return essay


def test_article_page_queries_do_not_grow_with_photos(client, photo):
    small, large = story(photo, 2), story(photo, 12)

    assert queries(client, large.get_absolute_url()) == queries(client, small.get_absolute_url())


def test_article_preview_queries_do_not_grow_with_photos(staff_client, photo):
    small, large = story(photo, 2), story(photo, 12)
    small.status = large.status = "draft"
    small.save()
    large.save()

    assert queries(staff_client, large.get_absolute_url()) == queries(
        staff_client, small.get_absolute_url()
    )


def test_essay_page_queries_do_not_grow_with_slides(client, photo):
    small, large = essay_with(photo, 2), essay_with(photo, 12)

    assert queries(client, large.get_absolute_url()) == queries(client, small.get_absolute_url())


def test_slide_page_queries_do_not_grow_with_slides(client, photo):
    small, large = essay_with(photo, 2), essay_with(photo, 12)
    small_slide = small.slides.filter(photo__status="published").last()
    large_slide = large.slides.first()

    assert queries(client, large_slide.get_absolute_url()) == queries(
        client, small_slide.get_absolute_url()
    )


def test_photo_page_queries_do_not_grow_with_its_essays_and_people(client, photo):
    def photo_in(essays):
        shown = photo(mission=MissionFactory())
        shown.people.add(*PersonFactory.create_batch(essays))
        for _ in range(essays):
            SlideFactory(photo=shown)
        return shown

    small, large = photo_in(2), photo_in(10)

    assert queries(client, large.get_absolute_url()) == queries(client, small.get_absolute_url())


def articles(photo, count):
    for _ in range(count):
        article = ArticleFactory(hero_photo=photo())
        BylineFactory(article=article, person=PersonFactory(portrait=photo()))
        BlockFactory(article=article, photo=photo(), text="")
        ArticleFactory(draft=True)
    no_hero = ArticleFactory()
    BlockFactory(article=no_hero, photo=photo(), text="")


def essays(photo, count):
    for _ in range(count):
        essay = GalleryFactory(cover=photo())
        SlideFactory.create_batch(2, gallery=essay, photo__image=photo().image.name)
    no_cover = GalleryFactory()
    SlideFactory(gallery=no_cover, photo=photo())


def missions(count):
    for _ in range(count):
        mission = MissionFactory()
        CrewMemberFactory.create_batch(3, mission=mission)


@pytest.mark.parametrize(
    "url",
    [
        reverse("home"),
        reverse("articles:index"),
        reverse("gallery:gallery_list"),
        reverse("missions:mission_list"),
        reverse("missions:person_list"),
    ],
)
def test_front_and_list_pages_queries_do_not_grow_with_content(client, photo, url):
    articles(photo, 2)
    essays(photo, 2)
    missions(2)
    few = queries(client, url)
    articles(photo, 8)
    essays(photo, 8)
    missions(8)

    assert queries(client, url) == few


def test_mission_page_queries_do_not_grow_with_its_content(client, photo):
    def mission_with(count):
        mission = MissionFactory()
        for _ in range(count):
            CrewMemberFactory(mission=mission, person__portrait=photo())
            BylineFactory(article__mission=mission, article__hero_photo=photo())
            SlideFactory(gallery__mission=mission, gallery__cover=photo(), photo=photo())
            photo(mission=mission)
        return mission

    small, large = mission_with(2), mission_with(10)

    assert queries(client, large.get_absolute_url()) == queries(client, small.get_absolute_url())


def test_person_page_queries_do_not_grow_with_their_work(client, photo):
    def person_with(count):
        person = PersonFactory(portrait=photo())
        for _ in range(count):
            BylineFactory(person=person, article__hero_photo=photo())
            CrewMemberFactory(person=person)
            photo().people.add(person)
            ArticleFactory().people.add(person)
        return person

    small, large = person_with(2), person_with(10)

    assert queries(client, large.get_absolute_url()) == queries(client, small.get_absolute_url())


def test_admin_article_form_queries_grow_only_with_chosen_photos(editor_client, photo):
    """Django's autocomplete widget looks up the photo each block shows, one query per
    photo block; nothing else on the form may add a query per block."""
    small, large = story(photo, 2), story(photo, 12)

    def change_form(article):
        return reverse("admin:articles_article_change", args=[article.pk])

    extra_photo_blocks = 10
    assert queries(editor_client, change_form(large)) == (
        queries(editor_client, change_form(small)) + extra_photo_blocks
    )


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:articles_article_changelist",
        "admin:gallery_gallery_changelist",
        "admin:gallery_photo_changelist",
    ],
)
def test_admin_changelists_queries_do_not_grow_with_rows(editor_client, photo, url_name):
    articles(photo, 2)
    essays(photo, 2)
    few = queries(editor_client, reverse(url_name))
    articles(photo, 8)
    essays(photo, 8)

    assert queries(editor_client, reverse(url_name)) == few
