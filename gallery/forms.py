"""Admin forms for photos: one upload with clear refusals, or several into an essay."""

import uuid
from pathlib import PurePath

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.db import models, transaction
from django.db.models import Max
from django.utils.html import format_html
from django.utils.text import slugify
from PIL import Image

from publishing.models import Status

from .imaging import check_photo_file
from .models import Gallery, Photo, Slide
from .storage import originals_storage

ACCEPT = "image/jpeg,image/png,image/webp,image/avif,.jpg,.jpeg,.png,.webp,.avif"


class PhotoFileField(forms.ImageField):
    """An image field whose refusals say what was wrong (see ``gallery.imaging``).

    Django's own ImageField answers every problem with "Upload a valid image", and
    only warns about decompression bombs.
    """

    default_validators = []  # The extension is checked against the content instead.

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs["accept"] = ACCEPT
        return attrs

    def to_python(self, data):
        file = forms.FileField.to_python(self, data)
        if file is None:
            return None
        checked = check_photo_file(file)
        file.content_type = Image.MIME[checked.format]
        return file


def https_urls(field, **kwargs):
    """Form fields of a model, addresses typed without a scheme read as https."""
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


PENDING_SALT = "gallery.pending-upload"
PENDING_SECONDS = 24 * 60 * 60


def keep_upload(file):
    """Store an upload that a refused form would lose; a signed token that names it.

    The file goes to the originals' private storage under ``pending/``, which no
    public address serves; the token is signed, so a form can only name a file it
    was given.
    """
    name = PurePath(file.name).name
    file.seek(0)
    stored = originals_storage.save(f"pending/{uuid.uuid4().hex}/{name}", file)
    file.seek(0)
    return signing.dumps({"name": stored, "filename": name}, salt=PENDING_SALT)


def kept_upload(token):
    """The upload a token names, as a new upload again; None if it is gone or forged."""
    try:
        kept = signing.loads(token, salt=PENDING_SALT, max_age=PENDING_SECONDS)
        with originals_storage.open(kept["name"], "rb") as stored:
            data = stored.read()
    except (signing.BadSignature, KeyError, TypeError, FileNotFoundError, OSError):
        return None, None
    return SimpleUploadedFile(kept["filename"], data), kept["name"]


class PhotoAdminForm(forms.ModelForm):
    """One photo. A refused form keeps the chosen file, so it need not be sent again;
    a new photo whose slug is taken gets the next free one, as bulk uploads do."""

    kept_image = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Photo
        formfield_callback = https_urls
        fields = [
            "image",
            "title",
            "slug",
            "alt_text",
            "caption",
            "credit",
            "licence",
            "source_url",
            "taken_on",
            "mission",
            "people",
            "status",
            "publish_at",
        ]
        field_classes = {"image": PhotoFileField}

    def __init__(self, data=None, files=None, *args, **kwargs):
        super().__init__(data, files, *args, **kwargs)
        self.kept_name = None
        if self.is_bound and not self.files.get("image") and data.get("kept_image"):
            upload, self.kept_name = kept_upload(data["kept_image"])
            if upload is not None:
                self.files = self.files.copy()
                self.files["image"] = upload
                self.keeping(upload.name)

    def keeping(self, filename):
        field = self.fields["image"]
        field.help_text = format_html(
            '<strong class="kept-upload">Keeping {} – choose another file to replace '
            "it.</strong> {}",
            filename,
            Photo._meta.get_field("image").help_text,
        )
        # A bound field copies its help text when first made.
        self._bound_fields_cache.pop("image", None)

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if self.instance._state.adding and Photo.objects.filter(slug=slug).exists():
            slug = unique_photo_slug(slug)
        return slug

    def full_clean(self):
        super().full_clean()
        if not self.is_bound or not self._errors:
            return
        if "image" in self._errors and self.data.get("kept_image"):
            # The editor chose another file, and it was refused: the form says so, and
            # keeps nothing it does not show.
            self.data = self.data.copy()
            self.data["kept_image"] = ""
            return
        upload = self.cleaned_data.get("image")
        if isinstance(upload, UploadedFile) and "image" not in self._errors:
            self.data = self.data.copy()
            if self.kept_name is None:
                self.data["kept_image"] = keep_upload(upload)
                self.keeping(PurePath(upload.name).name)

    def save(self, commit=True):
        photo = super().save(commit)
        if self.kept_name:
            kept = self.kept_name
            transaction.on_commit(lambda: originals_storage.delete(kept))
        return photo


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


