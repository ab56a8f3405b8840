"""RSS and Atom feeds with feedparser: each entry is a document.

The text is the entry's title, then its content (or summary) as plain text. A feed that is
not well-formed XML (feedparser's *bozo* flag) is reported as an InputError and the entries
feedparser could still read are yielded. Feeds are parsed from bytes, never fetched.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from html.parser import HTMLParser

from froissart.readers._common import (
    InputError,
    Options,
    Source,
    check_text,
    iso_datetime,
    read_bounded,
    utc_iso,
)
from froissart.types import Document

BYTES_PER_CHAR = 16
BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr",
          "section", "article", "figure", "figcaption", "ul", "ol", "table"}


class _Text(HTMLParser):
    """HTML fragment -> text, one paragraph a line; scripts and styles dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    if "<" not in fragment:
        text = html.unescape(fragment)
    else:
        p = _Text()
        try:
            p.feed(fragment)
            p.close()
        except Exception:  # a broken fragment: fall back to dropping tags
            return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", fragment)).split())
        text = "".join(p.parts)
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _body(entry) -> str:
    for c in entry.get("content") or []:
        value = c.get("value") or ""
        if value.strip():
            return html_to_text(value) if "html" in (c.get("type") or "html") else value.strip()
    return html_to_text(entry.get("summary") or entry.get("description") or "")


def read(src: Source, opts: Options) -> Iterator[Document | InputError]:
    import feedparser

    data = read_bounded(src, BYTES_PER_CHAR * opts.max_chars)
    if isinstance(data, InputError):
        yield data
        return
    if not data.strip():
        yield InputError(src.stem, src.name, "empty feed")
        return
    try:
        parsed = feedparser.parse(data)  # bytes: feedparser never goes to the network
    except Exception as err:
        yield InputError(src.stem, src.name, f"feed parsing failed: {type(err).__name__}: {err}")
        return
    entries = parsed.get("entries") or []
    if parsed.get("bozo"):
        exc = parsed.get("bozo_exception")
        what = f"{type(exc).__name__}: {exc}" if exc else "not well-formed"
        yield InputError(src.stem, src.name,
                         f"malformed feed ({what}); {len(entries)} entr"
                         f"{'y' if len(entries) == 1 else 'ies'} read")
    if not entries and not parsed.get("bozo"):
        yield InputError(src.stem, src.name, "feed has no entries")
    feed = parsed.get("feed") or {}
    site = (feed.get("title") or "").strip() or None
    for n, entry in enumerate(entries, 1):
        yield _entry(src, opts, n, entry, site)


def _entry(src: Source, opts: Options, n: int, entry, site: str | None
           ) -> Document | InputError:
    where = f"{src.name}#{n}"
    doc_id = (entry.get("id") or entry.get("link") or "").strip() or f"{src.stem}#{n}"
    title = html_to_text(entry.get("title") or "") or None
    body = _body(entry)
    text = "\n\n".join(p for p in (title, body) if p)
    bad = check_text(doc_id, where, text, opts.max_chars)
    if bad:
        return bad
    published, how = None, ""
    for key in ("published", "updated", "created"):
        # the entry's own string keeps its time zone; feedparser's parse is UTC
        published = iso_datetime(entry.get(key)) or utc_iso(entry.get(f"{key}_parsed"))
        if published:
            how = f"feed:{key}"
            break
    metadata: dict[str, object] = {"input": where, "format": "feed"}
    if how:
        metadata["published_from"] = how
    if entry.get("author"):
        metadata["author"] = entry["author"]
    if site:
        metadata["site"] = site
    tags = [t.get("term") for t in entry.get("tags") or [] if t.get("term")]
    if tags:
        metadata["tags"] = tags
    return Document(doc_id, text, lang=opts.lang or "fr",
                    published=published or opts.published, collected=opts.collected,
                    url=entry.get("link"), title=title, source=site, metadata=metadata)
