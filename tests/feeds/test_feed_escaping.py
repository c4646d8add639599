"""Every feed carries what editors type as text: never an element of theirs, in any field.

RSS and Atom are XML whose some fields are HTML: an RSS <description> (the channel's
and each item's) and an Atom summary or subtitle of type "html". There an editor's
text is HTML-escaped once and then XML-escaped, so a reader shows "<b>" as typed.
The other fields (titles, names, categories) are plain text, XML-escaped once.
"""

import html
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from tests.factories import (
    ArticleFactory,
    BlockFactory,
    BylineFactory,
    GalleryFactory,
    MissionFactory,
    PersonFactory,
    PhotoFactory,
    SlideFactory,
)

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"
SITE = "Launch Desk"

# What a hostile or careless editor types: tags, an entity, both quotes and the end of
# a CDATA section.
MARKUP = "<script>alert(1)</script> <b>bold</b> & \"double\" 'single' ]]> <img src=x onerror=y>"


def typed(label):
    return f"{label} {MARKUP}"


# Names of every element a feed of this site may hold, without namespace.
FEED_ELEMENTS = {
    "rss", "channel", "title", "link", "description", "language", "lastBuildDate", "item",
    "pubDate", "guid", "creator", "category", "enclosure", "feed", "id", "updated",
    "author", "name", "subtitle", "entry", "published", "summary",
}  # fmt: skip


class TagCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)


def html_tags(fragment):
    """The elements a feed reader makes of a field it reads as HTML."""
    parser = TagCollector()
    parser.feed(fragment)
    parser.close()
    return parser.tags


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    names = {element.tag.rsplit("}", 1)[-1] for element in root.iter()}
    assert names <= FEED_ELEMENTS, f"elements not of the feed: {names - FEED_ELEMENTS}"
    for needle in (b"<script", b"<b>", b"<img", b"]]>"):
        assert needle not in response.content
    return root


def html_field(element, expected):
    """A field read as HTML: no element in it, and it shows ``expected``."""
    assert element is not None
    assert html_tags(element.text) == []
    assert html.unescape(element.text) == expected


@pytest.fixture
def hostile_site():
    """A mission, an author, an article and an essay with markup in every typed field."""
    mission = MissionFactory(name=typed("Soyuz"), slug="soyuz", summary=typed("Summary"))
    author = PersonFactory(name=typed("Tariq"), slug="tariq", bio=typed("Bio"))
    photo = PhotoFactory(
        title=typed("Photo"),
        caption=typed("Caption"),
        alt_text=typed("Alt"),
        credit=typed("Credit"),
    )
    article = ArticleFactory(
        headline=typed("Liftoff"),
        standfirst=typed("Standfirst"),
        editors_note=f"<p>{typed('Note')}</p>",
        mission=mission,
        hero_photo=photo,
    )
    BlockFactory(article=article, text=f"<p>{typed('Body')}</p>")
    BlockFactory(article=article, photo_block=True, photo=photo, caption=typed("Block caption"))
    BylineFactory(article=article, person=author)
    essay = GalleryFactory(
        title=typed("Essay"), introduction=typed("Introduction"), mission=mission, cover=photo
    )
    SlideFactory(gallery=essay, photo=photo, caption=typed("Slide caption"))
    return {"mission": mission, "author": author, "article": article, "essay": essay}


@pytest.mark.parametrize("feed", ["mission_rss", "author_rss"])
def test_an_rss_channel_description_shows_a_name_with_markup_as_text(client, hostile_site, feed):
    owner = hostile_site["mission"] if feed == "mission_rss" else hostile_site["author"]

    channel = parse(client, reverse(f"feeds:{feed}", args=[owner.slug])).find("channel")

    expected = {
        "mission_rss": f"Articles and photo essays about {typed('Soyuz')} from {SITE}.",
        "author_rss": f"The latest articles by {typed('Tariq')} on {SITE}.",
    }[feed]
    html_field(channel.find("description"), expected)


@pytest.mark.parametrize("feed", ["mission_atom", "author_atom"])
def test_an_atom_subtitle_is_escaped_html_that_shows_a_name_with_markup_as_text(
    client, hostile_site, feed
):
    owner = hostile_site["mission"] if feed == "mission_atom" else hostile_site["author"]

    root = parse(client, reverse(f"feeds:{feed}", args=[owner.slug]))

    subtitle = root.find(f"{ATOM}subtitle")
    assert subtitle.get("type") == "html"
    expected = {
        "mission_atom": f"Articles and photo essays about {typed('Soyuz')} from {SITE}.",
        "author_atom": f"The latest articles by {typed('Tariq')} on {SITE}.",
    }[feed]
    html_field(subtitle, expected)


