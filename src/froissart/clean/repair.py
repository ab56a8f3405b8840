"""Character-level repairs of one line, each reported as a :class:`Repair` in line offsets.

* :func:`fix_mojibake`: UTF-8 read as Latin-1/Windows-1252 ("Ã©" -> "é"), fixed by ftfy and
  reported as the smallest changed stretches (a character diff of the line before and after).
* :func:`repair_lost_chars`: characters lost as ``?`` ("Sergue?" -> "Sergueï").
* :func:`restore_accents`: accents dropped by a feed ("Affaires trangres" -> "Affaires
  étrangères"), restored only when the word is unknown and exactly one edit set makes it known.

All three are pure: the vocabulary (``word -> bool``) is passed in.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable

from froissart.types import Repair, Span

# Letters an encoding step commonly loses, most frequent in French first.
CANDIDATES = "éèàêçôîïûùâëüœæÉÈÀÊÇÔÎÏŒäöñíóáúãõşğıćčšžłń"
_WORD = re.compile(r"[^\W\d_]*\?[\w?]*|\w*[^\W\d_]\?", re.UNICODE)


def fix_mojibake(text: str) -> tuple[str, list[Repair]]:
    """Undo encoding mix-ups with ftfy; one ``mojibake`` repair per changed stretch.

    Only encoding fixes are applied (no quote uncurling, no Unicode normalisation, no HTML
    unescaping), so text without mojibake is returned unchanged.
    """
    if text.isascii():
        return text, []
    fixed = _ftfy(text)
    if fixed == text:
        return text, []
    matcher = difflib.SequenceMatcher(None, text, fixed, autojunk=False)
    repairs = [
        Repair("mojibake", Span(i1, i2), text[i1:i2], fixed[j1:j2])
        for op, i1, i2, j1, j2 in matcher.get_opcodes()
        if op != "equal"
    ]
    return fixed, repairs


_FTFY_CONFIG = None


def _ftfy(text: str) -> str:
    global _FTFY_CONFIG
    import ftfy

    if _FTFY_CONFIG is None:
        _FTFY_CONFIG = ftfy.TextFixerConfig(
            unescape_html=False, remove_terminal_escapes=False, fix_latin_ligatures=False,
            fix_character_width=False, uncurl_quotes=False, fix_line_breaks=False,
            remove_control_chars=False, normalization=None, explain=False,
        )
    return ftfy.fix_text(text, _FTFY_CONFIG)


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


# --- dropped accents -----------------------------------------------------------------------

# Letters a feed drops or flattens, most frequent in French first.
ACCENTED = "éèêàçôîûùëï"
_FLAT = {"e": "éèêë", "a": "à", "c": "ç", "o": "ô", "i": "îï", "u": "ûù",
         "E": "ÉÈÊ", "A": "À", "C": "Ç", "O": "Ô", "I": "Î"}
_LETTERS = re.compile(r"[^\W\d_]+")
# URLs, e-mail addresses, handles and hashtags: never touched
_NO_TOUCH = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+|[#@]\w+", re.IGNORECASE)
MAX_EDITS = 2
_GLUE = {"?", "_", "/", "\\", "@", "#"}  # a word touching these is not plain text


def restore_accents(
    text: str, vocab: Callable[[str], bool] | None
) -> tuple[str, list[Repair]]:
    """Restore accents dropped from words: one ``accent`` repair per word changed.

    A word is repaired only when it is not in the vocabulary and replacing flat letters by
    accented ones (e -> é/è/ê/ë, a -> à, c -> ç, o -> ô, i -> î/ï, u -> û/ù) or inserting
    accented letters (é, è, ê, à, ç, ô, î, û, ù, ë, ï), at most two edits (the second one
    inserting only é/è/ê/à, in words of up to 14 letters), makes a known word; the fewest
    edits win, then the most frequent letters (é first). Words in the vocabulary, words
    under three letters, words in capitals (acronyms), words with inner capitals or touching
    digits, URLs, e-mail addresses and hashtags are never touched. A capitalised word is
    treated as a possible proper name: it is repaired only when its lower-case form is
    unknown and the lower-case candidate is a known common word ("Etat" -> "État"), with one
    edit only, and never by an insertion before its first letter. An insertion makes the
    replacement longer than the original.
    """
    if vocab is None:
        return text, []
    protected = [m.span() for m in _NO_TOUCH.finditer(text)]
    out: list[str] = []
    repairs: list[Repair] = []
    last = 0
    for m in _LETTERS.finditer(text):
        s, e = m.span()
        word = m.group(0)
        if len(word) < 3 or any(a <= s < b for a, b in protected):
            continue
        before = text[s - 1] if s else ""
        after = text[e] if e < len(text) else ""
        if before.isdigit() or after.isdigit() or {before, after} & _GLUE:
            continue
        fixed = _accented_cached(word, vocab)
        if fixed is None:
            continue
        out.append(text[last:s])
        out.append(fixed)
        last = e
        repairs.append(Repair("accent", Span(s, e), word, fixed))
    if not repairs:
        return text, []
    out.append(text[last:])
    return "".join(out), repairs


_CACHE: dict[tuple[Callable[[str], bool], str], str | None] = {}
_CACHE_SIZE = 200_000
# A second edit only inserts these (dropped pairs are almost always é/è/ê/à), and only in
# words short enough for the search to stay cheap.
SECOND_EDIT = "éèêà"
MAX_LEN_TWO_EDITS = 14


def _accented_cached(word: str, vocab: Callable[[str], bool]) -> str | None:
    """:func:`_accented`, remembered per vocabulary (when it is hashable) and word."""
    try:
        key = (vocab, word)
        hash(key)
    except TypeError:
        return _accented(word, vocab)
    if key in _CACHE:
        return _CACHE[key]
    if len(_CACHE) >= _CACHE_SIZE:
        _CACHE.clear()
    _CACHE[key] = found = _accented(word, vocab)
    return found


def _accented(word: str, vocab: Callable[[str], bool]) -> str | None:
    if word.isupper() or any(ch.isupper() for ch in word[1:]):
        return None
    if vocab(word):
        return None
    capital = word[0].isupper()
    if capital and vocab(word.lower()):
        return None

    def known(cand: str) -> bool:
        return vocab(cand.lower()) if capital else vocab(cand)

    frontier = [word]
    seen = {word}
    for depth in range(MAX_EDITS):
        if depth and (len(word) > MAX_LEN_TWO_EDITS or capital):
            break  # a capitalised word gets one edit ("Etat" -> "État"): names are many
        nxt: list[str] = []
        for w in frontier:
            for cand in _edits(w, capital, ACCENTED if depth == 0 else SECOND_EDIT):
                if cand in seen:
                    continue
                seen.add(cand)
                nxt.append(cand)
        for cand in nxt:
            if known(cand):
                return cand
        frontier = nxt
    return None


def _edits(word: str, capital: bool, inserted: str = ACCENTED) -> list[str]:
    """Words one accent edit away: a flat letter replaced, or an accented letter inserted."""
    out = []
    for i, ch in enumerate(word):
        for acc in _FLAT.get(ch, ""):
            out.append(word[:i] + acc + word[i + 1:])
    for i in range(1 if capital else 0, len(word) + 1):
        for acc in inserted:
            out.append(word[:i] + acc + word[i:])
    return out
