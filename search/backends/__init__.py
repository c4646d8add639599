"""Search backends: PostgreSQL full-text search, or word-prefix matching elsewhere.

Both match every term of the query at the start of a word, ignoring accents and
case, and order entries whose title holds a term above those matched only in
their body.
"""

from django.db import connection
from django.db.models import Case, IntegerField, Value, When

from search.models import Kind

# Among equal matches, stories before the records they are about.
KIND_ORDER = [Kind.ARTICLE, Kind.ESSAY, Kind.MISSION, Kind.PERSON, Kind.PHOTO]


def kind_order():
    return Case(
        *(When(kind=kind, then=Value(i)) for i, kind in enumerate(KIND_ORDER)),
        output_field=IntegerField(),
    )


def get_backend():
    if connection.vendor == "postgresql":
        from . import postgres

        return postgres
    from . import simple

    return simple
