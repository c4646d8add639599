"""This process's copy of the content version, which Redis tells it to read again.

Serving a kept page needs the current content version (``caching.versions``).
Reading it from Redis for every request was most of what a hit cost: a round trip of
100-400 µs against 50 µs for the rest. So, with Redis as the cache, every new
version is announced on a Redis channel, and each process listens in a thread of its
own and reads the version again when told. A hit then needs no Redis round trip.

The copy is trusted only while it cannot be stale for long:

- the listener is subscribed: it reads the version after subscribing, so nothing
  announced before is missed, and a lost connection stops the trust until it is
  subscribed again;
- it was read less than ``TRUST_SECONDS`` ago: the listener reads it again every
  ``TRUST_SECONDS / 2`` even when nothing is announced, so a lost announcement (an
  announcement is not stored by Redis) costs a second at most.

An announcement carries nothing but "read again": announcements from several app
servers may arrive out of order, the version key is always the latest.

Otherwise the page cache reads the version from Redis for the request, as before.
The process that makes a new version takes it at once, without waiting for its own
announcement.
"""

import logging
import os
import threading
import time

from django.core.cache import caches

from .backends import RedisCache

# The key of ``caching.versions``, which announces through this module.
VERSION_KEY = "content-version"

logger = logging.getLogger("caching")

TRUST_SECONDS = 1.0
# After a failure, wait this long before subscribing again.
RETRY_SECONDS = 1.0


def channel(backend):
    """The channel of ``backend``'s versions: Redis's channels span its databases and
    every site that shares the server, so it names both."""
    client = backend._cache.get_client(write=True)
    database = client.connection_pool.connection_kwargs.get("db", 0)
    return f"{backend.make_key(VERSION_KEY)}:db{database}:changed"


class VersionWatch:
    def __init__(self):
        self.lock = threading.Lock()
        self.pid = None
        self.backend = None
        self.stop = None
        self.version = None
        self.read_at = None  # time.monotonic() of the read; None: not trusted
        self.generation = 0
        self.failing = False

    def current(self):
        """The current version, or None when this process may not trust its copy and
        must read it from Redis. Starts listening on first use in a process."""
        backend = caches["default"]
        if not isinstance(backend, RedisCache):
            return None
        if self.backend is not backend or self.pid != os.getpid():
            self.listen(backend)
            return None
        read_at = self.read_at
        if read_at is None or time.monotonic() - read_at >= TRUST_SECONDS:
            return None
        return self.version

    def changed(self, version):
        """This process made ``version``: take it now (``versions.new_version``)."""
        with self.lock:
            self.generation += 1
            if self.read_at is not None:
                self.version = version

    def listen(self, backend):
        with self.lock:
            if self.stop is not None:
                self.stop.set()  # the listener of another cache, or of the parent process
            self.pid = os.getpid()
            self.backend = backend
            self.version = None
            self.read_at = None
            self.stop = threading.Event()
            threading.Thread(
                target=self.run, args=(backend, self.stop), name="content-version", daemon=True
            ).start()

    def run(self, backend, stop):
        name = channel(backend)
        client = backend._cache.get_client(write=True)
        while not stop.is_set():
            pubsub = client.pubsub(ignore_subscribe_messages=True)
            try:
                pubsub.subscribe(name)
                self.refresh(backend, stop)
                if self.failing:
                    self.failing = False
                    logger.warning("Told of new content versions again")
                while not stop.is_set():
                    told = pubsub.get_message(timeout=TRUST_SECONDS / 4) is not None
                    # Drain what else arrived: one read answers them all.
                    while pubsub.get_message(timeout=0) is not None:
                        pass
                    if told or time.monotonic() - self.read_at >= TRUST_SECONDS / 2:
                        self.refresh(backend, stop)
            except Exception as error:
                self.distrust(stop)
                if not self.failing:
                    self.failing = True
                    logger.warning(
                        "Not told of new content versions, reading them for each request: %s",
                        error,
                    )
                stop.wait(RETRY_SECONDS)
            finally:
                pubsub.close()
        self.distrust(stop)

    def refresh(self, backend, stop):
        with self.lock:
            generation = self.generation
        started = time.monotonic()
        version = backend.get(VERSION_KEY)
        with self.lock:
            if stop.is_set():
                return
            # This process made a version while the read was on its way: that one
            # is at least as new.
            if self.generation == generation:
                self.version = version
            self.read_at = started

    def distrust(self, stop):
        with self.lock:
            if self.stop is stop:
                self.read_at = None


watch = VersionWatch()


def announce(version):
    """Tell every process that ``version`` is the new one."""
    watch.changed(version)
    backend = caches["default"]
    if not isinstance(backend, RedisCache):
        return
    try:
        backend._cache.get_client(write=True).publish(channel(backend), "changed")
    except Exception as error:
        # The others read the version again within TRUST_SECONDS anyway.
        logger.warning("New content version not announced: %s", error)
