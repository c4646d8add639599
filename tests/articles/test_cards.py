"""The article card of the lists, the front page and the mission and person pages,
written by ``{% article_card %}``: the same HTML, to the character, that its
template gave."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template

from articles.models import Article
from articles.views import article_cards
from gallery.templatetags.photos import picture
from tests.factories import ArticleFactory, BlockFactory, BylineFactory, PersonFactory, PhotoFactory

pytestmark = pytest.mark.django_db


def card(article, level=""):
    article = article_cards(Article.objects.all()).get(pk=article.pk)
    template = Template("{% load articles %}{% article_card article " + level + " %}")
    return template.render(Context({"article": article}))


def test_a_card_gives_headline_standfirst_and_authors_escaped():
    article = ArticleFactory(
        headline="Soyuz <MS-09> & crew",
        slug="soyuz-ms-09",
        standfirst="Three <b>people</b> flew.",
        hero_photo=None,
        publish_at=datetime(2018, 6, 6, 11, 12, tzinfo=UTC),
    )
    for order, name in enumerate(["Tariq Malik", "O'Neill", "Ana <i>"]):
        BylineFactory(article=article, person=PersonFactory(name=name), order=order)

    assert card(article) == (
        '<article class="card">\n'
        "  \n"
        '  <div class="card-body">\n'
        '    <h2 class="card-title"><a href="/articles/soyuz-ms-09/">'
        "Soyuz &lt;MS-09&gt; &amp; crew</a></h2>\n"
        '    <p class="card-text">Three &lt;b&gt;people&lt;/b&gt; flew.</p>\n'
        '    <p class="meta"><span class="byline">By Tariq Malik, O&#x27;Neill and Ana &lt;i&gt;'
        '</span> <span aria-hidden="true" class="sep">·</span> '
        '<time datetime="2018-06-06T11:12:00+00:00">June 6, 2018</time>\n'
        "</p>\n"
        "  </div>\n"
        "</article>\n"
    )


def test_a_card_without_photo_standfirst_or_byline_leaves_their_lines_blank():
    article = ArticleFactory(
        headline="Docked",
        slug="docked",
        standfirst="",
        hero_photo=None,
        publish_at=datetime(2018, 6, 8, 13, 1, tzinfo=UTC),
    )

    assert card(article, "level=3") == (
        '<article class="card">\n'
        "  \n"
        '  <div class="card-body">\n'
        '    <h3 class="card-title"><a href="/articles/docked/">Docked</a></h3>\n'
        "    \n"
        '    <p class="meta"><time datetime="2018-06-08T13:01:00+00:00">June 8, 2018</time>\n'
        "</p>\n"
        "  </div>\n"
        "</article>\n"
    )


def test_a_card_shows_the_first_photo_of_the_body_when_there_is_no_hero():
    article = ArticleFactory(hero_photo=None)
    photo = PhotoFactory()
    BlockFactory(article=article, photo=photo, text="")
    BylineFactory(article=article, person=PersonFactory(name="Tariq Malik"))

    html = card(article)

    assert html.startswith(
        '<article class="card">\n'
        f'  \n  <div class="card-image">{picture(photo, "card", sizes="card")}</div>\n\n  \n'
        '  <div class="card-body">\n'
    )
    assert '<span class="byline">By Tariq Malik</span>' in html


def test_two_authors_are_joined_by_and_and_a_long_standfirst_is_cut_at_forty_words():
    article = ArticleFactory(standfirst=" ".join(f"word{n}" for n in range(1, 51)), hero_photo=None)
    BylineFactory(article=article, person=PersonFactory(name="First"), order=0)
    BylineFactory(article=article, person=PersonFactory(name="Second"), order=1)

    html = card(article)

    words = " ".join(f"word{n}" for n in range(1, 41))
    assert f'<p class="card-text">{words} …</p>' in html
    assert '<span class="byline">By First and Second</span>' in html


@pytest.mark.parametrize(
    "publish_at",
    [
        datetime(2018, 6, 6, 15, 0, tzinfo=UTC),
        datetime(2019, 12, 25, 0, 5, 9, 250_000, tzinfo=UTC),
        # An aware time of another zone: given in the site's zone, the next day here.
        datetime(2020, 1, 31, 23, 30, tzinfo=ZoneInfo("America/New_York")),
    ],
)
def test_a_card_writes_the_publish_time_as_the_date_filter_does(publish_at):
    article = ArticleFactory(publish_at=publish_at, hero_photo=None)
    expected = Template('<time datetime="{{ at|date:"c" }}">{{ at|date:"F j, Y" }}</time>').render(
        Context({"at": publish_at})
    )

    assert expected in card(article)
