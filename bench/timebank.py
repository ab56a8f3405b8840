"""DATE value accuracy of ``froissart.dates.find_times`` on the French TimeBank.

    .venv/bin/python bench/timebank.py [--errors]

Data: ../shared/data/fr_timebank/Data/*.tml (FR-TimeBank 1.1, ISO-TimeML, LGPLLR; see its
README.txt). For each document the tags inside ``<TEXT>`` are stripped (offsets kept) and the
document creation time (``<DCT>``, ``functionInDocument="CREATION_TIME"``) is the anchor. Every
TIMEX3 of ``type="DATE"`` in the text is one gold item; the prediction is the value of the first
expression ``find_times`` returns whose span overlaps the gold span (none: a miss, counted wrong).

Granularity (documented normalisation):
  * gold time-of-day suffixes are dropped (``1999-05-23TEV`` -> ``1999-05-23``): the resolver
    works at day precision at most;
  * a prediction finer than the gold value is truncated to the gold granularity (year, month,
    ISO week, decade ``196X``) before comparing: ``fin de l'année`` -> ``1999-12`` matches gold
    ``1999``; a day matches a gold week if it falls in that ISO week;
  * a prediction coarser than the gold value is wrong;
  * gold values the resolver cannot express as calendar values (``PRESENT_REF``, seasons like
    ``1999-FA``, ``XXXX-06``) stay in the denominator; a prediction must equal them exactly.
``strict`` is exact string equality after dropping the time-of-day suffix, shown alongside.
Accuracy by rule groups items by the rule of the matched prediction (``-`` = missed).
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import SHARED, machine, stamp

from froissart.dates import find_times

DATA = SHARED / "data" / "fr_timebank" / "Data"
_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def read_tml(path: Path) -> tuple[str, date | None, list[tuple[int, int, str, str]]]:
    """(plain text, DCT, [(start, end, gold value, surface)] for DATE TIMEX3s in TEXT)."""
    raw = path.read_text(encoding="utf-8")
    dct_m = re.search(r'functionInDocument="CREATION_TIME"[^>]*value="(\d{4}-\d{2}-\d{2})', raw)
    dct = date.fromisoformat(dct_m.group(1)) if dct_m else None
    body = raw[raw.index("<TEXT>") + len("<TEXT>"):raw.index("</TEXT>")]
    out: list[str] = []
    pos, n = 0, 0
    stack: list[tuple[int, dict[str, str]]] = []
    gold: list[tuple[int, int, str, str]] = []
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        out.append(chunk)
        n += len(chunk)
        pos = m.end()
        closing, name, attrs, selfclose = m.groups()
        if name != "TIMEX3" or selfclose:
            continue
        if not closing:
            stack.append((n, dict(_ATTR.findall(attrs))))
        elif stack:
            start, a = stack.pop()
            if a.get("type") == "DATE" and a.get("value"):
                gold.append((start, n, a["value"], ""))
    out.append(html.unescape(body[pos:]))
    text = "".join(out)
    return text, dct, [(s, e, v, text[s:e]) for s, e, v, _ in gold]


def _gran(value: str) -> str:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return "day"
    if re.fullmatch(r"\d{4}-W\d{2}", value):
        return "week"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return "month"
    if re.fullmatch(r"\d{4}", value):
        return "year"
    if re.fullmatch(r"\d{3}X", value):
        return "decade"
    return "other"


def _to(value: str, gran: str) -> str | None:
    """``value`` expressed at the coarser granularity ``gran`` (None: not possible)."""
    g = _gran(value)
    if g == gran:
        return value
    if g == "day":
        d = date.fromisoformat(value)
        if gran == "week":
            iso = d.isocalendar()
            return f"{iso.year:04d}-W{iso.week:02d}"
        return {"month": value[:7], "year": value[:4], "decade": value[:3] + "X"}.get(gran)
    if g == "month":
        return {"year": value[:4], "decade": value[:3] + "X"}.get(gran)
    if g == "week" and gran in ("year", "decade"):
        return value[:4] if gran == "year" else value[:3] + "X"
    if g == "year" and gran == "decade":
        return value[:3] + "X"
    return None


def judge(pred: str | None, gold: str) -> tuple[bool, bool]:
    """(strict, normalised) correctness of a predicted value against a gold value."""
    gold = re.sub(r"T.*$", "", gold) if re.match(r"\d{4}-\d{2}-\d{2}T", gold) else gold
    if pred is None:
        return False, False
    if pred == gold:
        return True, True
    return False, _to(pred, _gran(gold)) == gold


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--errors", action="store_true", help="list the items judged wrong")
    args = ap.parse_args()
    files = sorted(DATA.glob("*.tml")) if DATA.is_dir() else []
    if not files:
        print(f"timebank: {DATA} is absent; nothing to evaluate")
        return 0
    total = strict_ok = norm_ok = 0
    by_rule: Counter[str] = Counter()
    by_rule_ok: Counter[str] = Counter()
    errors: list[str] = []
    for path in files:
        text, dct, gold = read_tml(path)
        times = find_times(text, dct)
        for s, e, value, surface in gold:
            hit = next((t for t in times if t.span.start < e and s < t.span.end), None)
            strict, ok = judge(hit.value if hit else None, value)
            rule = hit.rule if hit else "-"
            total += 1
            strict_ok += strict
            norm_ok += ok
            by_rule[rule] += 1
            by_rule_ok[rule] += ok
            if not ok:
                ctx = text[max(0, s - 40):e + 20].replace("\n", " ")
                pred = hit.value if hit else None
                errors.append(f"{path.stem} dct={dct} gold={value} pred={pred} rule={rule}"
                              f" [{surface}] ...{ctx}...")
    print(f"# timebank {stamp()} on {machine()}")
    print(f"documents: {len(files)}, DATE TIMEX3: {total}")
    print(f"value accuracy (normalised): {norm_ok / total:.3f} ({norm_ok}/{total})")
    print(f"value accuracy (strict)    : {strict_ok / total:.3f} ({strict_ok}/{total})")
    print("by rule (normalised):")
    for rule, n in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {rule:18s} {by_rule_ok[rule] / n:.3f} ({by_rule_ok[rule]}/{n})")
    if args.errors:
        print("errors:")
        for line in errors:
            print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
