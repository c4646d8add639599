"""A log line for each lockout, naming the user name and the address.

Axes logs its own lines (``axes.handlers.database``: INFO for each failed sign-in,
WARNING for each failure counted and each lockout) but masks the user name and the
address in them, which leaves the operator nothing to act on.
"""

import logging

from axes.signals import user_locked_out
from django.conf import settings
from django.dispatch import receiver

logger = logging.getLogger("signin")


@receiver(user_locked_out, dispatch_uid="signin.log_lockout")
def log_lockout(sender, request, username, ip_address, **kwargs):
    failures = getattr(request, "axes_failures_since_start", None)
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    if failures is not None and failures > settings.AXES_FAILURE_LIMIT:
        # Axes signals again for each attempt on a locked pair, which starts the
        # cool-off over.
        message = "Sign-in refused, still locked out: user name %r from %s, attempt %s"
    else:
        message = "Sign-in locked out: user name %r from %s after %s failed attempts"
    logger.warning(message + ", for %s minutes", username, ip_address, failures, minutes)
