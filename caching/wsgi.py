"""The page cache's front: a WSGI layer around Django that serves kept reader pages.

A launch-day crowd asks for the same few pages. Answering them before Django builds
a request, runs its middleware and resolves the address costs one read of the
cache, so an app server holds several times the readers (``bench/throughput.py``).
What it serves was kept by ``caching.middleware`` at the end of Django's stack, with
every header Django sent; a page is served only while the content version it was
rendered under is the current one (``caching.versions``).

Everything else goes to Django: requests the cache may not answer (staff, sessions,
the admin, posts), pages not kept yet or stale, and every request while the cache
does not answer.
"""

from django.utils.http import parse_etags

from .pages import (
    BODY_HEADERS,
    BYPASS_ENVIRON,
    VERSION_ENVIRON,
    CacheUnavailableError,
    lookup,
    may_use_cache,
)
from .release import release

HIT = ("X-Cache", "hit")


def not_modified(environ, etag):
    """The reader's copy is this page (weak comparison, as for GET in RFC 9110)."""
    header = environ.get("HTTP_IF_NONE_MATCH")
    if not header or etag is None:
        return False
    tags = parse_etags(header)
    return tags == ["*"] or etag.removeprefix("W/") in {t.removeprefix("W/") for t in tags}


def serve(environ, start_response, page):
    if not_modified(environ, page.etag):
        headers = [(n, v) for n, v in page.headers if n.lower() not in BODY_HEADERS]
        start_response("304 Not Modified", [*headers, HIT])
        return []
    start_response(page.status, [*page.headers, HIT])
    return [] if environ["REQUEST_METHOD"] == "HEAD" else [page.body]


class PageCacheFront:
    def __init__(self, application):
        self.application = application
        release()  # once, before gunicorn forks its workers

    def __call__(self, environ, start_response):
        if not may_use_cache(environ):
            return self.application(environ, start_response)
        try:
            version, page = lookup(environ)
        except CacheUnavailableError:
            environ[BYPASS_ENVIRON] = True
            return self.application(environ, start_response)
        if version is not None:
            if page is not None and page.version == version["token"]:
                return serve(environ, start_response, page)
            # Rendered under this version, read before the view reads the database.
            environ[VERSION_ENVIRON] = version
        return self.application(environ, start_response)
