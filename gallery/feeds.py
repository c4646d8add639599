"""Photos in feeds: each story's lead image as an enclosure.

An enclosure must state its length in bytes. Asking the storage for a file's size
is a network call on a storage service, so sizes are cached by file name: a
rendition's name is derived from its source file and its spec, and a new upload
gets a new name, so a cached size never goes stale.
"""

from django.core.cache import cache
from django.utils.feedgenerator import Enclosure

from publishing.metadata import absolute_url

# 640 pixels wide: enough for a feed reader's card, small enough to download.
FEED_RENDITION = "card_jpeg"
FEED_IMAGE_TYPE = "image/jpeg"


def essay_lead_photo(gallery):
    """The cover, or else the first slide, of an essay loaded with ``gallery_cards``."""
    if gallery.cover:
        return gallery.cover
    slides = gallery.first_slides
    return slides[0].photo if slides else None


def feed_image_sizes(photos):
    """{photo pk: bytes} of each photo's feed rendition, one cache call for all.

    A photo whose renditions are not ready yet, or a rendition missing from
    storage, is left out: its story goes without an enclosure rather than announce
    a file that is not there.
    """
    files = {photo.pk: getattr(photo, FEED_RENDITION) for photo in photos if photo.renditions_ready}
    keys = {pk: f"feed-image-size:{file.name}" for pk, file in files.items()}
    cached = cache.get_many(keys.values())
    sizes, found = {}, {}
    for pk, file in files.items():
        key = keys[pk]
        if key in cached:
            sizes[pk] = cached[key]
            continue
        try:
            size = file.storage.size(file.name)
        except (OSError, ValueError):
            continue
        sizes[pk] = found[key] = size
    if found:
        cache.set_many(found, timeout=None)
    return sizes


def image_enclosure(request, photo, sizes):
    if photo is None or photo.pk not in sizes:
        return []
    url = absolute_url(request, getattr(photo, FEED_RENDITION).url)
    return [Enclosure(url, str(sizes[photo.pk]), FEED_IMAGE_TYPE)]
