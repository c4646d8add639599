"""Photos, and the photo essays (galleries) that show them slide by slide."""

import posixpath
import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.text import slugify
from imagekit.utils import get_storage

from publishing.links import reverse
from publishing.models import Publishable, Status
from publishing.photocheck import ShowsPhotos

from .fields import UprightImageField
from .imaging import (
    check_photo_file,
    stored_upright_size,
    validate_photo_file,
)
from .renditions import Renditions, RenditionState
from .storage import get_originals_storage


def photo_upload_to(photo, filename):
    # A random folder keeps a draft photo's address unguessable.
    name = PurePath(filename)
    stem = slugify(name.stem)[:80] or "photo"
    return f"photos/{uuid.uuid4().hex[:16]}/{stem}{name.suffix.lower()}"


class Licence(models.TextChoices):
    """The terms a photo is shown under: the short list the newsroom works with."""

    PUBLIC_DOMAIN_NASA = "public-domain-nasa", "Public domain (NASA media guidelines)"
    CC_BY_4 = "cc-by-4.0", "CC BY 4.0"
    CC_BY_SA_4 = "cc-by-sa-4.0", "CC BY-SA 4.0"
    PERMISSION = "permission", "Used with permission"
    ALL_RIGHTS_RESERVED = "all-rights-reserved", "All rights reserved"


# The licences' own pages (deeds). Only where the terms have a page of their own;
# the others are shown as their label alone.
LICENCE_URLS = {
    Licence.CC_BY_4: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC_BY_SA_4: "https://creativecommons.org/licenses/by-sa/4.0/",
}


