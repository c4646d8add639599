"""Time every page type on the launch story and again on a big site built around it.

    python bench/scale.py [--postgres [--postgres-name NAME]] [--sqlite-stats] [--runs 5]
        [--scale 1.0] [--limit 2.0]

Loads the launch story into a fresh database (a temporary SQLite file, or with
``--postgres`` the database ``launchdesk_scale`` on 127.0.0.1:5432, or
``--postgres-name``, which the script creates and drops, with a copy named after it
plus ``_small``) and keeps a copy of it: the small site. Then it adds to the
database, with bulk inserts, 10,000 published articles (bylines, three text
blocks and a photo block each, a mission, people mentioned) and 300 drafts and
scheduled ones, 50,000 photos, 500 published photo essays of twelve slides (and 20
drafts), 2,000 people and 200 missions, with their search entries: the big site.
``--scale`` multiplies those numbers, for a quick try. PostgreSQL is vacuumed and
analyzed after the load, as autovacuum does after so many inserts; SQLite is
analyzed only with ``--sqlite-stats``, as nothing does it on a real site.

Every added record is placeholder text ("Bench article 01234"). All added photos
share one image of the launch story and its recorded renditions, so their pages link
real files. Each page is requested with Django's test client, DEBUG off and the page
cache off, on both sites in the same process: a warm-up request and one whose
queries are counted on each, then ``--runs`` timed requests on each, taking turns
(small, big, small, ...), so that a busy machine slows both alike; the table gives
their medians (fewer runs for a page slower than a few seconds).

The person and mission rows compare the launch story's author and mission with the
added author and mission that have the most work (a fifth of all articles and
photos). A list's "deep" row is page 200, or the last page where there are fewer. The
sitemap rows are the index and the first and last file of each section; a big-site
file is compared with the small site's first file of its section.
"""

import argparse
import logging
import math
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

POSTGRES_SERVER = "postgres://postgres@127.0.0.1:5432"
POSTGRES_NAME = "launchdesk_scale"
# The goal: no page type takes more than this many times as long on the big site.
RATIO_LIMIT = 2.0
SIZES = {"articles": 10_000, "photos": 50_000, "people": 2_000, "missions": 200, "essays": 500}
UNPUBLISHED = {"articles": 300, "essays": 20}
SLIDES_PER_ESSAY = 12
REPORTERS = 50
WORDS = (
    "placeholder orbit crew launch station rocket capsule booster payload docking module "
    "countdown telemetry hatch spacewalk landing engine stage fairing antenna"
).split()
START = datetime(2019, 1, 1, tzinfo=UTC)
# A page slower than this is timed fewer times: the sitemap could take seconds.
TIME_BUDGET_S = 20


