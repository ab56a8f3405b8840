"""Reading input files into Documents; bad records become InputErrors, never exceptions."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from froissart.types import Document

log = logging.getLogger(__name__)
MAX_CHARS = 1_000_000


@dataclass(frozen=True)
class InputError:
    doc_id: str
    source: str
    reason: str


def _check_text(doc_id: str, source: str, text: object, max_chars: int) -> InputError | None:
    if not isinstance(text, str):
        return InputError(doc_id, source, "no text" if text is None else "text is not a string")
    if not text.strip():
        return InputError(doc_id, source, "empty text")
    if "\x00" in text:
        return InputError(doc_id, source, "binary content (NUL bytes)")
    if len(text) > max_chars:
        return InputError(doc_id, source,
                          f"text too large ({len(text):,} characters, limit {max_chars:,})")
    return None


def read_inputs(paths: list[str], max_chars: int = MAX_CHARS, published: str | None = None,
                collected: str | None = None, lang: str | None = None
                ) -> Iterator[Document | InputError]:
    """Documents from ``.txt`` files (doc_id = file stem) and ``.jsonl`` corpora."""
    for p in paths:
        path = Path(p)
        if not path.exists():
            yield InputError(path.stem, str(path), "no such file")
            continue
        if path.suffix.lower() in (".jsonl", ".ndjson"):
            yield from _read_jsonl(path, max_chars, published, collected, lang)
        else:
            yield _read_text(path, max_chars, published, collected, lang)


def _read_text(path: Path, max_chars: int, published: str | None, collected: str | None,
               lang: str | None) -> Document | InputError:
    data = path.read_bytes()
    if b"\x00" in data[:65536]:
        return InputError(path.stem, str(path), "binary file (NUL bytes)")
    if len(data) > 4 * max_chars:
        return InputError(path.stem, str(path), f"file too large ({len(data):,} bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        return InputError(path.stem, str(path), f"invalid UTF-8 at byte {err.start}")
    bad = _check_text(path.stem, str(path), text, max_chars)
    if bad:
        return bad
    return Document(path.stem, text, published=published, collected=collected, lang=lang or "fr",
                    metadata={"input": str(path)})


def _read_jsonl(path: Path, max_chars: int, published: str | None, collected: str | None,
                lang: str | None) -> Iterator[Document | InputError]:
    with open(path, "rb") as fh:
        for n, raw in enumerate(fh, 1):
            where = f"{path}:{n}"
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as err:
                yield InputError(f"{path.stem}:{n}", where, f"invalid UTF-8 at byte {err.start}")
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as err:
                yield InputError(f"{path.stem}:{n}", where, f"malformed JSON: {err.msg}")
                continue
            if not isinstance(rec, dict):
                yield InputError(f"{path.stem}:{n}", where, "record is not a JSON object")
                continue
            doc_id = str(rec.get("id") or rec.get("doc_id") or f"{path.stem}:{n}")
            bad = _check_text(doc_id, where, rec.get("text"), max_chars)
            if bad:
                yield bad
                continue
            yield Document(
                doc_id, rec["text"],
                lang=rec.get("lang") or lang or "fr",
                published=rec.get("published") or published,
                collected=rec.get("collected") or collected,
                url=rec.get("url"), title=rec.get("title"), source=rec.get("source"),
                metadata={"input": where},
            )
