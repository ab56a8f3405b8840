"""Corpus runs: ingest speed with 1 and 2 workers against bare spaCy parsing, rerun
idempotency, and query times on a store of 1,000,000 synthetic events.

    .venv/bin/python bench/ingest.py [--limit N] [--synthetic N]
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import SHARED, machine, news_fr, stamp

from froissart.store import Store
from froissart.store.ingest import ingest
from froissart.store.query import Filters, select, series


def news_en(limit: int | None) -> list[dict]:
    """BBC articles, then the Guardian articles of gilets_jaunes_en (pseudo-XML)."""
    import html
    import re

    base = SHARED / "data" / "news_en" / "bbc"
    out = []
    for path in sorted(base.rglob("*.txt"))[:limit]:
        text = path.read_text(encoding="utf-8", errors="replace").strip()
        if text:
            out.append({"id": f"bbc:{path.parent.name}/{path.stem}", "text": text})
    if limit is None:
        for path in sorted((SHARED / "data" / "news_en" / "gilets_jaunes_en").glob("*.xml")):
            raw = path.read_text(encoding="utf-8", errors="replace")
            for n, m in enumerate(re.finditer(r"<doc\b([^>]*)>(.*?)</doc>", raw, re.S)):
                text = html.unescape(re.sub(r"<[^>]+>", " ", m.group(2))).strip()
                if text:
                    out.append({"id": f"{path.stem}:{n}", "text": text})
    return out


def write_jsonl(records: list[dict], path: Path) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")


def bare_parse_rate(records: list[dict]) -> float:
    from froissart.clean import clean_document
    from froissart.parse import load_model, split_sentences, vocabulary
    from froissart.types import Document

    nlp = load_model("fr")
    vocab = vocabulary(nlp)
    units = []
    for r in records:
        text = clean_document(Document(r["id"], r["text"]), vocab).text
        for para in text.split("\n"):
            units += [para[s:e] for s, e in split_sentences(para)]
    t0 = time.perf_counter()
    for _ in nlp.pipe(units, batch_size=64):
        pass
    return len(records) / (time.perf_counter() - t0)


def synthetic(db: Path, n: int) -> None:
    """A store with ``n`` synthetic event mentions and their clusters, generated in SQL."""
    with Store(db) as s:
        s.con.execute(f"""
            INSERT INTO mentions (event_id, doc_id, source_code, source_country, target_code,
                target_country, cameo, root, quad_class, goldstein, plover, date, day,
                date_precision, location_name, location_country, lat, lon, sentence_index,
                evidence, evidence_start, evidence_end, rule, confidence, cluster_id)
            SELECT printf('%016x', i), 'doc' || (i // 5),
                c1 || 'GOV', c1, c2, c2, code, substr(code, 1, 2),
                CASE WHEN substr(code,1,2) <= '04' THEN 1 WHEN substr(code,1,2) <= '08' THEN 2
                     WHEN substr(code,1,2) <= '13' THEN 3 ELSE 4 END,
                (CAST(hash(code) % 200 AS BIGINT)) / 10.0 - 10, 'CONSULT', strftime(d, '%Y-%m-%d'), d, 'day',
                'Place ' || (i % 500), 'FR', 48.0, 2.0, 0,
                'synthetic evidence ' || i, 0, 20, 'synthetic', 0.5 + (i % 50) / 100.0,
                printf('c%015x', i // 3)
            FROM (SELECT i,
                    (['FRA','DEU','CHN','RUS','USA','UKR','ISR','IRN','TUR','IND','BRA','ZAF',
                      'NGA','EGY','DZA','MAR','SEN','MLI','GBR','JPN'])[1 + CAST(hash(i) % 20 AS BIGINT)] AS c1,
                    (['FRA','DEU','CHN','RUS','USA','UKR','ISR','IRN','TUR','IND','BRA','ZAF',
                      'NGA','EGY','DZA','MAR','SEN','MLI','GBR','JPN'])[1 + CAST(hash(i * 7) % 20 AS BIGINT)]
                      AS c2,
                    (['040','042','043','046','051','057','111','112','130','163','173','190',
                      '193','195','0311','036','020','141','061','073'])[1 + CAST(hash(i * 3) % 20 AS BIGINT)]
                      AS code,
                    DATE '2015-01-01' + CAST(hash(i * 11) % 3650 AS INTEGER) AS d
                  FROM range({n}) t(i))""")
        s.con.execute("""
            INSERT INTO events SELECT cluster_id, CAST(hash(cluster_id) % 1000000000 AS BIGINT), any_value(
                source_code), any_value(source_country), any_value(target_code),
                any_value(target_country), any_value(cameo), any_value(root),
                any_value(quad_class), any_value(goldstein), any_value(plover), min(date),
                min(day), min(day), max(day), any_value(location_name),
                any_value(location_country), 48.0, 2.0, count(*), count(DISTINCT doc_id),
                count(DISTINCT doc_id), min(event_id), any_value(evidence), max(confidence)
            FROM mentions GROUP BY cluster_id""")


def timed(fn, repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def full_rerun() -> int:
    """Ingest every article of news_fr and news_en twice: the second run adds nothing."""
    records = news_fr(None) + news_en(None)
    if not records:
        print("ingest: ../shared/data is absent")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        corpus, db = Path(tmp) / "all.jsonl", Path(tmp) / "all.duckdb"
        write_jsonl(records, corpus)
        first = ingest([str(corpus)], str(db), workers=2, progress=False)
        with Store(db, read_only=True) as s:
            counts1 = s.counts()
        second = ingest([str(corpus)], str(db), workers=2, progress=False)
        with Store(db, read_only=True) as s:
            counts2 = s.counts()
    print(f"full rerun: {len(records)} articles (news_fr and news_en); first run: "
          f"{first.line()}")
    print(f"  counts after the first run : {counts1}")
    print(f"  second run: {second.line()}")
    print(f"  counts after the second run: {counts2}; unchanged: {counts1 == counts2}")
    return 0 if counts1 == counts2 else 1


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=120, help="news_fr articles to ingest")
    ap.add_argument("--synthetic", type=int, default=1_000_000)
    ap.add_argument("--full-rerun", action="store_true",
                    help="only ingest all of news_fr and news_en (BBC, Guardian) twice")
    args = ap.parse_args()
    logging.basicConfig(level=logging.WARNING)
    print(f"# ingest {stamp()} on {machine()}")
    if args.full_rerun:
        return full_rerun()
    records = news_fr(args.limit)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if records:
            corpus = tmp / "news_fr.jsonl"
            write_jsonl(records, corpus)
            bare = bare_parse_rate(records)
            print(f"bare spaCy parse: {bare:.1f} articles/s ({len(records)} articles)")
            for workers in (1, 2):
                db = tmp / f"w{workers}.duckdb"
                s = ingest([str(corpus)], str(db), workers=workers, progress=False)
                rate = s.stored / s.seconds
                print(f"ingest, {workers} worker(s): {rate:.1f} articles/s "
                      f"(ratio to bare parse {rate / bare:.2f}; includes model loading)")
            en = news_en(args.limit)
            mixed = tmp / "mixed.jsonl"
            write_jsonl(records + en, mixed)
            db = tmp / "twice.duckdb"
            ingest([str(mixed)], str(db), workers=2, progress=False)
            with Store(db, read_only=True) as s:
                first = s.counts()
            again = ingest([str(mixed)], str(db), workers=2, progress=False)
            with Store(db, read_only=True) as s:
                second = s.counts()
            print(f"rerun on news_fr + news_en ({len(records) + len(en)} articles): stored "
                  f"{again.stored} new, counts unchanged: {first == second} {second}")
        else:
            print("ingest: ../shared/data/news_fr is absent; speed not measured")
        db = tmp / "synthetic.duckdb"
        t0 = time.perf_counter()
        synthetic(db, args.synthetic)
        print(f"synthetic store: {args.synthetic:,} mentions built in "
              f"{time.perf_counter() - t0:.1f} s")
        with Store(db, read_only=True) as s:
            con = s.con
            n_events = con.execute("SELECT count(*) FROM events").fetchone()[0]
            print(f"events (clusters): {n_events:,}")
            queries = {
                "events of one dyad (FRA->DEU), newest 50":
                    lambda: select(con, Filters(source="FRA", target="DEU"), "events", 50),
                "mentions with root 19 in 2020, newest 50":
                    lambda: select(con, Filters(root="19", since="2020-01-01",
                                                until="2020-12-31"), "mentions", 50),
                "evidence text search, 50":
                    lambda: select(con, Filters(text="evidence 4242"), "mentions", 50),
                "monthly series for CHN (either side), by dyad":
                    lambda: series(con, Filters(country="CHN"), "month", "events", "dyad"),
                "weekly series by QuadClass, all events":
                    lambda: series(con, Filters(), "week", "events", "quad"),
            }
            for name, fn in queries.items():
                print(f"query: {name}: {timed(fn):.1f} ms (median of 7)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
