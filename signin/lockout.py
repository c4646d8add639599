"""The page a locked-out sign-in gets (``AXES_LOCKOUT_CALLABLE``): the admin's sign-in
look, saying what happened and what to do, with status 429 and a ``Retry-After``.

Never kept by the page cache or a browser: it names the user name and the address.
"""

from django.conf import settings
from django.contrib import admin
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers


def locked_out_page(request, original_response=None, credentials=None):
    seconds = int(settings.AXES_COOLOFF_TIME.total_seconds())
    context = {
        **admin.site.each_context(request),
        "title": "Sign-in locked",
        "username": (credentials or {}).get("username") or request.POST.get("username", ""),
        "address": request.axes_ip_address,
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "minutes": seconds // 60,
    }
    response = render(
        request,
        "signin/locked_out.html",
        context,
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
    response["Retry-After"] = str(seconds)
    add_never_cache_headers(response)
    return response
