from froissart.readers import InputError, read_inputs
from froissart.types import Document

from .conftest import MALI_URL, SOMMET_URL

SKIPPED = {"warc: skipped warcinfo record": 1, "warc: skipped request record": 1,
           "warc: skipped non-HTML response": 1, "warc: skipped non-2xx response": 1,
           "warc: skipped metadata record": 1}


def test_html_responses_become_documents_and_other_records_are_counted(warc_dir):
    for name in ("crawl.warc", "crawl.warc.gz"):
        stats: dict[str, int] = {}
        items = list(read_inputs([str(warc_dir / name)], stats=stats))
        docs = [i for i in items if isinstance(i, Document)]
        errors = [i for i in items if isinstance(i, InputError)]
        assert [d.url for d in docs] == [SOMMET_URL, MALI_URL]
        sommet, mali = docs
        assert sommet.doc_id.startswith("urn:uuid:")
        assert sommet.doc_id == sommet.metadata["warc_record_id"]
        assert sommet.collected == "2024-03-16T12:00:00+00:00"  # WARC-Date
        assert sommet.published == "2024-03-15T10:30:00+01:00"
        assert sommet.metadata["input"] == f"{warc_dir / name}#3"
        assert sommet.metadata["format"] == "warc"
        assert "Olaf Scholz" in sommet.raw and "cookies" not in sommet.raw
        assert mali.collected == "2023-11-03T12:00:00+00:00"
        assert mali.metadata["encoding"] == "windows-1252"  # from the HTTP header
        assert "Cédéao" in mali.raw
        # the 200 page with no body is reported; image, 404, request, metadata are not
        assert len(errors) == 1
        assert errors[0].reason == "HTML has no body"
        assert errors[0].source == f"{warc_dir / name}#6"
        assert stats == {"files warc": 1, **SKIPPED}


def test_warc_format_is_sniffed_without_extension(warc_dir, tmp_path):
    (tmp_path / "dump").write_bytes((warc_dir / "crawl.warc.gz").read_bytes())
    docs = [i for i in read_inputs([str(tmp_path / "dump")]) if isinstance(i, Document)]
    assert [d.url for d in docs] == [SOMMET_URL, MALI_URL]


def test_truncated_archives_keep_what_was_read_and_say_where_they_stop(warc_dir, tmp_path):
    gz = (warc_dir / "crawl.warc.gz").read_bytes()
    (tmp_path / "cut.warc.gz").write_bytes(gz[:-300])
    items = list(read_inputs([str(tmp_path / "cut.warc.gz")]))
    assert isinstance(items[0], Document) and items[0].url == SOMMET_URL
    last = items[-1]
    assert isinstance(last, InputError)
    assert last.reason == ("damaged WARC after 7 record(s): truncated gzip (compressed stream"
                           " ended early)")
    assert last.source.endswith("cut.warc.gz#8")

    raw = (warc_dir / "crawl.warc").read_bytes()
    (tmp_path / "cut.warc").write_bytes(raw[:-300])
    items = list(read_inputs([str(tmp_path / "cut.warc")]))
    assert isinstance(items[0], Document)
    last = items[-1]
    assert isinstance(last, InputError) and last.source.endswith("cut.warc#8")
    assert last.reason.startswith("truncated WARC record (") and "bytes missing" in last.reason


def test_garbage_with_a_warc_extension_is_an_error(tmp_path):
    (tmp_path / "junk.warc").write_bytes(b"ceci n'est pas une archive\n" * 10)
    items = list(read_inputs([str(tmp_path / "junk.warc")]))
    assert len(items) == 1 and isinstance(items[0], InputError)
    assert items[0].reason == "not a WARC record (read as arc)"
