"""Put the originals of existing photos in their private place, and check no reader gets them.

Originals were once stored like renditions, in the public media storage. This
command, safe to run any number of times:

- with ``AWS_ORIGINALS_BUCKET_NAME`` (another bucket than the media's), copies each
  photo's original there and removes it from the media bucket;
- with one bucket, sets each original's ACL to private, for stores that enforce
  ACLs (the bucket policy or the store's identities must keep ``photos/`` private
  too: README, "What is public");
- then asks for a few originals, drafts first, at their public media address
  without credentials, and fails if any answers.

    python manage.py protect_originals [--check N] [--site https://news.example.org]
"""

import urllib.error
import urllib.request
from urllib.parse import urljoin

from botocore.exceptions import BotoCoreError, ClientError
from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError
from storages.backends.s3 import S3Storage

from gallery.models import Photo
from publishing.models import Status


def same_place(a, b):
    if isinstance(a, S3Storage) and isinstance(b, S3Storage):
        return (a.bucket_name, a.endpoint_url, a.location) == (
            b.bucket_name,
            b.endpoint_url,
            b.location,
        )
    return getattr(a, "location", None) == getattr(b, "location", None)


def answers_anonymously(url):
    """Whether ``url`` gives its file to a request without credentials."""
    request = urllib.request.Request(url, headers={"Range": "bytes=0-0"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status in (200, 206)
    except urllib.error.HTTPError:
        return False


class Command(BaseCommand):
    help = "Move or lock existing photo originals into private storage, then check them."

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            type=int,
            default=20,
            metavar="N",
            help="How many originals to ask for anonymously afterwards, drafts first (0: none).",
        )
        parser.add_argument(
            "--site",
            help="Where readers load local-disk media from, e.g. https://news.example.org: "
            "without object storage, media URLs have no host to check against.",
        )

    def handle(self, *args, check=20, site=None, **options):
        media = storages["default"]
        originals = storages["originals"]
        names = list(
            Photo.objects.exclude(image="")
            .order_by("image")
            .values_list("image", flat=True)
            .distinct()
        )
        if not names:
            self.stdout.write("No photo originals.")
            return
        if not same_place(media, originals):
            self.move(media, originals, names)
        elif isinstance(originals, S3Storage):
            self.lock(originals, names)
        else:
            self.stdout.write(
                "Originals are on local disk under MEDIA_ROOT/photos/: the front server "
                "must serve MEDIA_ROOT/renditions/ only (README, “What is public”)."
            )
        if check:
            self.check_private(media, check, site)

    def move(self, media, originals, names):
        moved = already = missing = 0
        for name in names:
            if originals.exists(name):
                already += 1
            elif media.exists(name):
                with media.open(name, "rb") as source:
                    saved = originals.save(name, source)
                if saved != name:
                    originals.delete(saved)
                    raise CommandError(f"The originals storage renamed {name} to {saved}.")
                moved += 1
            else:
                missing += 1
                self.stderr.write(f"Missing from both storages: {name}")
                continue
            # Removed from the public place only once it is in the private one.
            if media.exists(name):
                media.delete(name)
        self.stdout.write(
            self.style.SUCCESS(
                f"Originals moved to private storage: {moved}; already there: {already}."
            )
        )
        if missing:
            self.stdout.write(self.style.WARNING(f"Missing originals: {missing}."))

    def lock(self, originals, names):
        client = originals.connection.meta.client
        locked = 0
        for name in names:
            try:
                client.put_object_acl(
                    Bucket=originals.bucket_name, Key=originals._normalize_name(name), ACL="private"
                )
            except (BotoCoreError, ClientError) as error:
                self.stdout.write(
                    self.style.WARNING(
                        f"The store refused an object ACL ({error}); its bucket policy or "
                        "identities alone keep originals private."
                    )
                )
                break
            locked += 1
        self.stdout.write(self.style.SUCCESS(f"Originals set private: {locked} of {len(names)}."))

    def check_private(self, media, count, site):
        photos = Photo.objects.exclude(image="")
        # Drafts first: theirs are the originals that must never be seen.
        sample = list(
            photos.exclude(status=Status.PUBLISHED).values_list("image", flat=True)[:count]
        )
        sample += list(
            photos.filter(status=Status.PUBLISHED).values_list("image", flat=True)[
                : count - len(sample)
            ]
        )
        exposed = []
        for name in sample:
            # Where the original would be if the media storage published it.
            url = media.url(name)
            if not url.startswith(("http://", "https://")):
                if not site:
                    self.stdout.write(
                        "Media are on local disk: give --site to ask the front server for "
                        "originals."
                    )
                    return
                url = urljoin(site, url)
            if answers_anonymously(url):
                exposed.append(url)
        if exposed:
            raise CommandError(
                f"{len(exposed)} of {len(sample)} originals answer without credentials, "
                f"e.g. {exposed[0]}. Make them private (README, “What is public”)."
            )
        self.stdout.write(
            self.style.SUCCESS(f"None of {len(sample)} originals answer without credentials.")
        )
