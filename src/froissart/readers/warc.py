"""WARC archives (``.warc``, ``.warc.gz``): each HTML response record is a page.

Other records (requests, metadata, warcinfo, revisits, non-HTML or non-2xx responses) are
skipped without an error and counted in the ``stats`` of ``read_inputs``. ``WARC-Date`` is
the document's ``collected``, ``WARC-Target-URI`` its URL, the record id its doc_id.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from froissart.readers._common import InputError, Options, Source, iso_datetime
from froissart.readers.html import BYTES_PER_CHAR, extract_page
from froissart.types import Document

log = logging.getLogger(__name__)
HTML_TYPES = ("text/html", "application/xhtml+xml")


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        k, _, v = part.partition("=")
        if k.strip().lower() == "charset" and v.strip():
            return v.strip().strip("\"'")
    return None


def read(src: Source, opts: Options) -> Iterator[Document | InputError]:
    from warcio.archiveiterator import ArchiveIterator

    limit = BYTES_PER_CHAR * opts.max_chars
    skipped: dict[str, int] = {}
    n = 0
    try:
        # gzip is opened here, not by warcio, so that a truncated stream is an error
        with src.open() as fh:
            for k, record in enumerate(ArchiveIterator(_Strict(fh)), 1):
                if record.format != "warc":  # warcio reads any text as an old ARC file
                    yield InputError(f"{src.stem}#{k}", f"{src.name}#{k}",
                                     f"not a WARC record (read as {record.format})"
                                     + (f"; {n} record(s) read before it" if n else ""))
                    return
                item, why = _record(src, opts, k, record, limit)
                n = k  # records read whole
                if why:
                    skipped[why] = skipped.get(why, 0) + 1
                    opts.count(f"warc: skipped {why}")
                if item is not None:
                    yield item
    except Exception as err:  # truncated or damaged archive: keep what was read, say where
        yield InputError(f"{src.stem}#{n + 1}", f"{src.name}#{n + 1}",
                         f"damaged WARC after {n} record(s): {_reason(err)}")
    if skipped:
        log.info("%s: skipped %s", src.name,
                 ", ".join(f"{v} {k}" for k, v in sorted(skipped.items())))


class TruncatedGzip(Exception):
    """A gzip stream that ends early (warcio takes EOFError for a clean end, so not that)."""


class _Strict:
    """A file for warcio: the bytes a truncated gzip still gives are returned first, then
    the truncation is raised as TruncatedGzip."""

    def __init__(self, fh) -> None:
        self._fh = fh
        self._truncated = False
        self.close = fh.close

    def read(self, size: int = -1) -> bytes:
        if self._truncated:
            raise TruncatedGzip("compressed stream ended early")
        chunks: list[bytes] = []
        got = 0
        while size < 0 or got < size:
            try:
                b = self._fh.read1(size - got if size > 0 else 1 << 16)
            except EOFError as err:
                self._truncated = True
                if chunks:
                    break
                raise TruncatedGzip(str(err)) from err
            if not b:
                break
            chunks.append(b)
            got += len(b)
        return b"".join(chunks)

    def tell(self) -> int:
        return self._fh.tell()


def _reason(err: BaseException) -> str:
    if isinstance(err, TruncatedGzip | EOFError):
        return "truncated gzip (compressed stream ended early)"
    return f"{type(err).__name__}: {err}" if str(err) else type(err).__name__


def _drain(record) -> int:
    """Read a record to its end; the number of bytes its header promised but were missing."""
    stream = record.raw_stream
    while stream.read(1 << 16):
        pass
    return max(0, getattr(stream, "limit", 0))


def _record(src: Source, opts: Options, n: int, record, limit: int
            ) -> tuple[Document | InputError | None, str]:
    """(item, why skipped): one of them is set, except for an HTML record that gave nothing."""
    rid = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<> ")
    doc_id = rid or f"{src.stem}#{n}"
    where = f"{src.name}#{n}"
    why = _skip(record)
    data = b""
    if not why:
        data = record.content_stream().read(limit + 1)
    missing = _drain(record)
    if missing:
        return InputError(doc_id, where, f"truncated WARC record ({missing:,} bytes missing)"), ""
    if why:
        return None, why
    if len(data) > limit:
        return InputError(doc_id, where, f"record too large (over {limit:,} bytes)"), ""
    url = record.rec_headers.get_header("WARC-Target-URI")
    collected = iso_datetime(record.rec_headers.get_header("WARC-Date"))
    ctype = record.http_headers.get_header("Content-Type") or ""
    item = extract_page(data, doc_id, where, opts, url=url, charset=_charset(ctype),
                        collected=collected)
    if isinstance(item, Document):
        item.metadata["format"] = "warc"
        item.metadata["warc_record_id"] = rid
    return item, ""


def _skip(record) -> str:
    """Why a record is not a page to read, or "" when it is one."""
    if record.rec_type != "response":
        return f"{record.rec_type} record"
    headers = record.http_headers
    if headers is None:
        return "response without HTTP headers"
    if not (headers.get_statuscode() or "").startswith("2"):
        return "non-2xx response"
    ctype = (headers.get_header("Content-Type") or "").lower()
    if not any(t in ctype for t in HTML_TYPES):
        return "non-HTML response"
    return ""
