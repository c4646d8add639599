"""While the database is down, readers get a short static 503 page, not a 500.

Django turns an exception into a response at every layer of the middleware stack
(``convert_exception_to_response`` in django/core/handlers/exception.py), so no
middleware sees an exception that another one raised. So this one, the outermost,
covers the two places a database error can start:

- a view, or the template its response renders: Django hands the exception to
  ``process_exception``, which answers the 503 itself;
- another middleware (the session middleware saving a session, say): Django has
  made a 500 of it already, but first sent ``got_request_exception`` while handling
  the exception. The receiver below notes a database error on the request, and
  ``__call__`` puts the 503 page in place of the 500.

Nothing here reconnects: Django closes a connection that failed at the end of its
request (``close_old_connections``), and the next request opens a new one.
"""

import logging
import sys

from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.dispatch import receiver
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger("operations")

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30

# Headers of a replaced 500 that describe its body or its caching. The others, the
# security policies that middleware inside added, hold for the 503 page as well.
BODY_HEADERS = {"content-type", "content-length", "cache-control", "expires", "etag"}


@receiver(got_request_exception, dispatch_uid="operations.note_database_error")
def note_database_error(sender, request=None, **kwargs):
    error = sys.exception()
    if request is not None and isinstance(error, DATABASE_ERRORS):
        request.database_error = error


def unavailable_page():
    # Rendered without the request, so no context processor runs: the page needs
    # nothing from the database.
    response = HttpResponse(render_to_string("503.html"), status=503)
    response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            response = self.get_response(request)
        except DATABASE_ERRORS as error:
            # Reached only with DEBUG_PROPAGATE_EXCEPTIONS, which lets exceptions
            # through Django's conversion.
            return self.unavailable(request, error)
        error = getattr(request, "database_error", None)
        if error is not None and response.status_code == 500:
            page = self.unavailable(request, error)
            for name, value in response.headers.items():
                if name.lower() not in BODY_HEADERS:
                    page.headers.setdefault(name, value)
            return page
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_ERRORS):
            return self.unavailable(request, exception)
        return None

    def unavailable(self, request, error):
        logger.error(
            "Database unavailable: answered %s %s with 503",
            request.method,
            request.path,
            exc_info=error,
        )
        return unavailable_page()
