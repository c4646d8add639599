from django.db import migrations, models

# The indexes 0005 made in the database only are declared in the models'
# Meta.indexes now, so this adds them to the migration state alone.
#
# A mission's page lists and counts its published essays newest first: with the
# mission first in the index, the database reads that mission's essays only.


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
                fields=["mission", "status", "publish_at"], name="gallery_mission_published"
            ),
        ),
    ]
