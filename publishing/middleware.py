"""The security headers Django does not send itself: Content-Security-Policy and
Permissions-Policy, on every response.

Reader pages get a fixed policy without a nonce. They are kept in the page cache
(``caching``) and replayed byte for byte to every reader, so a nonce on them would be
the same for everyone and protect nothing. They need none: they have no inline script
or style.

The admin is never cached, so each of its responses gets a nonce of its own: the
rich-text editor's import map is an inline script (django-prose-editor through
django-js-asset), and the nonce lets it run while every other inline script is refused.
"""

import secrets

from django.conf import settings
from js_asset import Media

# Where config/urls.py mounts the admin.
ADMIN_PREFIX = "/admin/"


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.reader_policy = settings.CONTENT_SECURITY_POLICY
        self.admin_policy = settings.ADMIN_CONTENT_SECURITY_POLICY
        self.permissions_policy = settings.PERMISSIONS_POLICY

    def __call__(self, request):
        admin = request.path.startswith(ADMIN_PREFIX)
        if admin:
            request.csp_nonce = secrets.token_urlsafe(18)
        response = self.get_response(request)
        if admin:
            policy = self.admin_policy.format(nonce=request.csp_nonce)
        else:
            policy = self.reader_policy
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        return response

    def process_template_response(self, request, response):
        """Give the admin page's form media the nonce: its import map is inline."""
        nonce = getattr(request, "csp_nonce", None)
        context = response.context_data
        if nonce and context and context.get("media") is not None:
            context["media"] = Media.from_media(context["media"], nonce=nonce)
        return response
