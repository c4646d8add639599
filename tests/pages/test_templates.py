"""What the reader pages' templates promise: structure, navigation, empty states, preview."""

import datetime
import re

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from tests.factories import (
    ArticleFactory,
    BylineFactory,
    CrewMemberFactory,
    GalleryFactory,
    LaunchSiteFactory,
    MissionFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


def test_every_reader_page_has_exactly_one_h1(client, reader_pages):
    for url in reader_pages:
        page = client.get(url).content.decode()
        assert len(re.findall(r"<h1[\s>]", page)) == 1, url


def test_every_reader_page_has_landmarks_and_a_skip_link(client, reader_pages):
    for url in reader_pages:
        page = client.get(url).content.decode()
        assert '<html lang="en">' in page, url
        assert '<a class="skip-link" href="#main">' in page, url
        assert '<main id="main"' in page, url
        for landmark in ("<header", "<nav", "<footer"):
            assert landmark in page, (url, landmark)


def test_no_reader_page_has_inline_script_style_or_event_handler(client, reader_pages):
    """Only JSON-LD data blocks, which browsers never run, may sit inline."""
    for url in reader_pages:
        page = client.get(url).content.decode()
        assert not re.search(
            r'<script(?![^>]*\ssrc=)(?! type="application/ld\+json">)[^>]*>', page
        ), url
        assert not re.search(r"\sstyle=", page), url
        assert not re.search(r"\son[a-z]+=", page), url


def test_home_page_says_what_is_missing_on_an_empty_site(client):
    page = client.get(reverse("home")).content.decode()

    assert "No articles yet." in page
    assert "No essays yet." in page
    assert "No missions yet." in page


def test_lists_say_so_when_empty(client):
    assert "No articles yet." in client.get(reverse("articles:index")).content.decode()
    assert "No essays yet." in client.get(reverse("gallery:gallery_list")).content.decode()
    assert "No missions yet." in client.get(reverse("missions:mission_list")).content.decode()
    assert "No people yet." in client.get(reverse("missions:person_list")).content.decode()


def test_staff_see_the_draft_preview_banner_on_a_draft(staff_client):
    article = ArticleFactory(draft=True)

    response = staff_client.get(article.get_absolute_url())

    assert response.status_code == 200
    assert "Draft preview" in response.content.decode()
    assert 'role="status"' in response.content.decode()


def test_a_live_article_has_no_draft_preview_banner(staff_client):
    article = ArticleFactory()

    assert "Draft preview" not in staff_client.get(article.get_absolute_url()).content.decode()


def test_article_page_leaves_out_a_related_essay_that_is_a_draft(client):
    article = ArticleFactory(
        related_gallery=GalleryFactory(title="Unfinished draft essay", draft=True)
    )

    page = client.get(article.get_absolute_url()).content.decode()

    assert "Unfinished draft essay" not in page
    assert "Related photo essay" not in page


def test_article_page_shows_the_related_essay_with_its_photo_count(client, essay):
    article = ArticleFactory(related_gallery=essay)

    response = client.get(article.get_absolute_url())

    assert "Related photo essay" in response.content.decode()
    assert "3 photos" in response.content.decode()


def test_byline_links_each_author_to_their_page(client):
    byline = BylineFactory(person__name="Tariq Malik")

    response = client.get(byline.article.get_absolute_url())

    assert (
        f'<a href="{byline.person.get_absolute_url()}" rel="author">Tariq Malik</a>'
        in response.content.decode()
    )


def test_essay_page_numbers_each_slide_and_links_to_its_own_page(client, essay):
    second = essay.slides.all()[1]

    page = client.get(essay.get_absolute_url()).content.decode()

    assert 'id="slide-2"' in page
    assert "2 of 3" in page
    assert f'href="{second.get_absolute_url()}"' in page


def test_essay_page_offers_the_slides_one_at_a_time_from_the_first(client, essay):
    first = essay.slides.first()

    response = client.get(essay.get_absolute_url())

    assert (
        f'<a class="button" href="{first.get_absolute_url()}">View one at a time</a>'
        in response.content.decode()
    )


def test_slide_page_links_to_the_previous_and_next_slides(client, essay):
    first, second, third = essay.slides.all()

    page = client.get(second.get_absolute_url()).content.decode()

    assert "Photo 2 of 3" in page
    assert re.search(rf'rel="prev" href="{first.get_absolute_url()}"', page)
    assert re.search(rf'rel="next" href="{third.get_absolute_url()}"', page)


def test_first_slide_page_has_no_previous_link(client, essay):
    page = client.get(essay.slides.first().get_absolute_url()).content.decode()

    assert 'rel="prev"' not in page
    assert 'rel="next"' in page


def test_slide_page_loads_the_arrow_key_script(client, essay):
    page = client.get(essay.slides.first().get_absolute_url()).content.decode()

    assert re.search(r'<script src="[^"]*js/slides\.js" defer></script>', page)


def test_slide_page_shows_the_credit_and_links_to_the_full_size_image(client, essay):
    slide = essay.slides.first()

    page = client.get(slide.get_absolute_url()).content.decode()

    assert "Credit: NASA" in page
    assert f'href="{slide.photo.full_jpeg.url}"' in page


def test_mission_page_gives_the_launch_time_in_utc_and_at_the_launch_site(client):
    mission = MissionFactory(
        launch_at=datetime.datetime(2018, 6, 6, 11, 12, tzinfo=datetime.UTC),
        launch_site=LaunchSiteFactory(name="Baikonur Cosmodrome", timezone="Asia/Aqtobe"),
    )

    page = client.get(mission.get_absolute_url()).content.decode()

    assert "June 6, 2018, 11:12 UTC" in page
    assert "4:12 p.m. local time at Baikonur Cosmodrome (UTC+05:00)" in page


def test_mission_page_groups_the_crew_by_who_flew_and_who_was_aboard(client):
    mission = MissionFactory()
    CrewMemberFactory(mission=mission, person__name="Drew Feustel", group="aboard", order=1)
    CrewMemberFactory(mission=mission, person__name="Alexander Gerst", group="flight", order=2)

    page = client.get(mission.get_absolute_url()).content.decode()

    assert page.index("Flew on this mission") < page.index("Alexander Gerst")
    assert page.index("Alexander Gerst") < page.index("Already aboard")
    assert page.index("Already aboard") < page.index("Drew Feustel")


def test_person_page_gives_other_spellings(client):
    person = PersonFactory(name="Sergey Prokopyev", other_names="Sergei Prokopyev")

    page = client.get(person.get_absolute_url()).content.decode()

    assert "Also spelled “Sergei Prokopyev”" in page


def test_article_list_second_page_says_where_the_reader_is(client):
    ArticleFactory.create_batch(13)

    page = client.get(reverse("articles:index"), {"page": 2}).content.decode()

    assert "Page 2 of 2" in page
    assert 'rel="prev"' in page
    assert 'rel="next"' not in page


def test_not_found_page_uses_the_site_layout(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert '<a class="skip-link" href="#main">' in response.content.decode()


def test_server_error_page_renders_without_a_request():
    page = render_to_string("500.html")

    assert "Something went wrong" in page
