"""HTML pages: main text with trafilatura (offline), metadata from the page itself.

Title, publication time (``article:published_time``, ``og:*``, ``itemprop=datePublished``,
JSON-LD, ``<time datetime>``, then a date in the URL), author and site name are read from the
page's own tags; trafilatura's guesses fill what the tags leave out. The URL comes from
``<link rel=canonical>`` or ``og:url``. ``Document.metadata["published_from"]`` says which tag
gave the date.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser

from froissart.readers._common import (
    InputError,
    Options,
    Source,
    check_text,
    iso_datetime,
    read_bounded,
)
from froissart.types import Document

log = logging.getLogger(__name__)
# markup outweighs text: a page may hold this many bytes per character of max_chars
BYTES_PER_CHAR = 16
# fewer words than this is a menu or a stub, not an article
MIN_WORDS = 5

PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "og:published_time",
    "datepublished", "pubdate", "publishdate", "publish-date", "date", "dc.date",
    "dc.date.issued", "dcterms.created", "dcterms.date", "sailthru.date", "parsely-pub-date",
)
TITLE_META = ("og:title", "twitter:title", "dc.title")
AUTHOR_META = ("author", "article:author", "dc.creator", "byl", "sailthru.author",
               "parsely-author")
SITE_META = ("og:site_name", "application-name", "twitter:site")
URL_DATE = (
    re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:/|$)"),
    re.compile(r"[/_-]((?:19|20)\d{2})-(\d{2})-(\d{2})(?:[/_.-]|$)"),
    re.compile(r"/((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.-]|$)"),
)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


class _Tags(HTMLParser):
    """The head's metadata: meta tags, canonical link, title, <time>, JSON-LD, html lang."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None
        self.title = ""
        self.times: list[tuple[bool, str]] = []  # (marked as publication time, datetime)
        self.jsonld: list[str] = []
        self.lang: str | None = None
        self.has_body = False
        self._in: str | None = None
        self._buf: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content", "").strip() and key not in self.meta:
                self.meta[key] = a["content"].strip()
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split():
            self.canonical = self.canonical or a.get("href", "").strip() or None
        elif tag == "time" and a.get("datetime", "").strip():
            marked = a.get("itemprop", "").lower() == "datepublished" or "pubdate" in a
            self.times.append((marked, a["datetime"].strip()))
        elif tag == "html" and a.get("lang"):
            self.lang = a["lang"].strip()
        elif tag == "body":
            self.has_body = True
        elif tag == "title" and not self.title:
            self._in, self._buf = "title", []
        elif tag == "script" and "ld+json" in a.get("type", "").lower():
            self._in, self._buf = "jsonld", []

    def handle_endtag(self, tag: str) -> None:
        if self._in and tag == ("title" if self._in == "title" else "script"):
            text = "".join(self._buf)
            if self._in == "title":
                self.title = " ".join(text.split())
            else:
                self.jsonld.append(text)
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self._buf.append(data)


