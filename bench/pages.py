"""Count SQL queries and time the render of every page of the launch story.

    python bench/pages.py [--runs 20]

Loads the launch story into a fresh temporary SQLite database (or the database
named by DATABASE_URL), then requests each page with Django's test client and
prints the number of queries and the median render time. It also adds twelve
more photos to the article and the essay and prints the counts again: they
should not change.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("loaddata", "launch_story", verbosity=0)

    from articles.models import Article, Block
    from gallery.models import Gallery, Photo, Slide

    article = Article.objects.get()
    gallery = Gallery.objects.get()
    first_slide = gallery.slides.first()
    pages = {
        "home": "/",
        "article": article.get_absolute_url(),
        "article list": "/articles/",
        "essay": gallery.get_absolute_url(),
        "slide": first_slide.get_absolute_url(),
        "essay list": "/essays/",
        "photo": first_slide.photo.get_absolute_url(),
        "mission": article.mission.get_absolute_url(),
        "mission list": "/missions/",
        "person": article.authors.first().get_absolute_url(),
        "person list": "/people/",
    }
    client = Client()

    def measure(url):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        # Count now: every later request clears the connection's query log.
        count = len(queries)
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        return count, statistics.median(times)

    print(f"{'page':<14}{'queries':>8}{'median ms':>11}")
    before = {}
    for name, url in pages.items():
        count, ms = measure(url)
        before[name] = count
        print(f"{name:<14}{count:>8}{ms:>11.1f}")

    # Twelve more photos in the article body and in the essay.
    photo = first_slide.photo
    order = Block.objects.filter(article=article).count()
    for i in range(12):
        extra = Photo.objects.create(
            image=photo.image.name,
            width=photo.width,
            height=photo.height,
            title=f"Extra {i}",
            slug=f"extra-{i}",
            alt_text="Extra",
            credit="NASA",
            status="published",
            publish_at=photo.publish_at,
        )
        Block.objects.create(article=article, photo=extra, order=order + i + 1)
        Slide.objects.create(gallery=gallery, photo=extra, order=100 + i)
    print("\nWith twelve more photos in the article and the essay:")
    for name in ("article", "essay", "slide", "home"):
        count, ms = measure(pages[name])
        change = "same" if count == before[name] else f"was {before[name]}"
        print(f"{name:<14}{count:>8}{ms:>11.1f}   ({change})")


if __name__ == "__main__":
    main()
