"""Articles per second of the Spark job (froissart.spark.run_spark) on local[1] and local[2],
and what a million articles would cost at that per-core rate.

    .venv/bin/python bench/spark.py [--limit N] [--usd-per-core-hour X]

Articles come from ../shared/data/news_fr (bench/common.py news_fr). Each master gets its own
Spark session, warmed up on a few articles first, so the timed run counts coding, clustering
and writing Parquet but not the JVM start or the model loading (once per Python worker).
The cost is (1,000,000 / per-core rate) core-seconds at an assumed price per core-hour:
by default $0.048, about an on-demand general-purpose vCPU in 2024 (AWS m7i.xlarge,
4 vCPU, $0.2016/h in us-east-1; GCP n2-standard-4 is similar). Spot/preemptible capacity
is typically 60-70 % cheaper; driver, storage and cluster-manager overheads are not counted.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import machine, news_fr, stamp


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=200, help="news_fr articles to time")
    ap.add_argument("--usd-per-core-hour", type=float, default=0.048)
    ap.add_argument("--masters", default="local[1],local[2]")
    args = ap.parse_args()
    logging.basicConfig(level=logging.WARNING)
    try:
        from froissart.spark import run_spark, session
    except ImportError:
        print("spark: pyspark is not installed (pip install froissart[spark])")
        return 0
    records = news_fr(args.limit)
    if not records:
        print("spark: ../shared/data/news_fr is absent; nothing to time")
        return 0
    print(f"# spark {stamp()} on {machine()}")
    chars = sum(len(r["text"]) for r in records)
    print(f"articles: {len(records)} ({chars / len(records):.0f} characters on average)")
    per_core = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        corpus, warm = tmp / "news_fr.jsonl", tmp / "warm.jsonl"
        for path, rows in ((corpus, records), (warm, records[:8])):
            path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                            encoding="utf-8")
        for master in args.masters.split(","):
            cores = int(master[master.index("[") + 1:-1])
            spark = session(master)
            try:
                # warm-up: one small job per core, so that every Python worker loads the model
                run_spark(str(warm), str(tmp / "warm-out"), spark=spark, partitions=cores)
                t0 = time.perf_counter()
                s = run_spark(str(corpus), str(tmp / "out"), spark=spark,
                              partitions=cores * 4)
                secs = time.perf_counter() - t0
            finally:
                spark.stop()
            rate = s.stored / secs
            per_core[cores] = rate / cores
            print(f"{master:9s}: {rate:6.1f} articles/s ({s.stored} stored, {s.mentions} "
                  f"event mentions, {s.events} events, {secs:.1f} s)")
    best = max(per_core.values())
    core_hours = 1_000_000 / best / 3600
    rates = ", ".join(f"{v:.1f} articles/s at {k} core(s)" for k, v in per_core.items())
    print(f"per core: {rates}")
    print(f"cost per million articles: {core_hours:.1f} core-hours x "
          f"${args.usd_per_core_hour:.3f}/core-hour = ${core_hours * args.usd_per_core_hour:.2f}"
          f" (at the best measured per-core rate, {best:.1f} articles/s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