def test_the_latest_feeds_describe_themselves_as_escaped_html_too(client, hostile_site):
    rss = parse(client, reverse("feeds:latest_rss")).find("channel")
    atom = parse(client, reverse("feeds:latest_atom"))

    expected = f"The latest articles and photo essays from {SITE}."
    html_field(rss.find("description"), expected)
    html_field(atom.find(f"{ATOM}subtitle"), expected)


def test_rss_channel_titles_are_the_plain_text_typed(client, hostile_site):
    mission, author = hostile_site["mission"], hostile_site["author"]

    mission_rss = parse(client, reverse("feeds:mission_rss", args=[mission.slug]))
    author_atom = parse(client, reverse("feeds:author_atom", args=[author.slug]))

    assert mission_rss.findtext("channel/title") == f"{SITE}: {typed('Soyuz')}"
    assert author_atom.findtext(f"{ATOM}title") == f"{SITE}: articles by {typed('Tariq')}"
    assert mission_rss.findtext("channel/link") == "http://testserver/missions/soyuz/"


@pytest.mark.parametrize(
    "feed", ["latest_rss", "mission_rss", "author_rss"], ids=["latest", "mission", "author"]
)
def test_rss_items_carry_headline_summary_author_and_mission_as_typed(client, hostile_site, feed):
    args = {"mission_rss": ["soyuz"], "author_rss": ["tariq"]}.get(feed, [])

    items = parse(client, reverse(f"feeds:{feed}", args=args)).findall("channel/item")

    by_title = {item.findtext("title"): item for item in items}
    article = by_title[typed("Liftoff")]
    html_field(article.find("description"), typed("Standfirst"))
    assert article.findtext(f"{DC}creator") == typed("Tariq")
    assert article.findtext("category") == typed("Soyuz")
    assert article.findtext("link") == "http://testserver" + (
        hostile_site["article"].get_absolute_url()
    )
    if feed != "author_rss":
        essay = by_title[typed("Essay")]
        html_field(essay.find("description"), typed("Introduction"))
        assert essay.findtext("category") == typed("Soyuz")


@pytest.mark.parametrize(
    "feed", ["latest_atom", "mission_atom", "author_atom"], ids=["latest", "mission", "author"]
)
def test_atom_entries_carry_headline_summary_author_and_mission_as_typed(
    client, hostile_site, feed
):
    args = {"mission_atom": ["soyuz"], "author_atom": ["tariq"]}.get(feed, [])

    entries = parse(client, reverse(f"feeds:{feed}", args=args)).findall(f"{ATOM}entry")

    by_title = {entry.findtext(f"{ATOM}title"): entry for entry in entries}
    article = by_title[typed("Liftoff")]
    summary = article.find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    html_field(summary, typed("Standfirst"))
    assert article.findtext(f"{ATOM}author/{ATOM}name") == typed("Tariq")
    assert article.find(f"{ATOM}category").get("term") == typed("Soyuz")
    if feed != "author_atom":
        html_field(by_title[typed("Essay")].find(f"{ATOM}summary"), typed("Introduction"))


def test_fields_that_no_feed_shows_stay_out_of_every_feed(client, hostile_site):
    urls = [
        reverse(f"feeds:{name}", args=args)
        for name, args in [
            ("latest_rss", []),
            ("latest_atom", []),
            ("mission_rss", ["soyuz"]),
            ("mission_atom", ["soyuz"]),
            ("author_rss", ["tariq"]),
            ("author_atom", ["tariq"]),
        ]
    ]
    for url in urls:
        text = client.get(url).content.decode()
        for label in ("Summary", "Bio", "Caption", "Alt", "Credit", "Note", "Body", "Photo"):
            assert f"{label} &lt;script" not in text, (url, label)


@pytest.mark.parametrize("feed", ["latest_rss", "latest_atom"])
def test_a_control_character_pasted_into_a_headline_does_not_break_the_feed(client, feed):
    # A vertical tab is what some word processors put for a line break; XML 1.0 has
    # no way to carry it, escaped or not.
    mission = MissionFactory(name="Soyuz\x0bMS-09")
    ArticleFactory(
        headline="Liftoff\x0b at dawn\x1f", standfirst="Go\x08 for launch", mission=mission
    )

    root = parse(client, reverse(f"feeds:{feed}"))

    if feed == "latest_rss":
        item = root.find("channel/item")
        assert item.findtext("title") == "Liftoff at dawn"
        assert item.findtext("description") == "Go for launch"
        assert item.findtext("category") == "SoyuzMS-09"
    else:
        entry = root.find(f"{ATOM}entry")
        assert entry.findtext(f"{ATOM}title") == "Liftoff at dawn"
        assert entry.find(f"{ATOM}category").get("term") == "SoyuzMS-09"
