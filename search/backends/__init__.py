"""Search backends: PostgreSQL full-text search, or SQLite's FTS5.

Both match every clause of a query (search.query) at the start of a word, ignoring
accents and case, read each record's visibility from its own ``published()``
query, and order entries whose title holds a term above those matched only in
their body. Both count and slice the matches in SQL, so a search for a common
word reads one page of entries, not every match.

A backend module has ``INDEX_FIELDS`` and ``index_fields(title, body)``, the
columns its index reads and their values for an entry being written, and
``search(query)``, the visible matches in rank order as something Django's
Paginator can count and slice.
"""

from django.db import connection

from search.models import Kind

# Among equal matches, stories before the records they are about.
KIND_ORDER = [Kind.ARTICLE, Kind.ESSAY, Kind.MISSION, Kind.PERSON, Kind.PHOTO]


class Results:
    """Matches for the Paginator: counted by one query, each page read by another."""

    def __init__(self, count, page):
        self._count, self._page, self._total = count, page, None

    def count(self):
        if self._total is None:
            self._total = self._count()
        return self._total

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice) or index.step is not None:
            raise TypeError("Search results are read a page at a time, with a slice.")
        start, stop = index.start or 0, index.stop
        if stop is None or start < 0 or stop < start:
            raise ValueError("A page of search results needs a start and an end.")
        return self._page(start, stop - start) if stop > start else []


def get_backend():
    if connection.vendor == "postgresql":
        from . import postgres

        return postgres
    from . import sqlite

    return sqlite