def title_from_filename(name):
    """“soyuz_launch-pad 2.jpg” becomes “Soyuz launch pad 2”."""
    words = PurePath(name).stem.replace("_", " ").replace("-", " ").split()
    title = " ".join(words)[:200] or "Photo"
    return title[0].upper() + title[1:]


def unique_photo_slug(title):
    base = slugify(title)[:190] or "photo"
    slug, n = base, 2
    while Photo.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def unique_gallery_slug(title):
    base = slugify(title)[:190] or "photo-essay"
    slug, n = base, 2
    while Gallery.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


class PhotoGridForm(forms.ModelForm):
    """One row of the grid that edits many photos' words at once."""

    class Meta:
        model = Photo
        fields = ["alt_text", "caption", "credit", "licence"]
        widgets = {
            "alt_text": forms.Textarea(attrs={"rows": 3}),
            "caption": forms.Textarea(attrs={"rows": 3}),
        }


PhotoGridFormSet = forms.modelformset_factory(Photo, form=PhotoGridForm, extra=0)


class AddPhotosForm(forms.Form):
    """Several photos in one go, into an essay or the library; each a draft to caption.

    Without an essay, the editor may name a new one: it is made as a draft with the
    photos as its slides.
    """

    photos = MultipleFileField(
        label="Photos",
        help_text="Choose one or more JPEG, PNG, WebP or AVIF files, up to 25 MB and "
        "50 megapixels each. Each becomes a draft photo titled after its file name, "
        "added at the end of the essay.",
    )
    credit = forms.CharField(
        max_length=200,
        required=False,
        help_text="Optional: the credit for all of these photos, e.g. “NASA/Joel Kowsky”.",
    )

    essay_title = forms.CharField(
        label="New photo essay",
        max_length=200,
        required=False,
        help_text="Optional: a title to make a draft photo essay of these photos, in the "
        "order chosen. Leave blank to add them to the photo library only.",
    )

    def __init__(self, *args, gallery=None, **kwargs):
        self.gallery = gallery
        super().__init__(*args, **kwargs)
        if gallery is not None:
            del self.fields["essay_title"]
        else:
            self.fields["photos"].help_text = self.fields["photos"].help_text.replace(
                ", added at the end of the essay", ""
            )

    def save(self):
        """Create a draft photo and a slide per accepted file.

        Returns the photos created and the refusals, one message per refused file
        naming it. Each file is saved on its own, so one bad file refuses only itself.
        """
        created, refusals = [], []
        for file in self.cleaned_data["photos"]:
            try:
                check_photo_file(file)
                with transaction.atomic():
                    created.append(self.add_photo(file))
                # The checked file holds its normalized copy: free it now.
                del file._checked_photo
            except ValidationError as error:
                name = PurePath(file.name).name
                refusals.extend(
                    m if m.startswith(f"“{name}”") else f"“{name}”: {m}" for m in error.messages
                )
        if not created:
            for message in refusals:
                self.add_error("photos", message)
        return created, refusals

    def add_photo(self, file):
        title = title_from_filename(file.name)
        photo = Photo(
            image=file,
            title=title,
            slug=unique_photo_slug(title),
            credit=self.cleaned_data["credit"],
            mission=self.gallery.mission if self.gallery else None,
            status=Status.DRAFT,
        )
        photo.full_clean()
        photo.save()
        essay_title = self.cleaned_data.get("essay_title", "").strip()
        if self.gallery is None and essay_title:
            # Made with the first accepted photo: no empty essay when all are refused.
            self.gallery = Gallery.objects.create(
                title=essay_title, slug=unique_gallery_slug(essay_title), status=Status.DRAFT
            )
        if self.gallery is None:
            return photo
        last = self.gallery.slides.aggregate(last=Max("order"))["last"]
        Slide.objects.create(
            gallery=self.gallery, photo=photo, order=0 if last is None else last + 1
        )
        return photo
