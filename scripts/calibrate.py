"""Count right and wrong events per basis on the development split and write the
calibration table that turns them into confidences (see froissart/events/calibrate.py).

    .venv/bin/python scripts/calibrate.py [--lang fr] [--out PATH]

Only the development split is read (eval/<lang>/*-dev.*): the held-out split measures how
well the confidences are calibrated and must not shape them. An event is right when its
(source country, target country, CAMEO root) is a required gold event of its document;
events matching only optional gold events are not counted. Rerun after lexicon changes.
"""

from __future__ import annotations

import argparse
import json
import logging
from datetime import UTC, datetime
from pathlib import Path

from froissart.evaluate import keys_of
from froissart.events.calibrate import Calibration
from froissart.lexicon import data_path
from froissart.pipeline import Pipeline
from froissart.types import Document

ROOT = Path(__file__).resolve().parents[1]
log = logging.getLogger("calibrate")


def read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lang", default="fr")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    corpus, gold = [], {}
    for path in sorted((ROOT / "eval" / args.lang).glob("*-dev.corpus.jsonl")):
        corpus += read(path)
        for d in read(path.with_name(path.name.replace(".corpus.", ".gold."))):
            gold[d["doc_id"]] = d["events"]
    pipe = Pipeline(args.lang)
    pipe.res.calibration = None  # label the rule-based events, not a previous calibration
    docs = [Document(r["id"], r["text"], published=r.get("published"),
                     collected=r.get("collected"), lang=r.get("lang") or args.lang)
            for r in corpus]
    labelled = []
    for res in pipe.run(docs):
        events = gold.get(res.doc.doc_id, [])
        required = {keys_of(e["source"], e["target"], e["cameo"])["root"]
                    for e in events if not e.get("optional")}
        optional = {keys_of(e["source"], e["target"], e["cameo"])["root"]
                    for e in events if e.get("optional")}
        for ev in res.events:
            k = keys_of(ev.source.code, ev.target.code, ev.cameo)["root"]
            if k in optional and k not in required:
                continue
            labelled.append((ev, k in required))
    counts = Calibration.count(labelled)
    out = args.out or data_path(args.lang, "calibration.tsv")
    stamp = datetime.now(UTC).strftime("%Y-%m-%d")
    lines = ["# version: 1",
             f"# Right/wrong events per basis on eval/{args.lang}/*-dev ({len(docs)} documents,",
             f"# {len(labelled)} events), written by scripts/calibrate.py on {stamp}.",
             "basis\tright\twrong"]
    lines += [f"{k}\t{r}\t{w}" for k, (r, w) in counts.items()]
    Path(out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    right = sum(ok for _, ok in labelled)
    log.info("wrote %s: %d bases, %d/%d events right", out, len(counts), right, len(labelled))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
