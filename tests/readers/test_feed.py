from froissart.readers import InputError, read_inputs
from froissart.readers.feed import html_to_text
from froissart.types import Document

from .conftest import INTAKE


def test_rss_entries_are_documents_with_title_text_link_and_date():
    path = INTAKE / "flux_international.rss"
    items = list(read_inputs([str(path)]))
    docs = [i for i in items if isinstance(i, Document)]
    assert [d.doc_id for d in docs] == ["qds-6230", "qds-6229"]
    alger, tokyo = docs
    assert alger.title == "L'Algérie rappelle son ambassadeur à Madrid"
    assert alger.raw == ("L'Algérie rappelle son ambassadeur à Madrid\n\nAlger a rappelé lundi"
                         " son ambassadeur en Espagne pour consultations, après le revirement"
                         " de Madrid sur le Sahara occidental.")
    assert alger.published == "2024-03-18T08:00:00+00:00"  # 09:00 +0100, in UTC
    assert alger.url.endswith("/2024/03/18/algerie-madrid_6230.html")
    assert alger.metadata["input"] == f"{path}#1"
    assert alger.metadata["author"] == "Karim Benali"
    assert alger.metadata["tags"] == ["Afrique"]
    assert alger.source == "Le Quotidien du Soir – International"
    # content:encoded is preferred to the summary; its script is dropped
    assert "renseignements sur les tirs de missiles" in tokyo.raw
    assert "Résumé court" not in tokyo.raw and "track()" not in tokyo.raw
    empty = [i for i in items if isinstance(i, InputError)]
    assert [(e.doc_id, e.source, e.reason) for e in empty] == [
        ("qds-6228", f"{path}#3", "empty text")]


def test_atom_entry_keeps_its_time_zone():
    doc = next(read_inputs([str(INTAKE / "flux.atom")]))
    assert doc.doc_id == "urn:example:depeche:881"
    assert doc.published == "2024-03-19T11:20:00+01:00"
    assert doc.metadata["published_from"] == "feed:published"
    assert doc.url == "https://depeches.example.fr/881"
    assert "5 000 soldats" in doc.raw and "<p>" not in doc.raw


def test_broken_feed_is_reported_and_its_readable_entries_kept():
    items = list(read_inputs([str(INTAKE / "flux_casse.xml")]))
    err = items[0]
    assert isinstance(err, InputError) and err.doc_id == "flux_casse"
    assert err.reason.startswith("malformed feed (") and "2 entries read" in err.reason
    docs = items[1:]
    assert [d.title for d in docs] == [
        "Le Niger dénonce les accords militaires avec les États-Unis",
        "La Turquie convoque l'ambassadeur de Suède après une manifestation"]
    assert "Niamey a annoncé dimanche" in docs[0].raw
    assert docs[0].published == "2024-03-17T19:00:00+00:00"


def test_feed_sniffed_from_content_and_junk_xml(tmp_path):
    (tmp_path / "flux").write_bytes((INTAKE / "flux.atom").read_bytes())
    (tmp_path / "rien.xml").write_text("<?xml version='1.0'?><config><a>1</a></config>")
    items = list(read_inputs([str(tmp_path)]))
    assert isinstance(items[0], Document) and items[0].doc_id == "urn:example:depeche:881"
    assert items[1] == InputError("rien", str(tmp_path / "rien.xml"), "feed has no entries")


def test_html_to_text():
    assert html_to_text("<p>Un&nbsp;deux</p><p>trois <b>quatre</b></p>") == \
        "Un deux\ntrois quatre"
    assert html_to_text("R&amp;D") == "R&D"
