"""This process's own copies of the content version and of the pages it served last.

A launch-day crowd asks each app server for the same few pages thousands of times a
second. Reading the version and the page from Redis for each of them costs a round
trip and the page's bytes; instead each process trusts the version it read for
``PAGE_CACHE_LOCAL_SECONDS`` (a quarter of a second) and keeps the pages it served, by
address, in memory (``MAX_BYTES`` at most, the least recently served go first).

What makes a copy stale:
- a change made in this process replaces its version at once (``versions.new_version``);
- a change made in another process or on another app server is seen when this
  process next reads the version from the shared cache: within
  ``PAGE_CACHE_LOCAL_SECONDS``;
- a scheduled item's time: the version carries it, and is checked on every request;
- a page is served only with the version it was rendered under, and for no longer
  than the shared cache keeps it.
"""

import threading
import time
from collections import OrderedDict

from django.conf import settings

# Enough for the pages a launch-day crowd reads (a page is 2-50 kB), small beside a
# gunicorn worker's 100 MB.
MAX_BYTES = 32 * 1024 * 1024


class LocalCopies:
    def __init__(self, max_bytes=MAX_BYTES):
        self.max_bytes = max_bytes
        self.version = None
        self.version_read_at = None
        self.pages = OrderedDict()  # key -> page
        self.bytes = 0
        self.lock = threading.Lock()

    def trusted_version(self):
        """The version read less than ``PAGE_CACHE_LOCAL_SECONDS`` ago, or None."""
        read_at = self.version_read_at
        if read_at is None or time.monotonic() - read_at >= settings.PAGE_CACHE_LOCAL_SECONDS:
            return None
        return self.version

    def remember_version(self, version):
        self.version, self.version_read_at = version, time.monotonic()

    def page(self, key, token):
        """The copy of the page at ``key`` if it is of version ``token`` and fresh."""
        with self.lock:
            page = self.pages.get(key)
            if page is None or page.version != token or not page.fresh:
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
            self.version = self.version_read_at = None
            self.pages.clear()
            self.bytes = 0


copies = LocalCopies()