def main():
    global POSTGRES_NAME  # noqa: PLW0603 - one name for the whole run
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument(
        "--postgres-name",
        default=POSTGRES_NAME,
        help="the database to create and drop on PostgreSQL, for a server that others "
        f"share (default {POSTGRES_NAME})",
    )
    parser.add_argument(
        "--limit",
        type=float,
        default=RATIO_LIMIT,
        help="the big/small ratio the page types listed under the table exceed "
        f"(default {RATIO_LIMIT})",
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument(
        "--sqlite-stats",
        action="store_true",
        help="run ANALYZE on SQLite after the build; without it SQLite plans queries "
        "without statistics, as a site does unless something runs ANALYZE",
    )
    args = parser.parse_args()
    POSTGRES_NAME = args.postgres_name

    folder = tempfile.mkdtemp(prefix="launchdesk-scale-")
    if args.postgres:
        recreate_postgres_database()
        os.environ["DATABASE_URL"] = f"{POSTGRES_SERVER}/{POSTGRES_NAME}"
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{folder}/scale.sqlite3"
    try:
        run(args, folder)
    finally:
        from django.conf import settings
        from django.db import connections

        for connection in SITES.values():
            connection.close()
        connections.close_all()
        if args.postgres:
            drop_postgres_database()
        shutil.rmtree(folder, ignore_errors=True)
        if str(settings.MEDIA_ROOT).startswith(tempfile.gettempdir()):
            shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


def run(args, folder):
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    # The launch story's renditions are made as it loads: one log line per job.
    logging.getLogger("django_tasks").setLevel(logging.WARNING)
    for name in ("django.request", "operations"):
        logger = logging.getLogger(name)
        logger.handlers, logger.propagate = [LAST_ERROR], False

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("loaddata", "launch_story", verbosity=0)
    print(f"{connection.vendor}: launch story loaded in {time.perf_counter() - started:.0f} s")
    keep_small_site(folder)

    sizes = {name: max(1, round(count * args.scale)) for name, count in SIZES.items()}
    started = time.perf_counter()
    build_big_site(sizes, sqlite_stats=args.sqlite_stats)
    print(
        f"big site built in {time.perf_counter() - started:.0f} s: "
        + ", ".join(f"{count:,} {name}" for name, count in sizes.items())
    )
    small, big = measure_all(args.runs)
    print_table(small, big)
    print_over_limit(small, big, args.limit)


# The databases --------------------------------------------------------------------


def postgres_server(sql):
    import psycopg

    with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as conn:
        conn.execute(sql)


def recreate_postgres_database():
    # A run that was killed leaves its database behind: start from nothing.
    postgres_server(f"DROP DATABASE IF EXISTS {POSTGRES_NAME} WITH (FORCE)")
    postgres_server(f"CREATE DATABASE {POSTGRES_NAME}")


def drop_postgres_database():
    postgres_server(f"DROP DATABASE IF EXISTS {POSTGRES_NAME} WITH (FORCE)")
    postgres_server(f"DROP DATABASE IF EXISTS {POSTGRES_NAME}_small WITH (FORCE)")


# The two sites, each on a connection of its own: pages are requested on the one
# that serves as Django's default connection at the time.
SITES = {}


def keep_small_site(folder):
    """Copy the database as it is, the launch story alone, for the small site."""
    from django.db import connections

    big = connections["default"]
    big.close()
    if big.vendor == "postgresql":
        name = f"{POSTGRES_NAME}_small"
        postgres_server(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        postgres_server(f"CREATE DATABASE {name} TEMPLATE {POSTGRES_NAME}")
    else:
        name = f"{folder}/small.sqlite3"
        shutil.copyfile(big.settings_dict["NAME"], name)
    SITES["small"] = type(big)({**big.settings_dict, "NAME": name}, "default")
    SITES["big"] = big


def use_site(name):
    from django.db import connections

    connections["default"] = SITES[name]


# The big site ---------------------------------------------------------------------


def words(rng, count):
    return " ".join(rng.choice(WORDS) for _ in range(count))


def skewed(i, count):
    """Index ``i`` spread over ``count`` things, a fifth of them on the first one."""
    return 0 if i % 5 == 0 or count == 1 else 1 + i % (count - 1)


def build_big_site(sizes, sqlite_stats=False):
    from django.db import connection, transaction

    with transaction.atomic():
        missions = make_missions(sizes["missions"])
        people = make_people(sizes["people"], missions)
        photos = make_photos(sizes, missions, people)
        galleries = make_essays(sizes["essays"], missions, photos["slides"])
        make_articles(sizes["articles"], missions, people, photos, galleries)
        index_for_search()
    if connection.vendor == "postgresql":
        # What autovacuum does within a minute of so many inserts: statistics, and
        # the visibility map that lets an index answer a count on its own.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    elif sqlite_stats:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def make_missions(count):
    from missions.models import LaunchSite, Mission

    site = LaunchSite.objects.create(name="Bench launch site", slug="bench-site", timezone="UTC")
    return Mission.objects.bulk_create(
        Mission(
            name=f"Bench mission {m:03d}",
            slug=f"bench-mission-{m:03d}",
            spacecraft="Bench spacecraft",
            launch_vehicle="Bench rocket",
            launch_at=START + timedelta(days=5 * m),
            launch_site=site,
            summary=f"Placeholder summary of bench mission {m}.",
        )
        for m in range(count)
    )


def make_people(count, missions):
    from missions.models import CrewMember, Person
    from publishing.text import fold

    people = Person.objects.bulk_create(
        Person(
            name=f"Bench person {p:04d}",
            slug=f"bench-person-{p:04d}",
            # Person.save() keeps search_names; bulk_create skips save().
            search_names=fold(f"Bench person {p:04d}"),
            kind=Person.Kind.JOURNALIST if p < REPORTERS else Person.Kind.ASTRONAUT,
            job_title="Bench reporter" if p < REPORTERS else "",
            agency="" if p < REPORTERS else "Bench agency",
            bio=f"Placeholder biography of bench person {p}.",
        )
        for p in range(count)
    )
    others = people[REPORTERS:] or people
    CrewMember.objects.bulk_create(
        CrewMember(mission=mission, person=others[(3 * m + k) % len(others)], order=k)
        for m, mission in enumerate(missions)
        for k in range(min(3, len(others)))
    )
    return people


def make_photos(sizes, missions, people):
    """Photos for article heroes, photo blocks, slides, portraits and the rest."""
    from gallery.models import Photo
    from gallery.renditions import RenditionState
    from publishing.models import Status

    shared = Photo.objects.filter(rendition_state=RenditionState.READY).order_by("pk").first()
    articles = sizes["articles"] + UNPUBLISHED["articles"]
    slides = (sizes["essays"] + UNPUBLISHED["essays"]) * SLIDES_PER_ESSAY
    total = max(sizes["photos"], 2 * articles + slides + len(people))
    now = datetime.now(UTC)

    def photo(i):
        # Every 50th photo that no story shows is a draft, every 100th scheduled.
        loose = i >= 2 * articles + slides
        return Photo(
            image=shared.image.name,
            width=shared.width,
            height=shared.height,
            renditions=shared.renditions,
            rendition_state=RenditionState.READY,
            title=f"Bench photo {i:05d}",
            slug=f"bench-photo-{i:05d}",
            caption=f"Placeholder caption of bench photo {i}.",
            alt_text=f"Placeholder description of bench photo {i}.",
            credit="Bench credit",
            mission=missions[skewed(i, len(missions))],
            status=Status.DRAFT if loose and i % 50 == 0 else Status.PUBLISHED,
            publish_at=now + timedelta(days=3)
            if loose and i % 100 == 1
            else START + timedelta(minutes=40 * i),
        )

    made = Photo.objects.bulk_create((photo(i) for i in range(total)), batch_size=2000)
    pictured = Photo.people.through
    pictured.objects.bulk_create(
        (pictured(photo=p, person=people[skewed(i, len(people))]) for i, p in enumerate(made)),
        batch_size=5000,
    )
    portraits = made[-len(people) :]
    for person, portrait in zip(people, portraits, strict=True):
        person.portrait = portrait
    type(people[0]).objects.bulk_update(people, ["portrait"], batch_size=500)
    return {
        "heroes": made[:articles],
        "blocks": made[articles : 2 * articles],
        "slides": made[2 * articles : 2 * articles + slides],
    }


def make_essays(count, missions, slide_photos):
    from gallery.models import Gallery, Slide
    from publishing.models import Status

    total = count + UNPUBLISHED["essays"]
    galleries = Gallery.objects.bulk_create(
        Gallery(
            title=f"Bench essay {g:03d}",
            slug=f"bench-essay-{g:03d}",
            introduction=f"Placeholder introduction of bench essay {g}.",
            mission=missions[skewed(g, len(missions))],
            # Half name a cover; the others show their first slide.
            cover=slide_photos[g * SLIDES_PER_ESSAY] if g % 2 else None,
            status=Status.PUBLISHED if g < count else Status.DRAFT,
            publish_at=START + timedelta(days=2 * g, hours=1),
        )
        for g in range(total)
    )
    Slide.objects.bulk_create(
        Slide(gallery=gallery, photo=slide_photos[g * SLIDES_PER_ESSAY + n], order=n)
        for g, gallery in enumerate(galleries)
        for n in range(SLIDES_PER_ESSAY)
    )
    return galleries[:count]


def make_articles(count, missions, people, photos, galleries):
    from articles.models import Article, Block, Byline
    from publishing.models import Status

    rng = random.Random(1234)
    now = datetime.now(UTC)
    reporters = people[:REPORTERS]
    mentionable = people[REPORTERS:] or people

    def article(i):
        # After the published ones: drafts, then scheduled ones.
        scheduled = i >= count + UNPUBLISHED["articles"] // 3 * 2
        return Article(
            headline=f"Bench article {i:05d}",
            slug=f"bench-article-{i:05d}",
            standfirst=f"Placeholder standfirst of bench article {i}: {words(rng, 12)}.",
            mission=missions[skewed(i, len(missions))],
            # Every fifth article has no hero and shows its photo block in lists.
            hero_photo=photos["heroes"][i] if i % 5 != 4 else None,
            related_gallery=galleries[i % len(galleries)] if i % 10 == 0 else None,
            status=Status.DRAFT if count <= i and not scheduled else Status.PUBLISHED,
            publish_at=now + timedelta(days=2)
            if scheduled
            else START + timedelta(hours=3 * i, minutes=30),
        )

    total = count + UNPUBLISHED["articles"]
    articles = Article.objects.bulk_create((article(i) for i in range(total)), batch_size=2000)
    bylines, blocks, mentions = [], [], []
    for i, item in enumerate(articles):
        author = skewed(i, len(reporters))
        bylines.append(Byline(article=item, person=reporters[author], order=0))
        if i % 4 == 0 and len(reporters) > 1:
            second = reporters[(author + 1) % len(reporters)]
            bylines.append(Byline(article=item, person=second, order=1))
        for order in range(4):
            if order == 1:
                blocks.append(Block(article=item, photo=photos["blocks"][i], order=order))
            else:
                text = f"<p>Bench article {i}, placeholder paragraph {order}: {words(rng, 40)}.</p>"
                blocks.append(Block(article=item, text=text, order=order))
        for k in {(7 * i) % len(mentionable), (13 * i + 5) % len(mentionable)}:
            mentions.append(Article.people.through(article=item, person=mentionable[k]))
    Byline.objects.bulk_create(bylines, batch_size=5000)
    Block.objects.bulk_create(blocks, batch_size=2000)
    Article.people.through.objects.bulk_create(mentions, batch_size=5000)


def index_for_search():
    """The search entries the save signals would have written: the index's own rebuild
    writes them a batch at a time."""
    from search.index import rebuild

    rebuild()


# The pages ------------------------------------------------------------------------


def list_pages(name, url, view, published):
    last = max(1, math.ceil(published.count() / view.paginate_by))
    return {f"{name} p1": url, f"{name} deep": f"{url}?page={min(200, last)}"}


def common_pages():
    from articles.models import Article
    from articles.views import ArticleListView
    from gallery.models import Gallery
    from gallery.views import GalleryListView
    from missions.models import Mission, Person
    from missions.views import MissionListView, PersonListView

    story = Article.objects.exclude(slug__startswith="bench-").get()
    essay = Gallery.objects.exclude(slug__startswith="bench-").get()
    slide = essay.slides.order_by("order").first()
    return {
        "home": "/",
        **list_pages("articles", "/articles/", ArticleListView, Article.objects.published()),
        **list_pages("essays", "/essays/", GalleryListView, Gallery.objects.published()),
        **list_pages("missions", "/missions/", MissionListView, Mission.objects.all()),
        **list_pages("people", "/people/", PersonListView, Person.objects.all()),
        "article": story.get_absolute_url(),
        "essay": essay.get_absolute_url(),
        "slide": slide.get_absolute_url(),
        "photo": slide.photo.get_absolute_url(),
        "search common": "/search/?q=launch",
        "search rare": "/search/?q=prokopyev",
        "feed latest rss": "/feeds/latest/rss/",
        "feed latest atom": "/feeds/latest/atom/",
    }


def person_and_mission_pages(person, mission):
    return {
        "person": person.get_absolute_url(),
        "mission": mission.get_absolute_url(),
        "feed person rss": f"/feeds/people/{person.slug}/rss/",
        "feed mission rss": f"/feeds/missions/{mission.slug}/rss/",
    }


def small_site_pages():
    from articles.models import Article

    story = Article.objects.exclude(slug__startswith="bench-").get()
    return {
        **common_pages(),
        **person_and_mission_pages(story.authors.first(), story.mission),
        **sitemap_pages(),
    }


def big_site_pages():
    from missions.models import Mission, Person

    person = Person.objects.get(slug="bench-person-0000")
    mission = Mission.objects.get(slug="bench-mission-000")
    return {**common_pages(), **person_and_mission_pages(person, mission), **sitemap_pages()}


def sitemap_pages():
    """sitemap.xml, and the first and last page of each section it points at."""
    from django.test import Client

    response = Client().get("/sitemap.xml")
    pages = {"sitemap.xml": "/sitemap.xml"}
    if response.status_code != 200:
        return pages
    root = ET.fromstring(response.content)
    if not root.tag.endswith("sitemapindex"):
        return pages
    sections = {}
    for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"):
        address = urlsplit(loc.text)
        sections.setdefault(address.path, []).append(
            address.path + (f"?{address.query}" if address.query else "")
        )
    for path, addresses in sections.items():
        name = "sitemap " + path.strip("/").removeprefix("sitemap-").removesuffix(".xml")
        pages[f"{name} p1"] = addresses[0]
        if len(addresses) > 1:
            pages[f"{name} last"] = addresses[-1]
    return pages


class LastError(logging.Handler):
    """Keeps the exception of the last error logged, for the table instead of the log."""

    message = ""

    def emit(self, record):
        if record.exc_info:
            self.message = str(record.exc_info[1])[:80]


LAST_ERROR = LastError()


def counted_request(client, url):
    """A warm-up request (templates, content types), then one whose queries are
    counted: its result row without the times."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    if response.status_code != 200:
        raise RuntimeError(f"HTTP {response.status_code} {LAST_ERROR.message}".strip())
    return {
        "queries": len(queries),
        "db_ms": sum(float(query["time"]) for query in queries.captured_queries) * 1000,
        "kb": len(response.content) / 1024,
        # A sitemap file's work grows with its entries: <url> or, in the index, <sitemap>.
        "entries": response.content.count(b"<url>") + response.content.count(b"<sitemap>"),
        "url": url,
    }


def timed_request(client, url):
    start = time.perf_counter()
    client.get(url)
    return (time.perf_counter() - start) * 1000


def measure_all(runs):
    """Each page type on both sites, timed in turns; ({name: row} small, {name: row} big)."""
    from django.test import Client

    client = Client()
    pages, results = {}, {"small": {}, "big": {}}
    for site, site_pages in (("small", small_site_pages), ("big", big_site_pages)):
        use_site(site)
        pages[site] = site_pages()
    for name in [*pages["small"], *(name for name in pages["big"] if name not in pages["small"])]:
        # A big-site row without a small one (a section's last file) is timed against
        # the small site's first file of that section.
        urls = {"small": baseline(name, pages["small"]), "big": pages["big"].get(name)}
        times = {}
        for site, url in urls.items():
            if url is None:
                continue
            use_site(site)
            try:
                results[site][name] = counted_request(client, url)
                times[site] = []
            except Exception as error:  # noqa: BLE001 - a failing page is a result too
                results[site][name] = {"error": str(error)[:90], "url": url}
        budget_end = time.perf_counter() + TIME_BUDGET_S
        for _ in range(runs):
            for site in times:
                use_site(site)
                times[site].append(timed_request(client, urls[site]))
            if time.perf_counter() > budget_end and all(len(t) >= 3 for t in times.values()):
                break
        for site, site_times in times.items():
            results[site][name]["ms"] = statistics.median(site_times)
    return results["small"], results["big"]


def baseline(name, small):
    """The small site's row for a big-site row: a section's last page is its first there."""
    if name in small:
        return small[name]
    return small.get(name.removesuffix(" last") + " p1")


def print_table(small, big):
    """Per page: median ms on each site, their ratio, then small/big pairs of the query
    count, the time the database took on the counted request, the size, and for
    sitemap files their entries."""
    columns = [("page", 24), ("small ms", 10), ("big ms", 10), ("ratio", 8)]
    columns += [("queries", 9), ("db ms", 12), ("kB", 11), ("entries", 12)]
    header = "".join(
        f"{title:<{width}}" if i == 0 else f"{title:>{width}}"
        for i, (title, width) in enumerate(columns)
    )
    print(f"\n{header}\n{'-' * len(header)}")
    for name in [*small, *(name for name in big if name not in small)]:
        s, b = baseline(name, small) or {}, big.get(name, {})
        if "error" in s or "error" in b:
            small_cell = s.get("error") or f"{s['ms']:.1f}"
            print(f"{name:<24}{small_cell:>10}  big: {b.get('error', '-')}")
            continue

        def pair(key, form="{:.0f}", sides=(s, b)):
            return "/".join(form.format(side[key]) if key in side else "-" for side in sides)

        cells = [
            f"{s['ms']:.1f}" if s else "-",
            f"{b['ms']:.1f}" if b else "-",
            f"{b['ms'] / s['ms']:.1f}x" if s and b else "-",
            pair("queries"),
            pair("db_ms", "{:.1f}"),
            pair("kb"),
            pair("entries") if b.get("entries") else "",
        ]
        row = "".join(
            f"{cell:>{width}}" for cell, (_, width) in zip(cells, columns[1:], strict=True)
        )
        print(f"{name:<24}{row}")


def print_over_limit(small, big, limit):
    """The page types whose big-site time is over ``limit`` times their small-site one."""
    over = []
    for name in [*small, *(name for name in big if name not in small)]:
        s, b = baseline(name, small) or {}, big.get(name, {})
        if "ms" in s and "ms" in b and b["ms"] > limit * s["ms"]:
            over.append(f"{name} {b['ms'] / s['ms']:.1f}x")
    if over:
        print(f"\nover {limit:g}x: " + ", ".join(over))
    else:
        print(f"\nevery page type within {limit:g}x")


if __name__ == "__main__":
    main()
