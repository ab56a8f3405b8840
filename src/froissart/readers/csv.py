"""CSV (and TSV) files with a header row: one row, one document.

The text is in ``text_column`` (default ``text``); ``id``/``doc_id``, ``published``,
``collected``, ``url``, ``title``, ``source`` and ``lang`` columns are used when present and
the other non-empty columns are kept in ``Document.metadata``. The delimiter (``,``, ``;``,
tab or ``|``) is the one that finds the text column in the header.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from froissart.readers._common import (
    GZIP_ERRORS,
    InputError,
    Options,
    Source,
    check_text,
    gzip_reason,
)
from froissart.types import Document

DELIMITERS = (",", ";", "\t", "|")
KNOWN = {"id", "doc_id", "published", "collected", "url", "title", "source", "lang"}
RESERVED = {"input", "content_hash"}


def _delimiter(header: str, text_column: str, suffix: str) -> str:
    if suffix == ".tsv":
        return "\t"
    best, best_n = ",", 0
    for d in DELIMITERS:
        fields = next(csv.reader([header], delimiter=d), [])
        if text_column in (f.strip() for f in fields):
            return d
        if len(fields) > best_n:
            best, best_n = d, len(fields)
    return best


def read(src: Source, opts: Options) -> Iterator[Document | InputError]:
    # fields up to the record limit parse; a larger one is a csv.Error, reported below
    if csv.field_size_limit() < opts.max_chars + 1:
        csv.field_size_limit(opts.max_chars + 1)
    line = 1
    try:
        with src.open() as fh:
            stream = io.TextIOWrapper(fh, encoding="utf-8-sig", errors="surrogateescape",
                                      newline="")
            header = stream.readline()
            if not header.strip():
                yield InputError(src.stem, src.name, "empty CSV (no header row)")
                return
            delim = _delimiter(header.rstrip("\r\n"), opts.text_column, src.suffix)
            columns = [c.strip() for c in next(csv.reader([header], delimiter=delim))]
            if opts.text_column not in columns:
                yield InputError(src.stem, src.name,
                                 f"no column {opts.text_column!r} (columns: "
                                 f"{', '.join(columns[:12])})")
                return
            reader = csv.reader(stream, delimiter=delim)
            line = 2
            while True:
                try:
                    row = next(reader)
                except StopIteration:
                    break
                except csv.Error as err:
                    yield InputError(f"{src.stem}:{line}", f"{src.name}:{line}",
                                     _csv_reason(err, opts.max_chars))
                    line = reader.line_num + 2
                    continue
                item = _row(src, opts, line, columns, row)
                line = reader.line_num + 2
                if item is not None:
                    yield item
    except GZIP_ERRORS as err:
        yield InputError(f"{src.stem}:{line}", f"{src.name}:{line}",
                         f"{gzip_reason(err)}; rows before line {line} were read")


def _csv_reason(err: csv.Error, max_chars: int) -> str:
    if "field larger than field limit" in str(err):
        return f"record too large (a field over {max_chars:,} characters)"
    return f"malformed CSV: {err}"


def _row(src: Source, opts: Options, line: int, columns: list[str], row: list[str]
         ) -> Document | InputError | None:
    if not any(cell.strip() for cell in row):
        return None
    where = f"{src.name}:{line}"
    rec = dict(zip(columns, row, strict=False))
    if len(row) != len(columns):
        return InputError(rec.get("id") or rec.get("doc_id") or f"{src.stem}:{line}", where,
                          f"row has {len(row)} field(s), header has {len(columns)}")
    doc_id = (rec.get("id") or rec.get("doc_id") or "").strip() or f"{src.stem}:{line}"
    text = rec[opts.text_column]
    bad = check_text(doc_id, where, text, opts.max_chars)
    if bad:
        return bad
    meta: dict[str, object] = {"input": where}
    for k, v in rec.items():
        if k and k != opts.text_column and k not in KNOWN and k not in RESERVED and v.strip():
            meta[k] = v.strip()

    def get(key: str) -> str | None:
        return (rec.get(key) or "").strip() or None

    return Document(doc_id, text, lang=get("lang") or opts.lang or "fr",
                    published=get("published") or opts.published,
                    collected=get("collected") or opts.collected,
                    url=get("url"), title=get("title"), source=get("source"), metadata=meta)
