"""Finding actor mentions in a sentence by longest match against the lexicon."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from froissart.actors.lexicon import ActorLexicon, Entry
from froissart.textnorm import key
from froissart.types import Sentence

TITLES = {"m.", "m", "mme", "mlle", "monsieur", "madame", "dr", "général", "maréchal"}


@dataclass(frozen=True, slots=True)
class Match:
    """Tokens ``first..last`` (document indices) matched to lexicon entries."""

    first: int
    last: int
    entries: tuple[Entry, ...]
    start: int
    end: int

    @property
    def kind(self) -> str:
        return self.entries[0].kind


def find_matches(
    sentence: Sentence, lex: ActorLexicon, known: set[str] | None = None
) -> list[Match]:
    """Longest non-overlapping lexicon matches in a sentence.

    ``known`` holds keys of names already seen in the document, which lets a bare
    short surname ("Qin") match without a title.
    """
    toks = sentence.tokens
    out: list[Match] = []
    i = 0
    n_tok = len(toks)
    prefixes = lex.prefixes
    while i < n_tok:
        found: Match | None = None
        acc = ""
        keys = []
        for j in range(i, min(n_tok, i + lex.max_tokens)):
            part = key(toks[j].text)
            if not part:
                if j == i:
                    break
                continue  # punctuation inside a name is skipped, never ends a match
            acc += part
            if acc not in prefixes:
                break
            keys.append((j, acc))
        for j, k in reversed(keys):
            entries = lex.lookup(k)
            if not entries:
                continue
            first = toks[i]
            text = " ".join(t.text for t in toks[i : j + 1])
            ok = [e for e in entries if _case_ok(e, first.text, text)
                  and (e.kind != "role" or first.pos in ("NOUN", "PROPN", "ADJ", "X"))]
            if ok and any(e.weak for e in ok):
                titled = i > 0 and toks[i - 1].text.lower() in TITLES
                if not titled and not (known and k in known):
                    ok = [e for e in ok if not e.weak]
            if ok:
                found = Match(first.i, toks[j].i, tuple(ok), first.start, toks[j].end)
                break
        if found:
            out.append(found)
            i += found.last - found.first + 1
        else:
            i += 1
    return out


def _case_ok(entry: Entry, text: str, whole: str) -> bool:
    if entry.acronym:
        letters = [ch for ch in whole if ch.isalpha()]
        return all(ch.isupper() for ch in letters)
    if entry.case == "cap":
        return text[:1].isupper()
    if entry.case == "lower":
        return text[:1].islower()
    return True


def pick(entries: tuple[Entry, ...], day: date | None) -> Entry:
    """The entry to use: valid at ``day`` first, then the most recent."""
    valid = [e for e in entries if e.valid_on(day)]
    if valid:
        return valid[0]
    return max(entries, key=lambda e: e.start or date.min)
