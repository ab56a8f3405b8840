"""Event coding on hand-built parses: triggers, slots, negation, wrappers, reciprocity."""

import pytest

from froissart.pipeline import code_parsed
from froissart.types import Document
from tests.actors.test_resolve import ROWS
from tests.conftest import make_sentence


def code(rows, resources, published="2023-05-06"):
    text, sent = make_sentence(rows)
    doc = Document("t", text, text=text, published=published)
    return [(e.source.code, e.target.code, e.cameo) for e in code_parsed(doc, [sent], resources)]


def test_a_meeting_is_coded_both_ways(resources):
    assert sorted(code(ROWS, resources)) == [("CHNGOV", "RUSGOV", "040"),
                                             ("RUSGOV", "CHNGOV", "040")]


def test_a_negated_event_is_dropped(resources):
    rows = [*ROWS[:8], ("n'", "ne", "ADV", "advmod", 11), ("a", "avoir", "AUX", "aux:tense", 11),
            ("pas", "pas", "ADV", "advmod", 11), *[(r[0], r[1], r[2], r[3], r[4] + 1, *r[5:])
                                                   for r in ROWS[10:]]]
    rows[1] = ("ministre", "ministre", "NOUN", "nsubj", 11)
    assert code(rows, resources) == []


WRAPPED = [  # "La Chine est prête à coopérer avec la Russie ."
    ("La", "le", "DET", "det", 1), ("Chine", "Chine", "PROPN", "nsubj", 3),
    ("est", "être", "AUX", "cop", 3), ("prête", "prêt", "ADJ", "ROOT", 3),
    ("à", "à", "ADP", "mark", 5), ("coopérer", "coopérer", "VERB", "xcomp", 3),
    ("avec", "avec", "ADP", "case", 8), ("la", "le", "DET", "det", 8),
    ("Russie", "Russie", "PROPN", "obl:arg", 5), (".", ".", "PUNCT", "punct", 3),
]


def test_readiness_takes_an_intent_code_one_way(resources):
    assert code(WRAPPED, resources) == [("CHN", "RUS", "030")]


def test_hypothetical_wrapper_is_dropped(resources):
    rows = list(WRAPPED)
    rows[2] = ("serait", "être", "AUX", "cop", 3, "", "Mood=Cnd|Tense=Pres")
    assert code(rows, resources) == []


@pytest.mark.parametrize("published", ["2023-05-06", "2024-06-01"])
def test_evidence_spans_point_into_the_text(resources, published):
    text, sent = make_sentence(ROWS)
    doc = Document("t", text, text=text, published=published)
    for ev in code_parsed(doc, [sent], resources):
        assert text[ev.evidence.start:ev.evidence.end] == ev.evidence_text
        assert "rencontré" in ev.evidence_text
        assert ev.rule == "fr.040.rencontrer" and 0 < ev.confidence <= 1
