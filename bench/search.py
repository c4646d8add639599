"""Time search on the launch story, then on a big site: a common word, a rare word, a name.

    python bench/search.py [--postgres] [--articles 10000] [--runs 10]

Loads the launch story into a fresh database (a temporary SQLite file, or with
``--postgres`` the database ``launchdesk_search_bench`` on 127.0.0.1:5432, which the
script creates and drops) and times the search page for each query below. Then it
adds, with bulk inserts and no signals, ``--articles`` articles with a text block
each (3% of them drafts), five times as many photos and a fifth as many people (one
in ten with another spelling of their name), all placeholder text ("Bench article
00123 ..."). "launch" is in every one of them, so a search for it matches about
60,000 records, "countdown" in one article and photo in ten, and "rassvet" only
in the launch story. It rebuilds the search index
with ``rebuild_search_index`` and times the same searches again.

Each search is a request to the search page with Django's test client (DEBUG off,
the page cache off): a warm-up, one whose SQL queries are counted, then the median
of ``--runs`` timed requests.
"""

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

POSTGRES_SERVER = "postgres://postgres@127.0.0.1:5432"
POSTGRES_NAME = "launchdesk_search_bench"
QUERIES = {
    "common word": {"q": "launch"},
    "common, page 50": {"q": "launch", "page": "50"},
    "as typed": {"q": "lau"},
    "word in 1 of 10": {"q": "countdown"},
    "rare word": {"q": "rassvet"},
    "other spelling": {"q": "sergei prokopyev"},
    "no match": {"q": "zebra"},
}
WORDS = (
    "orbit crew station rocket capsule booster payload docking module telemetry "
    "hatch spacewalk landing engine stage fairing antenna"
).split()
START = datetime(2019, 1, 1, tzinfo=UTC)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="launchdesk-search-bench-")
    if args.postgres:
        postgres_server(f"DROP DATABASE IF EXISTS {POSTGRES_NAME} WITH (FORCE)")
        postgres_server(f"CREATE DATABASE {POSTGRES_NAME}")
        os.environ["DATABASE_URL"] = f"{POSTGRES_SERVER}/{POSTGRES_NAME}"
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{folder}/search.sqlite3"
    try:
        run(args)
    finally:
        from django.conf import settings
        from django.db import connections

        connections.close_all()
        if args.postgres:
            postgres_server(f"DROP DATABASE IF EXISTS {POSTGRES_NAME} WITH (FORCE)")
        shutil.rmtree(folder, ignore_errors=True)
        if str(settings.MEDIA_ROOT).startswith(tempfile.gettempdir()):
            shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


def postgres_server(sql):
    import psycopg

    with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as conn:
        conn.execute(sql)


def run(args):
    import django

    django.setup()
    import io
    import logging

    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import setup_test_environment

    # The launch story's renditions are made as it loads: one log line per job.
    logging.getLogger("django_tasks").setLevel(logging.WARNING)
    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("loaddata", "launch_story", verbosity=0)
    small = {name: measure(params, args.runs) for name, params in QUERIES.items()}

    started = time.perf_counter()
    counts = build_big_site(args.articles)
    built = time.perf_counter() - started
    started = time.perf_counter()
    call_command("rebuild_search_index", stdout=io.StringIO())
    if connection.vendor == "postgresql":
        # What autovacuum does after a bulk load, before readers arrive.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    indexed = time.perf_counter() - started
    print(
        f"{connection.vendor}: added "
        + ", ".join(f"{count:,} {name}" for name, count in counts.items())
        + f" in {built:.0f} s; search index rebuilt in {indexed:.0f} s"
    )
    big = {name: measure(params, args.runs) for name, params in QUERIES.items()}

    print(
        f"{'search':<18}{'q':>18}{'results':>9}{'queries':>8}{'small ms':>10}"
        f"{'results':>9}{'queries':>8}{'big ms':>9}{'ratio':>7}"
    )
    for name, params in QUERIES.items():
        s, b = small[name], big[name]
        print(
            f"{name:<18}{params['q']:>18}{s['results']:>9,}{s['queries']:>8}{s['ms']:>10.1f}"
            f"{b['results']:>9,}{b['queries']:>8}{b['ms']:>9.1f}{b['ms'] / s['ms']:>6.1f}×"
        )


def measure(params, runs):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    url = "/search/"
    client.get(url, params)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200, (params, response.status_code)
    results = response.context["page_obj"].paginator.count
    count = len(queries)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        client.get(url, params)
        times.append((time.perf_counter() - started) * 1000)
    return {"results": results, "queries": count, "ms": statistics.median(times)}


def build_big_site(articles):
    from django.db import transaction

    from articles.models import Article, Block
    from gallery.models import Photo
    from missions.models import Person
    from publishing.models import Status
    from publishing.text import fold

    rng = random.Random(56)

    def text(count):
        return " ".join(rng.choice(WORDS) for _ in range(count))

    def tenth(i):
        return " countdown" if i % 10 == 3 else ""

    def status(i):
        return Status.DRAFT if i % 33 == 0 else Status.PUBLISHED

    photos, people = articles * 5, articles // 5
    with transaction.atomic():
        Article.objects.bulk_create(
            (
                Article(
                    headline=f"Bench article {i:05d}: {text(2)} {'launch' if i % 10 == 0 else ''}",
                    slug=f"bench-article-{i:05d}",
                    standfirst=f"Bench article {i} about the launch of a {text(12)}{tenth(i)}.",
                    status=status(i),
                    publish_at=START + timedelta(minutes=i),
                )
                for i in range(articles)
            ),
            batch_size=2000,
        )
        Block.objects.bulk_create(
            (
                Block(article_id=pk, text=f"<p>{text(40)} launch {text(20)}.</p>", order=0)
                for pk in Article.objects.filter(slug__startswith="bench-").values_list(
                    "pk", flat=True
                )
            ),
            batch_size=2000,
        )
        Photo.objects.bulk_create(
            (
                Photo(
                    image=f"photos/bench/bench-{i:05d}.jpg",
                    width=1600,
                    height=1067,
                    title=f"Bench photo {i:05d}: {text(2)}",
                    slug=f"bench-photo-{i:05d}",
                    caption=f"Bench photo {i} of the launch: {text(15)}{tenth(i)}.",
                    alt_text=f"Bench photo {i}",
                    credit="Bench",
                    status=status(i),
                    publish_at=START + timedelta(minutes=i),
                )
                for i in range(photos)
            ),
            batch_size=2000,
        )
        people_rows = []
        for i in range(people):
            other = f"Bench persona {i:04d}" if i % 10 == 0 else ""
            name = f"Bench person {i:04d}"
            people_rows.append(
                Person(
                    name=name,
                    slug=f"bench-person-{i:04d}",
                    other_names=other,
                    # Person.save() keeps search_names; bulk_create skips save().
                    search_names=fold(f"{name} {other}".strip()),
                    bio=text(30),
                )
            )
        Person.objects.bulk_create(people_rows, batch_size=2000)
    return {"articles": articles, "photos": photos, "people": people}


if __name__ == "__main__":
    main()
