"""What makes a cached reader page stale, in one place.

Every reader page shows published content only, and what is published changes in
two ways:

- an editor (or a job) saves or deletes something a page shows: an article, a body
  block, a byline, a photo (its renditions too), a photo essay, a slide, a person, a
  crew member, a mission, a launch site. ``content_changed()`` is called once the
  change has committed (``caching.signals``);
- the clock reaches the publish time of a scheduled item, or a time at which live
  coverage starts, ends or sees its mission lift off: no save happens then, so the
  version remembers the earliest such time and expires there.

Cached pages are stored with the current *content version*, a random token kept in
the shared cache, and served only while it is still the current one: a new token
makes every page of the old one stale on every app server, as soon as each is told
of it (``caching.watch``: milliseconds, a second at most). This trades
fine-grained invalidation for a rule that cannot miss a dependency: no page outlives
a change to anything it may show.
"""

import secrets

from django.core.cache import cache
from django.utils import timezone

from .watch import VERSION_KEY, announce

# A version lives at most this long even when nothing changes: it holds the next
# scheduled publish time, read once, and a day bounds what a missed signal costs.
VERSION_SECONDS = 24 * 60 * 60


def next_scheduled_publish():
    """The earliest publish time still to come of any published item, or None."""
    from articles.models import Article
    from gallery.models import Gallery, Photo

    now = timezone.now()
    times = [
        model.objects.filter(status="published", publish_at__gt=now)
        .order_by("publish_at")
        .values_list("publish_at", flat=True)
        .first()
        for model in (Article, Gallery, Photo)
    ]
    times += live_coverage_times(now)
    times = [time for time in times if time is not None]
    return min(times) if times else None


def live_coverage_times(now):
    """The next times at which published live coverage changes by the clock alone:
    it goes live or ends (its badges come and go) or its mission lifts off (its
    countdown gives way to mission time)."""
    from live.models import LiveCoverage

    coverage = LiveCoverage.objects.filter(status="published")
    return [
        coverage.filter(**{f"{field}__gt": now})
        .order_by(field)
        .values_list(field, flat=True)
        .first()
        for field in ("publish_at", "starts_at", "ends_at", "mission__launch_at")
    ]


def new_version():
    """A fresh token, with the time at which it goes stale by itself."""
    version = {"token": secrets.token_hex(8), "expires": None}
    scheduled = next_scheduled_publish()
    if scheduled is not None:
        version["expires"] = scheduled.timestamp()
    cache.set(VERSION_KEY, version, VERSION_SECONDS)
    announce(version)
    return version


def is_current(version):
    """False once a scheduled item's time has come: pages of this version lack it."""
    return version["expires"] is None or timezone.now().timestamp() < version["expires"]


def current_version():
    """The content version pages are cached under now; a new one once a scheduled
    item's time has come."""
    version = cache.get(VERSION_KEY)
    if version is None or not is_current(version):
        version = new_version()
    return version


def content_changed():
    """Something readers may see has changed: every cached page is stale.

    Called once the change has committed, so the new version's next scheduled
    time is read from what every app server now sees.
    """
    new_version()


def seconds_to_live(version, longest):
    """How long a page of ``version`` may be kept: ``longest``, or until the next
    scheduled item goes live, whichever is sooner (at least one second)."""
    if version["expires"] is None:
        return longest
    left = version["expires"] - timezone.now().timestamp()
    return max(1, min(longest, int(left)))
