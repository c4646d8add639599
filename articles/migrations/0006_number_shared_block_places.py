"""Blocks that share a place in their article are numbered again, before migration
0007 makes each place unique: the reading order the pages showed is kept (by place,
then by age)."""

from django.db import migrations
from django.db.models import Count


def number_shared_places(apps, schema_editor):
    Block = apps.get_model("articles", "Block")
    shared = (
        Block.objects.values("article_id", "order")
        .annotate(blocks=Count("id"))
        .filter(blocks__gt=1)
        .values_list("article_id", flat=True)
        .distinct()
    )
    for article_id in set(shared):
        blocks = list(Block.objects.filter(article_id=article_id).order_by("order", "id"))
        for position, block in enumerate(blocks, start=1):
            block.order = position
        Block.objects.bulk_update(blocks, ["order"])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_published_order_key_last"),
    ]

    operations = [
        migrations.RunPython(number_shared_places, migrations.RunPython.noop),
    ]
