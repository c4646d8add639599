"""What articles, photo essays and photos share: a status and a publish time.

An item is visible to readers when it is published and its publish time has
passed, so an item scheduled for later goes live by itself, with no cron job.
``Publishable.objects.published()`` is the only place that rule is written.
"""

from django.db import models
from django.utils import timezone


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


def published_condition(prefix=""):
    """What ``published()`` asks, as a condition: with a ``prefix`` ("photo__") it
    asks it of a related item, on the row the query has already joined."""
    return models.Q(
        **{f"{prefix}status": Status.PUBLISHED, f"{prefix}publish_at__lte": timezone.now()}
    )


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """Items readers may see: published, with a publish time now or past."""
        return self.filter(published_condition())

    def visible_to(self, user):
        """Everything for staff (who may preview drafts), published items for others."""
        if user.is_staff:
            return self
        return self.published()


class SlugManager(models.Manager):
    """Finds a record by its slug, the natural key that fixtures name it by."""

    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class PublishableManager(SlugManager.from_queryset(PublishableQuerySet)):
    pass


class Publishable(models.Model):
    status = models.CharField(
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        db_index=True,
        help_text="Drafts are seen only by staff, at the public address with a banner.",
    )
    publish_at = models.DateTimeField(
        "publish time",
        default=timezone.now,
        db_index=True,
        help_text="A published item with a time in the future goes live by itself then.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PublishableManager()

    class Meta:
        abstract = True

    @property
    def is_live(self):
        return self.status == Status.PUBLISHED and self.publish_at <= timezone.now()

    def is_visible_to(self, user):
        """``visible_to()`` asked of one item, for rows already read with others."""
        return user.is_staff or self.is_live

    @property
    def is_scheduled(self):
        return self.status == Status.PUBLISHED and self.publish_at > timezone.now()
