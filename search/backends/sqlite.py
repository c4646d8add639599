"""Search on SQLite: the FTS5 indexes of migrations 0002, 0003 and 0005.

One index holds each entry's folded title (with other spellings) and folded body,
the other its folded title alone. A query becomes an FTS5 expression of quoted
words, "aunon"* for a typed word (the start of a word) and "sergey" for another
spelling (the whole word), so nothing a reader types is FTS5 syntax: no
operator, column filter or NEAR reaches it.

Each statement starts from FTS5's matches and keeps one only if its record is
visible (the record's own ``published()`` query, asked for that one record), so
a page is always full however many matches are drafts, and only a page's rows
reach Python. FTS5 yields matches by rowid, newest entry first when asked, or
sorted by its ``rank`` (bm25): both let LIMIT stop the statement early, where an
ORDER BY on anything else makes SQLite visit every match first.
"""

from django.db import connection

from search.models import SearchEntry
from search.text import folded

from . import KIND_ORDER, visible_sql

FTS_TABLE = "search_searchentry_fts"
TITLE_FTS_TABLE = "search_searchentry_title_fts"
# The index of each entry's kind and record by id (migration 0004): visibility
# needs only these, and reads them from it rather than from the entries' rows,
# which hold the text.
KIND_RECORD_INDEX = "search_entry_kind_record"
KIND_RECORD = f"search_searchentry AS e INDEXED BY {KIND_RECORD_INDEX}"
# bm25 weights of the indexed columns: title (and other spellings), then body. The
# first scores the title alone, so a title match comes before body matches; the
# second orders within those. bm25 is lower for a better match.
TITLE_ONLY = "1.0, 0.0"
TITLE_AND_BODY = "10.0, 1.0"


# The text the FTS5 indexes read; the triggers of migrations 0002 and 0003 index it.
INDEX_FIELDS = ["title_folded", "body_folded"]


def index_fields(title, body):
    return {"title_folded": folded(title), "body_folded": folded(body)}


def optimize():
    """Merge each FTS5 index into one b-tree, as after a rebuild.

    Writes in bulk leave an index in many segments, each of which every query
    reads.
    """
    with connection.cursor() as cursor:
        for table in [FTS_TABLE, TITLE_FTS_TABLE]:
            cursor.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")


def quoted(word):
    return '"' + word.text.replace('"', '""') + '"' + ("*" if word.prefix else "")


def match_expression(query):
    """``query`` as an FTS5 expression: its clauses joined by AND."""
    clauses = []
    for clause in query.clauses:
        alternatives = ["(" + " AND ".join(quoted(word) for word in alt) + ")" for alt in clause]
        clauses.append("(" + " OR ".join(alternatives) + ")")
    return " AND ".join(clauses)


class Search:
    """The statements of one search (search.backends), its SQL built once."""

    def __init__(self, query):
        self.expression = match_expression(query)
        self.visible, self.visible_params = visible_sql()
        self.matches, self.params = self.matching("search_searchentry AS e")

    def matching(self, entries):
        """The FROM and WHERE of the visible matches, joined to ``entries`` (alias e)."""
        sql = (
            f"FROM {FTS_TABLE} JOIN {entries} ON e.id = {FTS_TABLE}.rowid "
            f"WHERE {FTS_TABLE} MATCH %s AND {self.visible.format(entries='e')}"
        )
        return sql, [self.expression, *self.visible_params]

    def title_matches(self, among):
        """The FROM and WHERE of the visible title matches among the newest ``among``.

        FTS5 reads the title index from its newest entry to find the bound, and the
        rowid range then keeps the statement to those entries.
        """
        newest = (
            f"SELECT min(rowid) FROM (SELECT rowid FROM {TITLE_FTS_TABLE} "
            f"WHERE {TITLE_FTS_TABLE} MATCH %s ORDER BY rowid DESC LIMIT %s)"
        )
        sql = (
            f"FROM {TITLE_FTS_TABLE} JOIN {KIND_RECORD} ON e.id = {TITLE_FTS_TABLE}.rowid "
            f"WHERE {TITLE_FTS_TABLE} MATCH %s AND {TITLE_FTS_TABLE}.rowid >= ({newest}) "
            f"AND {self.visible.format(entries='e')}"
        )
        return sql, [self.expression, self.expression, among, *self.visible_params]

    def found(self, limit):
        matches, params = self.matching(KIND_RECORD)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT e.id {matches} ORDER BY {FTS_TABLE}.rowid DESC LIMIT %s",
                [*params, limit],
            )
            return [row[0] for row in cursor.fetchall()]

    def ranked_page(self, offset, limit):
        # Every match is ranked carrying only its sort keys; the page's rows alone
        # are then read whole.
        kind_order = " ".join(f"WHEN %s THEN {i}" for i in range(len(KIND_ORDER)))
        ranked = (
            f"SELECT e.id, e.title, bm25({FTS_TABLE}, {TITLE_ONLY}) AS title_score, "
            f"bm25({FTS_TABLE}, {TITLE_AND_BODY}) AS score, "
            f"CASE e.kind {kind_order} END AS kind_order "
            f"{self.matches} ORDER BY title_score, score, kind_order, e.title, e.id "
            "LIMIT %s OFFSET %s"
        )
        return list(
            SearchEntry.objects.raw(
                f"SELECT e.* FROM ({ranked}) AS page "
                "JOIN search_searchentry AS e ON e.id = page.id "
                "ORDER BY page.title_score, page.score, page.kind_order, page.title, page.id",
                [*KIND_ORDER, *self.params, limit, offset],
            )
        )

    def title_page(self, offset, limit, among):
        # ORDER BY rank alone lets FTS5 sort the title matches by bm25 (equal ones
        # oldest first) before the visibility of any is asked, so the statement
        # stops at the page's last row.
        matches, params = self.title_matches(among)
        ranked = (
            f"SELECT e.id, {TITLE_FTS_TABLE}.rank {matches} "
            f"ORDER BY {TITLE_FTS_TABLE}.rank LIMIT %s OFFSET %s"
        )
        return list(
            SearchEntry.objects.raw(
                f"SELECT e.* FROM ({ranked}) AS page "
                "JOIN search_searchentry AS e ON e.id = page.id ORDER BY page.rank, page.id",
                [*params, limit, offset],
            )
        )

    def title_ids(self, among):
        matches, params = self.title_matches(among)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT e.id {matches}", params)
            return {row[0] for row in cursor.fetchall()}
