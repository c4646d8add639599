"""What changed between two versions: fields with before and after, and text diffs.

Rich text is compared as text: tags stripped, paragraphs kept as lines, and words
inserted or deleted marked with ``<ins>`` and ``<del>``. Everything returned is
escaped here; the templates print it as it is.
"""

import difflib
import html
import re
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django_prose_editor.fields import ProseEditorField

from .registry import inline_relations

# Tags that end a line of text: paragraphs, headings, list items, line breaks.
LINE_END = re.compile(r"</(p|h[1-6]|li|blockquote)>|<br\s*/?>", re.IGNORECASE)
TOKENS = re.compile(r"\s+|\w+|[^\w\s]")


def richtext_as_text(value):
    """The text a reader reads, one paragraph a line, without tags or entities."""
    text = strip_tags(LINE_END.sub("\n", value or ""))
    lines = (" ".join(line.split()) for line in html.unescape(text).splitlines())
    return "\n".join(line for line in lines if line)


def readable(opcodes, old):
    """The opcodes with changes only a space apart joined into one change, so that a
    rewritten sentence reads as the old one and the new one, not word by word."""
    joined = []
    for op, i1, i2, j1, j2 in opcodes:
        if (
            len(joined) >= 2
            and op != "equal"
            and joined[-1][0] == "equal"
            and joined[-2][0] != "equal"
            and not "".join(old[joined[-1][1] : joined[-1][2]]).strip()
        ):
            joined.pop()
            _, start_old, _, start_new, _ = joined.pop()
            op, i1, j1 = "replace", start_old, start_new
        joined.append((op, i1, i2, j1, j2))
    return joined


def text_diff(before, after):
    """``after`` with the words that are new in it in ``<ins>`` and the words gone
    from ``before`` in ``<del>``; escaped."""
    old, new = TOKENS.findall(before), TOKENS.findall(after)
    parts = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in readable(matcher.get_opcodes(), old):
        if op == "equal":
            parts.append(escape("".join(old[i1:i2])))
            continue
        if i1 < i2:
            parts.append(f"<del>{escape(''.join(old[i1:i2]))}</del>")
        if j1 < j2:
            parts.append(f"<ins>{escape(''.join(new[j1:j2]))}</ins>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece is escaped above


def display_value(model_field, value):
    """A field's stored value as an editor knows it: a name, not a number."""
    if value in (None, "", []):
        return "—"
    if isinstance(model_field, ProseEditorField):
        return richtext_as_text(value)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.ManyToManyField):
        related = model_field.related_model._default_manager.filter(pk__in=value)
        return ", ".join(sorted(str(obj) for obj in related)) or "—"
    if isinstance(model_field, models.ForeignKey):
        obj = model_field.related_model._default_manager.filter(pk=value).first()
        return str(obj) if obj else f"(deleted, #{value})"
    return str(value)


def shown_fields(model, exclude=()):
    """The fields an editor edits, in the model's order."""
    for model_field in model._meta.get_fields():
        if (
            getattr(model_field, "editable", False)
            and model_field.concrete
            and not model_field.primary_key
            and model_field.name not in exclude
            and not (
                isinstance(model_field, models.ManyToManyField)
                and not model_field.remote_field.through._meta.auto_created
            )
        ):
            yield model_field


def inline_versions(version, related_model, foreign_key):
    """The versions of ``version``'s inline rows of ``related_model``, in their order."""
    content_type = ContentType.objects.get_for_model(related_model)
    rows = [
        row
        for row in version.revision.version_set.filter(content_type=content_type)
        if str(row.field_dict.get(foreign_key.attname)) == str(version.object_id)
    ]
    return sorted(rows, key=lambda row: (row.field_dict.get("order") or 0, int(row.object_id)))


def inline_as_text(related_model, foreign_key, field_dict):
    """One inline row as a line or a paragraph of text."""
    pieces = []
    for model_field in shown_fields(related_model, exclude=[foreign_key.name, "order"]):
        value = field_dict.get(model_field.attname)
        if value in (None, ""):
            continue
        shown = display_value(model_field, value)
        if isinstance(model_field, models.ForeignKey):
            shown = f"[{model_field.verbose_name.capitalize()}: {shown}]"
        pieces.append(shown)
    return " ".join(pieces)


@dataclass
class FieldChange:
    label: str
    before: str
    after: str
    diff: str = ""


@dataclass
class Comparison:
    fields: list = field(default_factory=list)
    inlines: list = field(default_factory=list)

    @property
    def changed(self):
        return bool(self.fields or self.inlines)


def compare(older, newer):
    """The changes from version ``older`` to version ``newer`` of one object."""
    model = older._model
    comparison = Comparison()
    before, after = older.field_dict, newer.field_dict
    for model_field in shown_fields(model):
        old, new = before.get(model_field.attname), after.get(model_field.attname)
        if isinstance(model_field, models.ManyToManyField):
            old, new = sorted(old or []), sorted(new or [])
        if old == new:
            continue
        change = FieldChange(
            str(model_field.verbose_name).capitalize(),
            display_value(model_field, old),
            display_value(model_field, new),
        )
        if isinstance(model_field, ProseEditorField | models.TextField):
            change.diff = text_diff(
                "" if old is None else display_value(model_field, old),
                "" if new is None else display_value(model_field, new),
            )
        comparison.fields.append(change)
    for _name, related_model, foreign_key in inline_relations(model):
        texts = [
            "\n\n".join(
                inline_as_text(related_model, foreign_key, row.field_dict)
                for row in inline_versions(version, related_model, foreign_key)
            )
            for version in (older, newer)
        ]
        if texts[0] != texts[1]:
            label = str(related_model._meta.verbose_name_plural).capitalize()
            comparison.inlines.append(FieldChange(label, *texts, diff=text_diff(*texts)))
    return comparison
