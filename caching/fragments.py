"""Pieces of reader pages kept under the content version, for pages the page cache misses.

The page cache keys a page on its whole address, so a new query string, or any
change to content, renders the page again. The costly pieces of an
article or an essay page (its slides, its footer) are the same for every reader at
every address, so they are kept in the shared cache too, keyed on:

- the content version (``caching.versions``): any committed save or delete of
  anything a page shows, or a scheduled item going live, gives a new version, and
  with it new keys. That is what makes a piece stale, and the only thing: no piece
  outlives a change to what it shows, on any app server;
- the code that renders it (``caching.release``): a deploy makes every piece anew;
- the object the piece belongs to, and the scheme and host where the piece holds
  absolute addresses.

The version is read before the view reads the database (``FragmentsMixin``), as
the page cache reads it before the view runs: a piece made from rows read before a
change commits is stored under the version that change replaces.

Pieces are kept for exactly the requests the page cache may answer: GET and HEAD of
a reader page without a session, with the page cache on (a cache every app server
shares). Staff (who preview drafts), the admin and anyone with a session get every
piece made fresh, so a piece never holds a draft or anything of one reader's.
"""

from django.conf import settings
from django.core.cache import cache

from .pages import BYPASS_ENVIRON, VERSION_ENVIRON, may_use_cache
from .release import release
from .versions import current_version, seconds_to_live

ATTRIBUTE = "fragments_version"


def start(request):
    """Read the content version for this request's pieces, before the database."""
    version = None
    if may_use_cache(request.META) and not request.META.get(BYPASS_ENVIRON):
        try:
            # The one the page cache's front read for this request, else read now.
            version = request.META.get(VERSION_ENVIRON) or current_version()
        except Exception:
            # The cache does not answer (the page cache logs it): make every piece.
            version = None
    setattr(request, ATTRIBUTE, version)


def kept(request, name, *parts, make):
    """``make()``, kept under the content version read at ``start(request)``.

    ``name`` and ``parts`` (primary keys, a host) say which piece it is; ``make``
    must read everything the piece shows itself, or have it from rows read after
    ``start``. Made fresh when the request may not use kept pieces.
    """
    version = getattr(request, ATTRIBUTE, None)
    if version is None:
        return make()
    key = ":".join(["fragment", release(), version["token"], name, *map(str, parts)])
    piece = cache.get(key)
    if piece is None:
        piece = make()
        cache.set(key, piece, seconds_to_live(version, settings.PAGE_CACHE_SECONDS))
    return piece


class FragmentsMixin:
    """For views that keep pieces: the version is read as the request arrives."""

    def dispatch(self, request, *args, **kwargs):
        start(request)
        return super().dispatch(request, *args, **kwargs)
