"""The evaluation gate CI runs: accuracy may not fall below the recorded minimums.

    .venv/bin/python bench/gate.py                     # check (CI)
    .venv/bin/python bench/gate.py --record            # raise minimums to today's figures
    .venv/bin/python bench/gate.py --record --lower --reason "why"   # also lower them

Minimums live in bench/minimums.json: the seed dispatch's bars from the issue "Froissart
core" (root F1 >= 0.90, code F1 >= 0.85, date >= 0.9, location >= 0.8), and recorded floors
for the sample corpus (overall) and for the French held-out split (overall and per CAMEO
root, precision and recall). Also checked on the seed: published time 2023-05-06T09:02 and
every evidence equal to the text at its offsets. The seed part is skipped when ../shared is
absent. Lowering a minimum needs --lower and a reason, which is written into the file and
belongs in the commit message.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from accuracy import sets
from common import ROOT, SHARED, code_records, reference_score, seed_record, stamp

from froissart.evaluate import score
from froissart.pipeline import Pipeline

MINIMUMS = ROOT / "bench" / "minimums.json"
SLACK = 0.005  # rounding


def figures(pipe: Pipeline) -> tuple[dict[str, float], list[str]]:
    """Today's figures, flat: {"seed.root_f1": 1.0, "heldout.root.19.precision": 0.9, ...}."""
    out: dict[str, float] = {}
    problems: list[str] = []
    seed = seed_record()
    if seed is not None:
        events, results = code_records([seed], pipe)
        doc = results[0].doc
        with tempfile.TemporaryDirectory() as tmp:
            res = reference_score(SHARED / "eval" / "seed.gold.jsonl", events, Path(tmp))
        out["seed.root_f1"] = res["root"]["f1"]
        out["seed.code_f1"] = res["code"]["f1"]
        out["seed.date_accuracy"] = res["date_accuracy"] or 0.0
        out["seed.location_accuracy"] = res["location_accuracy"] or 0.0
        if doc.published != "2023-05-06T09:02":
            problems.append(f"seed published {doc.published!r} != '2023-05-06T09:02'")
        for e in events:
            if doc.text[e["evidence_start"]:e["evidence_end"]] != e["evidence"]:
                problems.append(f"evidence of {e['event_id']} does not match its offsets")
    for name, (corpus, gold) in sets().items():
        if name not in ("sample", "heldout"):
            continue
        events, _ = code_records(corpus, pipe)
        res = score(gold, events)
        for level in ("root", "code"):
            for m in ("precision", "recall", "f1"):
                out[f"{name}.{level}_{m}"] = res[level][m]
        if name == "heldout":
            for root, c in res["by_root"].items():
                if c["tp"] + c["fn"] >= 3:
                    out[f"heldout.root.{root}.precision"] = c["precision"]
                    out[f"heldout.root.{root}.recall"] = c["recall"]
    return out, problems


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--record", action="store_true", help="raise minimums to today's figures")
    ap.add_argument("--lower", action="store_true", help="with --record: also lower minimums")
    ap.add_argument("--reason", help="why minimums are lowered (required with --lower)")
    args = ap.parse_args()
    logging.basicConfig(level=logging.WARNING)
    if args.lower and not args.reason:
        ap.error("--lower needs --reason")
    data = json.loads(MINIMUMS.read_text()) if MINIMUMS.exists() else {"minimums": {}}
    mins: dict[str, float] = data["minimums"]
    now, problems = figures(Pipeline())
    failures = list(problems)
    for k, floor in sorted(mins.items()):
        if k not in now:
            print(f"gate: {k}: no figure today (data absent), skipped")
            continue
        ok = now[k] + SLACK >= floor
        print(f"gate: {'ok  ' if ok else 'FAIL'} {k} = {now[k]:.3f} (minimum {floor:.3f})")
        if not ok:
            failures.append(f"{k} {now[k]:.3f} < {floor:.3f}")
    if args.record:
        for k, v in now.items():
            if k not in mins or v > mins[k] or args.lower:
                mins[k] = round(v, 3)
        data["recorded"] = stamp()
        if args.lower:
            data.setdefault("lowered", []).append({"when": stamp(), "reason": args.reason})
        MINIMUMS.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n")
        print(f"gate: minimums recorded in {MINIMUMS}")
        return 0
    for f in failures:
        print(f"gate: FAILED {f}")
    print("gate: passed" if not failures else f"gate: {len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
