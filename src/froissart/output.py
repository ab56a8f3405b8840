"""Event records for output (JSONL, CSV, table) with stable ids."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterable

from froissart.ontology import Ontology
from froissart.types import Event

FIELDS = [
    "doc_id", "event_id", "source_code", "source_name", "source_country", "target_code",
    "target_name", "target_country", "cameo", "cameo_name", "root", "quad_class", "goldstein",
    "plover", "plover_mode", "mode", "date", "date_precision", "location_name",
    "location_country", "lat", "lon", "sentence_index", "evidence", "evidence_start",
    "evidence_end", "rule", "source_entry", "target_entry", "date_rule", "location_rule",
    "confidence", "lexicon_version",
]
TABLE = ["doc_id", "date", "source_code", "cameo", "target_code", "location_name", "confidence",
         "evidence"]


def event_id(ev: Event) -> str:
    """Stable hash of (document, evidence span, code, source, target)."""
    raw = "|".join([ev.doc_id, str(ev.evidence.start), str(ev.evidence.end), ev.cameo,
                    ev.source.code, ev.target.code])
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


def record(ev: Event, ontology: Ontology) -> dict[str, object]:
    c = ontology.get(ev.cameo)
    place = ev.place
    return {
        "doc_id": ev.doc_id,
        "event_id": event_id(ev),
        "source_code": ev.source.code,
        "source_name": ev.source.name,
        "source_country": ev.source.country,
        "target_code": ev.target.code,
        "target_name": ev.target.name,
        "target_country": ev.target.country,
        "cameo": ev.cameo,
        "cameo_name": c.name,
        "root": c.root,
        "quad_class": c.quad_class,
        "goldstein": c.goldstein,
        "plover": c.plover or None,
        "plover_mode": c.plover_mode or None,
        "mode": ev.mode,
        "date": ev.date,
        "date_precision": ev.date_precision,
        "location_name": place.name if place else None,
        "location_country": place.country if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "sentence_index": ev.sentence_index,
        "evidence": ev.evidence_text,
        "evidence_start": ev.evidence.start,
        "evidence_end": ev.evidence.end,
        "rule": ev.rule,
        "source_entry": ev.actor_entries[0],
        "target_entry": ev.actor_entries[1],
        "date_rule": ev.date_rule,
        "location_rule": ev.place_rule,
        "confidence": ev.confidence,
        "lexicon_version": ev.lexicon_version,
    }


def write_jsonl(records: Iterable[dict], out: io.TextIOBase) -> int:
    n = 0
    for r in records:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(records: Iterable[dict], out: io.TextIOBase) -> int:
    w = csv.DictWriter(out, fieldnames=FIELDS, extrasaction="ignore")
    w.writeheader()
    n = 0
    for r in records:
        w.writerow(r)
        n += 1
    return n


def write_table(records: Iterable[dict], out: io.TextIOBase, width: int = 60) -> int:
    rows = [[_cell(r.get(f), width if f == "evidence" else 24) for f in TABLE] for r in records]
    widths = [max([len(h)] + [len(row[k]) for row in rows]) for k, h in enumerate(TABLE)]
    line = "  ".join(h.ljust(widths[k]) for k, h in enumerate(TABLE))
    out.write(line.rstrip() + "\n" + "  ".join("-" * w for w in widths) + "\n")
    for row in rows:
        out.write("  ".join(c.ljust(widths[k]) for k, c in enumerate(row)).rstrip() + "\n")
    return len(rows)


def _cell(value: object, width: int) -> str:
    s = "" if value is None else str(value).replace("\n", " ")
    return s if len(s) <= width else s[: width - 1] + "…"
