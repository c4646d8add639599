"""Requests per second of the site's pages, as a share of a bare Django page's.

    python bench/throughput.py [--passes 5] [--seconds 5] [--stress-seconds 60]

Needs wrk (Debian: ``apt-get install wrk``) and Redis on 127.0.0.1:6379, whose
database 9 (``--redis-url``) it empties before, during and after the run.

Builds a fresh temporary SQLite database and media folder (or uses DATABASE_URL),
migrates, loads the launch story, runs ``manage.py worker --batch`` so the photo
renditions are ready, and collects the static files, all with production settings.
Then it serves, each on a free loopback port with the same gunicorn settings
(``config/gunicorn.py``, ``--workers`` processes):

- the site, with the Procfile's ``web`` command and Redis as its cache;
- the floor, ``bench/bare.py``: one fixed 20 kB page, no database, no template.

This machine's speed changes from minute to minute, so every figure is a ratio
taken from the same run: in each of ``--passes`` passes, for every page, wrk loads
the floor, the page as the page cache answers it ("cached"), and the page with a
new query string on every request, which the cache never holds ("uncached"), for
``--seconds`` each. The table gives each page's median requests per second and its
share of the floor's median (``--passes 0`` leaves the table out). The live page's
poll is measured twice: as a first poll (a 200 with every entry) and as most polls
are, with the ``If-None-Match`` of the answer before, which the page cache answers
304 without a database query ("poll 304"). Last,
``--stress-connections`` readers load the cached article for ``--stress-seconds``,
then the floor as long, its ceiling under the same settings: errors and latency
percentiles of each.

wrk sends no Accept-Encoding, so every page is measured uncompressed.
"""

import argparse
import json
import os
import re
import secrets
import shlex
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BIN = Path(sys.executable).parent

# A new address for every request, so the page cache (which keys on the path and
# query string) never answers; counts the X-Cache headers to prove it.
UNCACHED_LUA = """
local threads = {}
local next_id = 1

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  run = args[1] or "0"
  n = 0
  hits = 0
  misses = 0
  sep = string.find(wrk.path, "?", 1, true) and "&" or "?"
end

function request()
  n = n + 1
  return wrk.format(nil, wrk.path .. sep .. "nocache=" .. run .. "-" .. id .. "-" .. n)
end

function response(status, headers, body)
  local state = headers["X-Cache"]
  if state == "hit" then
    hits = hits + 1
  elseif state == "miss" then
    misses = misses + 1
  end
end

function done(summary, latency, requests)
  local h, m = 0, 0
  for _, thread in ipairs(threads) do
    h = h + thread:get("hits")
    m = m + thread:get("misses")
  end
  io.write(string.format("x-cache hit=%d miss=%d\\n", h, m))
end
"""

PAGES_CODE = """
import json
import django

django.setup()
from articles.models import Article
from gallery.models import Gallery, Photo
from live.models import Entry, LiveCoverage
from publishing.models import Status

article = Article.objects.published().first()
essay = Gallery.objects.published().first()
# Stand-in coverage of the story's mission: the seeds record no live entries.
coverage, made = LiveCoverage.objects.get_or_create(
    slug="bench-live",
    defaults={
        "title": "Bench live coverage",
        "mission": article.mission,
        "article": article,
        "starts_at": article.mission.launch_at,
        "status": Status.PUBLISHED,
    },
)
if made:
    for number in range(20):
        Entry.objects.create(coverage=coverage, text=f"<p>Bench entry {number}.</p>")
print(json.dumps({
    "pages": {
        "home": "/",
        "article": article.get_absolute_url(),
        "essay": essay.get_absolute_url(),
        "slide": essay.slides.first().get_absolute_url(),
        "mission": article.mission.get_absolute_url(),
        "person": article.authors.first().get_absolute_url(),
        "search": "/search/?q=soyuz",
        "rss": "/feeds/latest/rss/",
        "sitemap": "/sitemap.xml",
        "poll": f"{coverage.get_absolute_url()}updates/",
    },
    "not_ready": Photo.objects.exclude(rendition_state="ready").count(),
}))
"""


