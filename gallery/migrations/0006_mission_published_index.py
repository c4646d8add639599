from django.db import migrations, models

# 0005 made these indexes in the database only; the first operation records them in
# the migration state, now that the models' Meta.indexes declare them.
#
# The essays' and photos' published-order indexes then gain the key as their last
# column: lists and sitemap files order by publish time and key, and find a page's
# keys on the index alone.
#
# A mission's page lists and counts its published essays: with the mission first in
# an index, the database reads that mission's essays only.


def published_order(name, *fields):
    return models.Index(fields=[*fields, "status", "publish_at"], name=name)


class Migration(migrations.Migration):
    dependencies = [
        ("gallery", "0005_published_order_indexes"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddIndex(
                    model_name="gallery",
                    index=published_order("gallery_published_order"),
                ),
                migrations.AddIndex(
                    model_name="photo",
                    index=published_order("photo_published_order"),
                ),
                migrations.AddIndex(
                    model_name="photo",
                    index=published_order("photo_mission_published_order", "mission"),
                ),
            ],
        ),
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
        migrations.AddIndex(
            model_name="gallery",
            index=models.Index(
                fields=["mission", "status", "publish_at", "id"], name="gallery_mission_published"
            ),
        ),
    ]
