"""Addresses of the site's pages, worked out once per process.

Django's ``reverse()`` walks the URL patterns and checks its answer against the
pattern on every call, and a page asks for the same addresses on every render: its
navigation, each slide's permalink (twice: in the page and in its structured data),
each author's page. An address depends on nothing but the URL name, its arguments,
the URL configuration and the prefix the site is served under, so it is kept,
keyed on all four.
"""

from functools import lru_cache

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf
from django.urls import reverse as django_reverse

# A page links a few dozen addresses; a sitemap section thousands, each once.
KEPT = 4096


@lru_cache(maxsize=KEPT)
def _reverse(viewname, args, urlconf, prefix):
    return django_reverse(viewname, urlconf=urlconf, args=args)


def reverse(viewname, args=()):
    """``django.urls.reverse(viewname, args=args)``, kept once worked out."""
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    return _reverse(viewname, tuple(args), urlconf, get_script_prefix())


@receiver(setting_changed, dispatch_uid="publishing.links.setting_changed")
def forget(setting, **kwargs):
    # Tests that swap the URL configuration under the same module name.
    if setting == "ROOT_URLCONF":
        _reverse.cache_clear()
