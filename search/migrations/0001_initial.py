import django.contrib.postgres.search
from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations, models

# The GIN index exists on PostgreSQL only, so it is created here rather than in
# SearchEntry.Meta (SQLite has no GIN indexes and makemigrations must stay clean
# on both databases).
GIN_INDEX = "search_entry_vector_gin"


def create_vector_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX {GIN_INDEX} ON search_searchentry USING gin (vector)"
        )


def drop_vector_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {GIN_INDEX}")


class Migration(migrations.Migration):

    initial = True

    dependencies = []

    operations = [
        # Does nothing on databases other than PostgreSQL.
        UnaccentExtension(),
        migrations.CreateModel(
            name="SearchEntry",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("kind", models.CharField(choices=[("article", "Article"), ("essay", "Photo essay"), ("photo", "Photo"), ("person", "Person"), ("mission", "Mission")], max_length=10)),
                ("object_id", models.PositiveBigIntegerField()),
                ("url", models.CharField(max_length=500)),
                ("title", models.CharField(max_length=300)),
                ("keywords", models.TextField(blank=True)),
                ("body", models.TextField(blank=True)),
                ("title_folded", models.TextField(blank=True)),
                ("body_folded", models.TextField(blank=True)),
                ("vector", django.contrib.postgres.search.SearchVectorField(editable=False, null=True)),
            ],
            options={
                "verbose_name": "search entry",
                "verbose_name_plural": "search entries",
                "constraints": [models.UniqueConstraint(fields=("kind", "object_id"), name="unique_search_entry")],
            },
        ),
        migrations.RunPython(create_vector_index, drop_vector_index, elidable=False),
    ]
