"""Calibrated confidence: how often events coded on the same basis were right on the
development split.

An event's basis is its modality (realised, intent, appeal, threat, ...), its CAMEO root and
how its arguments were found (``explicit``: a dependency of the trigger; ``inferred``: the
nearest actor to the left, a surface fallback, an implicit or reaction target; ``none``: a
reciprocal event with no separate target). ``scripts/calibrate.py`` codes the development split,
counts right and wrong events per basis, and writes ``data/<lang>/calibration.tsv``. The
confidence is the share of right events of the most specific basis seen often enough, shrunk
toward the global share; a basis seen fewer than MIN_SEEN times takes its parent's.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from froissart.lexicon import LexiconError, data_path, read_tsv
from froissart.types import Event

EXPLICIT = {"dep", "gov-dep", "poss", "act-owner"}
STRENGTH = 4.0  # pseudo-counts a basis borrows from the global share
MIN_SEEN = 3  # a basis seen fewer times is not used: its parent speaks for it


def arg_class(how: str | None) -> str:
    """``explicit``, ``inferred`` or ``none`` for a slot filler's ``how``."""
    if not how:
        return "none"
    return "explicit" if how in EXPLICIT else "inferred"


def levels(ev: Event) -> Iterator[str]:
    """The event's basis keys, most general first."""
    yield "*"
    yield ev.basis or "none/none"
    yield f"{ev.mode}|{ev.basis}"
    yield f"{ev.mode}|{ev.cameo[:2]}|{ev.basis}"


@dataclass
class Calibration:
    """Right/wrong counts per basis key; ``confidence`` gives the smoothed rate."""

    counts: dict[str, tuple[int, int]] = field(default_factory=dict)
    version: str = ""

    @classmethod
    def load(cls, lang: str = "fr", path: Path | None = None) -> Calibration | None:
        path = path or data_path(lang, "calibration.tsv")
        if not Path(path).exists():
            return None
        version, rows = read_tsv(path, ("basis", "right", "wrong"))
        counts: dict[str, tuple[int, int]] = {}
        for line, row in rows:
            try:
                right, wrong = int(row["right"]), int(row["wrong"])
            except ValueError as exc:
                raise LexiconError(path, line, "right/wrong must be integers") from exc
            if right < 0 or wrong < 0:
                raise LexiconError(path, line, "counts must not be negative")
            counts[row["basis"]] = (right, wrong)
        if "*" not in counts:
            raise LexiconError(path, 1, "the global row '*' is missing")
        return cls(counts, version)

    def confidence(self, ev: Event) -> float:
        """The right share of the most specific basis seen at least MIN_SEEN times, shrunk
        toward the global share by STRENGTH pseudo-counts."""
        g_right, g_wrong = self.counts.get("*", (1, 1))
        overall = g_right / max(1, g_right + g_wrong)
        best = (g_right, g_wrong)
        for k in levels(ev):
            right, wrong = self.counts.get(k, (0, 0))
            if right + wrong < MIN_SEEN:
                break
            best = (right, wrong)
        right, wrong = best
        return round((right + STRENGTH * overall) / (right + wrong + STRENGTH), 3)

    @staticmethod
    def count(labelled: list[tuple[Event, bool]]) -> dict[str, tuple[int, int]]:
        out: dict[str, list[int]] = {}
        for ev, ok in labelled:
            for k in levels(ev):
                c = out.setdefault(k, [0, 0])
                c[0 if ok else 1] += 1
        return {k: (v[0], v[1]) for k, v in sorted(out.items())}