def site_env(scratch):
    """Production settings on plain HTTP, with this run's own database and files."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("AWS_") and key not in ("REDIS_URL", "CACHE_KEY_PREFIX")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.prod",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        MEDIA_ROOT=str(scratch / "media"),
        STATIC_ROOT=str(scratch / "static"),
    )
    env.setdefault("DATABASE_URL", f"sqlite:///{scratch / 'bench.sqlite3'}")
    return env


def manage(env, *args):
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")


def prepare(env):
    """The launch story with its renditions made by a worker, and the static files."""
    manage(env, "migrate", "--verbosity", "0")
    manage(env, "loaddata", "launch_story", "--verbosity", "0")
    manage(env, "worker", "--batch", "--no-startup-delay")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    result = subprocess.run(
        [PYTHON, "-c", PAGES_CODE], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        sys.exit(f"Could not read the pages' addresses:\n{result.stderr[-3000:]}")
    found = json.loads(result.stdout.strip().splitlines()[-1])
    if found["not_ready"]:
        sys.exit(f"{found['not_ready']} photos have no renditions after the worker ran.")
    return found["pages"]


def procfile_command(process):
    """The Procfile's command for ``process``: its environment and its arguments."""
    for line in (ROOT / "Procfile").read_text().splitlines():
        name, _, command = line.partition(":")
        if name.strip() != process:
            continue
        words = shlex.split(command)
        env = {}
        while words and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*=.*", words[0]):
            key, _, value = words.pop(0).partition("=")
            env[key] = value
        if (BIN / words[0]).exists():
            words[0] = str(BIN / words[0])
        return env, words
    sys.exit(f"The Procfile has no {process} line.")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """A gunicorn this script started, its log, and how to stop it."""

    def __init__(self, name, argv, env, log):
        self.name = name
        self.port = free_port()
        self.log = log
        env = {**env, "HOST": "127.0.0.1", "PORT": str(self.port)}
        with open(log, "wb") as stderr:
            self.process = subprocess.Popen(
                argv,
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,  # the access log: a line per request
                stderr=stderr,
                start_new_session=True,
            )
        self.base = f"http://127.0.0.1:{self.port}"

    def wait_ready(self, seconds=60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"The {self.name} server stopped:\n{Path(self.log).read_text()[-3000:]}")
            try:
                urllib.request.urlopen(self.base + "/", timeout=5).read()
                return
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        sys.exit(f"The {self.name} server did not answer within {seconds} s.")

    def boots(self):
        """Worker processes started so far (max_requests restarts them)."""
        return Path(self.log).read_text(errors="replace").count("Booting worker")

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=35)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.status, response.headers.get("X-Cache"), response.read()


def revalidate(url):
    """The ``If-None-Match`` header of a reader who holds the page at ``url``, after
    checking that the page cache answers it 304."""
    with urllib.request.urlopen(url, timeout=30) as response:
        header = f"If-None-Match: {response.headers['ETag']}"
    request = urllib.request.Request(url, headers=dict([header.split(": ", 1)]))
    try:
        urllib.request.urlopen(request, timeout=30)
    except urllib.error.HTTPError as answer:
        if answer.code == 304 and answer.headers.get("X-Cache") == "hit":
            return header
    sys.exit(f"{url}: a current copy is not answered 304 from the page cache.")


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def milliseconds(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * UNITS[unit]


def wrk(url, seconds, connections, threads, timeout="10s", script=None, script_args=(), headers=()):
    argv = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", f"--timeout={timeout}"]
    argv += ["--latency"]
    for header in headers:
        argv += ["-H", header]
    if script:
        argv += ["-s", str(script)]
    argv += [url]
    if script_args:
        argv += ["--", *script_args]
    out = subprocess.run(
        argv, capture_output=True, text=True, timeout=seconds + 60, check=True
    ).stdout
    result = {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "non2xx": 0,
        "connect": 0,
        "read": 0,
        "write": 0,
        "timeout": 0,
        "latency": {},
        "hits": None,
    }
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        result["non2xx"] = int(match.group(1))
    if match := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    ):
        for key, value in zip(("connect", "read", "write", "timeout"), match.groups(), strict=True):
            result[key] = int(value)
    for percent, value in re.findall(r"^\s+(50|75|90|99)%\s+(\S+)$", out, re.MULTILINE):
        result["latency"][percent] = milliseconds(value)
    if match := re.search(r"Latency\s+\S+\s+\S+\s+(\S+)", out):
        result["latency"]["max"] = milliseconds(match.group(1))
    if match := re.search(r"x-cache hit=(\d+) miss=(\d+)", out):
        result["hits"], result["misses"] = int(match.group(1)), int(match.group(2))
    return result


def errors(result):
    return sum(result[key] for key in ("non2xx", "connect", "read", "write", "timeout"))


