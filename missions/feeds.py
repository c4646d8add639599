"""A feed per mission: its published articles and photo essays."""

from django.conf import settings
from django.shortcuts import get_object_or_404

from articles.feeds import StoryAtomFeed, StoryFeed
from articles.models import Article
from gallery.models import Gallery

from .models import Mission


class MissionFeed(StoryFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Mission, slug=slug)

    def story_querysets(self, mission):
        return (
            Article.objects.published().filter(mission=mission),
            Gallery.objects.published().filter(mission=mission),
        )

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
