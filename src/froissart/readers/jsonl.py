"""JSON Lines corpora: one JSON object a line with ``text`` and optional ``id``, ``published``,
``collected``, ``url``, ``title``, ``source``, ``lang``.

Lines are read one at a time with a size cap, so a large corpus (or one huge line) is streamed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from froissart.readers._common import (
    GZIP_ERRORS,
    InputError,
    Options,
    Source,
    check_text,
    gzip_reason,
)
from froissart.types import Document


def _lines(fh: BinaryIO, limit: int) -> Iterator[tuple[bytes, bool]]:
    """(line, whole) pairs; a line longer than ``limit`` is skipped to its end, whole=False."""
    while True:
        raw = fh.readline(limit + 1)
        if not raw:
            return
        if len(raw) > limit and not raw.endswith(b"\n"):
            while True:  # drop the rest of the line without holding it
                rest = fh.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield raw[:64], False
            continue
        yield raw, True


def read(src: Source, opts: Options) -> Iterator[Document | InputError]:
    # a record holds at most max_chars characters (up to 4 bytes each) plus its JSON fields
    limit = 4 * opts.max_chars + 65536
    n = 0
    try:
        with src.open() as fh:
            for n, (raw, whole) in enumerate(_lines(fh, limit), 1):
                item = _record(src, opts, n, raw, whole)
                if item is not None:
                    yield item
    except GZIP_ERRORS as err:
        yield InputError(f"{src.stem}:{n + 1}", f"{src.name}:{n + 1}",
                         f"{gzip_reason(err)}; {n} line(s) read before it")


def _record(src: Source, opts: Options, n: int, raw: bytes, whole: bool
            ) -> Document | InputError | None:
    where = f"{src.name}:{n}"
    fallback_id = f"{src.stem}:{n}"
    if not whole:
        return InputError(fallback_id, where, f"record too large (over {4 * opts.max_chars:,}"
                          " bytes)")
    if not raw.strip():
        return None
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        return InputError(fallback_id, where, f"invalid UTF-8 at byte {err.start}")
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as err:
        return InputError(fallback_id, where, f"malformed JSON: {err.msg}")
    if not isinstance(rec, dict):
        return InputError(fallback_id, where, "record is not a JSON object")
    doc_id = str(rec.get("id") or rec.get("doc_id") or fallback_id)
    text = rec.get(opts.text_column)
    bad = check_text(doc_id, where, text, opts.max_chars)
    if bad:
        return bad
    return Document(
        doc_id, text,
        lang=rec.get("lang") or opts.lang or "fr",
        published=rec.get("published") or opts.published,
        collected=rec.get("collected") or opts.collected,
        url=rec.get("url"), title=rec.get("title"), source=rec.get("source"),
        metadata={"input": where},
    )
