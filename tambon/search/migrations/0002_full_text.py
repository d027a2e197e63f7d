"""The full-text index of SearchEntry, for the database in use (docs/search.md).

SQLite: an FTS5 table over the four word/syllable columns, with SearchEntry as its external
content, kept in step by triggers (so bulk inserts and deletes of the ORM keep it right).
The "ascii" tokenizer splits on ASCII spaces and punctuation only: every Thai character,
tone marks included, stays inside its word (unicode61 would cut "ที่" at its tone mark).
A later migration that makes Django rebuild the search_searchentry table on SQLite drops the
triggers: it must run SQLITE_TRIGGERS again.

PostgreSQL: a generated tsvector column ('simple' configuration: the words are already
segmented and normalised) with weights A title words, B title syllables, C body words,
D body syllables, and a GIN index on it.
"""

from django.db import migrations

COLUMNS = "title_words, body_words, title_syllables, body_syllables"
NEW = "new.title_words, new.body_words, new.title_syllables, new.body_syllables"
OLD = "old.title_words, old.body_words, old.title_syllables, old.body_syllables"

SQLITE_TABLE = (
    f"CREATE VIRTUAL TABLE search_fts USING fts5({COLUMNS}, "
    "content='search_searchentry', content_rowid='id', tokenize='ascii')"
)
SQLITE_TRIGGERS = [
    "CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchentry BEGIN "
    f"INSERT INTO search_fts(rowid, {COLUMNS}) VALUES (new.id, {NEW}); END",
    "CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchentry BEGIN "
    f"INSERT INTO search_fts(search_fts, rowid, {COLUMNS}) VALUES ('delete', old.id, {OLD}); END",
    "CREATE TRIGGER search_fts_update AFTER UPDATE ON search_searchentry BEGIN "
    f"INSERT INTO search_fts(search_fts, rowid, {COLUMNS}) VALUES ('delete', old.id, {OLD}); "
    f"INSERT INTO search_fts(rowid, {COLUMNS}) VALUES (new.id, {NEW}); END",
]

POSTGRESQL = [
    "ALTER TABLE search_searchentry ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('simple'::regconfig, title_words), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, title_syllables), 'B') || "
    "setweight(to_tsvector('simple'::regconfig, body_words), 'C') || "
    "setweight(to_tsvector('simple'::regconfig, body_syllables), 'D')) STORED",
    "CREATE INDEX search_entry_vector ON search_searchentry USING gin (search_vector)",
]


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        statements = [SQLITE_TABLE, *SQLITE_TRIGGERS]
    elif vendor == "postgresql":
        statements = POSTGRESQL
    else:
        raise RuntimeError(f"The site search has no full-text index for {vendor}")
    for statement in statements:
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for name in ("insert", "delete", "update"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS search_fts_{name}")
        schema_editor.execute("DROP TABLE IF EXISTS search_fts")
    else:
        schema_editor.execute("ALTER TABLE search_searchentry DROP COLUMN search_vector")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_index")]

    operations = [migrations.RunPython(create, drop)]
