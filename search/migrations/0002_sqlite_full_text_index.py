from django.db import migrations

# On SQLite, an FTS5 index of the entries' folded title and body: an external-content
# table (it stores no copy of the text, reading it from search_searchentry) kept in
# step by triggers, so every write to the entries, bulk inserts and raw deletes
# included, updates it. The text is already folded by search.text; unicode61 with
# remove_diacritics 2 folds the query words the same way. The prefix indexes make
# the short prefixes of a word being typed ("l", "la", "lau") as fast as a word.
#
# Django rebuilds a SQLite table to alter it, which drops its triggers: a migration
# that alters SearchEntry must create them again (tests/search/test_sqlite_fts.py
# catches a missing one).
FTS_TABLE = "search_searchentry_fts"

CREATE = [
    f"""
    CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(
        title_folded, body_folded,
        content='search_searchentry', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2',
        prefix='1 2 3'
    )
    """,
    f"""
    CREATE TRIGGER {FTS_TABLE}_insert AFTER INSERT ON search_searchentry BEGIN
        INSERT INTO {FTS_TABLE} (rowid, title_folded, body_folded)
        VALUES (new.id, new.title_folded, new.body_folded);
    END
    """,
    f"""
    CREATE TRIGGER {FTS_TABLE}_delete AFTER DELETE ON search_searchentry BEGIN
        INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rowid, title_folded, body_folded)
        VALUES ('delete', old.id, old.title_folded, old.body_folded);
    END
    """,
    f"""
    CREATE TRIGGER {FTS_TABLE}_update AFTER UPDATE OF title_folded, body_folded
    ON search_searchentry BEGIN
        INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rowid, title_folded, body_folded)
        VALUES ('delete', old.id, old.title_folded, old.body_folded);
        INSERT INTO {FTS_TABLE} (rowid, title_folded, body_folded)
        VALUES (new.id, new.title_folded, new.body_folded);
    END
    """,
    # Entries written before this migration.
    f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('rebuild')",
]

DROP = [
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_update",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_delete",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_insert",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]


def create_full_text_index(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in CREATE:
            schema_editor.execute(statement)


def drop_full_text_index(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):

    dependencies = [
        ("search", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_full_text_index, drop_full_text_index, elidable=False),
    ]
