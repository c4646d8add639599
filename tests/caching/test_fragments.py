"""Pieces of pages kept under the content version: reused, and never stale or private.

An address the page cache has never seen (a new query string) renders the page,
but the essay's slides and the article's foot come from the kept pieces. Edits are
committed as an editor's save is, so pages see them once their callbacks run.
"""

import datetime
import itertools

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import (
    ArticleFactory,
    BlockFactory,
    BylineFactory,
    CrewMemberFactory,
    GalleryFactory,
    LiveCoverageFactory,
    MissionFactory,
    PersonFactory,
    SlideFactory,
)

pytestmark = pytest.mark.django_db

addresses = itertools.count()


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def edit(django_capture_on_commit_callbacks):
    def run(change):
        with django_capture_on_commit_callbacks(execute=True):
            change()

    return run


def fresh_address(url):
    """``url`` with a query string the page cache has never stored."""
    return f"{url}?from=share-{next(addresses)}"


def read(url, client=None):
    """A page the page cache misses: its HTML and the number of queries it took."""
    with CaptureQueriesContext(connection) as queries:
        response = (client or Client()).get(fresh_address(url))
    assert response.status_code == 200
    assert response.get("X-Cache") in (None, "miss")
    return response.content.decode(), len(queries)


@pytest.fixture
def essay(quick_photo):
    essay = GalleryFactory(title="Expedition 56 in photos")
    for number in range(3):
        SlideFactory(gallery=essay, photo=quick_photo(title=f"Slide photo {number}"))
    return essay


@pytest.fixture
def article(quick_photo):
    mission = MissionFactory(name="Soyuz MS-09")
    CrewMemberFactory(mission=mission, person=PersonFactory(name="Sergey Prokopyev"))
    related = GalleryFactory(title="The launch in photos", cover=quick_photo())
    SlideFactory(gallery=related, photo=quick_photo())
    article = ArticleFactory(mission=mission, related_gallery=related)
    BylineFactory(article=article, person=PersonFactory(name="Ada Writer"))
    article.people.add(PersonFactory(name="Alexander Gerst"))
    return article


def test_an_essay_on_a_new_address_takes_its_slides_from_the_kept_piece(page_cache, essay):
    first, first_queries = read(essay.get_absolute_url())
    again, again_queries = read(essay.get_absolute_url())

    assert again == first
    assert "Slide photo 2" in again
    assert again_queries < first_queries


def test_an_article_on_a_new_address_takes_its_foot_from_the_kept_piece(page_cache, article):
    first, first_queries = read(article.get_absolute_url())
    again, again_queries = read(article.get_absolute_url())

    assert again == first
    for name in ("Ada Writer", "Sergey Prokopyev", "Alexander Gerst", "The launch in photos"):
        assert name in again
    assert again_queries < first_queries


def test_pieces_are_kept_only_while_the_page_cache_is_on(settings, essay):
    settings.PAGE_CACHE_SECONDS = 0
    _, first_queries = read(essay.get_absolute_url())
    _, again_queries = read(essay.get_absolute_url())

    assert again_queries == first_queries


def test_an_edited_slide_shows_at_once(page_cache, edit, essay):
    read(essay.get_absolute_url())
    slide = essay.slides.first()

    def change():
        slide.caption = "Docking with the station."
        slide.save()

    edit(change)

    page, _ = read(essay.get_absolute_url())
    assert "Docking with the station." in page


def test_a_photo_unpublished_leaves_the_essay_at_once(page_cache, edit, essay):
    read(essay.get_absolute_url())
    photo = essay.slides.first().photo

    def change():
        photo.status = "draft"
        photo.save()

    edit(change)

    page, _ = read(essay.get_absolute_url())
    assert photo.title not in page
    assert "2 photos" in page


@pytest.mark.parametrize(
    "case",
    ["author", "crew member", "person mentioned", "related essay"],
)
def test_an_edit_to_anything_in_the_story_foot_shows_at_once(page_cache, edit, article, case):
    read(article.get_absolute_url())
    changed = {
        "author": article.authors.first(),
        "crew member": article.mission.crew.first(),
        "person mentioned": article.people.first(),
        "related essay": article.related_gallery,
    }[case]

    def change():
        # The author's job title shows in the foot only; their name is in the byline.
        field = {"author": "job_title", "related essay": "title"}.get(case, "name")
        setattr(changed, field, "Renamed in the newsroom")
        changed.save()

    edit(change)

    page, _ = read(article.get_absolute_url())
    assert "Renamed in the newsroom" in page


def test_a_slide_scheduled_for_later_appears_at_its_second(page_cache, time_machine, essay):
    now = timezone.now()
    time_machine.move_to(now, tick=False)
    later = SlideFactory(gallery=essay)
    later.photo.publish_at = now + datetime.timedelta(seconds=90)
    later.photo.title = "Scheduled slide"
    later.photo.save()
    cache.clear()

    page, _ = read(essay.get_absolute_url())
    assert "Scheduled slide" not in page
    time_machine.move_to(now + datetime.timedelta(seconds=89), tick=False)
    page, _ = read(essay.get_absolute_url())
    assert "Scheduled slide" not in page
    time_machine.move_to(now + datetime.timedelta(seconds=90), tick=False)
    page, _ = read(essay.get_absolute_url())
    assert "Scheduled slide" in page


