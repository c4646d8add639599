"""Where the render of a page goes: cProfile over the uncached article, essay, home
and mission pages.

    python bench/profile_pages.py [--runs 50] [--top 25] [--pages article essay]

Prepares the site as ``bench/throughput.py`` does (a fresh temporary SQLite database
and media folder, or DATABASE_URL; the launch story; renditions made by ``manage.py
worker --batch``; static files collected; production settings), then requests each
page in this process with Django's test client, with DEBUG off and the page cache
switched off (``PAGE_CACHE_SECONDS = 0``), so every request renders.

For each page it prints the median render time and queries of ``--runs`` requests,
then profiles ``--runs`` more and prints the ``--top`` functions by cumulative time
and by own time, per render and as a share of the profiled time. cProfile slows
Python calls down, so shares matter more than the milliseconds it shows.

With ``--fragments`` the page cache is on (in this process's memory) and every
request carries a query string of its own, as ``bench/throughput.py``'s uncached
runs do: the page cache misses, and the pieces of pages kept under the content
version (``caching.fragments``) answer once the first request has made them.
"""

import argparse
import cProfile
import itertools
import os
import pstats
import shutil
import statistics
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from throughput import prepare, site_env  # noqa: E402 - bench/ is this script's folder

PAGES = ("article", "essay", "home", "mission")
STDLIB = Path(sysconfig.get_paths()["stdlib"])
# Frames above this share of the render wrap the whole request (the test client, the
# handler, each middleware's call): named on one line, left out of the cumulative list.
WRAPPER_SHARE = 0.95
OWN, CUMULATIVE = 2, 3  # in pstats' (primitive calls, calls, own, cumulative, callers)


def where(filename, line):
    """A function's file, from the project or the installed package, and line."""
    if filename == "~":
        return "(built-in)"
    path = Path(filename)
    if path.is_relative_to(ROOT / ".venv"):
        parts = path.parts
        if "site-packages" in parts:
            path = Path(*parts[parts.index("site-packages") + 1 :])
    elif path.is_relative_to(ROOT):
        path = path.relative_to(ROOT)
    elif path.is_relative_to(STDLIB):
        path = path.relative_to(STDLIB)
    return f"{path}:{line}"


def label(key):
    filename, line, name = key
    return f"{name}  {where(filename, line)}"


def print_top(stats, runs, top, sort):
    total = stats.total_tt
    rows = sorted(stats.stats.items(), key=lambda item: item[1][sort], reverse=True)
    if sort == CUMULATIVE:
        wrappers = [row for row in rows if row[1][3] >= WRAPPER_SHARE * total]
        rows = rows[len(wrappers) :]
        print(
            f"  ({len(wrappers)} frames wrapping the whole request left out: "
            + ", ".join(f"{key[2]} {where(key[0], key[1])}" for key, _ in wrappers)
            + ")"
        )
    rows = rows[:top]
    print(f"  {'calls':>7} {'own ms':>7} {'own %':>6} {'cum ms':>7} {'cum %':>6}  function")
    for key, (_, calls, own, cumulative, _) in rows:
        print(
            f"  {calls / runs:>7.1f} {own / runs * 1000:>7.3f} {own / total * 100:>6.1f} "
            f"{cumulative / runs * 1000:>7.2f} {cumulative / total * 100:>6.1f}  {label(key)}"
        )


def addresses_of(url, fragments):
    """``url`` each time, or with a new query string each time (``--fragments``)."""
    if not fragments:
        return itertools.repeat(url)
    separator = "&" if "?" in url else "?"
    return (f"{url}{separator}nocache={number}" for number in itertools.count())


def profile_page(client, name, url, runs, top, fragments=False):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    addresses = addresses_of(url, fragments)
    for _ in range(3):  # templates compiled, connections open
        response = client.get(next(addresses))
        assert response.status_code == 200, (url, response.status_code)
        assert response.get("X-Cache") in (None, "miss"), "the page cache answered"
    with CaptureQueriesContext(connection) as captured:
        client.get(next(addresses))
    queries = len(captured)  # now: the next request empties the connection's log
    times = []
    for _ in range(runs):
        address = next(addresses)
        started = time.perf_counter()
        client.get(address)
        times.append((time.perf_counter() - started) * 1000)

    profiler = cProfile.Profile()
    for _ in range(runs):
        address = next(addresses)
        profiler.enable()
        client.get(address)
        profiler.disable()
    stats = pstats.Stats(profiler)

    print(f"\n=== {name}: {url}")
    print(
        f"  median {statistics.median(times):.1f} ms (min {min(times):.1f}, "
        f"max {max(times):.1f}), {queries} queries, {len(response.content)} bytes; "
        f"profiled {stats.total_tt / runs * 1000:.1f} ms a render"
    )
    print(f"\n  By cumulative time (top {top}), per render:")
    print_top(stats, runs, top, sort=CUMULATIVE)
    print(f"\n  By own time (top {top}), per render:")
    print_top(stats, runs, top, sort=OWN)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--pages", nargs="+", choices=PAGES, default=list(PAGES))
    parser.add_argument(
        "--fragments",
        action="store_true",
        help="page cache on, a new query string per request: kept pieces answer",
    )
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="launchdesk-profile-"))
    try:
        env = site_env(scratch)
        started = time.perf_counter()
        addresses = prepare(env)
        print(
            f"Launch story loaded, renditions made, static collected in "
            f"{time.perf_counter() - started:.0f} s"
        )
        os.environ.update(env)

        import django

        django.setup()
        from django.conf import settings
        from django.test import Client
        from django.test.utils import override_settings

        override_settings(PAGE_CACHE_SECONDS=600 if args.fragments else 0).enable()
        print(
            f"Settings {os.environ['DJANGO_SETTINGS_MODULE']}, DEBUG {settings.DEBUG}, "
            f"PAGE_CACHE_SECONDS {settings.PAGE_CACHE_SECONDS}, {args.runs} renders a page"
        )
        client = Client()
        for name in args.pages:
            profile_page(client, name, addresses[name], args.runs, args.top, args.fragments)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
