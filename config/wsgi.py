"""WSGI entry point; production settings unless DJANGO_SETTINGS_MODULE says otherwise.

Django answers behind the page cache's front, which serves readers the pages it
keeps (caching/wsgi.py).
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.prod")

django_application = get_wsgi_application()

from caching.wsgi import PageCacheFront  # noqa: E402 - needs the apps loaded above

application = PageCacheFront(django_application)
