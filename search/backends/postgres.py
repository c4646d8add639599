"""Search on PostgreSQL: django.contrib.postgres full-text search.

Each entry stores a tsvector: title and other spellings weighted A, body B, run
through ``unaccent`` and the English configuration (so "launches" finds
"launch"). A GIN index on it (migration 0001) finds the matches; another, on its
title words alone (migration 0003), finds the title matches without reading the
entries that hold the words in their body only.

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
    SearchVectorField,
)
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.lookups import IsNull

from search.documents import SOURCES
from search.models import SearchEntry
from search.text import spaced_words

from . import KIND_ORDER, visible_sql

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


def optimize():
    """Nothing to do: VACUUM (autovacuum) keeps the GIN indexes compact."""


class Once(Func):
    """``(SELECT expression)``, which PostgreSQL computes once per statement.

    ``unaccent`` is only STABLE, so ``to_tsquery(unaccent(...))`` written in place
    is computed again for every matching row, by the match and by both ranks: for
    a common word that was most of the time of a search.
    """

    template = "(SELECT %(expressions)s)"
    output_field = SearchQueryField()


class TitleOnly(Func):
    """The vector's title words (weight A): what the GIN index of migration 0003 holds."""

    template = "ts_filter(%(expressions)s, '{a}')"
    output_field = SearchVectorField()


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


class Search:
    """The statements of one search (search.backends)."""

    def __init__(self, query):
        self.query = query
        self.visible, self.visible_params = visible_sql()

    def search_query(self):
        return Once(
            SearchQuery(unaccent(Value(tsquery(self.query))), config=CONFIG, search_type="raw")
        )

    def matches(self, searched=None):
        """Entries whose vector (or ``searched``) matches, visible or not, in no order."""
        searched = F("vector") if searched is None else searched
        return SearchEntry.objects.filter(Matches(searched, self.search_query()))

    def visible_matches(self):
        """The visible matches: search.backends.visible_sql as the ORM writes it.

        The ORM relabels these columns when the statement becomes a subquery.
        """
        visible = Q()
        for kind, source in SOURCES.items():
            record = source.visible().filter(pk=OuterRef("object_id")).order_by().values("pk")
            visible |= Q(kind=kind) & IsNull(Subquery(record[:1]), False)
        return self.matches().filter(visible)

    def found(self, limit):
        # No ORDER BY: the GIN index's bitmap yields the matches in storage order,
        # and LIMIT stops reading them.
        return list(self.visible_matches().values_list("pk", flat=True)[:limit])

    def ranked_page(self, offset, limit):
        # Every match is ranked carrying only its id; the page's rows alone are
        # then read whole (ranked again, ten rows, to keep their order).
        ts_query = self.search_query()
        ids = ranked(self.visible_matches(), ts_query).values("pk")[offset : offset + limit]
        return list(ranked(SearchEntry.objects.filter(pk__in=ids), ts_query))

    def title_candidates(self, among, **scores):
        """SQL of the first ``among`` title matches the GIN index of titles yields.

        With their kind, record and title, and ``scores`` (expressions), visible or
        not: visibility is asked of these rows alone, after the LIMIT.
        """
        candidates = (
            self.matches(TitleOnly(F("vector")))
            .annotate(**scores)
            .values("pk", "kind", "object_id", "title", *scores)[:among]
        )
        return candidates.query.sql_with_params()

    def title_page(self, offset, limit, among):
        # Title matches are ranked by their title alone, as on SQLite.
        title_score = SearchRank(F("vector"), self.search_query(), weights=TITLE_ONLY)
        candidates, params = self.title_candidates(among, title_score=title_score)
        kind_order = " ".join(f"WHEN %s THEN {i}" for i in range(len(KIND_ORDER)))
        page = (
            f"SELECT c.pk, c.title_score, c.title, CASE c.kind {kind_order} END AS kind_order "
            f"FROM ({candidates}) AS c WHERE {self.visible.format(entries='c')} "
            "ORDER BY title_score DESC, kind_order, title, pk LIMIT %s OFFSET %s"
        )
        return list(
            SearchEntry.objects.raw(
                f"SELECT e.* FROM ({page}) AS page "
                "JOIN search_searchentry AS e ON e.id = page.pk "
                "ORDER BY page.title_score DESC, page.kind_order, page.title, page.pk",
                [*KIND_ORDER, *params, *self.visible_params, limit, offset],
            )
        )

    def title_ids(self, among):
        candidates, params = self.title_candidates(among)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT c.pk FROM ({candidates}) AS c WHERE {self.visible.format(entries='c')}",
                [*params, *self.visible_params],
            )
            return {row[0] for row in cursor.fetchall()}
