"""Which requests the page cache may answer, the key a page is kept under, and what
is kept: shared by the WSGI front that serves pages (``caching.wsgi``) and the
middleware that stores them (``caching.middleware``).

Both work on the WSGI environ (a Django request's ``META`` is that same dict), so a
page is looked up under exactly the key it was stored under.

A page is kept under its address alone, with the content version it was rendered
under (``caching.versions``): one read of the cache fetches the current version and
the page together, and a page whose version is not the current one is stale. Each
process also keeps copies of the pages it served (``caching.local``).
"""

import hashlib
import logging
import time
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import cache
from django.http.cookie import parse_cookie

from .local import copies
from .release import release
from .versions import VERSION_KEY, is_current
from .watch import watch

logger = logging.getLogger("caching")

# Addresses that are never reader pages: the admin (staff only), the health check
# (must show the services as they are now), uploads and static files (served with
# their own caching headers).
EXEMPT = ("/admin/", "/healthz", "/media/", "/static/")

# Query parameters of analytics and ad links, which no page reads.
TRACKING_PREFIXES = ("utm_",)
TRACKING_PARAMETERS = frozenset({"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid"})
TRACKING_MARKERS = ("utm_", "clid", "mc_")

# Where the front leaves, for the middleware inside, the content version it read, or
# word that the cache does not answer (then nothing is kept, and no one waits twice).
VERSION_ENVIRON = "launchdesk.content_version"
BYPASS_ENVIRON = "launchdesk.page_cache_unavailable"


class CacheUnavailableError(Exception):
    pass


# Headers a 304 keeps (RFC 9110, 15.4.5, as Django's ConditionalGetMiddleware keeps
# them) besides the security policies: the others describe a body it does not have.
BODY_HEADERS = frozenset({"content-length", "content-type", "content-encoding"})


@dataclass(frozen=True, slots=True)
class Page:
    """A stored page: the version it shows, the response as sent, and the time (a
    timestamp) after which no copy of it may be served."""

    version: str
    status: str
    headers: tuple
    body: bytes
    expires: float

    @property
    def fresh(self):
        return time.time() < self.expires

    @property
    def etag(self):
        for name, value in self.headers:
            if name.lower() == "etag":
                return value
        return None


def may_use_cache(environ):
    """A reader's GET or HEAD of a reader page, without a session: the cache may
    answer it and keep its page. Staff and signed-in readers have a session cookie."""
    if settings.PAGE_CACHE_SECONDS <= 0:
        return False
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return False
    if environ.get("PATH_INFO", "").startswith(EXEMPT):
        return False
    cookies = environ.get("HTTP_COOKIE")
    return not (cookies and settings.SESSION_COOKIE_NAME in parse_cookie(cookies))


def without_tracking(query):
    """The query string less the parameters that links shared on social media and in
    newsletters carry (``utm_source``, ``fbclid``...): no page reads them, and on
    launch day every click would otherwise be a page of its own to render."""
    if not query or not any(marker in query for marker in TRACKING_MARKERS):
        return query
    kept = [
        (name, value)
        for name, value in parse_qsl(query, keep_blank_values=True)
        if not name.startswith(TRACKING_PREFIXES) and name not in TRACKING_PARAMETERS
    ]
    return urlencode(kept)


def page_key(environ):
    """The key of the page at this address, as this reader may take it.

    The scheme (and the balancer's word on it) is part of the address: a plain-HTTP
    request that production redirects must never find an HTTPS page. The encoding too:
    the page is kept compressed for readers who take gzip. And the code that renders
    it (``caching.release``): a deploy does not serve the pages of the code before.
    """
    encoding = "gzip" if "gzip" in environ.get("HTTP_ACCEPT_ENCODING", "") else "identity"
    host = environ.get("HTTP_HOST") or f"{environ.get('SERVER_NAME')}:{environ.get('SERVER_PORT')}"
    address = "\n".join(
        (
            encoding,
            environ.get("wsgi.url_scheme", ""),
            environ.get("HTTP_X_FORWARDED_PROTO", ""),
            host,
            environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", ""),
            without_tracking(environ.get("QUERY_STRING", "")),
        )
    )
    return f"page:{release()}:" + hashlib.sha256(address.encode()).hexdigest()[:32]


def lookup(environ):
    """The current version and the page kept for this request.

    No read of the shared cache where this process has a copy of the page
    (``caching.local``) of the version it was told is current (``caching.watch``);
    else one read: the version alone where it has a copy, else the version and the
    page together. Either may
    be None: no current version (the middleware makes one), or no page of that
    version. A cache that does not answer raises ``CacheUnavailableError``, after a log
    line: the page is rendered, not lost.
    """
    key = page_key(environ)
    copy = copies.get(key)
    if copy is not None:
        # The version this process was told of: no read of the shared cache at all.
        version = watch.current()
        if version is not None and is_current(version) and copy.version == version["token"]:
            return version, copy
    keys = [VERSION_KEY] if copy is not None else [VERSION_KEY, key]
    found = read_shared(keys, environ)
    version = found.get(VERSION_KEY)
    if version is None or not is_current(version):
        return None, None
    if copy is not None and copy.version == version["token"]:
        return version, copy
    page = found.get(key) if copy is None else read_shared([key], environ).get(key)
    if page is None or page.version != version["token"]:
        return version, None
    copies.keep(key, page)
    return version, page


def read_shared(keys, environ):
    try:
        return cache.get_many(keys)
    except Exception as error:
        # Any backend's error (Redis: connection refused, timed out): the reader
        # still gets the page, rendered.
        logger.warning("Page cache unavailable, rendering %s: %s", environ.get("PATH_INFO"), error)
        raise CacheUnavailableError from error


def store(environ, page, seconds):
    key = page_key(environ)
    copies.keep(key, page)
    try:
        cache.set(key, page, seconds)
    except Exception as error:
        logger.warning("Page cache unavailable, not keeping %s: %s", environ["PATH_INFO"], error)
