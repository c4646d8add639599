from django.db import migrations

# On SQLite, prefix indexes for the first 1 to 8 letters of every word, where
# migration 0002 made them for 1 to 3. A typed word matches the start of a word
# ("launch"*); without an index of its length, FTS5 merges the lists of every
# word that starts with it before yielding the first match, a few milliseconds
# for each statement of a search for a word in 60,000 records. Words of up to 8
# letters now read one list, which LIMIT stops early. The index grows: on the
# big site of bench/search.py, from 26 MB to 46 MB.
#
# FTS5 takes its options only when the table is created, so the table is made
# again; the triggers of migration 0002 name it and stay as they are.
FTS_TABLE = "search_searchentry_fts"


def full_text_index(prefixes):
    return [
        f"DROP TABLE {FTS_TABLE}",
        f"""
        CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(
            title_folded, body_folded,
            content='search_searchentry', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2',
            prefix='{prefixes}'
        )
        """,
        f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('rebuild')",
    ]


def longer_prefixes(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in full_text_index("1 2 3 4 5 6 7 8"):
            schema_editor.execute(statement)


def shorter_prefixes(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in full_text_index("1 2 3"):
            schema_editor.execute(statement)


class Migration(migrations.Migration):

    dependencies = [
        ("search", "0004_sqlite_entry_kind_record_index"),
    ]

    operations = [
        migrations.RunPython(longer_prefixes, shorter_prefixes, elidable=False),
    ]
