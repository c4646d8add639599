"""Search on PostgreSQL: django.contrib.postgres full-text search.

Each entry stores a tsvector: title and other spellings weighted A, body B, run
through ``unaccent`` and the English configuration (so "launches" finds
"launch"). A GIN index on it (migration 0001) keeps matching fast.

Both sides are split into words the same way, by ``search.text``: the vector is
made from the words one space apart, so PostgreSQL's parser never reads "MS-09"
as "MS" and the number -9; the query is the reader's folded words only, each as a
prefix ("aunon:*"), joined with "&", so nothing a reader types is tsquery syntax.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db.models import F, Func, TextField, Value

from search.text import spaced_words

from . import kind_order

CONFIG = "english"
# ts_rank weights in the order D, C, B, A: the second rank counts title words only.
TITLE_ONLY = [0.0, 0.0, 0.0, 1.0]


def unaccent(expression):
    return Func(expression, function="unaccent", output_field=TextField())


def update_vector(entry):
    title = spaced_words(f"{entry.title} {entry.keywords}")
    type(entry).objects.filter(pk=entry.pk).update(
        vector=SearchVector(unaccent(Value(title)), config=CONFIG, weight="A")
        + SearchVector(unaccent(Value(spaced_words(entry.body))), config=CONFIG, weight="B")
    )


def search(entries, terms):
    query = SearchQuery(
        unaccent(Value(" & ".join(f"{term}:*" for term in terms))),
        config=CONFIG,
        search_type="raw",
    )
    return (
        entries.filter(vector=query)
        .annotate(
            title_rank=SearchRank(F("vector"), query, weights=TITLE_ONLY),
            rank=SearchRank(F("vector"), query),
            kind_order=kind_order(),
        )
        .order_by("-title_rank", "-rank", "kind_order", "title", "pk")
    )
