"""Search on SQLite: the FTS5 index of migration 0002.

The index holds each entry's folded title (with other spellings) and folded body.
A query becomes an FTS5 expression of quoted words, "aunon"* for a typed word (the
start of a word) and "sergey" for another spelling (the whole word), so nothing a
reader types is FTS5 syntax: no operator, column filter or NEAR reaches it.

Visibility, ranking and the page are one statement: FTS5 yields the matches, each
is kept only if its record is visible (the record's own ``published()`` query,
asked for that one record), bm25 orders them, title first, and LIMIT/OFFSET take
one page. So a page is always full, however many of the matches are drafts, and
only that page's rows reach Python. The count is a second statement with the same
matches.
"""

from django.db import connection

from search.documents import SOURCES
from search.models import SearchEntry
from search.text import folded

from . import KIND_ORDER, Results

FTS_TABLE = "search_searchentry_fts"
# bm25 weights of the indexed columns: title (and other spellings), then body. The
# first scores the title alone, so a title match comes before body matches; the
# second orders within those. bm25 is lower for a better match.
TITLE_ONLY = "1.0, 0.0"
TITLE_AND_BODY = "10.0, 1.0"


# The text the FTS5 index reads; the triggers of migration 0002 index it.
INDEX_FIELDS = ["title_folded", "body_folded"]


def index_fields(title, body):
    return {"title_folded": folded(title), "body_folded": folded(body)}


def quoted(word):
    return '"' + word.text.replace('"', '""') + '"' + ("*" if word.prefix else "")


def match_expression(query):
    """``query`` as an FTS5 expression: its clauses joined by AND."""
    clauses = []
    for clause in query.clauses:
        alternatives = ["(" + " AND ".join(quoted(word) for word in alt) + ")" for alt in clause]
        clauses.append("(" + " OR ".join(alternatives) + ")")
    return " AND ".join(clauses)


def visible_sql():
    """SQL true for an entry ``e`` whose record readers may see, and its parameters.

    Each kind's condition is its ``published()`` query for the one record the entry
    names, so the cost follows the number of matches, not the size of the site.
    """
    conditions, params = [], []
    for kind, source in SOURCES.items():
        sql, kind_params = source.visible().order_by().values("pk").query.sql_with_params()
        conditions.append(
            f"(e.kind = %s AND EXISTS (SELECT 1 FROM ({sql}) AS v WHERE v.pk = e.object_id))"
        )
        params += [kind, *kind_params]
    return "(" + " OR ".join(conditions) + ")", params


def search(query):
    visible, visible_params = visible_sql()
    matches = (
        f"FROM {FTS_TABLE} JOIN search_searchentry AS e ON e.id = {FTS_TABLE}.rowid "
        f"WHERE {FTS_TABLE} MATCH %s AND {visible}"
    )
    params = [match_expression(query), *visible_params]
    kind_order = " ".join(f"WHEN %s THEN {i}" for i in range(len(KIND_ORDER)))

    def count():
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) {matches}", params)
            return cursor.fetchone()[0]

    def page(offset, limit):
        # Every match is ranked carrying only its sort keys; the page's rows alone
        # are then read whole.
        ranked = (
            f"SELECT e.id, e.title, bm25({FTS_TABLE}, {TITLE_ONLY}) AS title_score, "
            f"bm25({FTS_TABLE}, {TITLE_AND_BODY}) AS score, "
            f"CASE e.kind {kind_order} END AS kind_order "
            f"{matches} ORDER BY title_score, score, kind_order, e.title, e.id "
            "LIMIT %s OFFSET %s"
        )
        return list(
            SearchEntry.objects.raw(
                f"SELECT e.* FROM ({ranked}) AS page "
                "JOIN search_searchentry AS e ON e.id = page.id "
                "ORDER BY page.title_score, page.score, page.kind_order, page.title, page.id",
                [*KIND_ORDER, *params, limit, offset],
            )
        )

    return Results(count, page)
