"""Language identification of a document's text with lingua.

The detector knows French and English (the languages Froissart codes) and a handful of
other common news languages (German, Spanish, Italian, Portuguese, Arabic, Dutch, Russian),
so that text in one of those is recognised as such rather than forced into French or
English. It is built lazily, once per set of languages, and cached for the process.

Behaviour for unsupported languages: :func:`detect_language` returns the detected ISO 639-1
code whatever it is ("de", "ar", ...); the caller compares it with the languages it
supports and, when it is not one of them, reports the document and skips it (it is not
cleaned, parsed or coded). ``None`` means undecided (text too short, or no language clearly
ahead): the caller then keeps the language it was given.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lingua import LanguageDetector

SUPPORTED = ("fr", "en")
# Other common news languages, known to the detector so that they are recognised.
OTHERS = ("de", "es", "it", "pt", "ar", "nl", "ru")
MIN_LETTERS = 20  # fewer letters than this: undecidable
MAX_CHARS = 1200  # the start of a long text is enough (and ~4x cheaper than 5,000)
MIN_RELATIVE_DISTANCE = 0.1

_DETECTORS: dict[frozenset[str], LanguageDetector] = {}
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


def _detector(codes: frozenset[str]) -> LanguageDetector:
    det = _DETECTORS.get(codes)
    if det is None:
        from lingua import IsoCode639_1, LanguageDetectorBuilder

        isos = [IsoCode639_1.from_str(c) for c in sorted(codes)]
        det = (LanguageDetectorBuilder.from_iso_codes_639_1(*isos)
               .with_minimum_relative_distance(MIN_RELATIVE_DISTANCE)
               .build())
        _DETECTORS[codes] = det
    return det


def detect_language(text: str, supported: tuple[str, ...] = SUPPORTED) -> str | None:
    """The ISO 639-1 code of ``text``'s language, or None when too short or undecidable.

    The candidates are ``supported`` plus :data:`OTHERS`; a result outside ``supported``
    means the text is in a language the caller does not handle (report and skip it).
    """
    sample = text[:MAX_CHARS]
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return None
    codes = frozenset(c.lower() for c in (*supported, *OTHERS))
    lang = _detector(codes).detect_language_of(sample)
    if lang is None:
        return None
    return lang.iso_code_639_1.name.lower()
