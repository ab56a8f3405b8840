"""Cleaning: from raw text to the cleaned text the parser sees, with every change recorded.

Lines are paragraphs. Header lines (update stamps) become publication metadata, photo
credits and other boilerplate leave the body and are kept as metadata, and characters
lost as ``?`` are restored from a vocabulary. Pure: the vocabulary is passed in.
"""

from __future__ import annotations

from collections.abc import Callable

from froissart.clean.boilerplate import classify_line
from froissart.clean.header import complete_year, parse_update_stamp
from froissart.clean.repair import repair_lost_chars
from froissart.types import Document, Repair, Span

Vocabulary = Callable[[str], bool]


def clean_document(doc: Document, vocab: Vocabulary | None = None) -> Document:
    """Fill ``doc.text``, ``doc.repairs``, ``doc.offset_map`` and header metadata."""
    raw = doc.raw.replace("\r\n", "\n").replace("\r", "\n")
    if raw != doc.raw:
        doc.raw = raw
    kept: list[str] = []
    offset_map: list[tuple[int, int]] = []
    repairs: list[Repair] = []
    credits: list[str] = []
    clean_pos = 0
    raw_pos = 0
    for line in raw.split("\n"):
        line_start = raw_pos
        raw_pos += len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        span = Span(line_start + lead, line_start + lead + len(stripped))
        kind = classify_line(stripped)
        if kind == "update-stamp":
            stamp = parse_update_stamp(stripped)
            if stamp and not doc.metadata.get("published_stamp"):
                doc.metadata["published_stamp"] = stamp
                anchor = doc.collected or doc.published
                full = complete_year(stamp, anchor)
                if full:
                    doc.published = full
                    doc.metadata["published_from"] = "header"
            repairs.append(Repair("header", span, stripped, ""))
            continue
        if kind:
            if kind == "photo-credit":
                credits.append(stripped.strip("()"))
            repairs.append(Repair(kind, span, stripped, ""))
            continue
        fixed, line_repairs = repair_lost_chars(stripped, vocab)
        if kept:
            clean_pos += 1  # the newline between paragraphs
        for rep in line_repairs:
            repairs.append(
                Repair(
                    rep.kind,
                    Span(span.start + rep.span.start, span.start + rep.span.end),
                    rep.original,
                    rep.replacement,
                    clean_pos + rep.span.start,
                )
            )
        offset_map.append((clean_pos, span.start))
        kept.append(fixed)
        clean_pos += len(fixed)
    doc.text = "\n".join(kept)
    doc.repairs = repairs
    doc.offset_map = offset_map
    if credits:
        doc.metadata["photo_credits"] = credits
    return doc
