"""Search on PostgreSQL: django.contrib.postgres full-text search.

Each entry stores a tsvector: title and other spellings weighted A, body B, run
through ``unaccent`` and the English configuration (so "launches" finds
"launch"). A GIN index on it (migration 0001) finds the matches.

Both sides are split into words the same way, by ``search.text``: the vector is
made from the words one space apart, so PostgreSQL's parser never reads "MS-09"
as "MS" and the number -9; the query is made of folded words only ("aunon:*" for
a typed word, "sergey" for another spelling) and the operators &, | and
parentheses, so nothing a reader types is tsquery syntax.
"""

from django.contrib.postgres.search import (
    SearchQuery,
    SearchQueryField,
    SearchRank,
    SearchVector,
)
from django.db.models import (
    BooleanField,
    Case,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    TextField,
    Value,
    When,
)

from search.documents import SOURCES
from search.models import SearchEntry
from search.text import spaced_words

from . import KIND_ORDER, Results

CONFIG = "english"
# ts_rank weights in the order D, C, B, A: the second rank counts title words only.
TITLE_ONLY = [0.0, 0.0, 0.0, 1.0]


def unaccent(expression):
    return Func(expression, function="unaccent", output_field=TextField())


# The folded columns stay blank here: the vector is all this backend reads.
INDEX_FIELDS = ["vector"]


def index_fields(title, body):
    return {
        "vector": SearchVector(unaccent(Value(spaced_words(title))), config=CONFIG, weight="A")
        + SearchVector(unaccent(Value(spaced_words(body))), config=CONFIG, weight="B")
    }


class Once(Func):
    """``(SELECT expression)``, which PostgreSQL computes once per statement.

    ``unaccent`` is only STABLE, so ``to_tsquery(unaccent(...))`` written in place
    is computed again for every matching row, by the match and by both ranks: for
    a common word that was most of the time of a search.
    """

    template = "(SELECT %(expressions)s)"
    output_field = SearchQueryField()


class Matches(Func):
    """``vector @@ query``, which the GIN index answers."""

    arg_joiner = " @@ "
    template = "%(expressions)s"
    output_field = BooleanField()


def tsquery(query):
    def term(word):
        return f"{word.text}:*" if word.prefix else word.text

    return " & ".join(
        "(" + " | ".join("(" + " & ".join(map(term, alt)) + ")" for alt in clause) + ")"
        for clause in query.clauses
    )


def kind_order():
    return Case(
        *(When(kind=kind, then=Value(i)) for i, kind in enumerate(KIND_ORDER)),
        output_field=IntegerField(),
    )


def ranked(entries, ts_query):
    return entries.annotate(
        title_rank=SearchRank(F("vector"), ts_query, weights=TITLE_ONLY),
        rank=SearchRank(F("vector"), ts_query),
        kind_order=kind_order(),
    ).order_by("-title_rank", "-rank", "kind_order", "title", "pk")


def search(query):
    ts_query = Once(SearchQuery(unaccent(Value(tsquery(query))), config=CONFIG, search_type="raw"))
    # Each match asks its own record's published() query, by primary key: the cost
    # follows the number of matches, not the size of the site.
    visible = Q()
    for kind, source in SOURCES.items():
        visible |= Q(kind=kind) & Exists(source.visible().filter(pk=OuterRef("object_id")))
    matches = SearchEntry.objects.filter(visible, Matches(F("vector"), ts_query))

    def page(offset, limit):
        # Every match is ranked, carrying only its id; the page's rows alone are
        # then read whole (ranked again, ten rows, to keep their order).
        ids = ranked(matches, ts_query).values("pk")[offset : offset + limit]
        return list(ranked(SearchEntry.objects.filter(pk__in=ids), ts_query))

    return Results(matches.count, page)
