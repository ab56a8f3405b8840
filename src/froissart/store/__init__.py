"""The DuckDB store: one writer, batches written in transactions, clusters recomputed.

A batch (its documents, event mentions and actor mentions) is committed at once, so a run
killed at any point leaves whole documents or none; a document already stored (same content
hash) is skipped, so reruns and resumed runs add nothing twice.
"""

from __future__ import annotations

import hashlib
import json
import logging
from datetime import UTC, date, datetime
from pathlib import Path

from froissart.store.cluster import cluster_mentions, summarise
from froissart.store.schema import MENTION_COLUMNS, migrate

log = logging.getLogger(__name__)
DEFAULT_DB = "froissart.duckdb"


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def day_of(value: str | None, precision: str | None) -> date | None:
    if not value or precision != "day":
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


class Store:
    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False) -> None:
        import duckdb

        self.path = str(path)
        self.con = duckdb.connect(self.path, read_only=read_only)
        if not read_only:
            migrate(self.con)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reads -------------------------------------------------------------------
    def hashes(self) -> dict[str, str]:
        """content hash -> doc_id of every stored document."""
        return dict(self.con.execute("SELECT content_hash, doc_id FROM documents").fetchall())

    def quarantined(self) -> set[tuple[str, str]]:
        return set(self.con.execute("SELECT record_id, input FROM quarantine").fetchall())

    def counts(self) -> dict[str, int]:
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("documents", "mentions", "events", "actor_mentions", "quarantine")}

    # -- writes ------------------------------------------------------------------
    def write_batch(self, items: list[dict]) -> int:
        """Store coded documents (see ``ingest.serialise``) in one transaction."""
        now = datetime.now(UTC).replace(tzinfo=None)
        names = [n for n, _ in MENTION_COLUMNS]
        self.con.execute("BEGIN TRANSACTION")
        try:
            for it in items:
                d = it["doc"]
                self.con.execute(
                    "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [d["doc_id"], d["content_hash"], d.get("input"), d.get("lang"),
                     d.get("published"), d.get("collected"), d.get("url"), d.get("title"),
                     d.get("source"), d["text"], json.dumps(d.get("repairs", [])),
                     json.dumps(d.get("metadata", {}), default=str), len(it["mentions"]),
                     d.get("lexicon_version"), now])
                if it["mentions"]:
                    rows = [[m.get(n) if n not in ("day", "cluster_id") else
                             (day_of(m.get("date"), m.get("date_precision")) if n == "day"
                              else None) for n in names] for m in it["mentions"]]
                    self.con.executemany(
                        f"INSERT OR IGNORE INTO mentions VALUES ({', '.join('?' * len(names))})",
                        rows)
                if it["actors"]:
                    self.con.executemany(
                        "INSERT INTO actor_mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        [[d["doc_id"], *a] for a in it["actors"]])
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return len(items)

    def quarantine(self, record_id: str, input_: str, reason: str) -> None:
        self.con.execute("INSERT OR IGNORE INTO quarantine VALUES (?, ?, ?, ?)",
                         [record_id, input_, reason,
                          datetime.now(UTC).replace(tzinfo=None)])

    def recluster(self, window: int | None = None) -> int:
        """Recompute the events table (clusters of mentions) from all mentions."""
        cur = self.con.execute(
            "SELECT event_id, doc_id, source_code, source_country, target_code, target_country,"
            " cameo, root, quad_class, goldstein, plover, date, day, location_name,"
            " location_country, lat, lon, evidence, confidence FROM mentions")
        cols = [c[0] for c in cur.description]
        mentions = [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]
        docs = self.con.execute(
            "SELECT doc_id, coalesce(source, regexp_extract(url, '//([^/]+)', 1)), published"
            " FROM documents").fetchall()
        sources = {d: s for d, s, _ in docs}
        days = {d: _to_day(p) for d, _, p in docs}
        clusters = cluster_mentions(mentions, window) if window else cluster_mentions(mentions)
        rows = [summarise(c, sources, days) for c in clusters]
        assign = [(c.cluster_id, m["event_id"]) for c in clusters for m in c.members]
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute("DELETE FROM events")
            if rows:
                keys = list(rows[0])
                self.con.executemany(
                    f"INSERT INTO events ({', '.join(keys)}) VALUES ({', '.join('?' * len(keys))})",
                    [[r[k] for k in keys] for r in rows])
                self.con.execute(
                    "CREATE TEMP TABLE IF NOT EXISTS assign (cid VARCHAR, eid VARCHAR)")
                self.con.execute("DELETE FROM assign")
                self.con.executemany("INSERT INTO assign VALUES (?, ?)", assign)
                self.con.execute("UPDATE mentions SET cluster_id = assign.cid FROM assign"
                                 " WHERE mentions.event_id = assign.eid")
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return len(rows)


def _to_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
