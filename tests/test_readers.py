import json

from froissart.readers import InputError, read_inputs
from froissart.types import Document


def test_bad_records_are_reported_with_their_id_and_the_rest_is_read(tmp_path):
    good = tmp_path / "ok.txt"
    good.write_text("La France a condamné l'attaque.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02PNG")
    (tmp_path / "latin1.txt").write_bytes("Côte d'Ivoire".encode("latin-1"))
    (tmp_path / "huge.txt").write_text("mot " * 300_000, encoding="utf-8")
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join([
        json.dumps({"id": "a", "text": "Texte.", "published": "2024-01-02"}),
        "{not json",
        json.dumps({"id": "b"}),
        json.dumps(["x"]),
        json.dumps({"id": "c", "text": "Autre texte.", "collected": "2024-01-03"}),
    ]), encoding="utf-8")
    names = ["ok", "empty", "bin", "latin1", "huge"]
    items = list(read_inputs([str(tmp_path / f"{n}.txt") for n in names] + [str(corpus)],
                             max_chars=1_000_000))
    docs = [i for i in items if isinstance(i, Document)]
    errors = {i.doc_id: i.reason for i in items if isinstance(i, InputError)}
    assert [d.doc_id for d in docs] == ["ok", "a", "c"]
    assert docs[1].published == "2024-01-02" and docs[2].collected == "2024-01-03"
    assert errors["empty"] == "empty text"
    assert "binary" in errors["bin"]
    assert "invalid UTF-8" in errors["latin1"]
    assert "too large" in errors["huge"]
    assert "malformed JSON" in errors["c:2"]
    assert errors["b"] == "no text"
    assert "not a JSON object" in errors["c:4"]
