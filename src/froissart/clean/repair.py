"""Restoring characters lost as ``?`` ("Sergue?" -> "Sergueï", "?uvre" -> "œuvre")."""

from __future__ import annotations

import re
from collections.abc import Callable

from froissart.types import Repair, Span

# Letters an encoding step commonly loses, most frequent in French first.
CANDIDATES = "éèàêçôîïûùâëüœæÉÈÀÊÇÔÎÏŒäöñíóáúãõşğıćčšžłń"
_WORD = re.compile(r"[^\W\d_]*\?[\w?]*|\w*[^\W\d_]\?", re.UNICODE)


def repair_lost_chars(
    text: str, vocab: Callable[[str], bool] | None
) -> tuple[str, list[Repair]]:
    """Replace ``?`` inside words by the letter that makes a known word.

    A ``?`` ending a word that is itself known ("Vraiment?") is a question mark and stays.
    Offsets are unchanged: one character replaces one character.
    """
    if vocab is None or "?" not in text:
        return text, []
    out = list(text)
    repairs: list[Repair] = []
    for m in _WORD.finditer(text):
        word = m.group(0)
        if not word.strip("?") or not any(ch.isalpha() for ch in word):
            continue
        if word.endswith("?") and word.count("?") == 1 and vocab(word[:-1]):
            continue
        fixed = _best(word, vocab)
        if fixed and fixed != word:
            for k, ch in enumerate(fixed):
                out[m.start() + k] = ch
            repairs.append(Repair("lost-char", Span(m.start(), m.end()), word, fixed))
    return "".join(out), repairs


def _best(word: str, vocab: Callable[[str], bool]) -> str | None:
    holes = word.count("?")
    if holes > 2:
        return None
    candidates = [word]
    for _ in range(holes):
        candidates = [c.replace("?", ch, 1) for c in candidates for ch in CANDIDATES]
    for cand in candidates:
        if vocab(cand) or (cand[0].isupper() and vocab(cand.lower())):
            return cand
    return None
