"""Behaviour with the real French model: cleaning via its vocabulary, evidence offsets, the
pattern lexicon's own examples."""

import pytest

from froissart.events.examples import run_examples
from froissart.types import Document
from tests.conftest import SHARED, needs_shared


@needs_shared("seed", "xinhua-fr-2023-05-06.txt")
def test_seed_is_cleaned_and_every_evidence_matches_its_offsets(pipeline):
    raw = (SHARED / "seed" / "xinhua-fr-2023-05-06.txt").read_text(encoding="utf-8")
    (res,) = pipeline.run([Document("seed", raw, collected="2023-05-07")])
    doc = res.doc
    assert doc.published == "2023-05-06T09:02"
    assert "Sergueï Lavrov" in doc.text and "mettre en œuvre" in doc.text
    assert "(Xinhua/Javed Dar)" not in doc.text
    assert {r.original: r.replacement for r in doc.repairs if r.kind == "lost-char"} == {
        "Sergue?": "Sergueï", "?uvre": "œuvre"}
    assert res.events
    for ev in res.events:
        assert doc.text[ev.evidence.start:ev.evidence.end] == ev.evidence_text
        raw_start = doc.raw_offset(ev.evidence.start)
        first_word = ev.evidence_text.split()[0]
        assert raw[raw_start:raw_start + len(first_word)].replace("?", "") == \
            first_word.replace("ï", "").replace("œ", "")
    assert all(s.end <= len(doc.text) for s in res.sentences)


def test_every_pattern_example_codes_as_documented(pipeline):
    patterns = pipeline.res.events.all_patterns()
    assert len(patterns) >= 60
    results = run_examples(pipeline, patterns)
    bad = [f"{r.pattern.id}: {r.text!r} expected {sorted(r.expected)} got {sorted(r.got)}"
           for r in results if not r.ok]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("root", [f"{r:02d}" for r in range(1, 21)])
def test_at_least_three_patterns_per_cameo_root(pipeline, root):
    n = sum(1 for p in pipeline.res.events.all_patterns() if p.code.startswith(root))
    assert n >= 3, f"root {root} has {n} pattern(s)"
