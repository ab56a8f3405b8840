"""Reading input files into Documents; bad records become InputErrors, never exceptions.

One module a format: :mod:`text` (``.txt``), :mod:`jsonl` (``.jsonl``, ``.ndjson``),
:mod:`csv` (``.csv``, ``.tsv``), :mod:`html` (``.html``, ``.htm``), :mod:`warc` (``.warc``,
``.warc.gz``) and :mod:`feed` (RSS/Atom: ``.rss``, ``.atom``, ``.xml``). A file's format comes
from its extension, or from its first bytes when the extension says nothing, unless
``input_format`` names one. Gzip files are read transparently; directories are walked
recursively in sorted order (hidden files and folders are left out).
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from froissart.readers import csv, feed, html, jsonl, text, warc
from froissart.readers._common import (
    GZIP_ERRORS,
    GZIP_MAGIC,
    MAX_CHARS,
    InputError,
    Options,
    Source,
    check_text,
    gzip_reason,
)
from froissart.types import Document

__all__ = ["FORMATS", "MAX_CHARS", "InputError", "check_text", "detect_format", "read_inputs"]

log = logging.getLogger(__name__)

Reader = Callable[[Source, Options], Iterator[Document | InputError]]
READERS: dict[str, Reader] = {"text": text.read, "jsonl": jsonl.read, "csv": csv.read,
                              "html": html.read, "warc": warc.read, "feed": feed.read}
FORMATS = tuple(READERS)
ALIASES = {"txt": "text", "ndjson": "jsonl", "tsv": "csv", "htm": "html", "rss": "feed",
           "atom": "feed", "xml": "feed"}
EXTENSIONS = {".txt": "text", ".text": "text", ".jsonl": "jsonl", ".ndjson": "jsonl",
              ".csv": "csv", ".tsv": "csv", ".html": "html", ".htm": "html",
              ".xhtml": "html", ".warc": "warc", ".rss": "feed", ".atom": "feed",
              ".xml": "feed"}
_FEED_TAG = re.compile(rb"<(?:rss|feed|rdf:rdf)[\s>]", re.I)
_HTML_TAG = re.compile(rb"<(?:!doctype\s+html|html|head|body)[\s>]", re.I)


def _sniff(head: bytes) -> str:
    """The format of a file from its first (decompressed) bytes."""
    if head.startswith(b"WARC/"):
        return "warc"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"<"):
        if _FEED_TAG.search(head):
            return "feed"
        if _HTML_TAG.search(head):
            return "html"
        return "feed" if start.startswith(b"<?xml") else "html"
    if start.startswith(b"{"):
        return "jsonl"
    return "text"


def detect_format(src: Source) -> str:
    """The reader for a file: by extension, else by its first bytes."""
    by_ext = EXTENSIONS.get(src.suffix)
    if by_ext:
        return by_ext
    try:
        head = src.read_limited(4095)
    except GZIP_ERRORS:
        return "text"  # the text reader reports the damage
    return _sniff(head)


def _normalise_format(input_format: str | None) -> str | None:
    if input_format is None or input_format.lower() in ("", "auto"):
        return None
    fmt = ALIASES.get(input_format.lower(), input_format.lower())
    if fmt not in READERS:
        raise ValueError(f"unknown input format {input_format!r} "
                         f"(choose from {', '.join(FORMATS)} or auto)")
    return fmt


def _walk(root: Path, opts: Options) -> Iterator[Path | InputError]:
    """Files under a directory, depth first in sorted order, hidden entries left out;
    a folder that cannot be listed is an InputError."""
    failed: list[OSError] = []
    for here, dirs, files in os.walk(root, onerror=failed.append):
        while failed:
            err = failed.pop()
            where = Path(err.filename or here)
            yield InputError(where.name, str(where), f"cannot list folder ({err.strerror})")
        hidden = [d for d in dirs if d.startswith(".")]
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                opts.count("skipped hidden file")
                continue
            yield Path(here) / name
        if hidden:
            opts.count("skipped hidden folder", len(hidden))
    for err in failed:
        where = Path(err.filename or root)
        yield InputError(where.name, str(where), f"cannot list folder ({err.strerror})")


def _expand(paths: list[str], opts: Options) -> Iterator[Path | InputError]:
    for p in paths:
        path = Path(p)
        if path.is_dir():
            yield from _walk(path, opts)
        elif path.exists():
            yield path
        else:
            yield InputError(path.stem, str(path), "no such file")


def _read_one(path: Path, fmt: str | None, opts: Options) -> Iterator[Document | InputError]:
    try:
        with open(path, "rb") as fh:
            gzipped = fh.read(2) == GZIP_MAGIC
    except OSError as err:
        yield InputError(path.stem, str(path), f"cannot read ({err.strerror or err})")
        return
    src = Source(path, gzipped)
    try:
        reader = READERS[fmt or detect_format(src)]
        opts.count(f"files {reader.__module__.rsplit('.', 1)[-1]}")
        yield from reader(src, opts)
    except GZIP_ERRORS as err:
        yield InputError(src.stem, src.name, gzip_reason(err))
    except OSError as err:
        yield InputError(src.stem, src.name, f"cannot read ({err.strerror or err})")
    except Exception as err:  # a reader bug must not stop the run: report the file
        log.exception("reading %s failed", src.name)
        yield InputError(src.stem, src.name, f"reader failed: {type(err).__name__}: {err}")


def read_inputs(paths: list[str], max_chars: int = MAX_CHARS, published: str | None = None,
                collected: str | None = None, lang: str | None = None, *,
                input_format: str | None = None, text_column: str = "text",
                stats: dict[str, int] | None = None) -> Iterator[Document | InputError]:
    """Documents (and InputErrors) from files and directories, in the order given.

    ``published``, ``collected`` and ``lang`` apply where a record does not say.
    ``input_format`` (text, jsonl, csv, html, warc, feed; or None/"auto") overrides detection;
    ``text_column`` names the CSV (and JSONL) field that holds the text. ``stats``, when
    given, is filled with counts of what was read and skipped (e.g. WARC request records).
    Raises ValueError at once for an unknown ``input_format``; nothing else raises.
    """
    fmt = _normalise_format(input_format)
    opts = Options(max_chars=max_chars, published=published, collected=collected, lang=lang,
                   text_column=text_column, stats=stats if stats is not None else {})
    return _read_all(paths, fmt, opts)


def _read_all(paths: list[str], fmt: str | None, opts: Options
              ) -> Iterator[Document | InputError]:
    for item in _expand(paths, opts):
        if isinstance(item, InputError):
            yield item
        else:
            yield from _read_one(item, fmt, opts)
