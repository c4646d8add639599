"""The photo essay card of the lists, the front page, the mission page and an
article's foot, written by ``{% essay_card %}``: the same HTML, to the character,
that its template gave."""

from datetime import UTC, datetime

import pytest
from django.template import Context, Template

from gallery.models import Gallery
from gallery.templatetags.photos import picture
from gallery.views import gallery_cards
from tests.factories import GalleryFactory, PhotoFactory, SlideFactory

pytestmark = pytest.mark.django_db

FOOT_SIZES = "(min-width: 25rem) 23rem, calc(100vw - 2rem)"


def card(gallery, arguments=""):
    gallery = gallery_cards(Gallery.objects.all()).get(pk=gallery.pk)
    template = Template("{% load essays %}{% essay_card gallery " + arguments + " %}")
    return template.render(Context({"gallery": gallery}))


def test_an_essay_without_photos_gives_title_count_and_date_escaped():
    gallery = GalleryFactory(
        title="Soyuz <MS-09> & crew",
        slug="soyuz-ms-09-in-photos",
        cover=None,
        publish_at=datetime(2018, 6, 6, 15, 30, tzinfo=UTC),
    )

    assert card(gallery) == (
        '<article class="card">\n'
        "  \n"
        '  <div class="card-body">\n'
        '    <p class="kicker">Photo essay</p>\n'
        '    <h2 class="card-title"><a href="/essays/soyuz-ms-09-in-photos/">'
        "Soyuz &lt;MS-09&gt; &amp; crew</a></h2>\n"
        '    <p class="meta">0 photos <span aria-hidden="true" class="sep">·</span> '
        '<time datetime="2018-06-06T15:30:00+00:00">June 6, 2018</time></p>\n'
        "  </div>\n"
        "</article>\n"
    )


def test_an_essay_without_cover_shows_its_first_slide_and_one_photo_is_singular():
    gallery = GalleryFactory(cover=None)
    slide = SlideFactory(gallery=gallery)

    html = card(gallery, "level=3")

    assert html.startswith(
        '<article class="card">\n'
        f'  \n  <div class="card-image">{picture(slide.photo, "card", sizes="card")}</div>\n\n  \n'
        '  <div class="card-body">\n'
    )
    assert '<h3 class="card-title">' in html
    assert '<p class="meta">1 photo <span' in html


def test_an_essay_cover_shows_at_the_sizes_asked_for():
    cover = PhotoFactory()
    gallery = GalleryFactory(cover=cover)
    SlideFactory(gallery=gallery)
    SlideFactory(gallery=gallery)

    html = card(gallery, f'level=3 sizes="{FOOT_SIZES}"')

    assert f'<div class="card-image">{picture(cover, "card", sizes=FOOT_SIZES)}</div>' in html
    assert '<p class="meta">2 photos <span' in html
