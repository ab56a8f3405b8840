"""Dates and places attached to events, on a hand-built parse (no model)."""

from froissart.pipeline import code_parsed
from froissart.types import Document
from tests.conftest import make_sentence

ROWS = [  # "Le président turc a rencontré jeudi à Goa le ministre chinois ."
    ("Le", "le", "DET", "det", 1), ("président", "président", "NOUN", "nsubj", 4),
    ("turc", "turc", "ADJ", "amod", 1), ("a", "avoir", "AUX", "aux:tense", 4),
    ("rencontré", "rencontrer", "VERB", "ROOT", 4), ("jeudi", "jeudi", "NOUN", "obl:mod", 4),
    ("à", "à", "ADP", "case", 7), ("Goa", "Goa", "PROPN", "obl:mod", 4, "LOC"),
    ("le", "le", "DET", "det", 9), ("ministre", "ministre", "NOUN", "obj", 4),
    ("chinois", "chinois", "ADJ", "amod", 9), (".", ".", "PUNCT", "punct", 4),
]


def test_meeting_in_a_third_country_gets_date_place_and_044(resources):
    text, sent = make_sentence(ROWS)
    doc = Document("t", text, text=text, published="2023-05-06T09:02")
    events = code_parsed(doc, [sent], resources)
    assert {(e.source.code, e.target.code, e.cameo) for e in events} == {
        ("TURGOV", "CHNGOV", "044"), ("CHNGOV", "TURGOV", "044")}
    for e in events:
        assert (e.date, e.date_precision) == ("2023-05-04", "day")
        assert (e.place.name, e.place.country) == ("Goa", "IN")
        assert e.place.lat is not None and 14 < e.place.lat < 17
        assert e.rule.endswith("+third-country")


def test_without_a_date_in_the_text_the_publication_date_is_used(resources):
    rows = [r for k, r in enumerate(ROWS) if k != 5]
    rows = [(t, lemma, p, d, h - 1 if h > 5 else h, *rest) for t, lemma, p, d, h, *rest in rows]
    text, sent = make_sentence(rows)
    doc = Document("t", text, text=text, published="2023-05-06T09:02")
    events = code_parsed(doc, [sent], resources)
    assert events and all(e.date == "2023-05-06" and e.date_rule == "published" for e in events)
