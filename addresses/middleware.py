"""Old addresses answer with a permanent redirect to the item's current address.

Like ``django.contrib.redirects``' fallback middleware, it acts only on a 404 to a
GET or HEAD: a current address never pays for it, and an item that is not visible
to this reader (a draft, for an anonymous reader) stays a 404.
"""

from django.http import HttpResponsePermanentRedirect
from django.utils.cache import add_never_cache_headers

from publishing.views import viewer

from .routes import current_address


class OldAddressRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        address = current_address(
            request.path_info, viewer(request), getattr(request, "urlconf", None)
        )
        if address is None:
            return response
        query = request.META.get("QUERY_STRING", "")
        if query:
            address = f"{address}?{query}"
        redirect = HttpResponsePermanentRedirect(request.build_absolute_uri(address))
        # Browsers keep a 301 for good unless told otherwise; the item's slug may
        # change again, or the item go, and the address must then follow at once.
        add_never_cache_headers(redirect)
        return redirect
