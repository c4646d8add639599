"""Time the photo essay page with its pictures against the same page without them.

    python bench/render_essay.py [--runs 200]

Loads the launch story (an essay of eleven slides) into a fresh temporary SQLite
database and media folder (or the database named by DATABASE_URL), then requests
the essay page with Django's test client, with DEBUG off and cached templates:

- "with pictures": the page as readers get it;
- "without pictures": the same page with ``{% picture %}`` rendering nothing;
- "imagekit URLs": the page as it would be if renditions were not recorded, each
  URL computed by imagekit (hashing its spec) on every request.

It prints the median time of each, the factor between the first two, and how many
storage calls and imagekit hashes one render of the page makes.
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

ESSAY = "expedition-56-space-station-mission-in-photos"


def median_ms(client, url, runs):
    client.get(url)  # warm the template cache
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    return statistics.median(times), response.content.decode()


def reset_templates():
    from django.template import engines

    for loader in engines["django"].engine.template_loaders:
        if hasattr(loader, "reset"):
            loader.reset()


def count_calls(client, url):
    """Storage calls and imagekit hashes made by one request."""
    from unittest import mock

    import imagekit.hashers
    from django.core.files.storage import FileSystemStorage

    counts = {"storage": 0, "hashes": 0}

    def counting(original, key):
        def wrapper(*args, **kwargs):
            counts[key] += 1
            return original(*args, **kwargs)

        return wrapper

    patches = [
        mock.patch.object(
            FileSystemStorage, name, counting(getattr(FileSystemStorage, name), "storage")
        )
        for name in ("exists", "open", "size", "listdir")
    ]
    patches.append(
        mock.patch.object(imagekit.hashers, "pickle", counting(imagekit.hashers.pickle, "hashes"))
    )
    for patch in patches:
        patch.start()
    try:
        client.get(url)
    finally:
        for patch in patches:
            patch.stop()
    return counts


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    from gallery.models import Gallery, Photo
    from gallery.templatetags import photos

    setup_test_environment()
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call_command("loaddata", "launch_story", verbosity=0)
    print(
        f"Loaded the launch story and made its renditions in {time.perf_counter() - started:.1f} s"
    )

    client = Client()
    url = Gallery.objects.get(slug=ESSAY).get_absolute_url()
    slides = Gallery.objects.get(slug=ESSAY).slides.count()

    with_pictures, page = median_ms(client, url, args.runs)
    calls = count_calls(client, url)
    pictures = page.count("<picture>")

    real_picture = photos.register.tags["picture"]
    photos.register.simple_tag(lambda *args, **kwargs: "", name="picture")
    reset_templates()
    try:
        without_pictures, page = median_ms(client, url, args.runs)
        assert "<picture>" not in page
    finally:
        photos.register.tags["picture"] = real_picture
        reset_templates()

    recorded = {photo.pk: photo.renditions for photo in Photo.objects.all()}
    Photo.objects.update(renditions={})
    try:
        imagekit_urls, _ = median_ms(client, url, args.runs)
        unrecorded_calls = count_calls(client, url)
    finally:
        for pk, renditions in recorded.items():
            Photo.objects.filter(pk=pk).update(renditions=renditions)

    print(f"Essay page {url}: {slides} slides, {pictures} <picture> elements, {args.runs} runs")
    print(f"  with pictures     {with_pictures:7.2f} ms median")
    print(f"  without pictures  {without_pictures:7.2f} ms median")
    print(f"  factor            {with_pictures / without_pictures:7.2f}x")
    print(f"  per render: {calls['storage']} storage calls, {calls['hashes']} imagekit hashes")
    print(
        f"  imagekit URLs     {imagekit_urls:7.2f} ms median "
        f"({imagekit_urls / without_pictures:.2f}x; {unrecorded_calls['hashes']} hashes, "
        f"{unrecorded_calls['storage']} storage calls per render)"
    )


if __name__ == "__main__":
    main()
