from django.db import migrations, models

# Readers' lists ask for published() articles newest first: status = published,
# publish_at <= now, ORDER BY publish_at DESC. One index on both columns answers
# that in index order and stops at the page's last row; the single-column indexes
# left the database to sort every published article for each page.
#
# Database only: articles/models.py does not declare it, so the migration state
# leaves it out and makemigrations stays clean. Declaring it in Article.Meta.indexes
# later needs a state-only AddIndex of the same name.


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AddIndex(
                    model_name="article",
                    index=models.Index(
                        fields=["status", "publish_at"], name="article_published_order"
                    ),
                ),
            ],
        ),
    ]
