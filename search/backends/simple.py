"""Search on SQLite (or any database): LIKE on folded, space-padded words.

``title_folded`` and ``body_folded`` hold " word word " with accents removed and
in lower case, so `LIKE '% aunon%'` finds "Auñón-Chancellor" and only at the start
of a word. Django escapes "%" and "_" in ``contains``; the terms hold neither.
"""

from django.db.models import Case, IntegerField, Q, Value, When
from django.db.models.functions import Coalesce

from . import kind_order


def update_vector(entry):
    """Nothing to do: the folded columns are all this backend reads."""


def search(entries, terms):
    for term in terms:
        entries = entries.filter(
            Q(title_folded__contains=f" {term}") | Q(body_folded__contains=f" {term}")
        )
    title_hits = sum(
        (
            Case(
                When(title_folded__contains=f" {term}", then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
            for term in terms
        ),
        start=Value(0),
    )
    return entries.annotate(title_hits=Coalesce(title_hits, 0), kind_order=kind_order()).order_by(
        "-title_hits", "kind_order", "title", "pk"
    )
