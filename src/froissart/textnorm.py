"""Text normalisation shared by lexicon lookups."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "’": "'", "ß": "ss"})


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lowercase, without accents or ligatures: 'Côte d’Ivoire' -> "cote d'ivoire"."""
    text = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


@lru_cache(maxsize=200_000)
def key(text: str) -> str:
    """Lookup key: folded, letters and digits only ('États-Unis' -> 'etatsunis')."""
    return "".join(ch for ch in fold(text) if ch.isalnum())
