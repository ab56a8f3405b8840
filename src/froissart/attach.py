"""Attaching time expressions and places to events through the parse tree (pure)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from froissart.syntax import Tree
from froissart.types import Span

T = TypeVar("T")


def head_of_span(tree: Tree, span: Span) -> int | None:
    """The token of a character span whose syntactic head lies outside the span."""
    inside = [t for t in tree.sentence.tokens if span.start <= t.start < span.end]
    ids = {t.i for t in inside}
    for t in inside:
        if t.head not in ids or t.head == t.i:
            return t.i
    return None


def attached(tree: Tree, trigger: int, items: Sequence[tuple[int, T]],
             blockers: set[int] = frozenset(), through: set[str] | None = None) -> T | None:
    """The item (with its head token) that hangs closest to ``trigger`` in the tree.

    An item hangs from the trigger when the trigger, or one of its ancestors, is on the
    item's path to the root. ``blockers`` are other triggers: an item below one of them
    belongs to that event, not to this one. With ``through``, an item may cross a noun
    on its way up only if one of the nouns it crosses has a lemma in ``through`` ("à Goa"
    below "réunion" is where a meeting happened; "en Ukraine" below "crise" is not).
    """
    chain = [trigger] + [a.i for a in tree.ancestors(trigger)]
    rank = {tok: n for n, tok in enumerate(chain)}
    best: tuple[int, int, T] | None = None
    for head, item in items:
        path = [head] + [a.i for a in tree.ancestors(head)]
        crossed: list[str] = []
        for step, tok in enumerate(path):
            if tok in rank:
                if through is not None and crossed and not any(c in through for c in crossed):
                    break
                score = (rank[tok], step)
                if best is None or score < best[:2]:
                    best = (score[0], score[1], item)
                break
            if tok in blockers and tok != trigger:
                break
            t = tree.tok[tok]
            if step > 0 and t.pos in ("NOUN", "PROPN"):
                crossed.append(t.lemma.lower())
    return best[2] if best else None
