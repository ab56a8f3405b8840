"""Places: locative phrases resolved in the gazetteer, and the place of each event (pure)."""

from __future__ import annotations

from froissart.geo.gazetteer import SMALL, Gazetteer, GeoEntry, default_gazetteer, resolve
from froissart.syntax import Tree
from froissart.textnorm import key
from froissart.types import Place, Span

__all__ = ["Gazetteer", "GeoEntry", "default_gazetteer", "find_places", "resolve"]

_JOINERS = {"-", "‑", "'", "’"}

LOCATIVE = {"à", "en", "dans", "au", "aux", "vers", "depuis", "près", "sur"}


def find_places(tree: Tree, gaz: Gazetteer, doc_countries: set[str],
                named: list[tuple[int, Place]] | None = None) -> list[tuple[int, Place]]:
    """Places named in a sentence after a locative preposition, or tagged LOC by the parser.

    Returns ``(head token index, Place)``; places the parser tags LOC outside a locative
    phrase are appended to ``named`` when it is given. Ambiguous names are ranked by
    ``Gazetteer.rank``: own name, countries and regions first, countries named in the
    document (``doc_countries``, ISO2), then population.
    """
    toks = tree.sentence.tokens
    out: list[tuple[int, Place]] = _capital_phrases(tree, gaz)
    i = 0
    while i < len(toks):
        best: tuple[int, list[GeoEntry]] | None = None
        acc = acc_key = ""
        for j in range(i, min(len(toks), i + gaz.max_tokens)):
            part = key(toks[j].text)
            if not toks[i].text[:1].isupper():
                break
            if not part:
                if toks[j].text in _JOINERS and j > i:  # "Addis - Abeba"
                    continue
                break
            acc += part
            cands = gaz.lookup(acc)
            if cands:
                best = (j, cands)
                acc_key = acc
        if best is None:
            i += 1
            continue
        j, cands = best
        # a village of another country than the document's is no place of this story
        cands = [e for e in cands if not _small_elsewhere(e, doc_countries)]
        if not cands:
            i = j + 1
            continue
        head = toks[i].i
        for t in toks[i : j + 1]:
            if not (toks[i].i <= t.head <= toks[j].i) or t.head == t.i:
                head = t.i
        prev = toks[i - 1].text.lower() if i > 0 else ""
        if prev == "a" and toks[i - 1].pos == "ADP":
            prev = "à"
        locative = tree.prep(head) in LOCATIVE or prev in LOCATIVE
        if locative and (toks[i].ent_type in ("LOC", "MISC", "") or cands[0].kind == "country"):
            e = gaz.rank(acc_key, cands, doc_countries)[0]
            out.append((head, Place(Span(toks[i].start, toks[j].end), e.name, e.country, e.lat,
                                    e.lon, e.kind, e.entry_id)))
        elif named is not None and toks[i].ent_type == "LOC":
            # a place named as a participant ("ont pilonné Kharkiv"), not as a setting
            e = gaz.rank(acc_key, cands, doc_countries)[0]
            named.append((head, Place(Span(toks[i].start, toks[j].end), e.name, e.country,
                                      e.lat, e.lon, e.kind, e.entry_id)))
        i = j + 1
    return out


def _small_elsewhere(e: GeoEntry, doc_countries: set[str]) -> bool:
    """A village, or a second-level division ("Ad Dis", Yemen, is no "Addis"), of a country
    the document does not name."""
    if e.country in doc_countries:
        return False
    return (e.kind == "city" and e.population < SMALL) or e.entry_id.startswith("admin2:")


def _capital_phrases(tree: Tree, gaz: Gazetteer) -> list[tuple[int, Place]]:
    """'dans la capitale algérienne' is the country's capital city."""
    out = []
    for t in tree.sentence.tokens:
        if t.lemma.lower() != "capitale" or tree.prep(t.i) not in LOCATIVE:
            continue
        for a in tree.children(t.i, "amod"):
            capital = gaz.capitals.get(key(a.text))
            if capital:
                out.append((t.i, Place(Span(t.start, a.end), capital.name, capital.country,
                                       capital.lat, capital.lon, "city", capital.entry_id)))
    return out
