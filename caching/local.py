"""This process's own copies of the pages it served last.

A launch-day crowd asks each app server for the same few pages thousands of times a
second. Each process keeps the pages it served, by key, in memory (``MAX_BYTES`` at
most, the least recently served go first), so serving one again costs no read of Redis
where the process knows the current content version (``caching.watch``), and a
read of the version alone, a few bytes, where it does not.

A copy is stale when the shared one is: it is served only while the version it was
rendered under is the current one, and for no longer than the shared cache keeps it.
"""

import threading
from collections import OrderedDict

# Enough for the pages a launch-day crowd reads (a page is 2-50 kB), small beside a
# gunicorn worker's 100 MB.
MAX_BYTES = 32 * 1024 * 1024


class LocalCopies:
    def __init__(self, max_bytes=MAX_BYTES):
        self.max_bytes = max_bytes
        self.pages = OrderedDict()  # key -> page
        self.bytes = 0
        self.lock = threading.Lock()

    def get(self, key):
        """The copy of the page at ``key``, of whatever version, if it is fresh."""
        with self.lock:
            page = self.pages.get(key)
            if page is None or not page.fresh:
                return None
            self.pages.move_to_end(key)
            return page

    def keep(self, key, page):
        size = len(page.body)
        if size > self.max_bytes // 8:
            return
        with self.lock:
            old = self.pages.pop(key, None)
            if old is not None:
                self.bytes -= len(old.body)
            self.pages[key] = page
            self.bytes += size
            while self.bytes > self.max_bytes:
                _, evicted = self.pages.popitem(last=False)
                self.bytes -= len(evicted.body)

    def clear(self):
        with self.lock:
            self.pages.clear()
            self.bytes = 0


copies = LocalCopies()
