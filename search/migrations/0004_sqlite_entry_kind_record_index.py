from django.db import migrations

# On SQLite, an index of each entry's kind and record by its id: whether a reader
# may see a match needs only these, and search reads them from this index, a few
# hundred entries a page, rather than from the entries' rows, which hold their
# text (search.backends.sqlite). PostgreSQL reads them with the entries it finds.
#
# Django rebuilds a SQLite table to alter it, which drops an index it does not
# know of: a migration that alters SearchEntry must create it again, as it must
# the triggers of migrations 0002 and 0003 (tests/search/test_sqlite_fts.py
# catches a missing one, and the statement that names it fails without it).
INDEX = "search_entry_kind_record"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            f"CREATE INDEX {INDEX} ON search_searchentry (id, kind, object_id)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):

    dependencies = [
        ("search", "0003_title_index"),
    ]

    operations = [
        migrations.RunPython(create_index, drop_index, elidable=False),
    ]
