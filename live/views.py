"""The live page of a mission's coverage, the small endpoint its readers poll, and
the form on it with which staff post."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.generic import DetailView

from gallery.models import Photo
from gallery.views import by_key
from publishing.views import PublishedDetailMixin, viewer

from . import metadata
from .clock import mission_time
from .forms import EntryForm
from .models import Entry, LiveCoverage

POST_PERMISSION = "live.add_entry"


def may_post(user):
    return user.is_active and user.is_staff and user.has_perm(POST_PERMISSION)


def coverage_queryset(user):
    """Coverage ``user`` may see, with its mission and every entry, each with the
    photo ``user`` may see (readers: published photos only) and its author."""
    photos = Photo.objects.all() if user.is_staff else by_key(Photo.objects.published())
    entries = Entry.objects.select_related("author").prefetch_related(
        Prefetch("photo", queryset=photos)
    )
    return (
        LiveCoverage.objects.visible_to(user)
        .select_related("mission__launch_site", "article")
        .prefetch_related(Prefetch("entries", queryset=entries))
    )


def attach_coverage(coverage):
    """Point each entry at the coverage read with it, for its mission times."""
    entries = list(coverage.entries.all())
    for entry in entries:
        Entry.coverage.field.set_cached_value(entry, coverage)
    return entries


def render_entries(coverage, entries):
    return [
        (entry, render_to_string("live/entry.html", {"entry": entry, "coverage": coverage}))
        for entry in entries
    ]


class LiveCoverageDetailView(PublishedDetailMixin, DetailView):
    model = LiveCoverage
    context_object_name = "coverage"

    def get_queryset(self):
        return coverage_queryset(viewer(self.request))

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        coverage = self.object
        entries = attach_coverage(coverage)
        context["entries"] = render_entries(coverage, entries)
        context["key_events"] = [entry for entry in entries if entry.key_event]
        context["poll_seconds"] = settings.LIVE_POLL_SECONDS
        launch_at = coverage.mission.launch_at
        if coverage.before_launch:
            context["now"] = now = timezone.now()
            context["countdown"] = mission_time(now, launch_at)
        user = viewer(self.request)
        if may_post(user):
            context["form"] = form or EntryForm(coverage=coverage, user=user)
        context["breadcrumbs"] = trail = metadata.coverage_trail(coverage)
        context["structured_data"] = metadata.coverage_data(self.request, coverage, entries, trail)
        return context

    def post(self, request, *args, **kwargs):
        """Post an entry: one action, back on the page with it at the top; bad input
        shows the page again with the message and everything typed."""
        if not may_post(request.user):
            raise PermissionDenied
        self.object = coverage = self.get_object()
        form = EntryForm(request.POST, coverage=coverage, user=request.user)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        entry = form.save()
        messages.success(request, "Posted. Readers see it within seconds.")
        return HttpResponseRedirect(entry.get_absolute_url(), status=303)


def updates(request, slug):
    """What a polling reader needs to bring the page up to date: every entry, rendered
    as on the page, and the key events.

    The same for every reader, so the page cache keeps it like a page: a poll that
    finds nothing new is answered 304 from the cache, before Django, without a
    database query (``caching.wsgi``).
    """
    user = viewer(request)
    coverage = get_object_or_404(coverage_queryset(user), slug=slug)
    entries = attach_coverage(coverage)
    key_events = [entry for entry in entries if entry.key_event]
    return JsonResponse(
        {
            "state": coverage.state,
            "entries": [
                {"id": entry.anchor, "html": html}
                for entry, html in render_entries(coverage, entries)
            ],
            "key_events": render_to_string("live/key_events.html", {"key_events": key_events}),
        }
    )
