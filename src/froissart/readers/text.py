"""Plain text files: one file, one document (doc_id = file stem)."""

from __future__ import annotations

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


def read(src: Source, opts: Options) -> Iterator[Document | InputError]:
    limit = 4 * opts.max_chars
    try:
        data = src.read_limited(limit)
    except GZIP_ERRORS as err:
        yield InputError(src.stem, src.name, gzip_reason(err))
        return
    if b"\x00" in data[:65536]:
        yield InputError(src.stem, src.name, "binary file (NUL bytes)")
        return
    if len(data) > limit:
        size = f"{src.path.stat().st_size:,} bytes" if not src.gzipped else \
            f"over {limit:,} bytes uncompressed"
        yield InputError(src.stem, src.name, f"file too large ({size})")
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        yield InputError(src.stem, src.name, f"invalid UTF-8 at byte {err.start}")
        return
    bad = check_text(src.stem, src.name, text, opts.max_chars)
    if bad:
        yield bad
        return
    yield Document(src.stem, text, published=opts.published, collected=opts.collected,
                   lang=opts.lang or "fr", metadata={"input": src.name})
