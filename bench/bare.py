"""The floor for throughput: the least a Django page can cost on this machine.

    gunicorn --chdir bench bare:application

One view at ``/`` answering a fixed page of about 20 kB (``BARE_BYTES`` sets the
number of filler bytes), behind the two middleware every Django site runs, with
DEBUG off: no database, no template, no cache. ``bench/throughput.py`` serves it
with the same gunicorn settings as the site and states each page's requests per
second as a share of this one's.
"""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

PAGE = b"<!doctype html><title>bare</title><p>" + b"x" * int(os.environ.get("BARE_BYTES", "20000"))


def page(request):
    return HttpResponse(PAGE)


urlpatterns = [path("", page)]

settings.configure(
    DEBUG=False,
    SECRET_KEY="bare-floor-only",
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[
        "django.middleware.security.SecurityMiddleware",
        "django.middleware.common.CommonMiddleware",
    ],
)

application = get_wsgi_application()
