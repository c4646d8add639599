from django.db import migrations

# An index of each entry's title alone (with a person's other spellings), so a
# search that matches many records finds and ranks those whose title matches
# without reading the others (search.backends).
#
# On SQLite, an FTS5 table of the folded title that, like the index of migration
# 0002, reads its text from search_searchentry and is kept in step by triggers
# (the notes of 0002 on table rebuilds apply here too). On PostgreSQL, a GIN
# index on the vector's title words, weight A.
TITLE_FTS_TABLE = "search_searchentry_title_fts"
TITLE_GIN_INDEX = "search_entry_title_vector_gin"

SQLITE_CREATE = [
    f"""
    CREATE VIRTUAL TABLE {TITLE_FTS_TABLE} USING fts5(
        title_folded,
        content='search_searchentry', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2',
        prefix='1 2 3'
    )
    """,
    f"""
    CREATE TRIGGER {TITLE_FTS_TABLE}_insert AFTER INSERT ON search_searchentry BEGIN
        INSERT INTO {TITLE_FTS_TABLE} (rowid, title_folded) VALUES (new.id, new.title_folded);
    END
    """,
    f"""
    CREATE TRIGGER {TITLE_FTS_TABLE}_delete AFTER DELETE ON search_searchentry BEGIN
        INSERT INTO {TITLE_FTS_TABLE} ({TITLE_FTS_TABLE}, rowid, title_folded)
        VALUES ('delete', old.id, old.title_folded);
    END
    """,
    f"""
    CREATE TRIGGER {TITLE_FTS_TABLE}_update AFTER UPDATE OF title_folded
    ON search_searchentry BEGIN
        INSERT INTO {TITLE_FTS_TABLE} ({TITLE_FTS_TABLE}, rowid, title_folded)
        VALUES ('delete', old.id, old.title_folded);
        INSERT INTO {TITLE_FTS_TABLE} (rowid, title_folded) VALUES (new.id, new.title_folded);
    END
    """,
    # Entries written before this migration.
    f"INSERT INTO {TITLE_FTS_TABLE} ({TITLE_FTS_TABLE}) VALUES ('rebuild')",
]

SQLITE_DROP = [
    f"DROP TRIGGER IF EXISTS {TITLE_FTS_TABLE}_update",
    f"DROP TRIGGER IF EXISTS {TITLE_FTS_TABLE}_delete",
    f"DROP TRIGGER IF EXISTS {TITLE_FTS_TABLE}_insert",
    f"DROP TABLE IF EXISTS {TITLE_FTS_TABLE}",
]


def create_title_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for statement in SQLITE_CREATE:
            schema_editor.execute(statement)
    elif vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX {TITLE_GIN_INDEX} ON search_searchentry "
            "USING gin (ts_filter(vector, '{a}'))"
        )


def drop_title_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for statement in SQLITE_DROP:
            schema_editor.execute(statement)
    elif vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {TITLE_GIN_INDEX}")


class Migration(migrations.Migration):

    dependencies = [
        ("search", "0002_sqlite_full_text_index"),
    ]

    operations = [
        migrations.RunPython(create_title_index, drop_title_index, elidable=False),
    ]
