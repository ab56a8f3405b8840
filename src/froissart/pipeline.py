"""The stage sequence: clean -> parse -> actors -> events -> dates -> places."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from froissart import dates as dates_mod
from froissart import geo
from froissart.actors.lexicon import ActorLexicon
from froissart.actors.recognize import Match, find_matches
from froissart.actors.resolve import SPEECH, DocumentActors, SentenceActors
from froissart.attach import attached, head_of_span
from froissart.clean import clean_document
from froissart.events.calibrate import Calibration
from froissart.events.lexicon import EventLexicon
from froissart.events.match import SentenceCoder
from froissart.geo.gazetteer import Gazetteer
from froissart.ontology import Ontology
from froissart.textnorm import fold
from froissart.types import Actor, Document, Event, Place, Sentence

log = logging.getLogger(__name__)
FOLDED_SPEECH = {fold(s) for s in SPEECH}
LOCATIVE_PREPS = {"à", "en", "dans", "vers", "depuis"}
# nouns a place may hang from and still be where the event happened
EVENT_NOUNS = {"réunion", "sommet", "rencontre", "visite", "conférence", "marge", "cadre",
               "session", "forum", "entretien", "cérémonie", "voyage", "tournée", "assemblée",
               "négociation", "pourparlers", "manifestation", "rassemblement", "attaque",
               "frappe", "attentat", "offensive", "bombardement", "combat", "affrontement",
               "explosion", "opération", "raid", "arrestation", "signature", "discours"}


@dataclass(frozen=True)
class ActorMention:
    """An actor named in a document, as stored with it."""

    sentence_index: int
    start: int
    end: int
    text: str
    code: str
    kind: str
    entry: str


@dataclass
class Result:
    doc: Document
    events: list[Event] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)


@dataclass
class Resources:
    """Everything a worker needs, loaded once: lexicons, ontology, gazetteer."""

    ontology: Ontology
    actors: ActorLexicon
    events: EventLexicon
    gazetteer: Gazetteer
    lang: str = "fr"
    calibration: Calibration | None = None

    @classmethod
    def load(cls, lang: str = "fr", overlays: list[Path] | None = None,
             with_cities: bool = True) -> Resources:
        ontology = Ontology.load()
        actors = ActorLexicon.load(lang, overlays)
        events = EventLexicon.load(ontology, lang, [Path(o) / "patterns" for o in overlays or []
                                                    if (Path(o) / "patterns").exists()])
        gaz = Gazetteer.build(actors, lang, with_cities=with_cities)
        return cls(ontology, actors, events, gaz, lang, Calibration.load(lang))

    @property
    def version(self) -> str:
        parts = {**self.actors.versions, **self.events.versions}
        return ";".join(f"{k}={v}" for k, v in sorted(parts.items()))


def code_parsed(doc: Document, sentences: list[Sentence], res: Resources,
                actors_out: list[ActorMention] | None = None) -> list[Event]:
    """Code a cleaned, parsed document. Pure: no model, no I/O.

    When ``actors_out`` is given, the actor mentions found are appended to it.
    """
    anchor = dates_mod.parse_anchor(doc.published or doc.collected)
    state = DocumentActors(res.actors, anchor)
    first_matches = [find_matches(s, res.actors) for s in sentences]
    state.home = home_country(first_matches)
    coder = SentenceCoder(res.events, state, doc.doc_id, doc.text)
    doc_countries: set[str] = set()
    events: list[Event] = []
    narrative_date: tuple[str, str] | None = None
    narrative_place: Place | None = None
    for sent, found in zip(sentences, first_matches, strict=True):
        sa = state.analyse(sent, found)
        tree = sa.tree
        for m in sa.matches:
            for e in m.entries:
                if e.iso2:
                    doc_countries.add(e.iso2)
        # speaker of the sentence (for "son pays", "il a ajouté")
        for tok in sent.tokens:
            if tok.pos == "VERB" and fold(tok.lemma) in FOLDED_SPEECH:
                found = state.subject_of(sa, tok.i)
                if found and len(found[0]) == 1:
                    state.speaker = found[0][0]
        named: list[tuple[int, Place]] = []
        places = geo.find_places(tree, res.gazetteer, doc_countries, named)
        coder.places = dict(places + named)
        sent_events = coder.code(sa)
        text = doc.text[sent.start:sent.end]
        times = dates_mod.find_times(text, anchor, sent.start)
        time_items = [(h, t) for t in times if (h := head_of_span(tree, t.span)) is not None]
        triggers = {e.trigger for e in sent_events}
        for ev in sent_events:
            t = attached(tree, ev.trigger, time_items, triggers)
            if t:
                ev.date, ev.date_precision, ev.date_rule = t.value, t.precision, f"time:{t.rule}"
                if narrative_date is None:
                    narrative_date = (t.value, t.precision)
            hinted = [pl for h, pl in places if h == ev.place_hint]
            p = hinted[0] if hinted else attached(tree, ev.trigger, places, triggers, EVENT_NOUNS)
            if p:
                ev.place, ev.place_rule = p, "clause"
                if narrative_place is None:
                    narrative_place = p
        if narrative_date is None and sent.index < 2 and times:
            narrative_date = (times[0].value, times[0].precision)
        if narrative_place is None and sent.index < 3 and places:
            narrative_place = _most_specific([p for _, p in places])
        events.extend(sent_events)
        named = _note_actors(state, sa, sent_events)
        if actors_out is not None:
            for m, actor in named:
                actors_out.append(ActorMention(sent.index, m.start, m.end,
                                               doc.text[m.start:m.end], actor.code, m.kind,
                                               actor.entry))
    for ev in events:
        if ev.date is None:
            if narrative_date:
                ev.date, ev.date_precision, ev.date_rule = (*narrative_date, "narrative")
            elif anchor:
                ev.date, ev.date_precision, ev.date_rule = anchor.isoformat(), "day", "published"
        elsewhen = ev.date_rule != "narrative" and narrative_date and ev.date and \
            not ev.date.startswith(narrative_date[0][:7]) and not narrative_date[0].startswith(
                ev.date[:7])
        if ev.place is None and narrative_place is not None and not elsewhen:
            # background events ("a rompu ses relations en 2021") are not where the story is
            ev.place, ev.place_rule = narrative_place, "narrative"
        _refine_meeting(ev, res)
        if res.calibration is not None:
            ev.confidence = res.calibration.confidence(ev)
    return _dedupe(events)


def home_country(matches: list[list[Match]]) -> str | None:
    """The country a document is about, when one clearly dominates its actor mentions."""
    counts: Counter[str] = Counter()
    for found in matches:
        for m in found:
            e = m.entries[0]
            if e.kind in ("country", "adjective", "capital", "demonym", "person", "group") and \
                    len(e.country) == 3 and e.country[:3] not in ("IGO", "NGO", "IMG"):
                counts[e.country] += 1
    top = counts.most_common(2)
    if not top or top[0][1] < 2 or (len(top) > 1 and top[1][1] * 2 > top[0][1]):
        return None
    return top[0][0]


def _most_specific(places: list[Place]) -> Place:
    for p in places:
        if p.kind != "country":
            return p
    return places[0]


def _note_actors(state: DocumentActors, sa: SentenceActors,
                 events: list[Event] = ()) -> list[tuple[Match, Actor]]:
    """Remember the actors a sentence named (not places) and its subjects (else the sources
    of its events, for a subject the parser lost); return them."""
    tree = sa.tree
    seen = []
    named = []
    for m in sa.matches:
        if m.kind == "role":
            continue
        head = m.first
        if tree.prep(head) in LOCATIVE_PREPS:
            continue
        res = state.compose(sa, head)
        if res:
            seen.extend(res.actors)
            named.extend((m, a) for a in res.actors[:1])
    state.note(seen)
    found = False
    for tok in sa.sentence.tokens:
        head = sa.tree.tok.get(tok.head)
        if tok.dep == "nsubj" and not (head is not None and tok.i > head.i
                                       and fold(head.lemma) in FOLDED_SPEECH):
            # (not an attribution: "..., a indiqué le ministère kazakh")
            res = state.conj_actors(sa, tok.i)
            if res:
                state.last_subjects = res
                found = True
    if not found and events:
        sources = list(dict.fromkeys(e.source for e in events))
        state.last_subjects = sources
    return named


def _refine_meeting(ev: Event, res: Resources) -> None:
    """A meeting held in a country neither side belongs to is CAMEO 044."""
    if not ev.meeting or ev.place is None or ev.cameo != "040":
        return
    iso3 = res.actors.iso2_to_iso3.get(ev.place.country, "")
    if iso3 and iso3 not in (ev.source.country, ev.target.country) and \
            ev.source.country[:3] not in ("IGO", "NGO") and ev.target.country[:3] not in ("IGO",):
        ev.cameo = "044"
        ev.rule += "+third-country"


def _dedupe(events: list[Event]) -> list[Event]:
    """One event per (source, target, code) and evidence; the most confident kept."""
    best: dict[tuple, Event] = {}
    for ev in events:
        k = (ev.source.code, ev.target.code, ev.cameo, ev.sentence_index)
        if k not in best or ev.confidence > best[k].confidence:
            best[k] = ev
    return sorted(best.values(), key=lambda e: (e.sentence_index, e.evidence.start, e.cameo))


def unsupported_language(doc: Document, lang: str) -> str | None:
    """The detected language of a document when it is not ``lang`` (None otherwise)."""
    from froissart.language import detect_language

    found = detect_language(doc.raw)
    if found is not None and found != lang:
        return found
    if found is not None:
        doc.lang = found
    return None


class Pipeline:
    """Clean, parse and code documents with one loaded model and lexicon set."""

    def __init__(self, lang: str = "fr", overlays: list[Path] | None = None,
                 nlp=None, resources: Resources | None = None) -> None:
        from froissart import parse

        self.lang = lang
        self.nlp = nlp or parse.load_model(lang)
        self.vocab = parse.vocabulary(self.nlp)
        self.res = resources or Resources.load(lang, overlays)

    def run(self, docs: Iterable[Document], batch_size: int = 32,
            skipped: list[tuple[str, str]] | None = None,
            detect: bool = True) -> Iterator[Result]:
        """Clean, parse and code ``docs``. A document detected in a language this pipeline
        does not code is skipped (not cleaned or coded) and listed in ``skipped``."""
        from froissart import parse

        batch: list[Document] = []
        for doc in docs:
            lang = unsupported_language(doc, self.lang) if detect else None
            if lang:
                log.warning("skipped %s: language %r, this pipeline codes %r",
                            doc.doc_id, lang, self.lang)
                if skipped is not None:
                    skipped.append((doc.doc_id, lang))
                continue
            batch.append(clean_document(doc, self.vocab))
            if len(batch) >= batch_size:
                yield from self._code_batch(batch, parse)
                batch = []
        if batch:
            yield from self._code_batch(batch, parse)

    def _code_batch(self, batch: list[Document], parse) -> Iterator[Result]:
        version = self.res.version
        for doc, sentences in parse.parse_documents(self.nlp, batch):
            actors: list[ActorMention] = []
            events = code_parsed(doc, sentences, self.res, actors)
            yield Result(doc, [replace(e, lexicon_version=version) for e in events], sentences,
                         actors)
