"""Shared helpers for the bench scripts: locating data, coding corpora, scoring."""

from __future__ import annotations

import html
import json
import platform
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED_ID = "seed-xinhua-fr-2023-05-06"


def seed_record() -> dict | None:
    path = SHARED / "seed" / "xinhua-fr-2023-05-06.txt"
    if not path.exists():
        return None
    return {"id": SEED_ID, "text": path.read_text(encoding="utf-8"), "collected": "2023-05-07"}


def code_records(records: list[dict], pipeline) -> tuple[list[dict], list]:
    """Code JSONL-style records; returns (event records, results)."""
    from froissart.output import record
    from froissart.types import Document

    docs = [Document(r["id"], r["text"], published=r.get("published"),
                     collected=r.get("collected"), lang=r.get("lang") or "fr") for r in records]
    events, results = [], []
    for res in pipeline.run(docs):
        results.append(res)
        events.extend(record(e, pipeline.res.ontology) for e in res.events)
    return events, results


def reference_score(gold: Path, events: list[dict], tmp: Path) -> dict:
    """Score with the shared reference scorer (a subprocess, as users run it)."""
    pred = tmp / "pred.jsonl"
    pred.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in events),
                    encoding="utf-8")
    out = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(gold), str(pred),
                          "--json"], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def news_fr(limit: int | None = None) -> list[dict]:
    """Articles of ../shared/data/news_fr as records (id, text), in a stable order."""
    base = SHARED / "data" / "news_fr" / "gilets_jaunes"
    out: list[dict] = []
    for path in sorted(base.glob("*.xml")):
        raw = path.read_text(encoding="utf-8", errors="replace")
        bodies = [m.group(2) for m in re.finditer(r"<doc\b([^>]*)>(.*?)</doc>", raw, re.S)]
        if not bodies:
            bodies = [m.group(1) for m in re.finditer(r"<content>(.*?)</content>", raw, re.S)]
        for n, body in enumerate(bodies):
            text = html.unescape(re.sub(r"<[^>]+>", " ", body)).strip()
            if text:
                out.append({"id": f"{path.stem}:{n}", "text": text})
    return out[:limit] if limit else out


def machine() -> str:
    import os

    return (f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}")


def stamp() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
