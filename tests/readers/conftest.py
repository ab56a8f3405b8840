"""Intake fixtures: the committed pages and feeds in tests/fixtures/intake, and WARC archives
built from them here with warcio (so no binary file is committed)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

INTAKE = Path(__file__).resolve().parents[1] / "fixtures" / "intake"
SOMMET_URL = ("https://www.quotidien-du-soir.fr/international/article/2024/03/15/"
              "sommet-de-bruxelles_6221.html")
MALI_URL = "https://www.gazette-ouest.fr/monde/2023/11/02/sahel-le-mali-expulse-l-ambassadeur.html"


def write_warc(path: Path, gzip: bool) -> Path:
    """An archive as a crawler writes it: warcinfo, request/response pairs, an image, a 404,
    a page with no body, a metadata record; two HTML pages are worth reading."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    def http(status: str, ctype: str) -> StatusAndHeaders:
        return StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")

    def when(day: str) -> dict[str, str]:
        return {"WARC-Date": f"{day}T12:00:00Z"}

    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=gzip)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "froissart-tests"}))
        w.write_record(w.create_warc_record(
            SOMMET_URL, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"),
            warc_headers_dict=when("2024-03-16")))
        w.write_record(w.create_warc_record(
            SOMMET_URL, "response",
            payload=io.BytesIO((INTAKE / "quotidien_sommet.html").read_bytes()),
            http_headers=http("200 OK", "text/html; charset=utf-8"),
            warc_headers_dict=when("2024-03-16")))
        w.write_record(w.create_warc_record(
            "https://www.quotidien-du-soir.fr/img/une.jpg", "response",
            payload=io.BytesIO(b"\xff\xd8\xff\xe0" + b"\x00" * 64),
            http_headers=http("200 OK", "image/jpeg"), warc_headers_dict=when("2024-03-16")))
        w.write_record(w.create_warc_record(
            "https://www.quotidien-du-soir.fr/introuvable", "response",
            payload=io.BytesIO(b"<html><body><p>Page introuvable</p></body></html>"),
            http_headers=http("404 Not Found", "text/html"), warc_headers_dict=when("2024-03-16")))
        w.write_record(w.create_warc_record(
            "https://www.quotidien-du-soir.fr/vide", "response",
            payload=io.BytesIO((INTAKE / "no_body.html").read_bytes()),
            http_headers=http("200 OK", "text/html"), warc_headers_dict=when("2024-03-16")))
        w.write_record(w.create_warc_record(
            SOMMET_URL, "metadata", payload=io.BytesIO(b"outlinks: 3"),
            warc_content_type="text/plain", warc_headers_dict=when("2024-03-16")))
        w.write_record(w.create_warc_record(
            MALI_URL, "response",
            payload=io.BytesIO((INTAKE / "gazette_mali.htm").read_bytes()),
            http_headers=http("200 OK", "text/html; charset=windows-1252"),
            warc_headers_dict=when("2023-11-03")))
    return path


@pytest.fixture(scope="session")
def warc_dir(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("warc")
    write_warc(d / "crawl.warc", gzip=False)
    write_warc(d / "crawl.warc.gz", gzip=True)
    return d
