"""The compact form on a live page with which staff post an entry."""

import re

from django import forms
from django.utils.html import escape

from gallery.models import Photo
from missions.models import Person

from .models import Entry

# Besides the mission's own photos, the library's newest, for a photo just uploaded.
RECENT_PHOTOS = 40
TAG = re.compile(r"</?[a-zA-Z]")


def paragraphs(text):
    """Plain text as typed into the box, as rich text: a blank line starts a
    paragraph, a line break stays one. Text holding tags is left as it is; the
    model sanitizes both on save, as it does article bodies."""
    if TAG.search(text):
        return text
    return "".join(
        "<p>{}</p>".format("<br>".join(escape(line) for line in part.splitlines()))
        for part in text.replace("\r\n", "\n").split("\n\n")
        if part.strip()
    )


class EntryForm(forms.ModelForm):
    text = forms.CharField(
        label="Update",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="A few sentences. A blank line starts a paragraph.",
    )

    class Meta:
        model = Entry
        fields = ["text", "key_event", "photo", "author"]
        labels = {"key_event": "Key event (optional)", "photo": "Photo (optional)"}
        help_texts = {"key_event": "e.g. Liftoff, Docking.", "photo": "", "author": ""}

    def __init__(self, *args, coverage, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.coverage = coverage
        self.user = user
        published = Photo.objects.published()
        keys = {
            *published.filter(mission=coverage.mission_id).values_list("pk", flat=True),
            *published.order_by("-publish_at").values_list("pk", flat=True)[:RECENT_PHOTOS],
        }
        self.fields["photo"].queryset = Photo.objects.filter(pk__in=keys).order_by("title")
        self.fields["author"].queryset = Person.objects.filter(kind=Person.Kind.JOURNALIST)
        if not self.is_bound:
            last = Entry.objects.filter(posted_by=user).exclude(author=None).first()
            if last is not None:
                self.initial.setdefault("author", last.author_id)

    def clean_text(self):
        return paragraphs(self.cleaned_data["text"].strip())

    def save(self, commit=True):
        entry = super().save(commit=False)
        entry.coverage = self.coverage
        entry.posted_by = self.user
        if commit:
            entry.save()
        return entry
