"""Actor recognition and resolution on hand-built parses: no model needed."""

from datetime import date

import pytest

from froissart.actors.lexicon import ActorLexicon
from froissart.actors.recognize import find_matches
from froissart.actors.resolve import DocumentActors
from tests.conftest import make_sentence

ROWS = [  # "Le ministre russe des Affaires étrangères Sergueï Lavrov a rencontré M. Qin ."
    ("Le", "le", "DET", "det", 1),
    ("ministre", "ministre", "NOUN", "nsubj", 10),
    ("russe", "russe", "ADJ", "amod", 1),
    ("des", "de", "ADP", "case", 4),
    ("Affaires", "affaire", "NOUN", "nmod", 1),
    ("étrangères", "étranger", "ADJ", "amod", 4),
    ("Sergueï", "Sergueï", "PROPN", "appos", 1, "PER"),
    ("Lavrov", "Lavrov", "PROPN", "flat:name", 6, "PER"),
    ("a", "avoir", "AUX", "aux:tense", 10),
    ("hier", "hier", "ADV", "advmod", 10),
    ("rencontré", "rencontrer", "VERB", "ROOT", 10),
    ("M.", "M.", "NOUN", "obj", 10),
    ("Qin", "Qin", "PROPN", "flat:name", 11, "PER"),
    (".", ".", "PUNCT", "punct", 10),
]


@pytest.fixture(scope="module")
def lex():
    return ActorLexicon.load("fr")


def test_longest_matches_and_acronyms_need_upper_case(lex):
    _, sent = make_sentence([("et", "et", "CCONJ", "cc", 1), ("à", "à", "ADP", "case", 2),
                             ("ETA", "ETA", "PROPN", "ROOT", 2)])
    matches = find_matches(sent, lex)
    assert [(m.first, m.kind) for m in matches] == [(2, "group")]


def test_role_adjective_and_person_compose_to_a_government_actor(lex):
    _, sent = make_sentence(ROWS)
    doc = DocumentActors(lex, date(2023, 5, 6))
    sa = doc.analyse(sent)
    res = doc.compose(sa, 1)
    assert [a.code for a in res.actors] == ["RUSGOV"]
    assert res.actors[0].entry.startswith("people:")


def test_title_and_surname_resolve_by_date_of_office(lex):
    _, sent = make_sentence(ROWS)
    in_office = DocumentActors(lex, date(2023, 5, 6))
    assert in_office.compose(in_office.analyse(sent), 11).actors[0].code == "CHNGOV"
    # Qin Gang left the foreign ministry in July 2023: a year later he is no government actor
    later = DocumentActors(lex, date(2024, 6, 1))
    actor = later.compose(later.analyse(sent), 11).actors[0]
    assert actor.code == "CHN" and actor.entry.endswith("out-of-office")


def test_les_deux_pays_resolves_to_the_last_two_countries(lex):
    doc = DocumentActors(lex, date(2023, 5, 6))
    _, s1 = make_sentence([("La", "le", "DET", "det", 1), ("Chine", "Chine", "PROPN", "nsubj", 5),
                           ("et", "et", "CCONJ", "cc", 4), ("la", "le", "DET", "det", 4),
                           ("Russie", "Russie", "PROPN", "conj", 1),
                           ("coopèrent", "coopérer", "VERB", "ROOT", 5)])
    sa1 = doc.analyse(s1)
    doc.note(doc.conj_actors(sa1, 1), subject=True)
    _, s2 = make_sentence([("Les", "le", "DET", "det", 2), ("deux", "deux", "NUM", "nummod", 2),
                           ("pays", "pays", "NOUN", "nsubj", 3),
                           ("progressent", "progresser", "VERB", "ROOT", 3)], index=1, base=10)
    sa2 = doc.analyse(s2)
    assert sorted(a.code for a in doc.compose(sa2, 12).actors) == ["CHN", "RUS"]
    _, s3 = make_sentence([("Ils", "il", "PRON", "nsubj", 1),
                           ("progressent", "progresser", "VERB", "ROOT", 1)], index=2, base=20)
    sa3 = doc.analyse(s3)
    assert sorted(a.code for a in doc.compose(sa3, 20).actors) == ["CHN", "RUS"]


def test_capital_stands_for_the_government_and_a_bare_country_stays_bare(lex):
    doc = DocumentActors(lex, date(2023, 5, 6))
    _, s = make_sentence([("Moscou", "Moscou", "PROPN", "nsubj", 1),
                          ("salue", "saluer", "VERB", "ROOT", 1),
                          ("la", "le", "DET", "det", 3), ("Chine", "Chine", "PROPN", "obj", 1)])
    sa = doc.analyse(s)
    assert doc.compose(sa, 0).actors[0].code == "RUSGOV"
    assert doc.compose(sa, 3).actors[0].code == "CHN"
