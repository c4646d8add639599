"""The one way reader pages pick what they show, and where list pages sit."""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Paginator

from .desktime import desk_time, utc_time
from .metadata import breadcrumbs, trail_data


def viewer(request):
    """Who is reading: the signed-in user, or an anonymous reader.

    A request without a session cookie is an anonymous reader, found without
    opening the session: a page that touches the session varies on the cookie, and
    a shared cache could not keep it for every reader.
    """
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return AnonymousUser()
    return request.user


def preview_time(moment):
    """When a scheduled item goes live, for its preview banner: desk time, then UTC."""
    return {"desk": desk_time(moment), "utc": utc_time(moment)}


class PublishedDetailMixin:
    """A detail view of a publishable model: readers get published items only, staff
    also get drafts and scheduled items, shown with a "draft preview" banner.

    Everyone else gets a 404 for an item that is not live, as if it did not exist.
    """

    def get_queryset(self):
        return super().get_queryset().visible_to(viewer(self.request))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["is_preview"] = not self.object.is_live
        if self.object.is_scheduled:
            context["goes_live"] = preview_time(self.object.publish_at)
        return context


class ListPaginator(Paginator):
    """Pages of ``object_list`` (filtered and ordered) whose items are found by key
    first, then read by key; ``read`` makes of the page's items what the page shows
    (annotations, prefetches).

    The database passes over the earlier pages on an index alone and reads only the
    page's own items. In one query, PostgreSQL counted the slides of every essay of
    the earlier pages; and SQLite, given the list's filter again with the keys,
    walked the list's index rather than look the keys up.
    """

    def __init__(self, object_list, per_page, *args, read=None, **kwargs):
        super().__init__(object_list, per_page, *args, **kwargs)
        self.read = read

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        model = self.object_list.model
        keys = self.object_list.values("pk")[bottom:top]
        items = model._default_manager.filter(pk__in=keys)
        if self.read:
            items = self.read(items)
        ordering = self.object_list.query.order_by or model._meta.ordering
        return self._get_page(items.order_by(*ordering), number, self)


class PublishedListMixin:
    """A list of a publishable model: published items only, for staff too, so the
    list is the one readers see. ``cards`` loads what each item's card shows, for
    the page's items only."""

    cards = None
    paginator_class = ListPaginator

    def get_queryset(self):
        return super().get_queryset().published()

    def get_paginator(self, queryset, per_page, **kwargs):
        return super().get_paginator(queryset, per_page, read=self.cards, **kwargs)


class ListPageMixin:
    """A list of everything of a kind, one level under the front page: its
    breadcrumbs, shown on the page and described in its structured data."""

    list_name = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = trail = breadcrumbs((self.list_name, None))
        context["structured_data"] = trail_data(self.request, trail)
        return context