def test_staff_neither_use_nor_fill_the_kept_pieces(page_cache, editor_client, quick_photo, essay):
    SlideFactory(gallery=essay, photo=quick_photo(title="Draft slide photo", draft=True))

    # Staff first: a piece they stored would show readers the draft.
    staff_page, _ = read(essay.get_absolute_url(), editor_client)
    reader_page, _ = read(essay.get_absolute_url())
    # Then again, with the readers' piece kept: staff would lose their draft.
    staff_again, staff_queries = read(essay.get_absolute_url(), editor_client)
    _, reader_queries = read(essay.get_absolute_url())

    assert "Draft slide photo" in staff_page and "Draft slide photo" in staff_again
    assert "Draft slide photo" not in reader_page
    assert staff_queries > reader_queries


def test_the_essays_structured_data_names_the_host_it_was_asked_on(page_cache, essay):
    on_testserver = Client().get(fresh_address(essay.get_absolute_url())).content.decode()
    on_localhost = (
        Client(HTTP_HOST="localhost").get(fresh_address(essay.get_absolute_url())).content.decode()
    )

    assert '"url": "http://testserver/essays/' in on_testserver
    assert "http://testserver/" not in on_localhost
    assert '"url": "http://localhost/essays/' in on_localhost


def test_an_article_on_a_new_address_is_read_from_the_kept_piece(page_cache, article):
    BlockFactory(article=article, text="<p>Liftoff came on time.</p>")
    first, first_queries = read(article.get_absolute_url())
    again, again_queries = read(article.get_absolute_url())

    assert again == first
    assert "Liftoff came on time." in again
    assert first_queries > 0
    assert again_queries == 0


def test_an_edited_block_shows_at_once(page_cache, edit, article):
    block = BlockFactory(article=article, text="<p>Liftoff came on time.</p>")
    read(article.get_absolute_url())

    def change():
        block.text = "<p>The crew reached orbit.</p>"
        block.save()

    edit(change)

    page, _ = read(article.get_absolute_url())
    assert "The crew reached orbit." in page
    assert "Liftoff came on time." not in page


def test_an_article_unpublished_is_gone_at_once(page_cache, edit, article):
    read(article.get_absolute_url())

    def change():
        article.status = "draft"
        article.save()

    edit(change)

    response = Client().get(fresh_address(article.get_absolute_url()))
    assert response.status_code == 404


def test_a_hero_photo_unpublished_leaves_the_article_at_once(page_cache, edit, quick_photo):
    article = ArticleFactory(hero_photo=quick_photo(title="Hero of the launch"))
    first, _ = read(article.get_absolute_url())
    assert "Alt text of Hero of the launch." in first

    def change():
        article.hero_photo.status = "draft"
        article.hero_photo.save()

    edit(change)

    page, _ = read(article.get_absolute_url())
    assert "Alt text of Hero of the launch." not in page


def test_an_essays_new_title_shows_at_once(page_cache, edit, essay):
    read(essay.get_absolute_url())
    _, kept_queries = read(essay.get_absolute_url())
    assert kept_queries == 0

    def change():
        essay.title = "Expedition 56 reaches the station"
        essay.save()

    edit(change)

    page, _ = read(essay.get_absolute_url())
    assert "Expedition 56 reaches the station" in page


def test_staff_preview_a_draft_article_that_readers_do_not_get(page_cache, editor_client):
    draft = ArticleFactory(status="draft", headline="Draft of the landing story")

    staff_page, _ = read(draft.get_absolute_url(), editor_client)
    assert "Draft of the landing story" in staff_page
    assert Client().get(fresh_address(draft.get_absolute_url())).status_code == 404
    staff_again, _ = read(draft.get_absolute_url(), editor_client)
    assert "Draft of the landing story" in staff_again


def test_an_articles_live_badge_comes_and_goes_at_the_coverage_times(
    page_cache, time_machine, article
):
    now = timezone.now()
    time_machine.move_to(now, tick=False)
    LiveCoverageFactory(
        title="Soyuz launch, live",
        article=article,
        starts_at=now + datetime.timedelta(seconds=60),
        ends_at=now + datetime.timedelta(seconds=120),
    )
    cache.clear()

    before, _ = read(article.get_absolute_url())
    time_machine.move_to(now + datetime.timedelta(seconds=60), tick=False)
    during, _ = read(article.get_absolute_url())
    time_machine.move_to(now + datetime.timedelta(seconds=120), tick=False)
    after, _ = read(article.get_absolute_url())

    assert "Soyuz launch, live" not in before
    assert "Soyuz launch, live" in during
    assert "Soyuz launch, live" not in after
