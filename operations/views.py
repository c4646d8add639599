"""``/healthz``: whether this app server reaches the services every page needs.

The load balancer and the person on call ask it. It answers 200 when the database,
the cache and the media storage each answered one small real request, else 503
naming the ones that did not. The body says only "ok" or "unavailable": what went
wrong, which may name hosts or users, goes to the log.
"""

import logging
import secrets
from concurrent.futures import ThreadPoolExecutor, wait

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger("operations")

# The cache and the storage clients take their timeouts from settings, and S3's are
# a minute with retries: too long for a probe, and too long to hold a web worker.
# Their checks run in these threads and are given up on after CHECK_TIMEOUT; two
# threads bound what a hung service can tie up, however often the probe asks.
CHECK_TIMEOUT = 3
_probes = ThreadPoolExecutor(max_workers=2, thread_name_prefix="healthz")


def check_database():
    # In the request's own thread: Django's connections belong to the thread that
    # opened them and are closed at the end of its request.
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache():
    # A key of its own each time, so that probes of several workers never read each
    # other's value.
    key, value = f"healthz:{secrets.token_hex(8)}", secrets.token_hex(8)
    cache.set(key, value, timeout=10)
    if cache.get(key) != value:
        raise RuntimeError("The cache did not return the value just set")


def check_storage():
    default_storage.exists("healthz-probe")


def run(name, check):
    try:
        check()
    except Exception:
        logger.warning("Health check failed: %s", name, exc_info=True)
        return "unavailable"
    return "ok"


@never_cache
@require_safe
def healthz(request):
    pending = {
        "cache": _probes.submit(run, "cache", check_cache),
        "storage": _probes.submit(run, "storage", check_storage),
    }
    results = {"database": run("database", check_database)}
    wait(pending.values(), timeout=CHECK_TIMEOUT)
    for name, future in pending.items():
        if future.done():
            results[name] = future.result()
        else:
            logger.warning("Health check failed: %s did not answer in %s s", name, CHECK_TIMEOUT)
            results[name] = "unavailable"
    healthy = all(state == "ok" for state in results.values())
    return JsonResponse(results, status=200 if healthy else 503)
