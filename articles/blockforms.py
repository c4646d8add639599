"""The body block's admin form: a block is text or a photo, and shows the fields of its kind."""

from django import forms

from .models import Block


class BlockForm(forms.ModelForm):
    """Adds the block's kind, which the admin's script uses to show only that kind's
    fields (static/admin-desk/editing.js). Without the script every field shows; the
    kind itself is never saved: a block with a photo is a photo block."""

    kind = forms.ChoiceField(
        choices=[("text", "Text"), ("photo", "Photo")],
        widget=forms.RadioSelect(attrs={"class": "block-kind"}),
        required=False,
        label="Kind",
    )

    class Meta:
        model = Block
        fields = ["text", "photo", "caption"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].initial = "photo" if self.instance.photo_id else "text"
