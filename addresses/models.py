"""The slugs public items had before, so that their old addresses keep answering.

One row per old slug of an item, not per old address: the middleware works out the
item's current address when a reader asks, so a slug changed twice (A, B, C) sends A
straight to C, every address that holds the slug (an essay's slides, a person's
feeds) follows, and deleting the item takes its old slugs with it.
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class OldSlug(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    slug = models.SlugField(max_length=250)
    retired_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            # The item that gave a slug up last owns it: an old address leads to one
            # item only.
            models.UniqueConstraint(fields=["content_type", "slug"], name="unique_old_slug"),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="old_slug_item")]

    def __str__(self):
        return self.slug
