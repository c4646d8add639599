"""Records an item's slug as it changes, and forgets an item's old slugs as it goes."""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save, pre_save

from .models import OldSlug
from .routes import ADDRESSED_MODELS


def note_slug_before_save(sender, instance, raw=False, **kwargs):
    # A fixture or a restore loads items as they were: no address changes then.
    if raw or instance.pk is None:
        instance._slug_before_save = None
        return
    instance._slug_before_save = (
        sender._default_manager.filter(pk=instance.pk).values_list("slug", flat=True).first()
    )


def record_old_slug(sender, instance, raw=False, **kwargs):
    before = getattr(instance, "_slug_before_save", None)
    if raw or before is None or before == instance.slug:
        return
    content_type = ContentType.objects.get_for_model(sender)
    OldSlug.objects.update_or_create(
        content_type=content_type, slug=before, defaults={"object_id": instance.pk}
    )
    # Its current slug answers by itself now: taken back, it is no longer old.
    OldSlug.objects.filter(content_type=content_type, slug=instance.slug).delete()


def forget_old_slugs(sender, instance, **kwargs):
    OldSlug.objects.filter(
        content_type=ContentType.objects.get_for_model(sender), object_id=instance.pk
    ).delete()


for model in ADDRESSED_MODELS:
    uid = f"addresses.{model._meta.label_lower}"
    pre_save.connect(note_slug_before_save, sender=model, dispatch_uid=f"{uid}.pre_save")
    post_save.connect(record_old_slug, sender=model, dispatch_uid=f"{uid}.post_save")
    post_delete.connect(forget_old_slugs, sender=model, dispatch_uid=f"{uid}.post_delete")
