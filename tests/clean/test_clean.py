from froissart.clean import clean_document
from froissart.clean.header import complete_year, parse_update_stamp
from froissart.clean.repair import repair_lost_chars
from froissart.types import Document

VOCAB = {"Sergueï", "œuvre", "Vraiment", "Erdoğan"}.__contains__
RAW = ("Dernière mise à jour à 09h02 le 06/05\n"
       "Lors d'une rencontre avec Sergue? Lavrov, il a promis de mettre en ?uvre le plan.\n"
       "(Xinhua/Javed Dar)\n"
       "Vraiment? Oui.\n")


def test_header_becomes_publication_time_with_year_from_collected():
    doc = clean_document(Document("d", RAW, collected="2023-05-07"), VOCAB)
    assert doc.published == "2023-05-06T09:02"
    assert doc.metadata["published_from"] == "header"
    assert "Dernière mise à jour" not in doc.text


def test_year_of_a_stamp_after_the_collection_date_is_the_previous_year():
    stamp = parse_update_stamp("Mis à jour le 30/12 à 18h15")
    assert complete_year(stamp, "2024-01-02") == "2023-12-30T18:15"
    assert complete_year(stamp, None) is None


def test_photo_credit_leaves_the_body_and_is_kept():
    doc = clean_document(Document("d", RAW, collected="2023-05-07"), VOCAB)
    assert "Xinhua/Javed Dar" not in doc.text
    assert doc.metadata["photo_credits"] == ["Xinhua/Javed Dar"]
    assert [r.kind for r in doc.repairs].count("photo-credit") == 1


def test_lost_characters_restored_and_recorded_with_offsets():
    doc = clean_document(Document("d", RAW, collected="2023-05-07"), VOCAB)
    assert "Sergueï Lavrov" in doc.text and "mettre en œuvre" in doc.text
    fixes = {r.original: r for r in doc.repairs if r.kind == "lost-char"}
    assert set(fixes) == {"Sergue?", "?uvre"}
    r = fixes["Sergue?"]
    assert RAW[r.span.start:r.span.end] == "Sergue?"
    assert doc.text[r.clean_start:r.clean_start + len(r.replacement)] == "Sergueï"
    # an offset in the cleaned text maps back to the same word in the raw text
    pos = doc.text.index("Lavrov")
    assert RAW[doc.raw_offset(pos):doc.raw_offset(pos) + 6] == "Lavrov"


def test_real_question_marks_stay():
    text, repairs = repair_lost_chars("Vraiment? Erdo?an a parlé.", VOCAB)
    assert text == "Vraiment? Erdoğan a parlé."
    assert [r.replacement for r in repairs] == ["Erdoğan"]


def test_without_vocabulary_nothing_is_guessed():
    assert repair_lost_chars("Sergue? Lavrov", None) == ("Sergue? Lavrov", [])
