"""What every reader shares: the error record, options, the opened source, text checks."""

from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

MAX_CHARS = 1_000_000
GZIP_MAGIC = b"\x1f\x8b"
# errors a damaged gzip stream raises while it is read
GZIP_ERRORS = (EOFError, zlib.error, gzip.BadGzipFile)


@dataclass(frozen=True)
class InputError:
    doc_id: str
    source: str
    reason: str


@dataclass
class Options:
    """What the caller asked for, handed to every reader."""

    max_chars: int = MAX_CHARS
    published: str | None = None
    collected: str | None = None
    lang: str | None = None
    text_column: str = "text"
    stats: dict[str, int] = field(default_factory=dict)

    def count(self, what: str, n: int = 1) -> None:
        self.stats[what] = self.stats.get(what, 0) + n


@dataclass(frozen=True)
class Source:
    """One input file; ``gzipped`` when its bytes are a gzip stream (read transparently)."""

    path: Path
    gzipped: bool

    @property
    def name(self) -> str:
        return str(self.path)

    @property
    def stem(self) -> str:
        """The file name without its format suffixes: ``a.jsonl.gz`` -> ``a``."""
        name = self.path.name
        if name.lower().endswith(".gz"):
            name = name[:-3]
        return Path(name).stem

    @property
    def suffix(self) -> str:
        """The format suffix, under any ``.gz``: ``a.warc.gz`` -> ``.warc``."""
        name = self.path.name.lower()
        if name.endswith(".gz"):
            name = name[:-3]
        return Path(name).suffix

    @contextmanager
    def open(self) -> Iterator[BinaryIO]:
        """The file's bytes, decompressed when it is gzip."""
        with open(self.path, "rb") as raw:
            if self.gzipped:
                with gzip.GzipFile(fileobj=raw, mode="rb") as gz:
                    yield gz  # type: ignore[misc]
            else:
                yield raw

    def read_limited(self, limit: int) -> bytes:
        """At most ``limit + 1`` bytes, so a caller can tell a file over the limit."""
        with self.open() as fh:
            return fh.read(limit + 1)


def read_bounded(src: Source, limit: int) -> bytes | InputError:
    """A whole file of at most ``limit`` bytes, or the InputError saying why not."""
    try:
        data = src.read_limited(limit)
    except GZIP_ERRORS as err:
        return InputError(src.stem, src.name, gzip_reason(err))
    if len(data) > limit:
        return InputError(src.stem, src.name, f"file too large (over {limit:,} bytes)")
    return data


def gzip_reason(err: BaseException) -> str:
    if isinstance(err, EOFError):
        return "truncated gzip (compressed stream ended early)"
    return f"corrupt gzip ({err})"


_SURROGATE = re.compile("[\udc80-\udcff]")  # undecodable bytes kept by surrogateescape


def check_text(doc_id: str, source: str, text: object, max_chars: int) -> InputError | None:
    if not isinstance(text, str):
        return InputError(doc_id, source, "no text" if text is None else "text is not a string")
    if not text.strip():
        return InputError(doc_id, source, "empty text")
    if "\x00" in text:
        return InputError(doc_id, source, "binary content (NUL bytes)")
    if len(text) > max_chars:
        return InputError(doc_id, source,
                          f"text too large ({len(text):,} characters, limit {max_chars:,})")
    if _SURROGATE.search(text):
        return InputError(doc_id, source, "invalid UTF-8")
    return None


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def iso_datetime(value: object) -> str | None:
    """An ISO date or datetime from a meta value, or None when it is not one.

    ``2024-03-15T10:30:00Z`` -> ``2024-03-15T10:30:00+00:00``; a bare date stays a date.
    """
    if not isinstance(value, str):
        return None
    value = value.strip()
    if not _ISO_DATE.match(value):
        return None
    if len(value) == 10:
        try:
            return datetime.strptime(value, "%Y-%m-%d").date().isoformat()
        except ValueError:
            return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
    except ValueError:
        try:  # keep the date of a datetime Python cannot read
            return datetime.strptime(value[:10], "%Y-%m-%d").date().isoformat()
        except ValueError:
            return None


def utc_iso(struct) -> str | None:
    """ISO datetime (UTC) from a ``time.struct_time`` as feedparser gives it."""
    if not struct:
        return None
    try:
        return datetime(*struct[:6], tzinfo=UTC).isoformat()
    except (TypeError, ValueError):
        return None
