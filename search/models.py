"""The search index: one row per searchable record, kept in step by signals.

Each row holds the text results show and what the database's full-text indexes
read: on SQLite the folded text (indexed by FTS5, migrations 0002, 0003 and
0005), on PostgreSQL a weighted search vector (indexed by GIN, migrations 0001
and 0003); both have a second index of titles alone. Whether a reader may see
the record is never copied here: every search asks the record's own
``published()`` queryset, so a scheduled article turns up by itself and an
unpublished one drops out.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models


class Kind(models.TextChoices):
    ARTICLE = "article", "Article"
    ESSAY = "essay", "Photo essay"
    PHOTO = "photo", "Photo"
    PERSON = "person", "Person"
    MISSION = "mission", "Mission"


class SearchEntry(models.Model):
    kind = models.CharField(max_length=10, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField()
    url = models.CharField(max_length=500)
    title = models.CharField(max_length=300)
    # Text that counts as much as the title: other spellings of a person's name.
    keywords = models.TextField(blank=True)
    body = models.TextField(blank=True)
    # SQLite only: " word word " folded (lower case, no accents), the text of the
    # FTS5 index that triggers keep in step (migration 0002).
    title_folded = models.TextField(blank=True)
    body_folded = models.TextField(blank=True)
    # PostgreSQL only: title and keywords weighted A, body B, accents removed by
    # unaccent. The GIN index on it is created by migration 0001 on PostgreSQL.
    vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = "search entry"
        verbose_name_plural = "search entries"
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="unique_search_entry"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title}"

    def get_absolute_url(self):
        return self.url
