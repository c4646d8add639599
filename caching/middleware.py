"""Reader pages, feeds and sitemaps from the shared cache, for readers without a session.

A request is answered from the cache only when it is a GET or HEAD of a reader
address and carries no session cookie: staff, previews, the admin and anyone signed
in always reach the views. A response is stored only when it is a 200 that sets no
cookie, does not vary on the cookie, and did not use the CSRF token. Its key holds
the content version (``caching.versions``), so a change makes it unreachable on
every app server at once, and it expires by the next scheduled publish time.

Responses that may be cached say so to browsers and CDNs too: revalidate each time
(``max-age=0``; ``ETag`` answers 304), and shared caches may keep them briefly.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control, set_response_etag

from .versions import current_version, seconds_to_live

EXEMPT = ("/admin/", "/healthz", "/media/", "/static/")


def page_key(version, request):
    # Stored compressed where the reader takes gzip (GZipMiddleware runs inside).
    encoding = "gzip" if "gzip" in request.headers.get("Accept-Encoding", "") else "identity"
    address = f"{encoding}:{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    return f"page:{version['token']}:{digest}"


def cacheable_request(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not request.path.startswith(EXEMPT)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def cacheable_response(request, response):
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        # The page holds a CSRF token (a form that posts): it is this reader's own.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and "cookie" not in response.get("Vary", "").lower()
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


class ReaderPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            return self.get_response(request)
        # Read the version before the view reads the database: a change that commits
        # meanwhile gives a new version, and this page is stored under the old one.
        version = current_version()
        key = page_key(version, request)
        cached = cache.get(key)
        if cached is not None:
            cached["X-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if cacheable_response(request, response):
            patch_cache_control(
                response,
                public=True,
                max_age=0,
                s_maxage=settings.PAGE_CACHE_SHARED_SECONDS,
                stale_while_revalidate=settings.PAGE_CACHE_SHARED_SECONDS * 3,
            )
            # Computed once here, not by ConditionalGetMiddleware on every hit.
            set_response_etag(response)
            if request.method == "GET":
                cache.set(key, response, seconds_to_live(version, settings.PAGE_CACHE_SECONDS))
            response["X-Cache"] = "miss"
        return response
