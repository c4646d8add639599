"""Requests through the site's WSGI application, as gunicorn makes them: the page
cache's front first, then Django. Django's test client starts inside Django and
would never meet the front."""

from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory
from django.utils.datastructures import CaseInsensitiveMapping

import config.wsgi
from caching.local import copies  # noqa: F401 - the tests clear them
from caching.wsgi import PageCacheFront


class Response:
    def __init__(self, status, headers, content):
        self.status_code = int(status.split()[0])
        self.header_list = headers
        self.headers = CaseInsensitiveMapping(dict(headers))
        self.cookies = [value for name, value in headers if name.lower() == "set-cookie"]
        self.content = content

    def __getitem__(self, name):
        return self.headers[name]

    def __contains__(self, name):
        return name in self.headers

    def get(self, name, default=None):
        return self.headers.get(name, default)


def application():
    """The site's application as config/wsgi.py makes it, made anew: Django reads its
    middleware's settings once, when it starts, and tests change them."""
    assert isinstance(config.wsgi.application, PageCacheFront)
    return PageCacheFront(WSGIHandler())


def request(path, method="GET", headers=None, cookies=None, **environ):
    """The response to a request; ``cookies``: a test client's, to be that user."""
    factory = RequestFactory()
    if cookies is not None:
        factory.cookies = cookies
    environ = factory.generic(method, path, headers=headers, **environ).environ
    started = {}

    def start_response(status, headers, exc_info=None):
        started.update(status=status, headers=headers)

    # As Django's test client does: the test's database connection, inside its
    # transaction, must stay open across the request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        chunks = application()(environ, start_response)
        try:
            content = b"".join(chunks)
        finally:
            if hasattr(chunks, "close"):
                chunks.close()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return Response(started["status"], started["headers"], content)
