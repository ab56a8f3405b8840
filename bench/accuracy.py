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

from froissart.evaluate import score
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
        r, c, f = res["root"], res["code"], res["full"]
        print(f"| {name} | {len(corpus)} | {r['precision']:.3f} | {r['recall']:.3f} | "
              f"{r['f1']:.3f} | {c['precision']:.3f} | {c['recall']:.3f} | {c['f1']:.3f} | "
              f"{f['f1']:.3f} | {res['date_accuracy']} | {res['location_accuracy']} |")
    if args.by_root:
        for name, res in results.items():
            print(f"\n{name} by root:\n| root | P | R | tp | fp | fn |\n|---|---|---|---|---|---|")
            for root, c in res["by_root"].items():
                print(f"| {root} | {c['precision']:.2f} | {c['recall']:.2f} | {c['tp']} | "
                      f"{c['fp']} | {c['fn']} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
