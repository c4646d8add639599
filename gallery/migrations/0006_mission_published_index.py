from django.db import migrations, models

# 0005 made these indexes in the database only; the models' Meta.indexes declare
# them now, so this records them in the migration state alone.
#
# A mission's page lists and counts its published essays: with the mission first in
# an index, the database reads that mission's essays only.


class Migration(migrations.Migration):
    dependencies = [
        ("gallery", "0005_published_order_indexes"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddIndex(
                    model_name="gallery",
                    index=models.Index(
                        fields=["status", "publish_at"], name="gallery_published_order"
                    ),
                ),
                migrations.AddIndex(
                    model_name="photo",
                    index=models.Index(
                        fields=["status", "publish_at"], name="photo_published_order"
                    ),
                ),
                migrations.AddIndex(
                    model_name="photo",
                    index=models.Index(
                        fields=["mission", "status", "publish_at"],
                        name="photo_mission_published_order",
                    ),
                ),
            ],
        ),
        migrations.AddIndex(
            model_name="gallery",
            index=models.Index(
                fields=["mission", "status", "publish_at", "id"], name="gallery_mission_published"
            ),
        ),
    ]
