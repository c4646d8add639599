"""A feed per mission: its published articles, photo essays and live entries."""

from django.conf import settings
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils.html import escape, strip_tags

from articles.feeds import FEED_LENGTH, StoryAtomFeed, StoryFeed
from articles.models import Article
from gallery.feeds import feed_image_sizes
from gallery.models import Gallery, Photo
from gallery.views import by_key
from live.models import Entry

from .models import Mission


class MissionFeed(StoryFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Mission, slug=slug)

    def story_querysets(self, mission):
        return (
            Article.objects.published().filter(mission=mission),
            Gallery.objects.published().filter(mission=mission),
        )

    def items(self, mission):
        """The stories, and the entries of the mission's live coverage, newest first."""
        entries = list(
            Entry.objects.published()
            .filter(coverage__mission=mission)
            .select_related("coverage__mission", "author")
            .prefetch_related(Prefetch("photo", queryset=by_key(Photo.objects.published())))[
                :FEED_LENGTH
            ]
        )
        for entry in entries:
            entry.feed_photo = entry.photo
        stories = super().items(mission)
        items = sorted([*stories, *entries], key=item_time, reverse=True)[:FEED_LENGTH]
        self.image_sizes = feed_image_sizes([item.feed_photo for item in items if item.feed_photo])
        return items

    def item_title(self, item):
        if isinstance(item, Entry):
            label = item.key_event or item.mission_time or f"{item.posted_at:%H:%M:%S} UTC"
            return f"{item.coverage.title}: {label}"
        return super().item_title(item)

    def item_description(self, item):
        if isinstance(item, Entry):
            return escape(" ".join(strip_tags(item.text).split()))
        return super().item_description(item)

    def item_pubdate(self, item):
        return item_time(item)

    def item_author_name(self, item):
        if isinstance(item, Entry):
            return item.author.name if item.author else None
        return super().item_author_name(item)

    def item_categories(self, item):
        if isinstance(item, Entry):
            return [item.coverage.mission.name]
        return super().item_categories(item)

    def title(self, mission):
        return f"{settings.SITE_NAME}: {mission.name}"

    def link(self, mission):
        return mission.get_absolute_url()

    def description(self, mission):
        return f"Articles and photo essays about {mission.name} from {settings.SITE_NAME}."


class MissionAtomFeed(MissionFeed):
    feed_type = StoryAtomFeed

    def subtitle(self, mission):
        return self.description(mission)


def item_time(item):
    return item.posted_at if isinstance(item, Entry) else item.publish_at
