"""News articles: a headline, a byline, and a body of text and photo blocks."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from publishing.links import reverse
from publishing.models import Publishable
from publishing.photocheck import ShowsPhotos
from publishing.richtext import RichTextField, SanitizedRichTextMixin


class Article(ShowsPhotos, SanitizedRichTextMixin, Publishable):
    headline = models.CharField(max_length=250)
    slug = models.SlugField(max_length=250, unique=True)
    standfirst = models.TextField(
        blank=True,
        help_text="One or two sentences under the headline; also the summary "
        "in lists, feeds and search results.",
    )
    authors = models.ManyToManyField(
        "missions.Person", through="Byline", related_name="articles_written"
    )
    mission = models.ForeignKey(
        "missions.Mission",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    people = models.ManyToManyField(
        "missions.Person",
        blank=True,
        related_name="articles_mentioning",
        verbose_name="people mentioned",
    )
    hero_photo = models.ForeignKey(
        "gallery.Photo",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="hero_of",
        help_text="Shown above the body, in lists and when the article is shared.",
    )
    related_gallery = models.ForeignKey(
        "gallery.Gallery",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        verbose_name="related photo essay",
    )
    editors_note = RichTextField("editor's note", blank=True)

    # Checked before it goes live: its photos must be live too (publishing.photocheck).
    photo_fields = ("hero_photo",)
    photo_sets = ("blocks",)

    class Meta:
        ordering = ["-publish_at"]
        # Readers' lists and sitemap files: published() in time order, everywhere or
        # of one mission. With the key last, a page's keys come from the index alone.
        indexes = [
            models.Index(fields=["status", "publish_at", "id"], name="article_published_order"),
            models.Index(
                fields=["mission", "status", "publish_at", "id"], name="article_mission_published"
            ),
        ]
        permissions = [("publish_article", "Can publish, schedule and unpublish articles")]

    def __str__(self):
        return self.headline

    def get_absolute_url(self):
        return reverse("articles:detail", args=[self.slug])

    def natural_key(self):
        return (self.slug,)

    @property
    def last_noted_at(self):
        """The time of the newest correction or update, None without one.

        Reads the notes the view prefetched (newest first).
        """
        notes = self.notes.all()
        return notes[0].noted_at if notes else None

    @property
    def modified_at(self):
        """When readers were last told the article changed: its newest note, else
        its publish time. Saving a typo fix changes neither."""
        return self.last_noted_at or self.publish_at

    @property
    def lead_photo(self):
        """The hero photo, or else the first photo in the body.

        Reads what the view prefetched, so drafts the view left out stay out.
        """
        if self.hero_photo:
            return self.hero_photo
        blocks = getattr(self, "photo_blocks", None)
        if blocks is None:
            blocks = [block for block in self.blocks.all() if block.photo_id]
        return blocks[0].photo if blocks else None


class BylineManager(models.Manager):
    def get_by_natural_key(self, article_slug, person_slug):
        return self.get(article__slug=article_slug, person__slug=person_slug)


class Byline(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bylines")
    person = models.ForeignKey("missions.Person", on_delete=models.PROTECT, related_name="bylines")
    order = models.PositiveIntegerField(default=0, db_index=True)

    objects = BylineManager()

    class Meta:
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(fields=["article", "person"], name="unique_byline"),
        ]

    def __str__(self):
        return str(self.person)

    def natural_key(self):
        return (self.article.slug, self.person.slug)

    natural_key.dependencies = ["articles.article", "missions.person"]


class BlockManager(models.Manager):
    def get_by_natural_key(self, article_slug, order):
        return self.get(article__slug=article_slug, order=order)


class Block(SanitizedRichTextMixin, models.Model):
    """One piece of an article's body: either rich text or a photo from the library."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="blocks")
    text = RichTextField(blank=True)
    photo = models.ForeignKey(
        "gallery.Photo",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="blocks",
        help_text="Choose a photo from the library; its caption, credit and sizes come with it.",
    )
    caption = models.TextField(blank=True, help_text="Leave blank to use the photo's own caption.")
    order = models.PositiveIntegerField(default=0, db_index=True)

    objects = BlockManager()

    class Meta:
        ordering = ["order"]
        verbose_name = "body block"
        # The block's natural key: a backup names a block by its article and place,
        # so two blocks in one place would load as one.
        constraints = [
            models.UniqueConstraint(fields=["article", "order"], name="unique_block_order"),
        ]

    def __str__(self):
        # Names the article too: the admin lists blocks on their own when a photo
        # cannot be deleted because the block shows it.
        if self.photo_id:
            return f"Photo “{self.photo}” in “{self.article}”"
        return f"Text in “{self.article}”"

    def clean(self):
        super().clean()
        if self.photo_id and self.text:
            raise ValidationError(
                "A block holds either text or a photo, not both. Put the text in a "
                "block of its own."
            )
        if not self.photo_id and not self.text:
            raise ValidationError("Write some text or choose a photo for this block.")
        if self.caption and not self.photo_id:
            raise ValidationError({"caption": "A caption belongs to a photo block."})

    def natural_key(self):
        return (self.article.slug, self.order)

    natural_key.dependencies = ["articles.article", "gallery.photo"]

    @property
    def display_caption(self):
        return self.caption or (self.photo.caption if self.photo_id else "")


class NoteManager(models.Manager):
    def get_by_natural_key(self, article_slug, noted_at):
        return self.get(article__slug=article_slug, noted_at=noted_at)


class Note(models.Model):
    """A dated correction or update, shown to readers at the end of the article.

    Fixing a typo needs no note: only a note changes what the article says was
    corrected or updated, and when.
    """

    class Kind(models.TextChoices):
        CORRECTION = "correction", "Correction"
        UPDATE = "update", "Update"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="notes")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.CORRECTION)
    text = models.TextField(
        help_text="Plain text: what was wrong and what the article now says, or what is new."
    )
    noted_at = models.DateTimeField(
        "time",
        default=timezone.now,
        help_text="Shown to readers with the note; the article reads as updated then.",
    )

    objects = NoteManager()

    class Meta:
        ordering = ["-noted_at", "-pk"]
        # The note's natural key: a backup names a note by its article and time.
        constraints = [
            models.UniqueConstraint(fields=["article", "noted_at"], name="unique_note_time"),
        ]
        verbose_name = "correction or update"
        verbose_name_plural = "corrections and updates"

    def __str__(self):
        return f"{self.get_kind_display()} of {self.noted_at:%Y-%m-%d %H:%M}"

    def natural_key(self):
        return (self.article.slug, self.noted_at)

    natural_key.dependencies = ["articles.article"]
