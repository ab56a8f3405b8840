"""Shared fixtures: hand-built parses (no model) and one loaded pipeline (model tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from froissart.types import Sentence, Token

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def make_sentence(rows: list[tuple], index: int = 0, base: int = 0) -> tuple[str, Sentence]:
    """A parsed sentence from rows ``(text, lemma, pos, dep, head)``; head is a row index.

    Optional 6th and 7th fields: entity type, morphology. Returns (text, Sentence).
    """
    tokens, pos = [], 0
    parts = []
    for k, row in enumerate(rows):
        text, lemma, upos, dep, head = row[:5]
        ent = row[5] if len(row) > 5 else ""
        morph = row[6] if len(row) > 6 else ""
        tokens.append(Token(i=base + k, text=text, lemma=lemma, pos=upos, dep=dep,
                            head=base + head, start=pos, ws=" ", morph=morph,
                            ent_iob="B" if ent else "O", ent_type=ent))
        parts.append(text)
        pos += len(text) + 1
    text = " ".join(parts)
    return text, Sentence(index, 0, len(text), tokens)


@pytest.fixture(scope="session")
def pipeline():
    """The real French pipeline (fr-core-news-md), loaded once for the whole run."""
    from froissart.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def resources():
    """Lexicons, ontology and gazetteer without any model."""
    from froissart.pipeline import Resources

    return Resources.load("fr")


def needs_shared(*parts: str):
    path = SHARED.joinpath(*parts)
    return pytest.mark.skipif(not path.exists(), reason=f"{path} is absent")
