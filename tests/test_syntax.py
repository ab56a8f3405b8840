"""Parse repairs and tree navigation on hand-built parses (no model): each case is a parse
that fr_core_news_md really produces for the sentence quoted."""

from froissart.syntax import (
    Tree,
    repair_quoted_adverbials,
    repair_split_coordination,
)
from froissart.types import Sentence, Token


def toks(spec: str) -> list[Token]:
    """'text/lemma/POS/dep>head' items separated by spaces, as printed by a parse dump."""
    out, pos = [], 0
    for i, item in enumerate(spec.split()):
        head_part = item.rsplit(">", 1)
        text, lemma, upos, dep = head_part[0].split("/")
        morph = "VerbForm=Part|Tense=Past" if upos == "VERB" and dep == "acl" else ""
        out.append(Token(i, text, lemma, upos, dep, int(head_part[1]), pos, " ", morph))
        pos += len(text) + 1
    return out


def by_i(tokens: list[Token]) -> dict[int, Token]:
    return {t.i: t for t in tokens}


def test_a_quoted_adverbial_gives_back_the_object_it_swallowed():
    # "La France a condamné « avec la plus grande fermeté » le tir"
    t = toks("La/le/DET/det>1 France/France/PROPN/nsubj>3 a/avoir/AUX/aux:tense>3 "
             "condamné/condamner/VERB/ROOT>3 «/«/PUNCT/punct>3 avec/avec/ADP/case>9 "
             "la/le/DET/det>9 plus/plus/ADV/advmod>8 grande/grand/ADJ/amod>9 "
             "fermeté/fermeté/NOUN/obl:arg>3 »/»/PUNCT/punct>9 le/le/DET/det>12 "
             "tir/tir/NOUN/appos>9")
    fixed = by_i(repair_quoted_adverbials(t))
    assert (fixed[12].dep, fixed[12].head) == ("obj", 3)


def test_an_apposition_without_quotes_is_left_alone():
    # "a rencontré le ministre, M. Lavrov": a real apposition
    t = toks("a/avoir/AUX/aux:tense>1 rencontré/rencontrer/VERB/ROOT>1 à/à/ADP/case>3 "
             "Goa/Goa/PROPN/obl:mod>1 ,/,/PUNCT/punct>5 Lavrov/Lavrov/PROPN/appos>3")
    assert repair_quoted_adverbials(t) == t


def test_a_coordinated_object_split_off_as_a_clause_goes_back_to_the_object():
    # "Pékin a invité mardi Moscou et Kiev à poursuivre"
    t = toks("Pékin/Pékin/PROPN/nsubj>2 a/avoir/AUX/aux:tense>2 invité/inviter/VERB/ROOT>2 "
             "mardi/mardi/NOUN/obl:mod>2 Moscou/Moscou/PROPN/obj>2 et/et/CCONJ/cc>6 "
             "Kiev/Kiev/PROPN/conj>2 à/à/ADP/mark>8 poursuivre/poursuivre/VERB/xcomp>2")
    fixed = by_i(repair_split_coordination(t))
    assert (fixed[6].dep, fixed[6].head) == ("conj", 4)
    assert Tree(Sentence(0, 0, 60, list(fixed.values()))).conjuncts(4) == [4, 6]


def test_a_coordinated_clause_keeps_its_attachment():
    # "Moscou a expulsé un diplomate et Kiev a riposté": Kiev is a clause's subject
    t = toks("Moscou/Moscou/PROPN/nsubj>2 a/avoir/AUX/aux:tense>2 expulsé/expulser/VERB/ROOT>2 "
             "un/un/DET/det>4 diplomate/diplomate/NOUN/obj>2 et/et/CCONJ/cc>8 "
             "Kiev/Kiev/PROPN/nsubj>8 a/avoir/AUX/aux:tense>8 riposté/riposter/VERB/conj>2")
    assert repair_split_coordination(t) == t


def test_a_participles_agent_hung_on_its_noun_is_still_its_agent():
    # "La journaliste, arrêtée le 19 décembre par les autorités iraniennes, est détenue"
    t = toks("La/le/DET/det>1 journaliste/journaliste/NOUN/nsubj:pass>11 ,/,/PUNCT/punct>1 "
             "arrêtée/arrêter/VERB/acl>1 le/le/DET/det>5 19/19/NUM/nmod>1 par/par/ADP/case>8 "
             "les/le/DET/det>8 autorités/autorité/NOUN/nmod>1 ,/,/PUNCT/punct>11 "
             "est/être/AUX/aux:pass>11 détenue/détenir/VERB/ROOT>11")
    tree = Tree(Sentence(0, 0, 80, t))
    assert tree.agents(3) == [8]
    assert tree.agents(11) == []


def test_ne_with_ni_rien_or_plus_is_a_negation_and_ne_alone_is_not():
    # "La Serbie n'a livré ni armes ni munitions"
    t = toks("La/le/DET/det>1 Serbie/Serbie/PROPN/nsubj>4 n'/ne/ADV/advmod>4 "
             "a/avoir/AUX/aux:tense>4 livré/livrer/VERB/ROOT>4 ni/ni/CCONJ/cc>6 "
             "armes/arme/NOUN/obj>4 ni/ni/CCONJ/cc>8 munitions/munition/NOUN/conj>4")
    assert Tree(Sentence(0, 0, 60, t)).negated(4)
    # "Washington ne livre plus d'armes"
    t = toks("Washington/Washington/PROPN/nsubj>2 ne/ne/ADV/advmod>2 livre/livrer/VERB/ROOT>2 "
             "plus/plus/ADV/advmod>2 d'/de/ADP/case>5 armes/arme/NOUN/obj>2")
    assert Tree(Sentence(0, 0, 60, t)).negated(2)
    # "Washington livre plus d'armes": "plus" without "ne" is more, not less
    t = toks("Washington/Washington/PROPN/nsubj>1 livre/livrer/VERB/ROOT>1 "
             "plus/plus/ADV/advmod>1 d'/de/ADP/case>4 armes/arme/NOUN/obj>1")
    assert not Tree(Sentence(0, 0, 60, t)).negated(1)


def test_a_conditional_tagged_as_an_imperfect_is_still_a_conditional():
    # the tagger gives "livrerait" Mood=Ind|Tense=Imp; "livrait" is a true imperfect
    for form, lemma, want in (("livrerait", "livrer", "conditional"), ("livrait", "livrer", ""),
                              ("prendraient", "prendre", "conditional"),
                              ("ferait", "faire", "conditional"), ("faisait", "faire", ""),
                              ("tirait", "tirer", "")):
        t = [Token(0, "Kiev", "Kiev", "PROPN", "nsubj", 1, 0, " "),
             Token(1, form, lemma, "VERB", "ROOT", 1, 5, " ", "Mood=Ind|Tense=Imp|VerbForm=Fin")]
        assert Tree(Sentence(0, 0, 20, t)).mood(1) == want, form
