"""Running the examples that every pattern entry carries (the lexicon tests itself)."""

from __future__ import annotations

from dataclasses import dataclass

from froissart.events.lexicon import Pattern
from froissart.types import Document


@dataclass
class ExampleResult:
    pattern: Pattern
    text: str
    expected: set[tuple[str, str, str]]
    got: set[tuple[str, str, str]]

    @property
    def ok(self) -> bool:
        return self.expected == self.got


def run_examples(pipeline, patterns: list[Pattern], published: str = "2024-03-15") -> list[ExampleResult]:  # noqa: E501
    """Code each example sentence alone and compare its events with the expected ones."""
    docs, owners = [], []
    for p in patterns:
        for n, ex in enumerate(p.examples):
            docs.append(Document(f"{p.id}#{n}", ex.text, published=published))
            owners.append((p, ex))
    out = []
    for (p, ex), res in zip(owners, pipeline.run(docs), strict=True):
        got = {(e.source.code, e.target.code, e.cameo) for e in res.events}
        out.append(ExampleResult(p, ex.text, set(ex.events), got))
    return out
