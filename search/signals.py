"""Keep the search index in step with every save and delete, fixtures included."""

from django.db.models.signals import post_delete, post_save

from articles.models import Article, Block

from . import index
from .documents import KIND_OF_MODEL


def record_saved(sender, instance, **kwargs):
    index.index_object(instance)


def record_deleted(sender, instance, **kwargs):
    index.remove(sender, instance.pk)


def block_changed(sender, instance, **kwargs):
    # A body block is part of its article's text.
    index.index_by_pk(Article, instance.article_id)


for model in KIND_OF_MODEL:
    post_save.connect(record_saved, sender=model, dispatch_uid=f"search_save_{model.__name__}")
    post_delete.connect(
        record_deleted, sender=model, dispatch_uid=f"search_delete_{model.__name__}"
    )
post_save.connect(block_changed, sender=Block, dispatch_uid="search_block_save")
post_delete.connect(block_changed, sender=Block, dispatch_uid="search_block_delete")
