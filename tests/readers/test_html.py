from froissart.readers import InputError, read_inputs
from froissart.readers.html import url_date
from froissart.types import Document

from .conftest import INTAKE, SOMMET_URL


def _one(name: str, **kw):
    items = list(read_inputs([str(INTAKE / name)], **kw))
    assert len(items) == 1
    return items[0]


def test_main_text_without_boilerplate_and_metadata_from_the_tags():
    doc = _one("quotidien_sommet.html")
    assert isinstance(doc, Document)
    assert doc.doc_id == "quotidien_sommet"
    assert doc.title == "Sommet de Bruxelles : Paris et Berlin s'accordent sur l'aide à l'Ukraine"
    # article:published_time wins over JSON-LD, and the canonical link over og:url
    assert doc.published == "2024-03-15T10:30:00+01:00"
    assert doc.metadata["published_from"] == "meta:article:published_time"
    assert doc.url == SOMMET_URL
    assert doc.source == doc.metadata["site"] == "Le Quotidien du Soir"
    assert doc.metadata["author"] == "Claire Dubois"
    assert doc.metadata["modified"] == "2024-03-15T18:05:00+01:00"
    assert doc.metadata["input"] == str(INTAKE / "quotidien_sommet.html")
    assert "Olaf Scholz, en marge du sommet européen de Bruxelles" in doc.raw
    assert "prévu en juin à Bruxelles." in doc.raw
    for boilerplate in ("cookies", "S'abonner", "Mentions légales", "Lire aussi",
                        "font-family"):
        assert boilerplate not in doc.raw
    assert doc.lang == "fr"


def test_windows_1252_page_with_time_element_and_byline():
    doc = _one("gazette_mali.htm", published="2000-01-01", collected="2023-11-05")
    assert isinstance(doc, Document)
    assert doc.metadata["encoding"] == "windows-1252"
    assert doc.title == "Sahel : le Mali expulse l'ambassadeur de France"
    assert doc.published == "2023-11-02T08:15:00+01:00"  # the page beats the default
    assert doc.metadata["published_from"] == "time"
    assert doc.collected == "2023-11-05"
    assert doc.url.endswith("/2023/11/02/sahel-le-mali-expulse-l-ambassadeur.html")
    assert doc.metadata["author"] == "Jean-Marc Lefèvre"
    assert "coup d'État de 2021" in doc.raw and "Cédéao" in doc.raw
    assert "lettre d'information" not in doc.raw and "Météo" not in doc.raw


def test_date_in_the_url_when_the_page_has_no_date_tag(tmp_path):
    page = (INTAKE / "gazette_mali.htm").read_bytes().replace(
        b'<time datetime="2023-11-02T08:15:00+01:00">', b"<time>")
    (tmp_path / "mali.html").write_bytes(page)
    doc = next(read_inputs([str(tmp_path / "mali.html")]))
    assert doc.published == "2023-11-02" and doc.metadata["published_from"] == "url"
    assert url_date("https://x.fr/a/2024/3/5/titre") == "2024-03-05"
    assert url_date("https://x.fr/actu/titre-2024-02-30.html") is None  # no such day
    assert url_date("https://x.fr/20240229/titre") == "2024-02-29"
    assert url_date(None) is None


def test_pages_without_text_are_errors_with_a_reason(tmp_path):
    no_body = _one("no_body.html")
    assert isinstance(no_body, InputError)
    assert (no_body.doc_id, no_body.reason) == ("no_body", "HTML has no body")
    menu = _one("only_menu.html")
    assert isinstance(menu, InputError) and menu.reason.startswith("no main text found")
    (tmp_path / "vide.html").write_bytes(b"   \n")
    (tmp_path / "bin.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    errors = {e.doc_id: e.reason for e in read_inputs([str(tmp_path)])}
    assert errors == {"bin": "binary content (NUL bytes)", "vide": "empty HTML"}


def test_lang_option_wins_over_the_page_declaration(tmp_path):
    page = (INTAKE / "quotidien_sommet.html").read_bytes().replace(b'lang="fr"', b'lang="en"')
    (tmp_path / "p.html").write_bytes(page)
    assert next(read_inputs([str(tmp_path / "p.html")])).lang == "en"
    assert next(read_inputs([str(tmp_path / "p.html")], lang="fr")).lang == "fr"
