"""The address a sign-in comes from, as the lockout counts it (``AXES_CLIENT_IP_CALLABLE``).

A guesser who could choose the address each guess is counted under would never be
locked out, so only what our own side wrote is believed: the connection's address,
or, behind ``TRUSTED_PROXY_COUNT`` proxies of ours, the address the outermost of
them was reached from. Each proxy appends to ``X-Forwarded-For``, so that one is the
N-th from the right; whatever stands to its left came from the client as it is.
"""

import ipaddress

from django.conf import settings


def client_address(request):
    remote = request.META.get("REMOTE_ADDR")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [a for a in forwarded if a]
    if len(forwarded) < count:
        # Fewer addresses than proxies: the request did not come through them all.
        return remote
    address = forwarded[-count]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return remote
