from django.db import migrations, models

# 0003 made article_published_order in the database only; Article.Meta.indexes
# declares it now, so this records it in the migration state alone.
#
# A mission's page lists and counts its published articles: with the mission first
# in an index, the database reads that mission's rows only, where
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
                fields=["mission", "status", "publish_at", "id"], name="article_mission_published"
            ),
        ),
    ]