class Photo(Renditions, Publishable):
    image = UprightImageField(
        upload_to=photo_upload_to,
        storage=get_originals_storage,
        width_field="width",
        height_field="height",
        max_length=255,
        validators=[validate_photo_file],
        help_text="JPEG, PNG, WebP or AVIF, up to 25 MB and 50 megapixels. The site "
        "stores it upright and without its EXIF data (GPS position, camera details).",
    )
    width = models.PositiveIntegerField(editable=False, null=True)
    height = models.PositiveIntegerField(editable=False, null=True)
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    caption = models.TextField(blank=True, help_text="Shown under the photo.")
    alt_text = models.CharField(
        "alt text",
        max_length=400,
        blank=True,
        help_text="What the photo shows, for readers who cannot see it. Required to publish.",
    )
    credit = models.CharField(
        max_length=200,
        blank=True,
        help_text="Who took or owns the photo, e.g. “NASA/Joel Kowsky”. Required to publish.",
    )
    licence = models.CharField(
        max_length=32,
        choices=Licence,
        blank=True,
        help_text="The terms the site may show the photo under. Required to publish. "
        "Ask the photo desk when you are not sure.",
    )
    source_url = models.URLField(
        "source",
        max_length=500,
        blank=True,
        help_text="Optional: the address of the page the photo comes from (the agency's "
        "or photographer's page). Readers see it as a link beside the credit.",
    )
    taken_on = models.DateField("date taken", null=True, blank=True)
    mission = models.ForeignKey(
        "missions.Mission",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="photos",
    )
    people = models.ManyToManyField(
        "missions.Person", blank=True, related_name="photos", verbose_name="people pictured"
    )

    class Meta:
        ordering = ["-publish_at", "title"]
        # Readers' lists and sitemap files: published() in time order, everywhere or
        # of one mission. With the key last, a page's keys come from the index alone.
        indexes = [
            models.Index(fields=["status", "publish_at", "id"], name="photo_published_order"),
            models.Index(
                fields=["mission", "status", "publish_at"], name="photo_mission_published_order"
            ),
        ]
        permissions = [("publish_photo", "Can publish, schedule and unpublish photos")]

    def __str__(self):
        return self.title

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        if "image" in field_names:
            instance._stored_image_name = values[field_names.index("image")]
        return instance

    def save(self, *args, **kwargs):
        """Store a new image checked and normalized, then queue its renditions.

        The renditions are made by a worker (``gallery.tasks``); until they are
        ready, pages leave the photo out. Once the transaction commits, a replaced
        image's files are removed unless another photo uses them. A save that fails
        removes the original it had just stored. A save that takes a live photo
        away from readers moves its files to new addresses (``move_original``).
        """
        update_fields = kwargs.get("update_fields")
        was_live = self.was_live(update_fields)
        if update_fields is not None and "image" not in update_fields:
            super().save(*args, **kwargs)
            if was_live and not self.is_live:
                self.move_original(using=kwargs.get("using"))
            return
        if self._state.adding:
            previous = None
        elif hasattr(self, "_stored_image_name"):
            previous = self._stored_image_name
        else:
            previous = Photo.objects.filter(pk=self.pk).values_list("image", flat=True).first()
        image_changed = (
            self._state.adding or self.image.name != previous or not self.image._committed
        )
        stored_now = None
        if image_changed:
            stored_now = self.prepare_image()
            if update_fields is not None:
                kwargs["update_fields"] = {
                    *update_fields,
                    *("width", "height", "renditions", "rendition_state", "rendition_error"),
                }
        try:
            super().save(*args, **kwargs)
        except BaseException:
            if stored_now:
                self.image.storage.delete(stored_now)
            raise
        self._stored_image_name = self.image.name
        if image_changed:
            self.queue_renditions()
            if previous and previous != self.image.name:
                transaction.on_commit(
                    lambda: delete_unused_image(previous), using=kwargs.get("using")
                )
        elif was_live and not self.is_live:
            self.move_original(using=kwargs.get("using"))

    def was_live(self, update_fields=None):
        """Whether readers could see this photo before this save, when it may change that."""
        if self._state.adding or not self.pk:
            return False
        if update_fields is not None and not {"status", "publish_at"} & set(update_fields):
            return False
        return Photo.objects.filter(pk=self.pk).published().exists()

    def move_original(self, using=None):
        """Give a photo readers no longer see a new random folder, and so new renditions.

        Rendition names are derived from the original's name, and a live photo's
        were on public pages: once unpublished, the old names must lead nowhere.
        The original is copied to a new folder, its renditions are made again there,
        and the old files go once the transaction commits.
        """
        if not self.image:
            return
        previous = self.image.name
        storage = self.image.storage
        with storage.open(previous, "rb") as original:
            moved = storage.save(photo_upload_to(self, posixpath.basename(previous)), original)
        try:
            Photo.objects.filter(pk=self.pk).update(
                image=moved,
                renditions={},
                rendition_state=RenditionState.PENDING,
                rendition_error="",
            )
        except BaseException:
            storage.delete(moved)
            raise
        self.image.name = self._stored_image_name = moved
        self.renditions, self.rendition_state, self.rendition_error = {}, RenditionState.PENDING, ""
        self.queue_renditions()
        transaction.on_commit(lambda: delete_unused_image(previous), using=using)

    def prepare_image(self):
        """Check and normalize a new upload and record its upright size.

        Returns the name of the original it stored, if it stored one.
        """
        self.renditions = {}
        self.rendition_error = ""
        self.rendition_state = RenditionState.PENDING
        if not self.image:
            self.width = self.height = None
            return None
        if not self.image._committed:
            # Raises ValidationError: no path saves a photo the form would refuse.
            checked = check_photo_file(self.image.file, self.image.name)
            self.image.save(checked.original.name, checked.original, save=False)
            self.width, self.height = checked.size
            return self.image.name
        # A file already in storage (a fixture, a script): renditions are made
        # upright from it, so record its upright size.
        self.width, self.height = stored_upright_size(self.image) or (self.width, self.height)
        return None

    def queue_renditions(self, force=False):
        """Queue the job that makes this photo's renditions, in this transaction.

        With the database queue the job is a row written with the photo: a worker
        sees both once they commit, or neither. Where jobs run at once (development,
        tests) the photo's record is read back afterwards.
        """
        from .tasks import make_renditions

        if not self.image:
            return None
        if self.rendition_state != RenditionState.PENDING:
            self.rendition_state, self.rendition_error = RenditionState.PENDING, ""
            Photo.objects.filter(pk=self.pk).update(
                rendition_state=RenditionState.PENDING, rendition_error=""
            )
        result = make_renditions.enqueue(self.pk, self.image.name, force=force)
        if result.is_finished:
            self.refresh_from_db(fields=["renditions", "rendition_state", "rendition_error"])
        return result

    def clean(self):
        super().clean()
        if self.status == Status.PUBLISHED:
            errors = {}
            if not self.alt_text.strip():
                errors["alt_text"] = (
                    "A photo cannot be published without alt text. Describe what it "
                    "shows, or save it as a draft."
                )
            if not self.credit.strip():
                errors["credit"] = (
                    "A photo cannot be published without a credit. Name who took or "
                    "owns it, or save it as a draft."
                )
            if not self.licence:
                errors["licence"] = (
                    "A photo cannot be published without a licence. Choose the terms "
                    "it may be shown under, or save it as a draft."
                )
            if errors:
                raise ValidationError(errors)

    def get_absolute_url(self):
        return reverse("gallery:photo_detail", args=[self.slug])

    def natural_key(self):
        return (self.slug,)

    @property
    def licence_url(self):
        """The licence's deed, where its terms have a page of their own."""
        return LICENCE_URLS.get(self.licence, "")

    @property
    def licence_label(self):
        """The licence as readers see it beside the credit."""
        if self.licence == Licence.PUBLIC_DOMAIN_NASA:
            return "Public domain"
        return self.get_licence_display() if self.licence else ""

    @property
    def is_portrait(self):
        return bool(self.width and self.height and self.height > self.width)

    def usages(self, published_only=False):
        """Where this photo appears, as (description, object) pairs for messages."""
        from articles.models import Article

        found = []
        articles = Article.objects.filter(
            models.Q(hero_photo=self) | models.Q(blocks__photo=self)
        ).distinct()
        galleries = Gallery.objects.filter(
            models.Q(cover=self) | models.Q(slides__photo=self)
        ).distinct()
        if published_only:
            articles, galleries = articles.published(), galleries.published()
        found += [("article", a) for a in articles]
        found += [("photo essay", g) for g in galleries]
        return found


