"""Live coverage of a mission: a live blog of short timed entries.

Coverage is ``Publishable``: a desk prepares it as a draft before launch day (staff
preview it at its address) and publishes it, now or at a set time, like any story.
Entries are not: an entry is posted to be read at once, and is seen exactly when
its coverage is, so one rule (``LiveCoverage.objects.published()``) decides both.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from publishing.links import reverse
from publishing.models import (
    Publishable,
    PublishableManager,
    PublishableQuerySet,
    is_published,
)
from publishing.richtext import RichTextField, SanitizedRichTextMixin

from .clock import mission_time, site_time


class State(models.TextChoices):
    UPCOMING = "upcoming", "Upcoming"
    LIVE = "live", "Live"
    ENDED = "ended", "Ended"


class LiveCoverageQuerySet(PublishableQuerySet):
    def live_now(self):
        """Published coverage whose time has come and not yet gone: what the "Live"
        badges point at."""
        now = timezone.now()
        return (
            self.published()
            .filter(starts_at__lte=now)
            .filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now))
        )


class LiveCoverageManager(PublishableManager.from_queryset(LiveCoverageQuerySet)):
    pass


class LiveCoverage(SanitizedRichTextMixin, Publishable):
    title = models.CharField(max_length=250, help_text="e.g. “Live: Soyuz MS-09 launch”.")
    slug = models.SlugField(max_length=250, unique=True)
    mission = models.ForeignKey(
        "missions.Mission",
        on_delete=models.PROTECT,
        related_name="live_coverage",
        help_text="Its launch time and launch site give each entry its mission time "
        "and local time.",
    )
    article = models.ForeignKey(
        "articles.Article",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="live_coverage",
        verbose_name="related article",
        help_text="Shows a “Live” badge linking here while the coverage is live.",
    )
    starts_at = models.DateTimeField(
        "coverage starts", help_text="Enter it in UTC. The coverage is “Live” from then."
    )
    ends_at = models.DateTimeField(
        "coverage ends",
        null=True,
        blank=True,
        help_text="Enter it in UTC. Leave blank while it is open-ended; the coverage "
        "shows as ended from then.",
    )
    summary = RichTextField(
        "pinned summary",
        blank=True,
        help_text="Shown at the top, above the entries: the story so far.",
    )

    objects = LiveCoverageManager()

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = "live coverage"
        verbose_name_plural = "live coverage"
        permissions = [
            ("publish_livecoverage", "Can publish, schedule and unpublish live coverage")
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("live:detail", args=[self.slug])

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": "The coverage must end after it starts."})

    def natural_key(self):
        return (self.slug,)

    @property
    def state(self):
        """Upcoming, live or ended, from the coverage times: nobody switches it."""
        now = timezone.now()
        if now < self.starts_at:
            return State.UPCOMING
        if self.ends_at is not None and now >= self.ends_at:
            return State.ENDED
        return State.LIVE

    def get_state_display(self):
        return State(self.state).label

    @property
    def is_on_air(self):
        """Live for readers: published, and within its coverage times."""
        return self.is_live and self.state == State.LIVE

    @property
    def before_launch(self):
        launch_at = self.mission.launch_at
        return launch_at is not None and timezone.now() < launch_at


class EntryQuerySet(models.QuerySet):
    def published(self):
        """Entries readers may see: those of published coverage."""
        return self.filter(is_published("coverage__"))

    def get_by_natural_key(self, key):
        return self.get(key=key)


class Entry(SanitizedRichTextMixin, models.Model):
    coverage = models.ForeignKey(LiveCoverage, on_delete=models.CASCADE, related_name="entries")
    posted_at = models.DateTimeField(
        "time",
        default=timezone.now,
        db_index=True,
        help_text="When it happened, in UTC; the time of posting unless changed. Mission "
        "time and local time follow from it.",
    )
    text = RichTextField(help_text="A few sentences.")
    photo = models.ForeignKey(
        "gallery.Photo",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="live_entries",
        help_text="Optional: a photo from the library; its alt text, credit and sizes "
        "come with it.",
    )
    author = models.ForeignKey(
        "missions.Person",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="live_entries",
        help_text="The reporter named on the entry.",
    )
    key_event = models.CharField(
        max_length=60,
        blank=True,
        help_text="Optional: marks a milestone, e.g. “Liftoff” or “Docking”; key events "
        "are listed at the top of the coverage.",
    )
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(auto_now=True)
    # An entry's natural key, for backups: nothing else an editor gives it is unique.
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    objects = EntryQuerySet.as_manager()

    class Meta:
        ordering = ["-posted_at", "-pk"]
        verbose_name_plural = "entries"

    def __str__(self):
        label = self.key_event or f"{self.posted_at:%H:%M:%S} UTC"
        return f"{label} in “{self.coverage}”"

    def get_absolute_url(self):
        return f"{self.coverage.get_absolute_url()}#{self.anchor}"

    def natural_key(self):
        return (str(self.key),)

    natural_key.dependencies = ["live.livecoverage"]

    @property
    def anchor(self):
        return f"entry-{self.pk}"

    @property
    def mission_time(self):
        return mission_time(self.posted_at, self.coverage.mission.launch_at)

    @property
    def local_time(self):
        return site_time(self.posted_at, self.coverage.mission.launch_site)
