"""Accuracy: P/R/F1 at root, code and full level on the seed, the sample corpus and the
French development and held-out sets.

    .venv/bin/python bench/accuracy.py [--by-root] [--only dev|heldout|sample|seed] [--save DIR]
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, SHARED, code_records, machine, read_jsonl, seed_record, stamp

from froissart.evaluate import keys_of, score
from froissart.pipeline import Pipeline

EVAL = ROOT / "eval" / "fr"


def sets() -> dict[str, tuple[list[dict], list[dict]]]:
    out: dict[str, tuple[list[dict], list[dict]]] = {}
    seed = seed_record()
    if seed:
        out["seed"] = ([seed], read_jsonl(SHARED / "eval" / "seed.gold.jsonl"))
    samples = ROOT / "samples" / "fr"
    out["sample"] = (read_jsonl(samples / "corpus.jsonl"), read_jsonl(samples / "gold.jsonl"))
    for split in ("dev", "heldout"):
        corpus, gold = [], []
        for path in sorted(EVAL.glob(f"*-{split}.corpus.jsonl")):
            corpus += read_jsonl(path)
            gold += read_jsonl(path.with_name(path.name.replace(".corpus.", ".gold.")))
        if corpus:
            out[split] = (corpus, gold)
    return out


def calibration(gold: list[dict], events: list[dict]) -> tuple[int, int, float, float, float]:
    """(events, right, mean confidence, Brier score, expected calibration error): is an
    event coded with confidence c right a share c of the time?"""
    by_doc: dict[str, tuple[set, set]] = {}
    for d in gold:
        req = {keys_of(e["source"], e["target"], e["cameo"])["root"]
               for e in d["events"] if not e.get("optional")}
        opt = {keys_of(e["source"], e["target"], e["cameo"])["root"]
               for e in d["events"] if e.get("optional")}
        by_doc[d["doc_id"]] = (req, opt)
    pairs = []
    for e in events:
        req, opt = by_doc.get(e["doc_id"], (set(), set()))
        k = keys_of(e["source_code"], e["target_code"], e["cameo"])["root"]
        if k in opt and k not in req:
            continue
        pairs.append((float(e["confidence"]), k in req))
    if not pairs:
        return 0, 0, 0.0, 0.0, 0.0
    n = len(pairs)
    brier = sum((c - ok) ** 2 for c, ok in pairs) / n
    ece = 0.0
    for b in range(5):
        lo, hi = b / 5, (b + 1) / 5
        cell = [(c, ok) for c, ok in pairs if lo <= c < hi or (b == 4 and c == 1.0)]
        if cell:
            gap = abs(sum(c for c, _ in cell) / len(cell) - sum(ok for _, ok in cell) / len(cell))
            ece += gap * len(cell) / n
    return n, sum(ok for _, ok in pairs), sum(c for c, _ in pairs) / n, brier, ece


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--by-root", action="store_true")
    ap.add_argument("--only", choices=["seed", "sample", "dev", "heldout"])
    ap.add_argument("--save", help="write each set's predictions to DIR/<set>.jsonl")
    args = ap.parse_args()
    logging.basicConfig(level=logging.WARNING)
    pipe = Pipeline()
    print(f"# accuracy {stamp()} on {machine()}")
    print("| set | docs | root P | root R | root F1 | code P | code R | code F1 | full F1 |"
          " date acc | loc acc |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    results = {}
    calib = {}
    for name, (corpus, gold) in sets().items():
        if args.only and name != args.only:
            continue
        events, _ = code_records(corpus, pipe)
        if args.save:
            import json

            Path(args.save).mkdir(parents=True, exist_ok=True)
            with open(Path(args.save) / f"{name}.jsonl", "w", encoding="utf-8") as fh:
                for e in events:
                    fh.write(json.dumps(e, ensure_ascii=False) + "\n")
        res = score(gold, events)
        results[name] = res
        calib[name] = calibration(gold, events)
        r, c, f = res["root"], res["code"], res["full"]
        print(f"| {name} | {len(corpus)} | {r['precision']:.3f} | {r['recall']:.3f} | "
              f"{r['f1']:.3f} | {c['precision']:.3f} | {c['recall']:.3f} | {c['f1']:.3f} | "
              f"{f['f1']:.3f} | {res['date_accuracy']} | {res['location_accuracy']} |")
    print("\nConfidence calibration (root level; events matching only optional gold skipped):\n"
          "| set | events | right | mean confidence | Brier | ECE (5 bins) |\n"
          "|---|---|---|---|---|---|")
    for name, (n, right, mean, brier, ece) in calib.items():
        print(f"| {name} | {n} | {right / n if n else 0:.3f} | {mean:.3f} | {brier:.3f} | "
              f"{ece:.3f} |")
    if args.by_root:
        for name, res in results.items():
            print(f"\n{name} by root:\n| root | P | R | tp | fp | fn |\n|---|---|---|---|---|---|")
            for root, c in res["by_root"].items():
                print(f"| {root} | {c['precision']:.2f} | {c['recall']:.2f} | {c['tp']} | "
                      f"{c['fp']} | {c['fn']} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
