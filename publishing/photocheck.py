"""Readers see an article's or an essay's photos only once the photos are live too.

An item published while its photos are still drafts goes live without them (an essay
shows "No photos in this essay yet"). ``ShowsPhotos.publish_warnings()`` names those
photos; the admin's change form asks for a "Publish anyway" before saving such an
item as published, and the publish action refuses it.
"""

from django import forms
from django.apps import apps
from django.utils import timezone

from .models import Status


class ShowsPhotos:
    """Marks a publishable model whose pages show photos of the library.

    ``photo_fields``: its own foreign keys to photos (a cover, a hero photo).
    ``photo_sets``: the related names of its rows that point at a photo through a
    ``photo`` field (slides, body blocks). ``needs_photos``: without any photo the
    page is empty (an essay).
    """

    photo_fields = ()
    photo_sets = ()
    needs_photos = False

    def photo_ids(self):
        """The ids of the photos its page shows, as saved."""
        ids = [getattr(self, f"{name}_id") for name in self.photo_fields]
        if self.pk:
            for name in self.photo_sets:
                ids += getattr(self, name).values_list("photo_id", flat=True)
        return [pk for pk in ids if pk]

    def publish_warnings(self, photo_ids=None):
        """Why readers would miss photos if this went live at its publish time.

        ``photo_ids``: the photos it is about to show (a change form not yet saved);
        the saved ones by default. An empty list when nothing is missing.
        """
        ids = self.photo_ids() if photo_ids is None else [pk for pk in photo_ids if pk]
        if not ids:
            if self.needs_photos:
                return ["It has no photos yet: readers would see no photos at all."]
            return []
        photo_model = apps.get_model("gallery", "Photo")
        photos = photo_model.objects.filter(pk__in=ids).only("title", "status", "publish_at")
        order = {pk: place for place, pk in reversed(list(enumerate(ids)))}
        # It goes live at its publish time, or now if that has passed.
        goes_live = max(self.publish_at or timezone.now(), timezone.now())
        hidden = []
        for photo in sorted(photos, key=lambda photo: order[photo.pk]):
            if photo.status != Status.PUBLISHED:
                hidden.append(f"“{photo.title}” (draft)")
            elif photo.publish_at > goes_live:
                photo_live = timezone.localtime(photo.publish_at)
                hidden.append(f"“{photo.title}” (scheduled for {photo_live:%b %-d, %Y %H:%M})")
        if not hidden:
            return []
        return [
            "These photos are not published, so readers would not see them: "
            + ", ".join(hidden)
            + "."
        ]


class PublishCheckForm(forms.ModelForm):
    """A change form that asks for "Publish anyway" before publishing with hidden photos.

    The checkbox stays hidden until the warning shows, and then appears with it; the
    rest of what the editor typed is kept as with any refused form.
    """

    publish_anyway = forms.BooleanField(
        required=False,
        label="Publish anyway",
        help_text="Publish now and show those photos once they are published.",
        widget=forms.HiddenInput,
    )

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("status") != Status.PUBLISHED or cleaned_data.get("publish_anyway"):
            return cleaned_data
        item = self.instance
        # The values the editor typed: the instance gets them only after clean().
        for name in ["publish_at", *item.photo_fields]:
            if name in cleaned_data:
                setattr(item, name, cleaned_data[name])
        warnings = item.publish_warnings(self.photo_ids_typed(item))
        if warnings:
            self.fields["publish_anyway"].widget = forms.CheckboxInput()
            self.add_error(
                "publish_anyway",
                [*warnings, "Publish them first, save as a draft, or tick “Publish anyway”."],
            )
        return cleaned_data

    def photo_ids_typed(self, item):
        """The photos of the form and of its inline rows, as submitted (not yet saved)."""
        ids = [getattr(item, f"{name}_id") for name in item.photo_fields]
        for prefix in item.photo_sets:
            try:
                total = int(self.data.get(f"{prefix}-TOTAL_FORMS", 0))
            except ValueError:
                continue
            for index in range(total):
                row = f"{prefix}-{index}-"
                if self.data.get(f"{row}DELETE"):
                    continue
                value = self.data.get(f"{row}photo", "")
                if value.isdigit():
                    ids.append(int(value))
        return ids


def publish_check_form(form):
    """``form`` with the "Publish anyway" check, for a model that ``ShowsPhotos``."""
    if issubclass(form, PublishCheckForm):
        return form
    return type(form.__name__, (PublishCheckForm, form), {})
