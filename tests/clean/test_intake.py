"""Document intake: mojibake, dropped accents, boilerplate lines, datelines, offsets."""

import pytest

from froissart.clean import clean_document, undo_repairs
from froissart.clean.boilerplate import classify_line
from froissart.clean.header import parse_dateline
from froissart.clean.repair import fix_mojibake, restore_accents
from froissart.types import Document

WORDS = {"Affaires", "étrangères", "ministre", "des", "le", "la", "État", "état", "été",
         "réunion", "Paris", "élection", "Bruxelles", "Commission", "Lavrov", "très"}
VOCAB = WORDS.__contains__


def kept_raw(raw: str) -> str:
    """The raw body lines a document keeps, as :func:`undo_repairs` should give them back."""
    return "\n".join(line.strip() for line in raw.split("\n")
                     if line.strip() and classify_line(line.strip()) is None)


# --- mojibake --------------------------------------------------------------------------------

def test_mojibake_fixed_per_stretch_and_recorded():
    text, repairs = fix_mojibake("Le ministre a Ã©tÃ© reÃ§u Ã  Paris.")
    assert text == "Le ministre a été reçu à Paris."
    assert [(r.kind, r.original, r.replacement) for r in repairs] == [
        ("mojibake", "Ã©", "é"), ("mojibake", "Ã©", "é"), ("mojibake", "Ã§", "ç"),
        ("mojibake", "Ã ", "à")]


def test_clean_text_is_untouched_by_mojibake_repair():
    line = "L’État a « été » clair — même à 9 h."
    assert fix_mojibake(line) == (line, [])


def test_mojibake_in_a_document_is_reversible_and_offsets_map_back():
    raw = "Le ministre a Ã©tÃ© reÃ§u Ã  Paris par Lavrov.\nLa rÃ©union continue demain."
    doc = clean_document(Document("m", raw), VOCAB)
    assert doc.text == "Le ministre a été reçu à Paris par Lavrov.\nLa réunion continue demain."
    moji = [r for r in doc.repairs if r.kind == "mojibake"]
    assert len(moji) == 5
    for r in moji:
        assert raw[r.span.start:r.span.end] == r.original
        assert doc.text[r.clean_start:r.clean_start + len(r.replacement)] == r.replacement
    assert undo_repairs(doc) == raw
    # text after length-changing repairs maps back exactly
    for word in ("Paris", "Lavrov", "continue", "demain"):
        pos = doc.text.index(word)
        start = doc.raw_offset(pos)
        assert raw[start:start + len(word)] == word


def test_mojibake_header_line_still_read_as_header():
    raw = "DerniÃ¨re mise Ã  jour Ã  09h02 le 06/05\nLe texte."
    doc = clean_document(Document("h", raw, collected="2023-05-07"), VOCAB)
    assert doc.published == "2023-05-06T09:02"
    assert doc.text == "Le texte."


# --- dropped accents -------------------------------------------------------------------------

def test_dropped_accents_inserted_and_replaced():
    text, repairs = restore_accents("le ministre des Affaires trangres", VOCAB)
    assert text == "le ministre des Affaires étrangères"
    assert [(r.kind, r.original, r.replacement) for r in repairs] == [
        ("accent", "trangres", "étrangères")]
    text, repairs = restore_accents("le ministre des Affaires etrangeres", VOCAB)
    assert text == "le ministre des Affaires étrangères"
    assert repairs[0].span.start == text.index("étrangères")


def test_known_words_names_numbers_and_urls_are_left_alone():
    vocab = (WORDS | {"etat"}).__contains__
    line = "etat NATO Lavrof trs2 https://ex.fr/etrangeres McDonald la"
    assert restore_accents(line, vocab) == (line, [])
    # a capitalised word is repaired only towards a known common word
    assert restore_accents("Etat", VOCAB)[0] == "État"
    assert restore_accents("Trangres", VOCAB) == ("Trangres", [])


