"""Scoring coded events against gold (the metrics of the shared reference scorer).

Three levels, micro-averaged: ``root`` (source country, target country, CAMEO root),
``code`` (countries, full code) and ``full`` (full actor codes, full code). Optional gold
events are neither rewarded nor punished. Date and location accuracy are measured on the
gold events found at code level.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

ORGS = ("IGO", "NGO", "IMG", "MNC")
LEVELS = ("root", "code", "full")


def country_of(code: str | None) -> str:
    code = (code or "").strip().upper()
    return code if code[:3] in ORGS else code[:3]


def keys_of(src: str, tgt: str, cameo: str) -> dict[str, tuple[str, str, str]]:
    cameo = str(cameo).strip()
    return {
        "root": (country_of(src), country_of(tgt), cameo[:2]),
        "code": (country_of(src), country_of(tgt), cameo),
        "full": ((src or "").upper(), (tgt or "").upper(), cameo),
    }


def _pred_key(p: dict) -> dict[str, tuple[str, str, str]] | None:
    src = p.get("source_code") or p.get("source")
    tgt = p.get("target_code") or p.get("target")
    cam = p.get("cameo") or p.get("code")
    if not (src and tgt and cam):
        return None
    return keys_of(src, tgt, cam)


def read_jsonl(path: str | Path) -> list[dict]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError as err:
                    raise ValueError(f"{path}:{n}: not JSON: {err}") from err
    return out


def score(gold_docs: Iterable[dict], predictions: Iterable[dict]) -> dict:
    gold = {str(d["doc_id"]): d for d in gold_docs}
    preds: dict[str, list[dict]] = defaultdict(list)
    for p in predictions:
        preds[str(p.get("doc_id"))].append(p)
    tally = {lv: Counter() for lv in LEVELS}
    by_root: dict[str, Counter] = defaultdict(Counter)
    date_hits = date_total = loc_hits = loc_total = 0
    for doc_id, doc in gold.items():
        pkeys = [(p, k) for p in preds.get(doc_id, []) if (k := _pred_key(p))]
        for lv in LEVELS:
            req = {keys_of(e["source"], e["target"], e["cameo"])[lv]
                   for e in doc["events"] if not e.get("optional")}
            opt = {keys_of(e["source"], e["target"], e["cameo"])[lv]
                   for e in doc["events"] if e.get("optional")}
            got = {k[lv] for _, k in pkeys}
            tp, fp, fn = got & req, got - req - opt, req - got
            tally[lv].update(tp=len(tp), fp=len(fp), fn=len(fn))
            if lv == "root":
                for name, items in (("tp", tp), ("fp", fp), ("fn", fn)):
                    for k in items:
                        by_root[k[2]][name] += 1
        for e in doc["events"]:
            if e.get("optional"):
                continue
            k = keys_of(e["source"], e["target"], e["cameo"])["code"]
            match = [p for p, pk in pkeys if pk["code"] == k]
            if not match:
                continue
            if e.get("date"):
                date_total += 1
                g = e["date"]
                date_hits += any(str(p.get("date") or "")[: len(g)] == g for p in match)
            if e.get("location"):
                loc_total += 1
                g = e["location"]["country"].upper()
                loc_hits += any(str(p.get("location_country") or "").upper() == g for p in match)
    out: dict = {}
    for lv in LEVELS:
        out[lv] = prf(tally[lv])
    out["date_accuracy"] = round(date_hits / date_total, 3) if date_total else None
    out["location_accuracy"] = round(loc_hits / loc_total, 3) if loc_total else None
    out["by_root"] = {k: {**dict(v), **prf(v)} for k, v in sorted(by_root.items())}
    out["documents"] = len(gold)
    return out


def prf(t: Counter) -> dict:
    tp, fp, fn = t["tp"], t["fp"], t["fn"]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
            "tp": tp, "fp": fp, "fn": fn}


def format_report(res: dict, by_root: bool = False) -> str:
    lines = []
    for lv in LEVELS:
        r = res[lv]
        lines.append(f"{lv:5s} P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f} "
                     f"(tp={r['tp']} fp={r['fp']} fn={r['fn']})")
    lines.append(f"date accuracy {res['date_accuracy']}  "
                 f"location accuracy {res['location_accuracy']}")
    if by_root:
        for root, c in res["by_root"].items():
            lines.append(f"  {root}: P={c['precision']:.2f} R={c['recall']:.2f} "
                         f"tp={c['tp']} fp={c['fp']} fn={c['fn']}")
    return "\n".join(lines)
