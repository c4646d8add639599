"""Renditions are queued for every new image; files go when no photo uses them.

A photo saved through ``Photo.save()`` queues its renditions there. Two paths skip
``save()``: loaddata (a raw save), and deleting a photo.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .fixturefiles import copy_fixture_image
from .imaging import stored_upright_size
from .models import Photo, delete_unused_image

logger = logging.getLogger(__name__)


@receiver(post_save, sender=Photo, dispatch_uid="photo_fixture_renditions")
def make_fixture_renditions(sender, instance, raw, using, **kwargs):
    if not raw or not instance.image:
        return
    # loaddata: the image ships beside the fixture. Put it in media storage once the
    # fixture's transaction has committed, so a failed load leaves no files behind,
    # then queue its renditions as a save does.
    transaction.on_commit(lambda: prepare_fixture_photo(instance.pk, using), using=using)


def prepare_fixture_photo(pk, using):
    photo = Photo.objects.using(using).get(pk=pk)
    if photo.renditions_ready and photo.renditions == photo.rendition_table():
        # A restored backup: size and renditions were recorded where the photo was
        # made, and `restore` checks that the files came with it. Queuing them again
        # would hide the photo from pages until a worker had run.
        return
    try:
        copy_fixture_image(photo.image.name)
    except FileNotFoundError:
        # Neither in media storage nor beside a fixture: the load itself has
        # committed, so say which file is missing rather than fail after it.
        logger.warning(
            "Photo %s: its image %s is not in media storage.", photo.slug, photo.image.name
        )
        return
    size = stored_upright_size(photo.image)
    if size and size != (photo.width, photo.height):
        photo.width, photo.height = size
        Photo.objects.using(using).filter(pk=pk).update(width=size[0], height=size[1])
    photo.queue_renditions()


@receiver(post_delete, sender=Photo, dispatch_uid="photo_files")
def delete_photo_files(sender, instance, using, **kwargs):
    name = instance.image.name
    transaction.on_commit(lambda: delete_unused_image(name), using=using)
