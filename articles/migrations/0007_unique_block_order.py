"""Each body block has a place of its own in its article: with the article, its
natural key, by which a backup names it."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_number_shared_block_places"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="block",
            constraint=models.UniqueConstraint(
                fields=("article", "order"), name="unique_block_order"
            ),
        ),
    ]
