"""Time search on the launch story, then on a big site: a common word, a rare word, a name.

    python bench/search.py [--postgres] [--articles 10000] [--runs 10]

Loads the launch story into a fresh database (a temporary SQLite file, or with
``--postgres`` the database ``launchdesk_search_bench`` on 127.0.0.1:5432, which the
script creates and drops) and keeps a copy of it, the small site (a second file,
or a copy of its tables in the schema ``small``). Then it adds to the first, with
bulk inserts and no signals, ``--articles`` articles with a text block each (3% of
them drafts), five times as many photos and a fifth as many people (one in ten
with another spelling of their name), all placeholder text ("Bench article 00123
..."). "launch" is in every one of them, so a search for it matches about 60,000
records, "countdown" in one article and photo in ten, and "rassvet" only in the
launch story. It rebuilds the search index with ``rebuild_search_index``.

Each search is a request to the search page with Django's test client (DEBUG off,
the page cache off), on the small site and on the big one in turn, round after
round, so that both see the same load on the machine: in each round, a warm-up
request and a timed one per search; the table gives the median of ``--runs``
rounds. "results" is the number the page gives: "1,000+" where it says "more
than 1,000 results" (search.backends.MAX_RANKED).
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
URL = "/search/"
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
    sites = {"small": copy_small_site(), "big": dict(connection.settings_dict)}

    started = time.perf_counter()
    counts = build_big_site(args.articles)
    built = time.perf_counter() - started
    started = time.perf_counter()
    call_command("rebuild_search_index", stdout=io.StringIO())
    if connection.vendor == "postgresql":
        # What autovacuum does after a bulk load, before readers arrive: VACUUM
        # also moves the GIN indexes' pending entries into the indexes proper.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    indexed = time.perf_counter() - started
    print(
        f"{connection.vendor}: added "
        + ", ".join(f"{count:,} {name}" for name, count in counts.items())
        + f" in {built:.0f} s; search index rebuilt in {indexed:.0f} s"
    )

    pages = {}
    for site, settings_dict in sites.items():
        use_site(settings_dict)
        pages.update({(site, name): read(params) for name, params in QUERIES.items()})
    times = {key: [] for key in pages}
    for round_ in range(args.runs):
        # Each site first in every other round, so neither always follows the other.
        for site in list(sites) if round_ % 2 == 0 else list(sites)[::-1]:
            use_site(sites[site])
            for name, params in QUERIES.items():
                times[site, name].append(timed(params))

    print(
        f"{'search':<18}{'q':>18}{'results':>9}{'queries':>8}{'small ms':>10}"
        f"{'results':>9}{'queries':>8}{'big ms':>9}{'ratio':>7}"
    )
    for name, params in QUERIES.items():
        s, b = pages["small", name], pages["big", name]
        small_ms = statistics.median(times["small", name])
        big_ms = statistics.median(times["big", name])
        print(
            f"{name:<18}{params['q']:>18}{s['results']:>9}{s['queries']:>8}{small_ms:>10.1f}"
            f"{b['results']:>9}{b['queries']:>8}{big_ms:>9.1f}{big_ms / small_ms:>6.1f}×"
        )


def copy_small_site():
    """A copy of the database as it is, and the connection settings that open it."""
    from django.db import connection

    settings_dict = dict(connection.settings_dict)
    if connection.vendor == "sqlite":
        connection.close()
        small = Path(settings_dict["NAME"]).with_name("small.sqlite3")
        shutil.copyfile(settings_dict["NAME"], small)
        return {**settings_dict, "NAME": str(small)}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
        )
        tables = [row[0] for row in cursor.fetchall()]
        cursor.execute("CREATE SCHEMA small")
        for table in tables:
            cursor.execute(f'CREATE TABLE small."{table}" (LIKE public."{table}" INCLUDING ALL)')
            cursor.execute(f'INSERT INTO small."{table}" SELECT * FROM public."{table}"')
        cursor.execute("VACUUM ANALYZE")
    # The unaccent extension stays in public.
    options = {**settings_dict["OPTIONS"], "options": "-c search_path=small,public"}
    return {**settings_dict, "OPTIONS": options}


def use_site(settings_dict):
    from django.db import connection

    connection.close()
    connection.settings_dict.update(settings_dict)


def read(params):
    """The page's number of results and of SQL queries, after a warm-up request."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.get(URL, params)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, params)
    assert response.status_code == 200, (params, response.status_code)
    results = f"{response.context['page_obj'].paginator.count:,}"
    if response.context.get("more_than"):
        results += "+"
    return {"results": results, "queries": len(queries)}


def timed(params):
    """Milliseconds of one request, after a warm-up request."""
    from django.test import Client

    client = Client()
    client.get(URL, params)
    started = time.perf_counter()
    response = client.get(URL, params)
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, (params, response.status_code)
    return elapsed


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
