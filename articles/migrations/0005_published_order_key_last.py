from django.db import migrations, models

# Lists and sitemap files order by publish time and key: with the key as the
# index's last column, a page's keys come from the index alone.


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0004_mission_published_index"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="article", name="article_published_order"),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                fields=["status", "publish_at", "id"], name="article_published_order"
            ),
        ),
    ]