def check_cache(site, pages):
    """Each page's X-Cache as stored, and with a query string never asked for."""
    print(f"{'page':<9}{'bytes':>8}  repeat  new query  same query again")
    sizes = {}
    for name, path in pages.items():
        url = site.base + path
        status, _, body = fetch(url)
        if status != 200:
            sys.exit(f"{path} answered {status}.")
        sizes[name] = len(body)
        _, repeat, _ = fetch(url)
        unique = f"{url}{'&' if '?' in path else '?'}nocache=check-{secrets.token_hex(4)}"
        _, first, _ = fetch(unique)
        _, again, _ = fetch(unique)
        print(f"{name:<9}{len(body):>8}  {repeat:<6}  {first:<9}  {again}")
        if (repeat, first, again) != ("hit", "miss", "hit"):
            sys.exit(f"{path}: the page cache does not key on the full address as expected.")
    return sizes


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=5)
    parser.add_argument("--seconds", type=int, default=5, help="each wrk run of the passes")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2, help="wrk's threads")
    parser.add_argument("--workers", type=int, default=2, help="WEB_CONCURRENCY of both servers")
    parser.add_argument("--stress-seconds", type=int, default=60)
    parser.add_argument("--stress-connections", type=int, default=128)
    parser.add_argument("--timeout", default="10s", help="wrk's: no answer by then is an error")
    parser.add_argument(
        "--redis-url",
        default="redis://127.0.0.1:6379/9",
        help="the site's cache; this database is emptied (default: %(default)s)",
    )
    args = parser.parse_args()

    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: apt-get install wrk (Debian), then run this again.")
    import redis

    cache = redis.Redis.from_url(args.redis_url)
    cache.flushdb()

    servers = []
    with tempfile.TemporaryDirectory(prefix="launchdesk-throughput-") as scratch:
        scratch = Path(scratch)
        env = site_env(scratch)
        started = time.perf_counter()
        pages = prepare(env)
        print(
            f"Launch story loaded, renditions made, static collected in "
            f"{time.perf_counter() - started:.0f} s"
        )
        script = scratch / "uncached.lua"
        script.write_text(UNCACHED_LUA)

        web_env, web_argv = procfile_command("web")
        concurrency = {"WEB_CONCURRENCY": str(args.workers)}
        try:
            site = Server(
                "site",
                web_argv,
                {**env, **web_env, **concurrency, "REDIS_URL": args.redis_url},
                scratch / "site.log",
            )
            servers.append(site)
            floor_env = {k: v for k, v in env.items() if k != "DJANGO_SETTINGS_MODULE"}
            floor = Server(
                "floor",
                [
                    str(BIN / "gunicorn"),
                    "--config",
                    str(ROOT / "config" / "gunicorn.py"),
                    "--chdir",
                    "bench",
                    "bare:application",
                ],
                {**floor_env, **concurrency},
                scratch / "floor.log",
            )
            servers.append(floor)
            site.wait_ready()
            floor.wait_ready()
            print(f"Site:  {shlex.join([Path(web_argv[0]).name, *web_argv[1:]])}  ({site.base})")
            print(
                f"Floor: gunicorn --config config/gunicorn.py --chdir bench bare:application "
                f"({floor.base})"
            )
            print(f"Both: WEB_CONCURRENCY={args.workers}; cache {args.redis_url}\n")

            sizes = check_cache(site, pages)
            _, _, bare_body = fetch(floor.base + "/")

            # Warm both: every worker imports its code and fills its template cache.
            wrk(floor.base + "/", 2, args.connections, args.threads)
            for path in pages.values():
                wrk(site.base + path, 1, args.connections, args.threads)

            run = secrets.token_hex(4)
            floor_runs = []
            cached = {name: [] for name in pages}
            uncached = {name: [] for name in pages}
            not_modified = []
            boots_before = site.boots(), floor.boots()
            total = args.passes * len(pages) * 3 * args.seconds
            print(
                f"\n{args.passes} passes, wrk -t{args.threads} -c{args.connections} "
                f"-d{args.seconds}s per run, about {total / 60:.0f} min"
            )
            for number in range(args.passes):
                for name, path in pages.items():
                    floor_runs.append(
                        wrk(
                            floor.base + "/",
                            args.seconds,
                            args.connections,
                            args.threads,
                            args.timeout,
                        )
                    )
                    fetch(site.base + path)  # stored again after the last flush
                    cached[name].append(
                        wrk(
                            site.base + path,
                            args.seconds,
                            args.connections,
                            args.threads,
                            args.timeout,
                        )
                    )
                    uncached[name].append(
                        wrk(
                            site.base + path,
                            args.seconds,
                            args.connections,
                            args.threads,
                            args.timeout,
                            script,
                            (f"{run}p{number}",),
                        )
                    )
                    # The uncached run stored a page per request: let them go.
                    cache.flushdb()
                floor_runs.append(
                    wrk(
                        floor.base + "/", args.seconds, args.connections, args.threads, args.timeout
                    )
                )
                not_modified.append(
                    wrk(
                        site.base + pages["poll"],
                        args.seconds,
                        args.connections,
                        args.threads,
                        args.timeout,
                        headers=[revalidate(site.base + pages["poll"])],
                    )
                )
                print(f"  pass {number + 1}: floor {floor_runs[-1]['rps']:.0f} req/s")
            if args.passes:
                boots = site.boots() - boots_before[0], floor.boots() - boots_before[1]

                floor_median = statistics.median(r["rps"] for r in floor_runs)
                print(
                    f"\nFloor (bench/bare.py, {len(bare_body)} bytes): median "
                    f"{floor_median:.0f} req/s over {len(floor_runs)} runs "
                    f"(min {min(r['rps'] for r in floor_runs):.0f}, "
                    f"max {max(r['rps'] for r in floor_runs):.0f}), "
                    f"{sum(errors(r) for r in floor_runs)} errors\n"
                )
                header = (
                    f"{'page':<9}{'address':<44}{'bytes':>7}  {'cached':>7}{'share':>7}"
                    f"{'errors':>7}  {'uncached':>8}{'share':>7}{'errors':>7}{'hits':>6}"
                )
                print(header)
                print("-" * len(header))
                for name, path in pages.items():
                    hot = statistics.median(r["rps"] for r in cached[name])
                    cold = statistics.median(r["rps"] for r in uncached[name])
                    print(
                        f"{name:<9}{path[:43]:<44}{sizes[name]:>7}  "
                        f"{hot:>7.0f}{hot / floor_median:>7.2f}"
                        f"{sum(errors(r) for r in cached[name]):>7}  "
                        f"{cold:>8.1f}{cold / floor_median:>7.3f}"
                        f"{sum(errors(r) for r in uncached[name]):>7}"
                        f"{sum(r['hits'] for r in uncached[name]):>6}"
                    )
                hot = statistics.median(r["rps"] for r in not_modified)
                print(
                    f"{'poll 304':<9}{pages['poll'][:43]:<44}{0:>7}  "
                    f"{hot:>7.0f}{hot / floor_median:>7.2f}"
                    f"{sum(errors(r) for r in not_modified):>7}"
                )
                print(
                    "\nreq/s: median of the passes; share: of the floor's median; errors: non-2xx "
                    "and socket errors, all passes;\nhits: X-Cache hits among the uncached "
                    "requests (0 means every one was rendered)."
                )
                print(
                    f"Worker restarts during the passes (max_requests): site {boots[0]}, "
                    f"floor {boots[1]}"
                )

            article = pages["article"]
            fetch(site.base + article)
            print(
                f"\n{args.stress_connections} connections for {args.stress_seconds} s each, "
                f"{args.workers} workers, wrk -t{args.threads} --timeout {args.timeout}: "
                f"the cached article ({article}), then the floor, the ceiling of any Django "
                f"page under these settings:"
            )
            for name, server, path in (("article", site, article), ("floor", floor, "/")):
                boots_before = server.boots()
                stress = wrk(
                    server.base + path,
                    args.stress_seconds,
                    args.stress_connections,
                    args.threads,
                    args.timeout,
                )
                # wrk leaves out a percentile it could not measure (no answer at all).
                latency = {
                    key: f"{value:.1f}"
                    if (value := stress["latency"].get(key)) is not None
                    else "n/a"
                    for key in ("50", "75", "90", "99", "max")
                }
                print(
                    f"  {name}: {stress['requests']} requests, {stress['rps']:.0f} req/s; "
                    f"errors: {stress['non2xx']} non-2xx, socket: connect {stress['connect']}, "
                    f"read {stress['read']}, write {stress['write']}, "
                    f"timeout {stress['timeout']}\n"
                    f"    latency ms: p50 {latency['50']}  p75 {latency['75']}  "
                    f"p90 {latency['90']}  p99 {latency['99']}  "
                    f"max {latency['max']}; worker restarts: {server.boots() - boots_before}"
                )
        finally:
            for server in servers:
                server.stop()
            cache.flushdb()


if __name__ == "__main__":
    main()