def test_without_vocabulary_no_accent_is_guessed():
    assert restore_accents("Affaires trangres", None) == ("Affaires trangres", [])


def test_accent_insertions_keep_offsets_and_reversibility():
    raw = "Le ministre des Affaires trangres a vu Lavrov a Paris.\nUne rencontre trs longue."
    doc = clean_document(Document("a", raw), VOCAB)
    assert doc.text == ("Le ministre des Affaires étrangères a vu Lavrov a Paris.\n"
                        "Une rencontre très longue.")
    acc = {r.original: r for r in doc.repairs if r.kind == "accent"}
    assert set(acc) == {"trangres", "trs"}
    r = acc["trangres"]
    assert raw[r.span.start:r.span.end] == "trangres"
    assert doc.text[r.clean_start:r.clean_start + len(r.replacement)] == "étrangères"
    for word in ("Lavrov", "Paris", "longue"):
        pos = doc.text.index(word)
        assert raw[doc.raw_offset(pos):doc.raw_offset(pos) + len(word)] == word
    assert undo_repairs(doc) == raw


def test_accents_only_restored_in_french_documents():
    doc = clean_document(Document("e", "Affaires trangres", lang="en"), VOCAB)
    assert doc.text == "Affaires trangres"


# --- boilerplate -----------------------------------------------------------------------------

@pytest.mark.parametrize(("line", "kind"), [
    ("Lire aussi : La Chine et la Russie renforcent leur coopération", "read-also"),
    ("À lire aussi", "read-also"),
    ("Partager sur Facebook", "share"),
    ("Tweeter", "share"),
    ("Facebook Twitter LinkedIn E-mail", "share"),
    ("© 2023 Le Monde. Tous droits réservés.", "copyright"),
    ("Copyright AFP 2024", "copyright"),
    ("Tous droits réservés", "copyright"),
    ("Inscrivez-vous à notre newsletter quotidienne", "newsletter"),
    ("Recevez chaque matin notre newsletter", "newsletter"),
    ("Publicité", "advertisement"),
    ("Ce site utilise des cookies pour améliorer votre expérience de navigation.",
     "cookie-notice"),
    ("En poursuivant votre navigation, vous acceptez l'utilisation de cookies.",
     "cookie-notice"),
    ("(Xinhua/Javed Dar)", "photo-credit"),
    ("© AFP", "photo-credit"),
    ("Mis à jour le 30/12 à 18h15", "update-stamp"),
])
def test_boilerplate_kinds(line, kind):
    assert classify_line(line) == kind


@pytest.mark.parametrize("line", [
    "Partager les ressources en eau est essentiel, a déclaré le ministre.",
    "La CNIL a infligé une amende à Google pour ses cookies publicitaires.",
    "Facebook a annoncé mardi la fermeture de son bureau à Moscou.",
    "La publicité politique est interdite pendant la campagne.",
])
def test_body_lines_that_mention_boilerplate_words_stay(line):
    assert classify_line(line) is None


def test_boilerplate_leaves_body_and_is_recorded():
    raw = ("Le président a reçu son homologue.\n"
           "Publicité\n"
           "Lire aussi : Les relations sino-russes\n"
           "Partager sur Facebook\n"
           "Tweeter\n"
           "Les deux pays ont signé un accord.\n"
           "Inscrivez-vous à notre newsletter\n"
           "Ce site utilise des cookies pour mesurer l'audience.\n"
           "© 2023 Le Monde. Tous droits réservés.\n")
    doc = clean_document(Document("b", raw), VOCAB)
    assert doc.text == "Le président a reçu son homologue.\nLes deux pays ont signé un accord."
    kinds = [r.kind for r in doc.repairs]
    assert kinds == ["advertisement", "read-also", "share", "share", "newsletter",
                     "cookie-notice", "copyright"]
    assert all(r.replacement == "" and raw[r.span.start:r.span.end] == r.original
               for r in doc.repairs)
    assert doc.metadata["boilerplate"][1] == {"kind": "read-also",
                                              "text": "Lire aussi : Les relations sino-russes"}
    pos = doc.text.index("Les deux")
    assert raw[doc.raw_offset(pos):].startswith("Les deux pays")


