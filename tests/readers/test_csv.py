from froissart.readers import InputError, read_inputs
from froissart.types import Document

from .conftest import INTAKE


def test_csv_rows_with_semicolons_quoted_newlines_and_bad_rows():
    path = INTAKE / "depeches.csv"
    items = list(read_inputs([str(path)], published="2024-01-01"))
    docs = [i for i in items if isinstance(i, Document)]
    errors = [(e.doc_id, e.source, e.reason) for e in items if isinstance(e, InputError)]
    assert [d.doc_id for d in docs] == ["c1", "depeches:4"]
    c1, c3 = docs
    assert c1.raw.endswith("à Rome; ils ont signé un accord.")
    assert (c1.published, c1.url, c1.title) == ("2024-03-10", "https://ex.fr/c1", "Visite à Rome")
    assert c1.metadata == {"input": f"{path}:2", "author": "Anne Martin"}
    assert c3.raw == "Le Maroc et l'Espagne ont rouvert leur frontière.\nLe trafic a repris lundi."
    assert c3.published == "2024-03-12" and c3.url is None
    assert errors == [("c2", f"{path}:3", "empty text"),
                      ("c4", f"{path}:6", "row has 7 field(s), header has 6")]


def test_text_column_option_and_missing_column(tmp_path):
    path = tmp_path / "a.tsv"
    path.write_text("ident\tcorps\nx1\tLa Chine a menacé Taïwan.\n", encoding="utf-8")
    docs = list(read_inputs([str(path)], text_column="corps"))
    assert docs[0].raw == "La Chine a menacé Taïwan." and docs[0].metadata["ident"] == "x1"
    err = list(read_inputs([str(path)]))
    assert err == [InputError("a", str(path), "no column 'text' (columns: ident, corps)")]


def test_invalid_utf8_and_oversized_fields_are_per_row(tmp_path):
    path = tmp_path / "b.csv"
    path.write_bytes(b"id,text\nr1,C\xf4te d'Ivoire\nr2," + b"x" * 2000 + b"\nr3,Bon texte.\n")
    items = list(read_inputs([str(path)], max_chars=1000))
    reasons = {i.doc_id: i.reason for i in items if isinstance(i, InputError)}
    assert reasons["r1"] == "invalid UTF-8"
    assert reasons["r2"] == "text too large (2,000 characters, limit 1,000)"
    assert [i.doc_id for i in items if isinstance(i, Document)] == ["r3"]
