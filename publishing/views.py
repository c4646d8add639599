"""The one way reader pages pick what they show, and where list pages sit."""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser

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
        return context


class PublishedListMixin:
    """A list of a publishable model: published items only, for staff too, so the
    list is the one readers see."""

    def get_queryset(self):
        return super().get_queryset().published()


class ListPageMixin:
    """A list of everything of a kind, one level under the front page: its
    breadcrumbs, shown on the page and described in its structured data."""

    list_name = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = trail = breadcrumbs((self.list_name, None))
        context["structured_data"] = trail_data(self.request, trail)
        return context