def decode_html(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """(text, encoding): the BOM, the declared charset, the page's meta charset, UTF-8,
    then Windows-1252 (old French pages), which reads any byte."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8"
    found = _CHARSET.search(data[:4096])
    for enc in (declared, found.group(1).decode("ascii") if found else None, "utf-8"):
        if not enc:
            continue
        try:
            return data.decode(enc), enc.lower()
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("cp1252", errors="replace"), "cp1252"


def _jsonld_items(blobs: list[str]) -> Iterator[dict]:
    for blob in blobs:
        try:
            data = json.loads(blob)
        except (json.JSONDecodeError, RecursionError):
            continue
        stack = [data]
        while stack:
            d = stack.pop()
            if isinstance(d, list):
                stack.extend(reversed(d))
            elif isinstance(d, dict):
                yield d
                if "@graph" in d:
                    stack.append(d["@graph"])


def _name(value: object) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        return _name(value.get("name"))
    if isinstance(value, list):
        names = [n for n in (_name(v) for v in value) if n]
        return ", ".join(names) or None
    return None


def url_date(url: str | None) -> str | None:
    """A date written in a URL path (``/2024/03/15/``, ``2024-03-15``, ``/20240315/``)."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url, flags=re.I)
    for pat in URL_DATE:
        m = pat.search(path)
        if m:
            try:
                return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
            except ValueError:
                continue
    return None


def _published(tags: _Tags, ld: list[dict], url: str | None) -> tuple[str | None, str]:
    for key in PUBLISHED_META:
        value = iso_datetime(tags.meta.get(key))
        if value:
            return value, f"meta:{key}"
    for d in ld:
        value = iso_datetime(d.get("datePublished"))
        if value:
            return value, "json-ld:datePublished"
    for marked in (True, False):
        for m, raw in tags.times:
            value = iso_datetime(raw)
            if m == marked and value:
                return value, "time"
    value = url_date(url)
    if value:
        return value, "url"
    return None, ""


def _strip_site(title: str, site: str | None) -> str:
    if site:
        for sep in (" - ", " | ", " – ", " — ", " : "):
            if title.endswith(sep + site):
                return title[: -len(sep + site)].strip()
    return title


def extract_page(data: bytes, doc_id: str, where: str, opts: Options, *,
                 url: str | None = None, charset: str | None = None,
                 collected: str | None = None) -> Document | InputError:
    """One page as a Document, or an InputError saying why not (shared with the WARC reader)."""
    import trafilatura

    if not data.strip():
        return InputError(doc_id, where, "empty HTML")
    if b"\x00" in data[:65536] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return InputError(doc_id, where, "binary content (NUL bytes)")
    html, encoding = decode_html(data, charset)
    tags = _Tags()
    try:
        tags.feed(html)
        tags.close()
    except Exception as err:  # html.parser is lenient; keep whatever it read
        log.debug("%s: HTML tag scan stopped: %s", where, err)
    ld = [d for d in _jsonld_items(tags.jsonld)]
    try:
        res = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True,
            date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception as err:  # trafilatura on hostile markup: report, never raise
        return InputError(doc_id, where, f"HTML extraction failed: {type(err).__name__}: {err}")
    text = (res.text if res is not None else None) or ""
    if not tags.has_body and not text.strip():
        return InputError(doc_id, where, "HTML has no body")
    words = len(text.split())
    if words < MIN_WORDS:
        return InputError(doc_id, where, f"no main text found in HTML ({words} word(s))")
    bad = check_text(doc_id, where, text, opts.max_chars)
    if bad:
        return bad

    meta = tags.meta
    page_url = tags.canonical or meta.get("og:url") or url
    site = meta.get("og:site_name") or next(
        (n for d in ld if (n := _name(d.get("publisher")))), None) or meta.get(
        "application-name") or (res.sitename if res is not None else None)
    title = next((meta[k] for k in TITLE_META if meta.get(k)), None) or next(
        (d["headline"].strip() for d in ld if isinstance(d.get("headline"), str)), None) or (
        res.title if res is not None else None) or _strip_site(tags.title, site) or None
    author = next((meta[k] for k in AUTHOR_META
                   if meta.get(k) and not meta[k].startswith("http")), None) or next(
        (n for d in ld if (n := _name(d.get("author")))), None) or (
        res.author if res is not None else None)
    published, how = _published(tags, ld, page_url or url)
    if not published and res is not None and iso_datetime(res.date):
        published, how = iso_datetime(res.date), "trafilatura"
    metadata: dict[str, object] = {"input": where, "format": "html", "encoding": encoding}
    if how:
        metadata["published_from"] = how
    if author:
        metadata["author"] = author
    if site:
        metadata["site"] = site
    if tags.lang:
        metadata["html_lang"] = tags.lang
    modified = iso_datetime(meta.get("article:modified_time") or meta.get("og:updated_time"))
    if modified:
        metadata["modified"] = modified
    if url and page_url and url != page_url:
        metadata["fetched_url"] = url
    lang = opts.lang
    if not lang and tags.lang and re.match(r"[a-z]{2}\b", tags.lang.lower()):
        lang = tags.lang.lower()[:2]
    return Document(doc_id, text, lang=lang or "fr", published=published or opts.published,
                    collected=collected or opts.collected, url=page_url, title=title,
                    source=site, metadata=metadata)


def read(src: Source, opts: Options) -> Iterator[Document | InputError]:
    data = read_bounded(src, BYTES_PER_CHAR * opts.max_chars)
    if isinstance(data, InputError):
        yield data
        return
    yield extract_page(data, src.stem, src.name, opts)
