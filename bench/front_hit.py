"""What one kept page costs the page cache's front, in this process, against a Redis read.

    python bench/front_hit.py [--requests 5000] [--redis-url redis://127.0.0.1:6379/9]

Prepares the site as ``bench/throughput.py`` does (a fresh temporary SQLite database,
the launch story, renditions, static files, production settings), with Redis database
9 as the cache (emptied), and calls the site's WSGI application (``config/wsgi.py``)
directly for the cached article: no server, no network, no wrk. Prints the mean time
of a hit, the mean time of a bare Redis GET on the same connection pool for scale, and
the functions a hit spends its time in. A hit needs no Redis read once the process has
been told the content version (``caching.watch``); the script waits for that first.
"""

import argparse
import cProfile
import io
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "bench"))  # after the project: bench/search.py is no app

from throughput import prepare, site_env  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/9")
    args = parser.parse_args()

    import redis

    redis.Redis.from_url(args.redis_url).flushdb()
    with tempfile.TemporaryDirectory(prefix="launchdesk-front-") as scratch:
        env = site_env(Path(scratch))
        pages = prepare(env)
        os.environ.update(env, REDIS_URL=args.redis_url)

        from django.core.cache import cache

        from caching.watch import watch
        from config.wsgi import application

        path = pages["article"]
        statuses = []

        def start_response(status, headers, exc_info=None):
            statuses.append((status, dict(headers).get("X-Cache")))

        def get():
            environ = {
                "REQUEST_METHOD": "GET",
                "PATH_INFO": path,
                "QUERY_STRING": "",
                "SERVER_NAME": "127.0.0.1",
                "SERVER_PORT": "8000",
                "HTTP_HOST": "127.0.0.1:8000",
                "SERVER_PROTOCOL": "HTTP/1.1",
                "REMOTE_ADDR": "127.0.0.1",
                "wsgi.url_scheme": "http",
                "wsgi.input": io.BytesIO(),
                "wsgi.errors": sys.stderr,
            }
            return b"".join(application(environ, start_response))

        get()
        deadline = time.monotonic() + 5
        while watch.current() is None and time.monotonic() < deadline:
            get()
            time.sleep(0.01)
        get()
        if statuses[-1] != ("200 OK", "hit"):
            sys.exit(f"The article was not served from the cache: {statuses[-1]}")
        told = watch.current() is not None

        started = time.perf_counter()
        for _ in range(args.requests):
            get()
        hit = (time.perf_counter() - started) / args.requests

        client = cache._cache.get_client()
        started = time.perf_counter()
        for _ in range(args.requests):
            client.get("front-hit-absent-key")
        read = (time.perf_counter() - started) / args.requests

        print(f"{args.requests} hits of {path}")
        print(f"  process told the content version: {'yes' if told else 'no'}")
        print(f"  a hit: {hit * 1e6:.0f} µs; a Redis GET: {read * 1e6:.0f} µs")

        profile = cProfile.Profile()
        profile.enable()
        for _ in range(2000):
            get()
        profile.disable()
        pstats.Stats(profile).sort_stats("tottime").print_stats(12)
        redis.Redis.from_url(args.redis_url).flushdb()


if __name__ == "__main__":
    main()
