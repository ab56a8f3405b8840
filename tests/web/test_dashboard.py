"""The dashboard end to end: uvicorn in a thread, Debian's chromium driven by Playwright."""

from __future__ import annotations

import contextlib
import shutil
import socket
import threading
import time

import pytest

pytest.importorskip("fastapi")
uvicorn = pytest.importorskip("uvicorn")
sync_api = pytest.importorskip("playwright.sync_api")

from froissart.api import create_app  # noqa: E402
from tests.api import sample  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is absent "
                                "(apt-get install -y chromium)")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@contextlib.contextmanager
def serving(db):
    """The app over ``db`` with uvicorn on a free loopback port, in a thread."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port,
                                        log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(5)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with serving(sample.build(tmp_path_factory.mktemp("web") / "web.duckdb")) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    ctx = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 1400})
    pg = ctx.new_page()
    external = []
    pg.on("request", lambda r: None if r.url.startswith(server) else external.append(r.url))
    pg.goto(server + "/")
    pg.wait_for_selector("body[data-ready='1']", timeout=15000)
    yield pg
    assert external == [], external  # offline: nothing but this server
    ctx.close()


def test_table_fills_and_evidence_is_highlighted(page, tmp_path):
    rows = page.locator("#events tbody tr")
    assert rows.count() == 6
    assert page.locator("#error").is_hidden()
    row = page.locator("#events tbody tr", has_text="195")
    row.click()
    mark = page.locator("#doc-text mark.ev.active")
    mark.first.wait_for(timeout=5000)
    assert mark.inner_text() == "L'armée russe a bombardé Kharkiv"
    assert "fr.195.test" in mark.get_attribute("title")  # provenance on hover
    assert page.locator("#doc-text mark.ev").count() == 2  # the other event too, not active
    page.screenshot(path=str(tmp_path / "dashboard.png"), full_page=True)


def test_timeline_network_and_map_render(page, tmp_path):
    assert page.locator("#timeline rect.coop").count() >= 2
    assert page.locator("#timeline rect.conflict").count() >= 2
    assert page.locator("#timeline path.goldstein").count() == 1
    assert page.locator("#network circle.node").count() == 9
    assert page.locator("#network line").count() == 5
    assert page.locator("#map path.land").count() > 100
    assert page.locator("#map circle.place").count() == 5
    shot = page.locator("#map").screenshot(path=str(tmp_path / "map.png"))
    assert len(shot) > 5000  # a drawn map, not a blank box
    timeline = page.locator("#timeline").screenshot()
    assert len(timeline) > 2000


def test_filters_and_language(page):
    page.fill("#filters input[name=actor]", "RUS")
    page.click("#filters button[type=submit]")
    page.wait_for_function("document.querySelectorAll('#events tbody tr').length === 3")
    assert page.locator("#timeline rect.conflict").count() >= 2
    assert page.locator("h2").first.inner_text() == "Événements"
    page.click("#lang")
    page.wait_for_function("document.querySelector('h2').textContent === 'Events'")
    assert page.locator("html").get_attribute("lang") == "en"
    page.fill("#filters input[name=cameo]", "abc")
    page.click("#filters button[type=submit]")
    page.wait_for_selector("#error:not([hidden])")
    assert "cameo" in page.locator("#error").inner_text()


@pytest.fixture(scope="module")
def sample_server(tmp_path_factory):
    """The dashboard over the bundled sample corpus, ingested as `make run` does."""
    from froissart.store.ingest import ingest
    from tests.conftest import ROOT

    db = tmp_path_factory.mktemp("sample") / "froissart.duckdb"
    ingest([str(ROOT / "samples" / "fr" / "corpus.jsonl")], str(db), workers=1,
           progress=False)
    with serving(db) as url:
        yield url, db


def test_sample_corpus_event_shows_its_sentence_highlighted(browser, sample_server):
    import duckdb

    url, db = sample_server
    con = duckdb.connect(str(db), read_only=True)
    n_events = con.execute("SELECT count(*) FROM events").fetchone()[0]
    con.close()
    ctx = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 1400})
    pg = ctx.new_page()
    pg.goto(url + "/")
    pg.wait_for_selector("body[data-ready='1']", timeout=15000)
    rows = pg.locator("#events tbody tr")
    assert rows.count() == min(n_events, rows.count()) and rows.count() > 5
    rows.first.click()
    mark = pg.locator("#doc-text mark.ev.active")
    mark.first.wait_for(timeout=5000)
    highlighted = mark.first.inner_text()
    con = duckdb.connect(str(db), read_only=True)
    evidences = {r[0] for r in con.execute("SELECT evidence FROM mentions").fetchall()}
    con.close()
    # the highlighted words are (part of, where evidences overlap) an event's evidence
    assert highlighted.strip() and any(highlighted in e for e in evidences)
    assert "fr." in (mark.first.get_attribute("title") or "")  # provenance on hover
    ctx.close()
