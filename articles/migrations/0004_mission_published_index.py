from django.db import migrations, models

# article_published_order was made by 0003 in the database only; it is declared in
# Article.Meta.indexes now, so this adds it to the migration state alone.
#
# A mission's page lists and counts its published articles newest first: with the
# mission first in the index, the database reads that mission's rows only, where
# article_published_order walked every published article looking for them.


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0003_published_order_index"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddIndex(
                    model_name="article",
                    index=models.Index(
                        fields=["status", "publish_at"], name="article_published_order"
                    ),
                ),
            ],
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                fields=["mission", "status", "publish_at"], name="article_mission_published"
            ),
        ),
    ]
