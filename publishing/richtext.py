"""Rich text as editors write it in the admin, and sanitized whatever path saves it."""

from django.db.models.signals import pre_save
from django.dispatch import receiver
from django_prose_editor.fields import ProseEditorField

# What the editor offers is exactly what the sanitizer keeps: django-prose-editor
# derives nh3's allowlist from this same list.
EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3]},
    "BulletList": True,
    "ListItem": True,
    "OrderedList": True,
    "Blockquote": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    # The editor turns the browser's spell checking off unless told not to.
    "NoSpellCheck": False,
}


def RichTextField(*args, **kwargs):  # noqa: N802 - reads as a field class
    return ProseEditorField(*args, extensions=EXTENSIONS, sanitize=True, **kwargs)


class SanitizedRichTextMixin:
    """Marks a model whose rich-text fields are sanitized on every save.

    The work is done by ``sanitize_before_save`` on ``pre_save``, not in ``save()``:
    loaddata saves with ``save_base(raw=True)`` and skips ``save()``, and fixtures,
    the shell and the admin must all keep ``<script>`` and event handler attributes
    out of the database.
    """


def sanitize_rich_text(instance):
    for field in instance._meta.concrete_fields:
        if isinstance(field, ProseEditorField):
            value = getattr(instance, field.attname)
            if value:
                setattr(instance, field.attname, field.sanitize(value))


@receiver(pre_save, dispatch_uid="sanitize_rich_text")
def sanitize_before_save(sender, instance, **kwargs):
    if isinstance(instance, SanitizedRichTextMixin):
        sanitize_rich_text(instance)