# --- datelines -------------------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "meta", "rest"), [
    ("BEIJING, 19 novembre (Xinhua) -- La Chine a salué l'accord.",
     {"text": "BEIJING, 19 novembre (Xinhua)", "place": "BEIJING", "agency": "Xinhua",
      "date": "2022-11-19"}, "La Chine a salué l'accord."),
    ("PARIS (AFP) - Le gouvernement a annoncé un plan.",
     {"text": "PARIS (AFP)", "place": "PARIS", "agency": "AFP", "date": None},
     "Le gouvernement a annoncé un plan."),
    ("Dakar, 3 mars (APS) – Le président a reçu l'ambassadeur.",
     {"text": "Dakar, 3 mars (APS)", "place": "Dakar", "agency": "APS", "date": "2023-03-03"},
     "Le président a reçu l'ambassadeur."),
    ("ALGER – Le ministre a démenti.",
     {"text": "ALGER", "place": "ALGER", "agency": None, "date": None},
     "Le ministre a démenti."),
    ("Bruxelles, le 4 mai 2023 – La Commission a proposé des sanctions.",
     {"text": "Bruxelles, le 4 mai 2023", "place": "Bruxelles", "agency": None,
      "date": "2023-05-04"}, "La Commission a proposé des sanctions."),
])
def test_dateline_becomes_metadata(raw, meta, rest):
    raw = raw + "\nSecond paragraphe."
    doc = clean_document(Document("d", raw, collected="2023-05-07"), VOCAB)
    assert doc.metadata["dateline"] == meta
    assert doc.text == rest + "\nSecond paragraphe."
    (rep,) = [r for r in doc.repairs if r.kind == "dateline"]
    assert rep.span.start == 0 and raw[: rep.span.end].startswith(meta["text"])
    assert rep.replacement == "" and rep.clean_start == 0
    assert raw[doc.raw_offset(0):].startswith(rest)
    assert undo_repairs(doc) == raw
    assert doc.published == meta["date"]
    if meta["date"]:
        assert doc.metadata["published_from"] == "dateline"


def test_dateline_does_not_override_a_published_date():
    doc = clean_document(Document("d", "BEIJING, 19 novembre (Xinhua) -- Texte.",
                                  published="2023-11-20"), VOCAB)
    assert doc.published == "2023-11-20"
    assert doc.metadata["dateline"]["date"] == "2023-11-19"


def test_dateline_only_at_the_start_of_the_first_paragraph():
    raw = "Le ministre a parlé.\nPARIS (AFP) - Ceci reste."
    doc = clean_document(Document("d", raw), VOCAB)
    assert "dateline" not in doc.metadata
    assert doc.text == raw


@pytest.mark.parametrize("line", [
    "Paris - Saint-Germain a gagné.",
    "Le ministre - qui était absent - a écrit.",
    "Emmanuel Macron a parlé.",
])
def test_not_datelines(line):
    assert parse_dateline(line) is None


def test_dateline_after_header_and_mojibake():
    raw = ("Dernière mise à jour à 09h02 le 06/05\n"
           "PÃ‰KIN, 5 mai (Xinhua) -- La rÃ©union a eu lieu Ã  Goa.")
    doc = clean_document(Document("d", raw, collected="2023-05-07"), VOCAB)
    assert doc.metadata["dateline"]["place"] == "PÉKIN"
    assert doc.metadata["dateline"]["date"] == "2023-05-05"
    assert doc.published == "2023-05-06T09:02"
    assert doc.text == "La réunion a eu lieu à Goa."
    pos = doc.text.index("Goa")
    assert raw[doc.raw_offset(pos):doc.raw_offset(pos) + 3] == "Goa"
    assert undo_repairs(doc) == kept_raw(raw)
