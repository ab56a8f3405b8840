"""Cleaning: from raw text to the cleaned text the parser sees, with every change recorded.

Lines are paragraphs. Each kept line goes through, in order:

1. mojibake repair (ftfy, encoding fixes only): ``Repair(kind="mojibake")`` per changed stretch;
2. on the first body paragraph only, the dateline ("PARIS (AFP) - ") is cut off and kept as
   ``metadata["dateline"]`` (``Repair(kind="dateline")``, replacement ``""``);
3. characters lost as ``?`` restored from the vocabulary (``lost-char``);
4. dropped accents restored from the vocabulary (``accent``, French documents only).

Header lines (update stamps) become publication metadata; photo credits, "Lire aussi",
share buttons, copyright lines, newsletter prompts, "Publicité" and cookie notices leave the
body, each recorded as a repair and listed in ``metadata["boilerplate"]``.

Repairs are reversible: each one's ``span`` is in the raw text, ``original`` is exactly
``raw[span.start:span.end]`` and ``replacement`` is exactly
``text[clean_start:clean_start + len(replacement)]`` (removed lines and datelines have an
empty replacement). Repairs never overlap; when two steps change the same stretch they are
recorded as one repair whose kind joins both ("mojibake+accent").

Offsets: ``offset_map`` has an entry at the start of every kept line and at the start of every
repaired stretch and of the unchanged stretch after it, so ``Document.raw_offset`` is exact for
every character outside a repair (character precision, also after repairs that change the
length); an offset inside a repaired stretch maps into that stretch's raw span, counted from
its start (exact when original and replacement have the same length).

Pure: no I/O; the vocabulary is passed in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from froissart.clean.boilerplate import classify_line
from froissart.clean.header import complete_year, parse_dateline, parse_update_stamp
from froissart.clean.repair import fix_mojibake, repair_lost_chars, restore_accents
from froissart.types import Document, Repair, Span

Vocabulary = Callable[[str], bool]

__all__ = ["Vocabulary", "clean_document", "undo_repairs"]


@dataclass(slots=True)
class _Piece:
    """A stretch of a line: raw ``[raw_start, raw_end)`` now reads ``text``.

    ``kind`` is None for raw text kept as is (then ``text`` is the raw slice).
    """

    raw_start: int
    raw_end: int
    text: str
    kind: str | None = None


def _apply(pieces: list[_Piece], edits: list[Repair]) -> list[_Piece]:
    """Apply edits given in the current text's offsets (non-overlapping) to the pieces.

    An edit inside unchanged text splits it; an edit touching an already repaired piece
    absorbs that whole piece, so pieces never overlap and each maps to one raw span.
    """
    for edit in sorted(edits, key=lambda r: r.span.start, reverse=True):
        s, e = edit.span.start, edit.span.end
        pos = 0
        first = last = -1
        starts = []
        for k, p in enumerate(pieces):
            starts.append(pos)
            end = pos + len(p.text)
            touches = (pos < e and end > s) if e > s else (pos <= s < end)
            if touches or (not p.text and s < pos < e):
                if first < 0:
                    first = k
                last = k
            pos = end
        if first < 0:  # insertion at the very end
            first = last = len(pieces) - 1
            starts.append(pos)
        head, tail = pieces[first], pieces[last]
        hs, ts = starts[first], starts[last]
        if head.kind is None:
            raw_start = head.raw_start + max(0, s - hs)
            prefix_piece = _Piece(head.raw_start, raw_start, head.text[: max(0, s - hs)])
            prefix = ""
        else:
            raw_start, prefix_piece, prefix = head.raw_start, None, head.text[: max(0, s - hs)]
        cut = min(len(tail.text), e - ts)
        if tail.kind is None:
            raw_end = tail.raw_start + cut
            suffix_piece = _Piece(raw_end, tail.raw_end, tail.text[cut:])
            suffix = ""
        else:
            raw_end, suffix_piece, suffix = tail.raw_end, None, tail.text[cut:]
        kinds: list[str] = []
        for p in pieces[first : last + 1]:
            for kind in (p.kind or "").split("+"):
                if kind and kind not in kinds:
                    kinds.append(kind)
        if edit.kind not in kinds:
            kinds.append(edit.kind)
        merged = _Piece(raw_start, raw_end, prefix + edit.replacement + suffix, "+".join(kinds))
        new = [x for x in (prefix_piece, merged, suffix_piece) if x is not None and
               (x.kind is not None or x.text)]
        pieces = pieces[:first] + new + pieces[last + 1 :]
    return pieces


def _text(pieces: list[_Piece]) -> str:
    return "".join(p.text for p in pieces)


def clean_document(doc: Document, vocab: Vocabulary | None = None) -> Document:
    """Fill ``doc.text``, ``doc.repairs``, ``doc.offset_map`` and header metadata."""
    raw = doc.raw.replace("\r\n", "\n").replace("\r", "\n")
    if raw != doc.raw:
        doc.raw = raw
    kept: list[str] = []
    offset_map: list[tuple[int, int]] = []
    repairs: list[Repair] = []
    credits: list[str] = []
    boilerplate: list[dict[str, str]] = []
    clean_pos = 0
    raw_pos = 0
    first_body = True
    accents = doc.lang in (None, "", "fr")
    for line in raw.split("\n"):
        line_start = raw_pos
        raw_pos += len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        span = Span(line_start + lead, line_start + lead + len(stripped))
        fixed, moji = fix_mojibake(stripped)
        kind = classify_line(fixed.strip())
        if kind == "update-stamp":
            stamp = parse_update_stamp(fixed)
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
            text = fixed.strip()
            if kind == "photo-credit":
                credits.append(text.strip("()"))
            boilerplate.append({"kind": kind, "text": text})
            repairs.append(Repair(kind, span, stripped, ""))
            continue
        pieces = [_Piece(span.start, span.end, stripped)]
        pieces = _apply(pieces, moji)
        if first_body:
            first_body = False
            dateline = parse_dateline(_text(pieces))
            if dateline:
                pieces = _apply(pieces, [Repair("dateline", Span(0, dateline["end"]),
                                                dateline["text"], "")])
                _note_dateline(doc, dateline)
        current = _text(pieces)
        _, lost = repair_lost_chars(current, vocab)
        pieces = _apply(pieces, lost)
        if accents:
            _, acc = restore_accents(_text(pieces), vocab)
            pieces = _apply(pieces, acc)
        fixed_line = _text(pieces)
        if not fixed_line.strip():
            repairs.extend(Repair(p.kind, Span(p.raw_start, p.raw_end),
                                  raw[p.raw_start:p.raw_end], p.text, None)
                           for p in pieces if p.kind is not None)
            continue
        if kept:
            clean_pos += 1  # the newline between paragraphs
        pos = clean_pos
        linear = False  # whether the last entry still maps this position exactly
        for p in pieces:
            if p.kind is not None:
                repairs.append(Repair(p.kind, Span(p.raw_start, p.raw_end),
                                      raw[p.raw_start:p.raw_end], p.text, pos))
            if p.text and (p.kind is not None or not linear or
                           offset_map[-1][1] + pos - offset_map[-1][0] != p.raw_start):
                offset_map.append((pos, p.raw_start))
            if p.text:
                linear = p.kind is None
            pos += len(p.text)
        kept.append(fixed_line)
        clean_pos = pos
    doc.text = "\n".join(kept)
    repairs.sort(key=lambda r: r.span.start)
    doc.repairs = repairs
    doc.offset_map = offset_map
    if credits:
        doc.metadata["photo_credits"] = credits
    if boilerplate:
        doc.metadata["boilerplate"] = boilerplate
    return doc


def _note_dateline(doc: Document, found: dict) -> None:
    """Keep a dateline as ``metadata["dateline"]``; its date dates an undated document."""
    date = None
    if found["day"] is not None and found["month"] is not None:
        stamp = {"day": found["day"], "month": found["month"]}
        if found["year"] is not None:
            stamp["year"] = found["year"]
        date = complete_year(stamp, doc.published or doc.collected)
    doc.metadata["dateline"] = {"text": found["text"], "place": found["place"],
                                "agency": found["agency"], "date": date}
    if date and not doc.published:
        doc.published = date
        doc.metadata["published_from"] = "dateline"


def undo_repairs(doc: Document) -> str:
    """The cleaned text with every in-text repair reverted: each paragraph reads again as its
    raw line (stripped), dateline included; removed lines are listed in ``doc.repairs`` with
    their raw span. Proof that each change is recorded and reversible."""
    text = doc.text
    inline = [r for r in doc.repairs if r.clean_start is not None]
    for r in sorted(inline, key=lambda r: (r.clean_start, r.span.start), reverse=True):
        end = r.clean_start + len(r.replacement)
        if text[r.clean_start:end] != r.replacement:
            raise ValueError(f"repair {r} does not match the cleaned text")
        text = text[: r.clean_start] + r.original + text[end:]
    return text
