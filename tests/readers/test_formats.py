"""Format detection, gzip, directories, overrides and large or damaged files."""

import gzip
import json
import tracemalloc

import pytest

from froissart.readers import InputError, read_inputs
from froissart.types import Document

from .conftest import INTAKE


def _jsonl(*texts: str) -> bytes:
    return "".join(json.dumps({"id": f"j{k}", "text": t}) + "\n"
                   for k, t in enumerate(texts, 1)).encode()


def test_gzip_is_read_transparently_for_every_format(tmp_path):
    for name in ("quotidien_sommet.html", "flux.atom", "depeches.csv"):
        (tmp_path / f"{name}.gz").write_bytes(gzip.compress((INTAKE / name).read_bytes()))
    (tmp_path / "c.jsonl.gz").write_bytes(gzip.compress(_jsonl("Texte un.", "Texte deux.")))
    (tmp_path / "t.txt.gz").write_bytes(gzip.compress("Paris a protesté.".encode()))
    items = list(read_inputs([str(tmp_path)]))
    docs = {i.doc_id: i for i in items if isinstance(i, Document)}
    assert list(docs) == ["j1", "j2", "c1", "depeches:4", "urn:example:depeche:881",
                          "quotidien_sommet", "t"]
    assert docs["t"].raw == "Paris a protesté." and docs["t"].metadata["input"].endswith(".gz")
    assert docs["quotidien_sommet"].published == "2024-03-15T10:30:00+01:00"
    assert docs["j2"].metadata["input"] == f"{tmp_path / 'c.jsonl.gz'}:2"


def test_truncated_gzip_keeps_whole_lines_and_reports_the_rest(tmp_path):
    data = gzip.compress(_jsonl(*(f"Dépêche numéro {k}. " * 40 for k in range(200))))
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) // 2])
    small = gzip.compress(b"Un texte. " * 500)
    (tmp_path / "cut.txt.gz").write_bytes(small[: len(small) // 2])
    items = list(read_inputs([str(tmp_path / "cut.jsonl.gz"), str(tmp_path / "cut.txt.gz")]))
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert 0 < len(docs) < 200
    assert [d.doc_id for d in docs] == [f"j{k}" for k in range(1, len(docs) + 1)]
    assert len(errors) == 2
    assert errors[0].doc_id == f"cut:{len(docs) + 1}"
    assert errors[0].reason.startswith("truncated gzip")
    assert f"{len(docs)} line(s) read before it" in errors[0].reason
    assert errors[1] == InputError("cut", str(tmp_path / "cut.txt.gz"),
                                   "truncated gzip (compressed stream ended early)")


def test_directories_are_walked_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "z").mkdir(parents=True)
    (tmp_path / ".cache").mkdir()
    for rel in ("b/2.txt", "a/z/9.txt", "a/1.txt", "0.txt", ".cache/x.txt", ".DS_Store"):
        (tmp_path / rel).write_text(f"Texte {rel}.", encoding="utf-8")
    stats: dict[str, int] = {}
    items = list(read_inputs([str(tmp_path)], stats=stats))
    assert [i.metadata["input"] for i in items] == [
        str(tmp_path / p) for p in ("0.txt", "a/1.txt", "a/z/9.txt", "b/2.txt")]
    assert stats["skipped hidden file"] == 1 and stats["skipped hidden folder"] == 1


def test_sniffing_and_the_input_format_override(tmp_path):
    (tmp_path / "page").write_bytes((INTAKE / "quotidien_sommet.html").read_bytes())
    (tmp_path / "corpus.data").write_bytes(_jsonl("Texte."))
    (tmp_path / "notes").write_text("La Russie a menacé la Moldavie.", encoding="utf-8")
    (tmp_path / "page.txt").write_bytes((INTAKE / "quotidien_sommet.html").read_bytes())
    items = list(read_inputs([str(tmp_path / n) for n in ("page", "corpus.data", "notes",
                                                          "page.txt")]))
    assert items[0].title.startswith("Sommet de Bruxelles")  # sniffed as HTML
    assert items[1].doc_id == "j1"  # sniffed as JSON Lines
    assert items[2].raw == "La Russie a menacé la Moldavie."
    assert items[3].raw.startswith("<!DOCTYPE html>")  # .txt is text, markup and all
    forced = next(read_inputs([str(tmp_path / "page.txt")], input_format="html"))
    assert forced.title.startswith("Sommet de Bruxelles") and "<p>" not in forced.raw
    rss = list(read_inputs([str(INTAKE / "flux_international.rss")], input_format="rss"))
    assert rss[0].doc_id == "qds-6230"
    with pytest.raises(ValueError, match="unknown input format 'pdf'"):
        read_inputs([str(tmp_path / "notes")], input_format="pdf")


def test_missing_and_unreadable_inputs_are_errors(tmp_path):
    items = list(read_inputs([str(tmp_path / "absent.html")]))
    assert items == [InputError("absent", str(tmp_path / "absent.html"), "no such file")]


def test_fifty_megabyte_files_are_streamed_and_refused_per_record(tmp_path):
    big_line = b'{"id": "huge", "text": "' + b"mot " * 13_000_000 + b'"}\n'
    (tmp_path / "big.jsonl").write_bytes(_jsonl("Avant.") + big_line + _jsonl("Après."))
    with open(tmp_path / "big.html", "wb") as fh:
        fh.write(b"<html><body>" + b"<p>Le texte continue.</p>" * 2_100_000 + b"</body></html>")
    assert (tmp_path / "big.jsonl").stat().st_size > 50_000_000
    assert (tmp_path / "big.html").stat().st_size > 50_000_000
    tracemalloc.start()
    try:
        items = list(read_inputs([str(tmp_path / "big.jsonl"), str(tmp_path / "big.html")]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 25_000_000  # never the whole 50 MB file in memory
    assert [getattr(i, "doc_id", None) for i in items] == ["j1", "big:2", "j1", "big"]
    assert items[1].reason == "record too large (over 4,000,000 bytes)"
    assert items[1].source == f"{tmp_path / 'big.jsonl'}:2"
    assert items[3].reason == "file too large (over 16,000,000 bytes)"
