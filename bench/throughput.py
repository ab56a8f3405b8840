"""Articles per second: the full pipeline against bare spaCy parsing of the same texts.

    .venv/bin/python bench/throughput.py [--limit N]

Both runs use the same process, model and articles (../shared/data/news_fr); bare parsing
is ``nlp.pipe`` over the cleaned paragraphs, as the parse stage feeds them. The ratio is
what matters: machines are noisy, the two are timed in the same run, interleaved.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import machine, news_fr, stamp

from froissart.clean import clean_document
from froissart.pipeline import Pipeline
from froissart.types import Document


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=400, help="articles to time (default 400)")
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    logging.basicConfig(level=logging.WARNING)
    records = news_fr(args.limit)
    if not records:
        print("throughput: ../shared/data/news_fr is absent; nothing to time")
        return 0
    pipe = Pipeline()
    docs = lambda: [Document(r["id"], r["text"], published="2019-01-15") for r in records]  # noqa: E731
    paragraphs = [p for d in docs() for p in clean_document(d, pipe.vocab).text.split("\n")
                  if p.strip()]
    list(pipe.run(docs()[:20]))  # warm up
    bare, full, n_events = [], [], 0
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        for _doc in pipe.nlp.pipe(paragraphs, batch_size=64):
            pass
        bare.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        n_events = sum(len(r.events) for r in pipe.run(docs()))
        full.append(time.perf_counter() - t0)
    n = len(records)
    b, f = min(bare), min(full)
    chars = sum(len(r["text"]) for r in records)
    print(f"# throughput {stamp()} on {machine()}")
    print(f"articles: {n} ({chars / n:.0f} characters on average), events coded: {n_events}")
    print(f"bare spaCy parse : {n / b:7.1f} articles/s")
    print(f"full pipeline    : {n / f:7.1f} articles/s")
    print(f"ratio full/bare  : {b / f:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
