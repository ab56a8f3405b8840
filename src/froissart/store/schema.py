"""The DuckDB schema, versioned, with forward migrations.

Tables: ``documents`` (metadata, cleaned text, repairs, hash), ``actor_mentions``,
``mentions`` (one row per coded event in an article, with evidence and provenance),
``events`` (clusters of mentions reporting the same happening) and ``quarantine``.
"""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)

SCHEMA_VERSION = 2

MENTION_COLUMNS = [
    ("event_id", "VARCHAR PRIMARY KEY"), ("doc_id", "VARCHAR NOT NULL"),
    ("source_code", "VARCHAR"), ("source_name", "VARCHAR"), ("source_country", "VARCHAR"),
    ("target_code", "VARCHAR"), ("target_name", "VARCHAR"), ("target_country", "VARCHAR"),
    ("cameo", "VARCHAR"), ("cameo_name", "VARCHAR"), ("root", "VARCHAR"),
    ("quad_class", "INTEGER"), ("goldstein", "DOUBLE"), ("plover", "VARCHAR"),
    ("plover_mode", "VARCHAR"), ("mode", "VARCHAR"), ("date", "VARCHAR"),
    ("date_precision", "VARCHAR"), ("location_name", "VARCHAR"), ("location_country", "VARCHAR"),
    ("lat", "DOUBLE"), ("lon", "DOUBLE"), ("sentence_index", "INTEGER"), ("evidence", "VARCHAR"),
    ("evidence_start", "INTEGER"), ("evidence_end", "INTEGER"), ("rule", "VARCHAR"),
    ("source_entry", "VARCHAR"), ("target_entry", "VARCHAR"), ("date_rule", "VARCHAR"),
    ("location_rule", "VARCHAR"), ("confidence", "DOUBLE"), ("lexicon_version", "VARCHAR"),
    ("day", "DATE"), ("cluster_id", "VARCHAR"),
]

MIGRATIONS: dict[int, list[str]] = {
    1: [
        """CREATE TABLE IF NOT EXISTS documents (
            doc_id VARCHAR PRIMARY KEY, content_hash VARCHAR NOT NULL UNIQUE,
            input VARCHAR, lang VARCHAR, published VARCHAR, collected VARCHAR, url VARCHAR,
            title VARCHAR, source VARCHAR, text VARCHAR, repairs JSON, metadata JSON,
            n_events INTEGER, lexicon_version VARCHAR, ingested_at TIMESTAMP)""",
        """CREATE TABLE IF NOT EXISTS actor_mentions (
            doc_id VARCHAR, sentence_index INTEGER, start_char INTEGER, end_char INTEGER,
            text VARCHAR, code VARCHAR, kind VARCHAR, entry VARCHAR)""",
        "CREATE TABLE IF NOT EXISTS mentions ("
        + ", ".join(f"{n} {t}" for n, t in MENTION_COLUMNS) + ")",
        """CREATE TABLE IF NOT EXISTS events (
            cluster_id VARCHAR PRIMARY KEY, global_id BIGINT, source_code VARCHAR,
            source_country VARCHAR, target_code VARCHAR, target_country VARCHAR,
            cameo VARCHAR, root VARCHAR, quad_class INTEGER, goldstein DOUBLE, plover VARCHAR,
            date VARCHAR, day DATE, first_seen DATE, last_seen DATE, location_name VARCHAR,
            location_country VARCHAR, lat DOUBLE, lon DOUBLE, n_mentions INTEGER,
            n_articles INTEGER, n_sources INTEGER, representative VARCHAR,
            evidence VARCHAR, confidence DOUBLE)""",
        """CREATE TABLE IF NOT EXISTS quarantine (
            record_id VARCHAR, input VARCHAR, reason VARCHAR, quarantined_at TIMESTAMP,
            PRIMARY KEY (record_id, input))""",
        "CREATE INDEX IF NOT EXISTS mentions_doc ON mentions(doc_id)",
        "CREATE INDEX IF NOT EXISTS actor_mentions_doc ON actor_mentions(doc_id)",
    ],
    2: [  # the API's event view: an event's mentions by cluster id
        "CREATE INDEX IF NOT EXISTS mentions_cluster ON mentions(cluster_id)",
    ],
}


def migrate(con) -> int:
    """Bring a database to SCHEMA_VERSION; returns the version it had."""
    con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    current = int(row[0]) if row else 0
    if current > SCHEMA_VERSION:
        raise RuntimeError(f"database schema {current} is newer than this Froissart "
                           f"({SCHEMA_VERSION}); upgrade Froissart")
    for version in range(current + 1, SCHEMA_VERSION + 1):
        con.execute("BEGIN TRANSACTION")
        for stmt in MIGRATIONS[version]:
            con.execute(stmt)
        con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(version)])
        con.execute("COMMIT")
        log.info("database migrated to schema %d", version)
    return current
