"""The DuckDB store with the real model: idempotent ingest, resume after kill -9,
one event per happening, exports and queries."""

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from froissart.store import Store
from froissart.store.export import GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS, export
from froissart.store.ingest import ingest
from froissart.store.query import Filters, select, series
from tests.conftest import ROOT

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SAMPLES = ROOT / "samples" / "fr" / "corpus.jsonl"


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("db") / "s.duckdb"
    ingest([str(SAMPLES), str(FIXTURES / "same_happening.jsonl")], str(db), workers=1,
           progress=False)
    return db


def counts(db):
    with Store(db, read_only=True) as s:
        return s.counts()


def test_rerun_adds_nothing_and_bad_records_are_quarantined(sample_db, tmp_path):
    before = counts(sample_db)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x1"}\n{broken\n', encoding="utf-8")
    summary = ingest([str(SAMPLES), str(bad)], str(sample_db), workers=1, progress=False)
    assert summary.stored == 0 and summary.skipped == 14 and summary.quarantined == 2
    after = counts(sample_db)
    assert {k: v for k, v in after.items() if k != "quarantine"} == \
        {k: v for k, v in before.items() if k != "quarantine"}
    assert after["quarantine"] == before["quarantine"] + 2
    ingest([str(bad)], str(sample_db), workers=1, progress=False)
    assert counts(sample_db)["quarantine"] == after["quarantine"]  # quarantine is idempotent too


def test_one_happening_reported_three_times_is_one_event(sample_db):
    with Store(sample_db, read_only=True) as s:
        rows = s.con.execute(
            "SELECT e.day, e.n_mentions, e.n_articles, e.n_sources FROM events e"
            " WHERE e.source_country = 'FRA' AND e.target_country = 'KEN' AND e.root = '04'"
            " ORDER BY e.day").fetchall()
    days = [str(r[0]) for r in rows]
    assert days == ["2024-04-09", "2024-06-20"], rows  # the June visit stays apart
    assert rows[0][2] == 3 and rows[0][3] == 3 and rows[1][2] == 1
    with Store(sample_db, read_only=True) as s:
        ind = s.con.execute("SELECT count(*) FROM events WHERE source_country = 'FRA'"
                            " AND target_country = 'IND'").fetchone()[0]
    assert ind == 1  # another dyad the same day is another event


def test_exports(sample_db, tmp_path):
    with Store(sample_db, read_only=True) as s:
        n = export(s.con, "mentions", "parquet", tmp_path / "m.parquet")
        assert n == s.counts()["mentions"]
        cols = [d[0] for d in duckdb.sql(f"DESCRIBE SELECT * FROM '{tmp_path / 'm.parquet'}'")
                .fetchall()]
        assert cols[:3] == ["doc_id", "event_id", "source_code"] and "evidence" in cols
        export(s.con, "events", "gdelt", tmp_path / "e.tsv")
        export(s.con, "mentions", "gdelt", tmp_path / "men.tsv")
        export(s.con, "events", "jsonl", tmp_path / "e.jsonl")
        export(s.con, "documents", "csv", tmp_path / "d.csv")
    with open(tmp_path / "e.tsv", encoding="utf-8") as fh:
        rows = list(csv.reader(fh, delimiter="\t"))
    assert rows and all(len(r) == len(GDELT_EVENT_COLUMNS) == 61 for r in rows)
    fra_ken = [r for r in rows if r[5] == "FRAGOV" and r[15] == "KENGOV"]
    assert fra_ken and fra_ken[0][1] == "20240409"
    assert fra_ken[0][26] == "043" and fra_ken[0][28] == "04"
    assert fra_ken[0][33] == "3"  # NumArticles
    assert fra_ken[0][53] == "FR"  # ActionGeo_CountryCode (FIPS)
    with open(tmp_path / "men.tsv", encoding="utf-8") as fh:
        men = list(csv.reader(fh, delimiter="\t"))
    assert all(len(r) == len(GDELT_MENTION_COLUMNS) == 16 for r in men)
    first = json.loads((tmp_path / "e.jsonl").read_text().splitlines()[0])
    assert {"cluster_id", "n_mentions", "representative"} <= set(first)


def test_queries_filter_and_aggregate_without_injection(sample_db):
    with Store(sample_db, read_only=True) as s:
        cols, rows = select(s.con, Filters(source="FRA", root="04"), "events")
        assert rows and all(r[cols.index("source_code")].startswith("FRA") for r in rows)
        _, rows = select(s.con, Filters(text="'; DROP TABLE events; --"), "mentions")
        assert rows == []
        assert s.counts()["events"] > 0
        cols, rows = series(s.con, Filters(country="FRA"), "month", "events", "dyad")
        assert cols == ["period", "source_country", "target_country", "events",
                        "mean_goldstein"] and rows


def test_interrupted_run_resumes_without_duplicates(tmp_path):
    records = [json.loads(x) for x in SAMPLES.read_text(encoding="utf-8").splitlines()]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    ref_db, db = tmp_path / "ref.duckdb", tmp_path / "killed.duckdb"
    ingest([str(corpus)], str(ref_db), workers=1, batch_size=2, progress=False)
    cmd = [sys.executable, "-m", "froissart.cli", "ingest", str(corpus), "--db", str(db),
           "--workers", "1", "--batch-size", "2", "--quiet"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    deadline = time.time() + 120
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.5)
        try:
            con = duckdb.connect(str(db), read_only=True)
            stored = con.execute("SELECT count(*) FROM documents").fetchone()[0]
            con.close()
        except Exception:
            continue
        if stored >= 4:
            break
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 0 < stored < len(records) or proc.returncode is not None
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert counts(db) == counts(ref_db)