def delete_rendition_files(names):
    storage = get_storage()
    for name in names:
        storage.delete(name)


def delete_unused_image(name):
    """Remove a stored original and its renditions, unless a photo still uses it."""
    if not name or Photo.objects.filter(image=name).exists():
        return
    storage = Photo._meta.get_field("image").storage
    storage.delete(name)
    # imagekit names renditions after their source: renditions/<source without ext>/.
    folder = posixpath.join(settings.IMAGEKIT_CACHEFILE_DIR, posixpath.splitext(name)[0])
    cache_storage = get_storage()
    try:
        _, files = cache_storage.listdir(folder)
    except FileNotFoundError:
        return
    for file in files:
        cache_storage.delete(posixpath.join(folder, file))


class Gallery(ShowsPhotos, Publishable):
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    introduction = models.TextField(
        blank=True, help_text="Plain text; a blank line starts a paragraph."
    )
    mission = models.ForeignKey(
        "missions.Mission",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="galleries",
    )
    cover = models.ForeignKey(
        Photo,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cover_of",
        help_text="Shown in lists and when the essay is shared. Defaults to the first slide.",
    )
    photos = models.ManyToManyField(Photo, through="Slide", related_name="galleries")

    # Checked before it goes live: its photos must be live too (publishing.photocheck).
    photo_fields = ("cover",)
    photo_sets = ("slides",)
    needs_photos = True

    class Meta:
        ordering = ["-publish_at"]
        # Readers' lists and sitemap files: published() in time order, everywhere or
        # of one mission. With the key last, a page's keys come from the index alone.
        indexes = [
            models.Index(fields=["status", "publish_at", "id"], name="gallery_published_order"),
            models.Index(
                fields=["mission", "status", "publish_at", "id"], name="gallery_mission_published"
            ),
        ]
        verbose_name = "photo essay"
        verbose_name_plural = "photo essays"
        permissions = [("publish_gallery", "Can publish, schedule and unpublish photo essays")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("gallery:gallery_detail", args=[self.slug])

    def natural_key(self):
        return (self.slug,)


class SlideManager(models.Manager):
    def get_by_natural_key(self, gallery_slug, photo_slug):
        return self.get(gallery__slug=gallery_slug, photo__slug=photo_slug)


class Slide(models.Model):
    gallery = models.ForeignKey(Gallery, on_delete=models.CASCADE, related_name="slides")
    photo = models.ForeignKey(Photo, on_delete=models.PROTECT, related_name="slides")
    caption = models.TextField(blank=True, help_text="Leave blank to use the photo's own caption.")
    order = models.PositiveIntegerField(default=0, db_index=True)

    objects = SlideManager()

    class Meta:
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(fields=["gallery", "photo"], name="unique_slide_photo"),
        ]

    def __str__(self):
        return f"{self.photo} in {self.gallery}"

    def get_absolute_url(self):
        return reverse("gallery:slide_detail", args=[self.gallery.slug, self.photo.slug])

    def natural_key(self):
        return (self.gallery.slug, self.photo.slug)

    natural_key.dependencies = ["gallery.gallery", "gallery.photo"]

    @property
    def display_caption(self):
        return self.caption or self.photo.caption
