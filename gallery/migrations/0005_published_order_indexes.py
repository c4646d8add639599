from django.db import migrations, models

# Essays and photos are listed as published() items newest first: status =
# published, publish_at <= now, ORDER BY publish_at DESC. An index on both columns
# answers that in index order and, for "photo IN (published photos)" filters, lists
# the published photos from the index alone instead of reading each photo's row.
# A mission's page lists its own published photos newest first: the mission comes
# first in that index.
#
# Database only: gallery/models.py does not declare them, so the migration state
# leaves them out and makemigrations stays clean. Declaring them in the models'
# Meta.indexes later needs a state-only AddIndex of the same names.


class Migration(migrations.Migration):
    dependencies = [
        ("gallery", "0004_photo_rendition_state"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
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
    ]
