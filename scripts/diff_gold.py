"""Show, per document, gold events against predicted ones (code level), to read errors.

    .venv/bin/python scripts/diff_gold.py GOLD.jsonl PRED.jsonl [DOC_ID ...]
"""

from __future__ import annotations

import sys
from collections import defaultdict

from froissart.evaluate import keys_of, read_jsonl


def main() -> int:
    gold = read_jsonl(sys.argv[1])
    preds = defaultdict(list)
    for p in read_jsonl(sys.argv[2]):
        preds[p["doc_id"]].append(p)
    only = set(sys.argv[3:])
    for d in gold:
        if only and d["doc_id"] not in only:
            continue
        g = {keys_of(e["source"], e["target"], e["cameo"])["code"]: e for e in d["events"]}
        p = {keys_of(e["source_code"], e["target_code"], e["cameo"])["code"]: e
             for e in preds[d["doc_id"]]}
        print(f"== {d['doc_id']}")
        for k, e in g.items():
            mark = "ok  " if k in p else ("opt " if e.get("optional") else "MISS")
            print(f"  {mark} {e['source']}->{e['target']} {e['cameo']}  | {e['evidence'][:70]}")
        for k, e in p.items():
            if k not in g:
                print(f"  FP   {e['source_code']}->{e['target_code']} {e['cameo']} "
                      f"[{e['rule']}] | {e['evidence'][:70]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
