from django.db import migrations, models

# Lists and sitemap files order by publish time and key: with the key as the
# indexes' last column, a page's keys come from the index alone.


class Migration(migrations.Migration):
    dependencies = [
        ("gallery", "0006_mission_published_index"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="gallery", name="gallery_published_order"),
        migrations.AddIndex(
            model_name="gallery",
            index=models.Index(
                fields=["status", "publish_at", "id"], name="gallery_published_order"
            ),
        ),
        migrations.RemoveIndex(model_name="photo", name="photo_published_order"),
        migrations.AddIndex(
            model_name="photo",
            index=models.Index(fields=["status", "publish_at", "id"], name="photo_published_order"),
        ),
    ]
