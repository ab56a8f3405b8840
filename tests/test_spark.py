"""The Spark job against ``froissart ingest``: same documents, mentions, clusters, quarantine.

Runs on ``local[2]`` with the real model; skipped when pyspark or Java is missing.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from froissart.store import Store
from tests.conftest import ROOT

SAMPLES = ROOT / "samples" / "fr" / "corpus.jsonl"
SAME = ROOT / "tests" / "fixtures" / "same_happening.jsonl"


def _spark_missing() -> str | None:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "pyspark is not installed (pip install froissart[spark])"
    java_home = os.environ.get("JAVA_HOME")
    if not shutil.which("java") and not (java_home and Path(java_home, "bin", "java").exists()):
        return "no Java runtime for Spark"
    return None


needs_spark = pytest.mark.skipif(_spark_missing() is not None, reason=str(_spark_missing()))


def test_importing_the_module_does_not_import_pyspark():
    code = ("import sys, froissart.spark, froissart.store, froissart.cli; "
            "assert 'pyspark' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)


def parquet(out: Path, table: str) -> str:
    return f"read_parquet('{out / table}/**/*.parquet', hive_partitioning = false)"


def rows(con, sql: str) -> list[tuple]:
    return sorted(con.execute(sql).fetchall(), key=repr)


@pytest.fixture(scope="module")
def runs(tmp_path_factory, pipeline):
    from froissart.spark import run_spark, session
    from froissart.store import ingest as ingest_mod

    tmp = tmp_path_factory.mktemp("spark")
    bad = tmp / "bad.jsonl"
    bad.write_text('{"id": "x1"}\n{broken\n{"id": "x2", "text": "  "}\n', encoding="utf-8")
    inputs = [str(SAMPLES), str(SAME), str(bad)]
    db = tmp / "ingest.duckdb"
    with pytest.MonkeyPatch.context() as mp:  # the session's loaded pipeline, not a new one
        mp.setattr(ingest_mod, "_PIPE", pipeline)
        mp.setattr(ingest_mod, "_init_worker", lambda *a: None)
        ingest_mod.ingest(inputs, str(db), workers=1, progress=False)
    # the same records again, as one Parquet file, coded on a single partition
    records = [json.loads(line) for f in (SAMPLES, SAME)
               for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    keys = sorted({k for r in records for k in r})
    con = duckdb.connect()
    con.execute(f"CREATE TABLE corpus ({', '.join(f'{k} VARCHAR' for k in keys)})")
    con.executemany(f"INSERT INTO corpus VALUES ({', '.join('?' * len(keys))})",
                    [[r.get(k) for k in keys] for r in records])
    pq = tmp / "corpus.parquet"
    con.execute(f"COPY corpus TO '{pq}' (FORMAT parquet)")
    con.close()
    stale = tmp / "again" / "mentions" / "year_month=1999-01"
    stale.mkdir(parents=True)
    (stale / "part-stale.parquet").write_bytes(b"from an earlier run")
    spark = session("local[2]")
    try:
        a = run_spark(inputs, str(tmp / "out"), spark=spark, partitions=3)
        # the same records as Parquet, on one partition, over an earlier output: replaced
        b = run_spark(str(pq), str(tmp / "again"), spark=spark, partitions=1)
    finally:
        spark.stop()
    return {"db": db, "out": tmp / "out", "again": tmp / "again", "tmp": tmp,
            "summaries": (a, b)}


@needs_spark
@pytest.mark.model
def test_tables_match_ingest_row_for_row(runs):
    out = runs["out"]
    a, b = runs["summaries"]
    assert (a.read, a.stored, a.quarantined, a.skipped) == (22, 19, 3, 0)
    assert (b.read, b.stored, b.quarantined) == (19, 19, 0)
    assert a.mentions == b.mentions > 0 and a.events == b.events > 0
    with Store(runs["db"], read_only=True) as store:
        con = store.con
        for table in ("documents", "mentions", "actor_mentions", "events", "quarantine"):
            cols = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()
                    if r[0] not in ("ingested_at", "quarantined_at")]
            sel = ", ".join(cols)
            want = rows(con, f"SELECT {sel} FROM {table}")
            got = rows(con, f"SELECT {sel} FROM {parquet(out, table)}")
            assert want, table
            assert got == want, table
        # the evidence, codes and cluster of each mention, spelled out
        key = "event_id, doc_id, cameo, source_code, target_code, evidence, cluster_id"
        assert rows(con, f"SELECT {key} FROM mentions") == \
            rows(con, f"SELECT {key} FROM {parquet(out, 'mentions')}")
        counts = "cluster_id, n_mentions, n_articles, n_sources"
        assert rows(con, f"SELECT {counts} FROM events") == \
            rows(con, f"SELECT {counts} FROM {parquet(out, 'events')}")
        assert con.execute("SELECT max(n_mentions) FROM events").fetchone()[0] >= 3
    months = {p.name for p in (out / "mentions").iterdir() if p.is_dir()}
    assert "year_month=2024-04" in months


@needs_spark
@pytest.mark.model
def test_partitioning_and_input_format_change_nothing(runs):
    con = duckdb.connect()
    for table in ("mentions", "events", "actor_mentions"):
        assert rows(con, f"SELECT * FROM {parquet(runs['out'], table)}") == \
            rows(con, f"SELECT * FROM {parquet(runs['again'], table)}"), table
    cols = "doc_id, content_hash, published, text, repairs, n_events"
    assert rows(con, f"SELECT {cols} FROM {parquet(runs['out'], 'documents')}") == \
        rows(con, f"SELECT {cols} FROM {parquet(runs['again'], 'documents')}")
    assert not (runs["again"] / "mentions" / "year_month=1999-01").exists()
    inputs = con.execute(f"SELECT min(input) FROM {parquet(runs['again'], 'documents')}")
    assert inputs.fetchone()[0].endswith("corpus.parquet:1")


@needs_spark
@pytest.mark.model
def test_import_parquet_gives_the_ingest_store(runs):
    from froissart.spark import import_parquet

    db = runs["tmp"] / "imported.duckdb"
    added = import_parquet(str(runs["out"]), str(db))
    with Store(runs["db"], read_only=True) as want:
        assert added == want.counts()
        events = rows(want.con, "SELECT * FROM events")
        mentions = rows(want.con, "SELECT * FROM mentions")
    assert import_parquet(str(runs["out"]), str(db))["documents"] == 0  # idempotent
    with Store(db, read_only=True) as got:
        assert rows(got.con, "SELECT * FROM events") == events
        assert rows(got.con, "SELECT * FROM mentions") == mentions
