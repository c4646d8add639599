"""A photo's renditions, made by a worker once the editor's save has returned.

``Photo.save()`` stores the checked original and queues ``make_renditions``; pages
show the photo once its state is ready. The job takes ids, not objects, and running
it twice is harmless: files that exist are kept, and a job for an image the photo no
longer has changes nothing.
"""

import logging

from django.db import transaction
from django_tasks import task

from caching.versions import content_changed

from .models import Photo, delete_rendition_files
from .renditions import RenditionState, write_renditions

logger = logging.getLogger(__name__)

# A job whose worker died this many times (killed for memory, a host lost) is not
# tried again: the editor sees why and may retry it from the admin.
MAX_ATTEMPTS = 3


@task(takes_context=True)
def make_renditions(context, photo_id, image_name, force=False):
    """Returns how many files it wrote; a failure's reason goes on the photo."""
    photo = Photo.objects.filter(pk=photo_id, image=image_name).first()
    if photo is None:
        return 0
    current = Photo.objects.filter(pk=photo_id, image=image_name)
    if context.attempt > MAX_ATTEMPTS:
        reason = (
            f"The worker stopped {MAX_ATTEMPTS} times while making the renditions, "
            "which usually means the image needs more memory than it has. Upload a "
            "smaller file, or retry."
        )
        current.update(rendition_state=RenditionState.FAILED, rendition_error=reason)
        logger.error("Renditions of photo %s given up: %s", photo_id, reason)
        return 0
    try:
        written = write_renditions(photo, force=force)
    except Exception as error:  # noqa: BLE001 - any failure is shown to the editor
        reason = f"The renditions could not be made: {error}"
        current.update(rendition_state=RenditionState.FAILED, rendition_error=reason)
        transaction.on_commit(content_changed)
        logger.exception("Renditions of photo %s failed", photo_id)
        return 0
    table = photo.rendition_table((photo.width, photo.height))
    updated = current.update(
        renditions=table,
        rendition_state=RenditionState.READY,
        rendition_error="",
    )
    if not updated:
        # Replaced or deleted while the files were being made: they belong to nobody.
        delete_rendition_files(written)
        return 0
    # The pages that leave the photo out until now are stale (an update() sends no
    # signal).
    transaction.on_commit(content_changed)
    return len(written)
