"""Keeps the reader pages Django renders, for the WSGI front (``caching.wsgi``) to serve.

The outermost middleware, so the page it keeps carries every header the stack adds
(security policies, ``ETag``, compression) and a hit can be sent as it is, without
Django. A page is kept only when the request may use the cache (a reader's GET of a
reader page, without a session: ``caching.pages.may_use_cache``) and the response is
the same for every reader: a 200 that sets no cookie, does not vary on the cookie,
and did not use the CSRF token.

It is kept with the content version read *before* the view read the database: a
change that commits meanwhile gives a new version, so this page is stale at once.

Responses that may be cached say so to browsers and CDNs too: revalidate each time
(``max-age=0``; the ``ETag`` answers 304), and shared caches may keep them briefly.
"""

import logging
import time

from django.conf import settings
from django.utils.cache import patch_cache_control, set_response_etag

from .pages import BYPASS_ENVIRON, VERSION_ENVIRON, Page, may_use_cache, store
from .versions import current_version, seconds_to_live

logger = logging.getLogger("caching")


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
        environ = request.META
        if not may_use_cache(environ) or environ.get(BYPASS_ENVIRON):
            return self.get_response(request)
        version = environ.get(VERSION_ENVIRON)
        if version is None:
            try:
                version = current_version()
            except Exception:
                # The cache or the database is down: render as if there were no
                # cache; a database outage is answered further in.
                logger.warning("No content version: %s not cached", request.path, exc_info=True)
                return self.get_response(request)
        response = self.get_response(request)
        if cacheable_response(request, response):
            patch_cache_control(
                response,
                public=True,
                max_age=0,
                s_maxage=settings.PAGE_CACHE_SHARED_SECONDS,
                stale_while_revalidate=settings.PAGE_CACHE_SHARED_SECONDS * 3,
            )
            if not response.has_header("ETag"):
                set_response_etag(response)
            if request.method == "GET":
                seconds = seconds_to_live(version, settings.PAGE_CACHE_SECONDS)
                page = Page(
                    version=version["token"],
                    status=f"{response.status_code} {response.reason_phrase}",
                    headers=tuple(response.items()),
                    body=response.content,
                    expires=time.time() + seconds,
                )
                store(environ, page, seconds)
            response["X-Cache"] = "miss"
        return response
