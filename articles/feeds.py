"""RSS and Atom feeds of stories: articles and photo essays, newest first."""

import copy
import datetime
import re

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import dateformat
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape, format_html

from gallery.feeds import essay_lead_photo, feed_image_sizes, image_enclosure
from gallery.models import Gallery
from gallery.views import gallery_cards
from missions.models import Person

from .models import Article, Byline
from .views import article_cards

FEED_LENGTH = 20

# What XML 1.0 cannot carry, even escaped: control characters (a vertical tab pasted
# from a word processor), lone surrogates and the two non-characters. Django's writer
# refuses the first with an error, which would take the whole feed down.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value):
    if isinstance(value, str):
        return NOT_XML.sub("", value)
    if isinstance(value, list | tuple):
        return type(value)(xml_text(part) for part in value)
    return value


class XMLTextMixin:
    """Drops what XML cannot carry from every field of the feed and its items."""

    def __init__(self, *args, **kwargs):
        super().__init__(
            *(xml_text(arg) for arg in args), **{k: xml_text(v) for k, v in kwargs.items()}
        )

    def add_item(self, *args, **kwargs):
        super().add_item(
            *(xml_text(arg) for arg in args), **{k: xml_text(v) for k, v in kwargs.items()}
        )


class StoryRssFeed(XMLTextMixin, Rss201rev2Feed):
    """RSS whose channel description is HTML-escaped text, as its items' are.

    Feed readers show an RSS <description> as HTML, the channel's as well as an
    item's: a name with a tag in it is escaped once more so that readers show the
    tag as the editor typed it rather than run it.
    """

    def add_root_elements(self, handler):
        description = self.feed["description"]
        self.feed["description"] = escape(description)
        try:
            super().add_root_elements(handler)
        finally:
            self.feed["description"] = description


class StoryAtomFeed(XMLTextMixin, Atom1Feed):
    """Atom whose subtitle is declared HTML and escaped, as the RSS description is.

    Without a type a subtitle is text, which some readers show as HTML all the same;
    escaped HTML reads right to both kinds, as each entry's summary already does.
    """

    def add_root_elements(self, handler):
        subtitle = self.feed["subtitle"]
        self.feed["subtitle"] = None
        try:
            super().add_root_elements(handler)
        finally:
            self.feed["subtitle"] = subtitle
        if subtitle is not None:
            handler.addQuickElement("subtitle", escape(subtitle), {"type": "html"})


class StoryFeed(Feed):
    """The latest published articles and essays of ``story_querysets(obj)``."""

    feed_type = StoryRssFeed
    # Atom asks for an author on every entry or on the feed; essays have no byline.
    author_name = settings.SITE_NAME

    def __call__(self, request, *args, **kwargs):
        # One Feed instance serves every request: a copy can hold this one's request,
        # which the enclosures need for absolute image addresses.
        feed = copy.copy(self)
        feed.request = request
        return super(StoryFeed, feed).__call__(request, *args, **kwargs)

    def story_querysets(self, obj):
        return Article.objects.published(), Gallery.objects.published()

    def items(self, obj):
        articles, galleries = self.story_querysets(obj)
        articles = list(
            article_cards(articles.select_related("mission")).prefetch_related("notes")[
                :FEED_LENGTH
            ]
        )
        if len(articles) == FEED_LENGTH:
            # An essay older than all of these cannot make the feed: load only newer
            # ones, usually a few, as a newsroom publishes far more articles.
            galleries = galleries.filter(publish_at__gte=articles[-1].publish_at)
        stories = sorted(
            [*articles, *gallery_cards(galleries.select_related("mission"))[:FEED_LENGTH]],
            key=lambda story: story.publish_at,
            reverse=True,
        )[:FEED_LENGTH]
        for story in stories:
            story.feed_photo = (
                story.lead_photo if isinstance(story, Article) else essay_lead_photo(story)
            )
        self.image_sizes = feed_image_sizes(
            [story.feed_photo for story in stories if story.feed_photo]
        )
        return stories

    def item_title(self, item):
        return str(item)

    def item_description(self, item):
        # Feed readers read the description as HTML; the summary is plain text.
        if not isinstance(item, Article):
            return escape(item.introduction)
        # The corrections and updates follow, newest first, as on the page.
        return escape(item.standfirst) + "".join(
            format_html(
                "<p><strong>{}, {} UTC:</strong> {}</p>",
                note.get_kind_display(),
                dateformat.format(note.noted_at.astimezone(datetime.UTC), "F j, Y, H:i"),
                note.text,
            )
            for note in item.notes.all()
        )

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        # An article reads as updated when a correction or update is added to it,
        # not when a typo is fixed.
        if isinstance(item, Article):
            return item.modified_at
        return item.updated_at

    def item_author_name(self, item):
        if isinstance(item, Article):
            return ", ".join(byline.person.name for byline in item.bylines.all()) or None
        return None

    def item_categories(self, item):
        return [item.mission.name] if item.mission else []

    def item_enclosures(self, item):
        return image_enclosure(self.request, item.feed_photo, self.image_sizes)


class LatestFeed(StoryFeed):
    description = f"The latest articles and photo essays from {settings.SITE_NAME}."

    def title(self):
        return f"{settings.SITE_NAME}: latest stories"

    def link(self):
        return reverse("home")


class LatestAtomFeed(LatestFeed):
    feed_type = StoryAtomFeed
    subtitle = LatestFeed.description


class AuthorFeed(StoryFeed):
    """The articles a person wrote; a 404 for someone with no published article."""

    def get_object(self, request, slug):
        # Their bylines less those on unpublished articles, which an index lists: the
        # database stops at the first, where "IN (published articles)" lists them all.
        published_bylines = Byline.objects.filter(person=OuterRef("pk")).exclude(
            article__in=Article.objects.unpublished()
        )
        return get_object_or_404(Person.objects.filter(Exists(published_bylines)), slug=slug)

    def story_querysets(self, person):
        return Article.objects.published().filter(authors=person), Gallery.objects.none()

    def title(self, person):
        return f"{settings.SITE_NAME}: articles by {person.name}"

    def link(self, person):
        return person.get_absolute_url()

    def description(self, person):
        return f"The latest articles by {person.name} on {settings.SITE_NAME}."


class AuthorAtomFeed(AuthorFeed):
    feed_type = StoryAtomFeed

    def subtitle(self, person):
        return self.description(person)
