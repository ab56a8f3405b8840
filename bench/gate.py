"""The evaluation gate CI runs: the seed and the sample corpus must stay above their bars.

    .venv/bin/python bench/gate.py

Bars (issue "Froissart core"): seed root F1 >= 0.90, code F1 >= 0.85, date accuracy >= 0.9,
location accuracy >= 0.8, published time 2023-05-06T09:02, every evidence equal to the text
at its offsets; sample corpus code F1 >= 0.85. The seed part is skipped when ../shared is
absent. Exits 1 when a bar is missed.
"""

from __future__ import annotations

import logging
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, SHARED, code_records, read_jsonl, reference_score, seed_record

from froissart.evaluate import score
from froissart.pipeline import Pipeline

SEED_BARS = {"root": 0.90, "code": 0.85}
SAMPLE_BAR = 0.85


def main() -> int:
    logging.basicConfig(level=logging.WARNING)
    pipe = Pipeline()
    failures: list[str] = []
    seed = seed_record()
    if seed is None:
        print("gate: ../shared is absent, seed check skipped")
    else:
        events, results = code_records([seed], pipe)
        doc = results[0].doc
        with tempfile.TemporaryDirectory() as tmp:
            res = reference_score(SHARED / "eval" / "seed.gold.jsonl", events, Path(tmp))
        for level, bar in SEED_BARS.items():
            f1 = res[level]["f1"]
            print(f"gate: seed {level} F1 {f1:.3f} (bar {bar})")
            if f1 < bar:
                failures.append(f"seed {level} F1 {f1} < {bar}")
        print(f"gate: seed date accuracy {res['date_accuracy']}, "
              f"location accuracy {res['location_accuracy']}")
        if (res["date_accuracy"] or 0) < 0.9:
            failures.append(f"seed date accuracy {res['date_accuracy']} < 0.9")
        if (res["location_accuracy"] or 0) < 0.8:
            failures.append(f"seed location accuracy {res['location_accuracy']} < 0.8")
        if doc.published != "2023-05-06T09:02":
            failures.append(f"seed published {doc.published!r} != '2023-05-06T09:02'")
        for e in events:
            if doc.text[e["evidence_start"]:e["evidence_end"]] != e["evidence"]:
                failures.append(f"evidence of {e['event_id']} does not match its offsets")
    samples = ROOT / "samples" / "fr"
    events, _ = code_records(read_jsonl(samples / "corpus.jsonl"), pipe)
    res = score(read_jsonl(samples / "gold.jsonl"), events)
    print(f"gate: sample corpus root F1 {res['root']['f1']:.3f}, code F1 {res['code']['f1']:.3f}"
          f" (bar {SAMPLE_BAR}), date {res['date_accuracy']}, location {res['location_accuracy']}")
    if res["code"]["f1"] < SAMPLE_BAR:
        failures.append(f"sample corpus code F1 {res['code']['f1']} < {SAMPLE_BAR}")
    for f in failures:
        print(f"gate: FAILED {f}")
    print("gate: passed" if not failures else f"gate: {len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
