"""Search backends: PostgreSQL full-text search, or SQLite's FTS5, and how a page is made.

Both match every clause of a query (search.query) at the start of a word, ignoring
accents and case, and read each record's visibility from its own ``published()``
query. A backend module has ``INDEX_FIELDS`` and ``index_fields(title, body)``, the
columns its index reads and their values for an entry being written,
``optimize()``, run after the index is rebuilt, and a class ``Search(query)`` with
four statements, none of which, as Results uses them, reads, scores or sorts more
than MAX_RANKED + 1 matches:

- ``found(limit)``: the ids of up to ``limit`` visible matches, in the order the
  index yields them (SQLite: newest entry first; PostgreSQL: storage order);
- ``ranked_page(offset, limit)``: a page of every visible match, ranked: entries
  whose title holds a term first, by their title's score, then by their whole
  score, then stories before the records they are about;
- ``title_page(offset, limit, among)``: a page of the visible entries whose title
  (with a person's other spellings) matches the whole query, among the first
  ``among`` such entries an index of titles alone yields, ranked by how well
  their title matches;
- ``title_ids(among)``: the ids of those entries.

A search that finds at most MAX_RANKED records (a name, a rare word, most
searches) lists them all, ranked as ``ranked_page`` does. One that finds more
costs about the same on a site of 60,000 records as on one of 1,000: ranking
every match is what made a common word slow. The page then says "more than
MAX_RANKED results" and lists MAX_RANKED of them: the title matches (the first
MAX_RANKED if there are more), ranked, then the other matches among the first
MAX_RANKED + 1 the index yields, newest first.
A record that holds the words in its body only may then be left out although it
would rank above one listed; the words that cause this are in so many records
that a reader narrows the search rather than reads on.
"""

from django.db import connection

from search.documents import SOURCES
from search.models import Kind, SearchEntry

# Among equal matches, stories before the records they are about.
KIND_ORDER = [Kind.ARTICLE, Kind.ESSAY, Kind.MISSION, Kind.PERSON, Kind.PHOTO]
# The most matches a search counts, ranks and lists.
MAX_RANKED = 1000


def visible_sql():
    """SQL true for an entry whose record readers may see, and its parameters.

    A format string: ``{entries}`` is the table or alias that holds the entry's
    ``kind`` and ``object_id``. Each kind's condition is its ``published()`` query
    for the one record the entry names, so the cost follows the number of entries
    asked about, not the size of the site. A scalar subquery rather than EXISTS,
    which PostgreSQL may answer by hashing every visible record of the kind first.
    """
    conditions, params = [], []
    for kind, source in SOURCES.items():
        sql, kind_params = source.visible().order_by().values("pk").query.sql_with_params()
        sql = sql.replace("{", "{{").replace("}", "}}")
        conditions.append(
            "({entries}.kind = %s AND (SELECT 1 FROM "
            f"({sql}) AS v WHERE v.pk = {{entries}}.object_id LIMIT 1) IS NOT NULL)"
        )
        params += [kind, *kind_params]
    return "(" + " OR ".join(conditions) + ")", params


class Results:
    """A query's visible matches, best first, as Django's Paginator reads them.

    The count is one statement that stops at MAX_RANKED + 1 matches; a page is
    one more, or, for a page past the title matches of a search that found more
    than MAX_RANKED, three.
    """

    def __init__(self, backend, query):
        self._search = backend.Search(query) if query else None
        self._found = None if query else []
        # The most results counted and listed.
        self.most = MAX_RANKED

    def _found_ids(self):
        if self._found is None:
            # One more than is listed, to know whether there are more.
            self._found = self._search.found(self.most + 1)
        return self._found

    @property
    def more(self):
        """Whether more records match than are counted and listed."""
        return len(self._found_ids()) > self.most

    def count(self):
        return min(len(self._found_ids()), self.most)

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice) or index.step is not None:
            raise TypeError("Search results are read a page at a time, with a slice.")
        start, stop = index.start or 0, index.stop
        if stop is None or start < 0 or stop < start:
            raise ValueError("A page of search results needs a start and an end.")
        stop = min(stop, self.count())
        if stop <= start:
            return []
        if not self.more:
            return self._search.ranked_page(start, stop - start)
        return self._capped_page(start, stop - start)

    def _capped_page(self, offset, limit):
        page = self._search.title_page(offset, limit, among=self.most)
        if len(page) == limit:
            return page
        # The page runs past the title matches: fill it with the others, newest first.
        titles = self._search.title_ids(among=self.most)
        others = sorted(set(self._found_ids()) - titles, reverse=True)
        skip = max(0, offset - len(titles))
        ids = others[skip : skip + limit - len(page)]
        entries = SearchEntry.objects.in_bulk(ids)
        return page + [entries[pk] for pk in ids if pk in entries]


def get_backend():
    if connection.vendor == "postgresql":
        from . import postgres

        return postgres
    from . import sqlite

    return sqlite
