"""What a backup holds, and the media files it needs.

A backup is the content that people wrote, by natural key, so it loads into any
database: the content apps (the same list the page cache watches), and the accounts
and groups with their permissions. Everything else is left out because the site
makes it again: content types and permissions (``migrate``), the search index (the
restore rebuilds it), the queue of background jobs and the workers' heartbeats, who
is signed in, and the admin's log of changes. The items' earlier versions
(revisions) are left out too: a restored site starts its history afresh.

The photos' rendition records (``Photo.renditions``) are kept: they are part of the
photo's row and name files by the image and the spec alone, so pages read them right
after a restore without waiting for a worker. The rendition files are listed as well,
so a copy of the media serves the same pages at once; any that are missing are made
again from their originals by a worker.
"""

from imagekit.utils import get_storage

from caching.signals import CONTENT_APPS

# Old addresses (``addresses``) are left out: they name their items by primary key,
# which a restore by natural key gives anew. After a restore the current addresses
# answer; the old ones are recorded again from the next change of a slug.
LABELS = [*(label for label in CONTENT_APPS if label != "addresses"), "auth.user", "auth.group"]
DUMPDATA_OPTIONS = ["--natural-foreign", "--natural-primary"]


def dumpdata_arguments():
    """The arguments of the one ``dumpdata`` a backup runs."""
    return [*DUMPDATA_OPTIONS, *LABELS]


def needed_media():
    """(name, what) for every media file the content names: originals, then renditions.

    ``what`` says which photo the file belongs to, for the operator's report.
    """
    from gallery.models import Photo

    originals, renditions = [], []
    photos = Photo.objects.exclude(image="").order_by("pk")
    for slug, image, recorded in photos.values_list("slug", "image", "renditions"):
        originals.append((image, f"original of photo “{slug}”"))
        for purpose, entry in sorted((recorded or {}).items()):
            for fmt in ("avif", "webp", "jpeg"):
                if entry.get(fmt):
                    renditions.append((entry[fmt], f"{purpose} {fmt} of photo “{slug}”"))
    return originals, renditions


def missing_media():
    """(originals, renditions): the needed files that their storage does not hold.

    Originals are in their own, private storage (gallery/storage.py), renditions in
    the public one.
    """
    from gallery.models import Photo

    originals_storage = Photo._meta.get_field("image").storage
    originals, renditions = needed_media()
    return (
        [(name, what) for name, what in originals if not originals_storage.exists(name)],
        [(name, what) for name, what in renditions if not get_storage().exists(name)],
    )
