"""Froissart's records: plain typed dataclasses, no I/O and no spaCy.

Offsets are character offsets into ``Document.text`` (the cleaned text) unless a field
says otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of a named text: ``text[start:end]``."""

    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Repair:
    """One change made by cleaning: ``original`` at ``span`` (raw text) became ``replacement``."""

    # "lost-char", "mojibake", "accent", "dateline", "header", "photo-credit", "read-also",
    # "share", "copyright", "newsletter", "advertisement", "cookie-notice", "prompt"
    kind: str
    span: Span  # in the raw text
    original: str
    replacement: str
    clean_start: int | None = None  # where the replacement starts in the cleaned text


@dataclass(slots=True)
class Document:
    """A document as read, then as cleaned. ``text`` is the cleaned text."""

    doc_id: str
    raw: str
    text: str = ""
    lang: str = "fr"
    published: str | None = None  # ISO date or datetime
    collected: str | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None
    repairs: list[Repair] = field(default_factory=list)
    metadata: dict[str, object] = field(default_factory=dict)
    # (clean_offset, raw_offset) at the start of each kept stretch, for mapping back
    offset_map: list[tuple[int, int]] = field(default_factory=list)

    def raw_offset(self, clean_offset: int) -> int:
        """Map an offset in the cleaned text back to the raw text."""
        best = (0, 0)
        for c, r in self.offset_map:
            if c <= clean_offset:
                best = (c, r)
            else:
                break
        return best[1] + clean_offset - best[0]


@dataclass(frozen=True, slots=True)
class Token:
    """A parsed token: everything the later stages need from the parser."""

    i: int  # index in the document
    text: str
    lemma: str
    pos: str
    dep: str
    head: int  # document index of the syntactic head (itself for the root)
    start: int  # character offset in Document.text
    ws: str = ""
    morph: str = ""
    ent_iob: str = "O"
    ent_type: str = ""

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(slots=True)
class Sentence:
    """A sentence: a slice of the document's tokens."""

    index: int
    start: int  # character offsets
    end: int
    tokens: list[Token]
    paragraph: int = 0

    @property
    def first(self) -> int:
        return self.tokens[0].i if self.tokens else 0


@dataclass(frozen=True, slots=True)
class Actor:
    """A coded actor: ``code`` such as CHNGOV, IGOSCO; ``entry`` names the lexicon entry."""

    code: str
    name: str
    country: str  # ISO3, or the IGO/NGO/IMG code
    role: str = ""
    entry: str = ""  # lexicon entry id(s) that produced the code

    @property
    def country_level(self) -> str:
        return self.country


@dataclass(frozen=True, slots=True)
class Mention:
    """A mention of an actor in a sentence: tokens ``[first, last]`` (document indices)."""

    sentence: int
    first: int
    last: int
    span: Span
    actor: Actor
    kind: str  # "country", "adjective", "capital", "igo", "person", "role", "group", "coref"
    plural: bool = False


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A resolved time expression: ``value`` is ISO at ``precision`` (day, week, weekend,
    month, season, year, decade, century)."""

    span: Span
    text: str
    value: str
    precision: str
    rule: str


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place name."""

    span: Span | None
    name: str
    country: str  # ISO alpha-2
    lat: float | None
    lon: float | None
    kind: str  # "country", "city", "region"
    entry: str = ""


@dataclass(slots=True)
class Event:
    """A coded event with its provenance."""

    doc_id: str
    source: Actor
    target: Actor
    cameo: str
    sentence_index: int
    evidence: Span
    evidence_text: str
    rule: str  # pattern id, with modality wrapper if any
    confidence: float
    trigger: int = -1  # token index of the trigger
    mode: str = "realised"  # realised, intent
    date: str | None = None
    date_precision: str | None = None
    date_rule: str | None = None
    place: Place | None = None
    place_rule: str | None = None
    actor_entries: tuple[str, str] = ("", "")
    meeting: bool = False  # refined to 044 when held in a third country
    place_hint: int = -1  # token of a locative argument ("visite ... en Russie")
    basis: str = ""  # how source/target were found: explicit, inferred or none (calibration)
    lexicon_version: str = ""
