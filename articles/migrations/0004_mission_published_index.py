from django.db import migrations, models

# 0003 made article_published_order in the database only; the first operation
# records it in the migration state, now that Article.Meta.indexes declares it.
#
# It then gains the key as its last column: lists and sitemap files order by
# publish time and key, and find a page's keys on the index alone.
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
        migrations.RemoveIndex(model_name="article", name="article_published_order"),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                fields=["status", "publish_at", "id"], name="article_published_order"
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                fields=["mission", "status", "publish_at", "id"], name="article_mission_published"
            ),
        ),
    ]
