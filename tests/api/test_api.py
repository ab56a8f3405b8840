"""The HTTP API over a real DuckDB file: filters, pagination, 4xx, injection, read-only,
token-protected ingest, the OpenAPI schema and the dashboard's static files."""

from __future__ import annotations

import hashlib
from types import SimpleNamespace

import duckdb
import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")
from fastapi.testclient import TestClient

from froissart.api import create_app
from froissart.pipeline import Result
from tests.api import sample


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return sample.build(tmp_path_factory.mktemp("api") / "api.duckdb")


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db)) as c:
        yield c


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class FakePipeline:
    """Stands in for the model: cleaned text = raw text, no events."""

    res = SimpleNamespace(ontology=None)

    def __init__(self) -> None:
        self.calls = 0

    def run(self, docs):
        for d in docs:
            self.calls += 1
            d.text = d.raw
            yield Result(d)


def test_events_list_total_and_pagination(client):
    page = client.get("/api/events", params={"limit": 2}).json()
    assert page["total"] == 6 and len(page["items"]) == 2 and page["limit"] == 2
    rest = client.get("/api/events", params={"limit": 2, "offset": 2}).json()["items"]
    last = client.get("/api/events", params={"limit": 2, "offset": 4}).json()["items"]
    ids = [e["id"] for e in page["items"] + rest + last]
    assert len(set(ids)) == 6
    days = [e["day"] for e in page["items"] + rest + last]
    assert days == sorted(days, reverse=True)
    asc = client.get("/api/events", params={"sort": "day", "direction": "asc"}).json()["items"]
    assert [e["day"] for e in asc] == sorted(days)
    assert client.get("/api/events", params={"offset": 100}).json()["items"] == []


@pytest.mark.parametrize(("params", "expected"), [
    ({"actor": "FRA"}, 3), ({"actor": "fragov"}, 3), ({"source": "RUS"}, 2),
    ({"target": "FRA"}, 1), ({"country": "UKR"}, 2), ({"cameo": "11"}, 2), ({"root": "4"}, 1),
    ({"quad_class": 4}, 1), ({"plover": "accuse"}, 2), ({"since": "2024-06-01"}, 3),
    ({"until": "2024-05-27"}, 1), ({"location": "kharkiv"}, 1), ({"location_country": "ua"}, 2),
    ({"text": "accord"}, 2), ({"min_confidence": 0.9}, 0),
    ({"source": "FRA", "target": "DEU"}, 2),
])
def test_filters(client, params, expected):
    for path in ("/api/events", "/api/mentions"):
        page = client.get(path, params=params).json()
        assert page["total"] == expected == len(page["items"]), (path, params, page)


def test_event_detail_has_mentions_evidence_and_provenance(client):
    ev = client.get("/api/events", params={"cameo": "195"}).json()["items"][0]
    detail = client.get(f"/api/events/{ev['id']}").json()
    assert detail["cameo"] == "195" and len(detail["mentions"]) == 1
    m = detail["mentions"][0]
    doc = client.get(f"/api/documents/{m['doc_id']}").json()
    assert doc["text"][m["evidence_start"]:m["evidence_end"]] == m["evidence"]
    assert m["rule"] == "fr.195.test" and m["doc_title"] == "Dépêche d3"
    assert m["doc_source"] == "afp.test" and m["lexicon_version"] == "test=1"


def test_document(client):
    doc = client.get("/api/documents/d2").json()
    assert doc["id"] == "d2" and doc["repairs"] == [] and doc["metadata"] == {"input": "sample"}
    assert [m["cameo"] for m in doc["mentions"]] == ["057", "111"]
    assert doc["actors"][0]["code"] == "FRAGOV"
    for m in doc["mentions"]:
        assert doc["text"][m["evidence_start"]:m["evidence_end"]] == m["evidence"]


def test_aggregates(client):
    actors = client.get("/api/actors").json()
    top = actors["items"][0]
    assert top["code"] == "FRAGOV" and top["events"] == 3 and top["as_source"] == 2
    assert actors["total"] == len(actors["items"]) == 9
    assert client.get("/api/actors", params={"limit": 2, "offset": 8}).json()["total"] == 9
    dyads = client.get("/api/dyads").json()["items"]
    assert dyads[0] == {"source": "FRAGOV", "target": "DEUGOV", "events": 2,
                        "mean_goldstein": 4.5, "cooperation": 2, "conflict": 0}
    places = client.get("/api/locations", params={"location_country": "UA"}).json()["items"]
    assert {p["name"] for p in places} == {"Kharkiv", "Kyiv"}
    s = client.get("/api/series", params={"actor": "RUS", "period": "month"}).json()
    assert [(p["period"], p["cooperation"], p["conflict"]) for p in s["items"]] == \
        [("2024-05-01", 0, 1), ("2024-06-01", 0, 2)]
    assert s["items"][1]["mean_goldstein"] == -6.0 and s["items"][1]["quad"] == {"3": 1, "4": 1}
    weeks = client.get("/api/series", params={"period": "week"}).json()["items"]
    assert sum(p["events"] for p in weeks) == 6
    stats = client.get("/api/stats").json()
    assert stats["counts"]["documents"] == 4 and stats["counts"]["mentions"] == 6
    assert stats["read_only"] is True and stats["first_day"] == "2024-05-26"


@pytest.mark.parametrize(("path", "params"), [
    ("/api/events", {"limit": 0}), ("/api/events", {"limit": 501}),
    ("/api/events", {"offset": -1}), ("/api/events", {"quad_class": 5}),
    ("/api/events", {"since": "yesterday"}), ("/api/events", {"min_confidence": 2}),
    ("/api/events", {"sort": "evidence"}), ("/api/events", {"direction": "sideways"}),
    ("/api/events", {"cameo": "abc"}), ("/api/series", {"period": "century"}),
    ("/api/actors", {"table": "documents"}), ("/api/mentions", {"actor": "x" * 40}),
])
def test_bad_requests_are_422_with_the_field_named(client, path, params):
    r = client.get(path, params=params)
    assert r.status_code == 422
    assert next(iter(params)) in str(r.json()["detail"])


def test_other_4xx(client):
    r = client.get("/api/events", params={"since": "2024-07-01", "until": "2024-06-01"})
    assert r.status_code == 400 and "since" in r.json()["detail"]
    assert client.get("/api/events/nope").status_code == 404
    assert client.get("/api/documents/nope").status_code == 404
    assert client.get("/api/mentions/nope").status_code == 404
    assert client.post("/api/code", json={"text": ""}).status_code == 422
    assert client.post("/api/code", json={}).status_code == 422


@pytest.mark.parametrize("value", [
    "FRA' OR '1'='1", "FRA; DROP TABLE events; --", "x\" OR 1=1 --", "%' OR 1=1 --",
])
def test_injection_attempts_do_nothing(client, db, value):
    for key in ("actor", "text", "location"):
        r = client.get("/api/events", params={key: value})
        assert r.status_code in (200, 422)
        if r.status_code == 200:
            assert r.json()["total"] == 0
    assert client.get(f"/api/documents/{value}").status_code == 404
    assert client.get(f"/api/events/{value[:60]}").status_code == 404
    assert client.get("/api/stats").json()["counts"]["events"] == 6


def test_read_only(db):
    before = digest(db)
    fake = FakePipeline()
    with TestClient(create_app(db, pipeline_factory=lambda: fake)) as c:
        con = c.app.state.froissart.store.con
        with pytest.raises(duckdb.Error):
            con.execute("DELETE FROM events")
        r = c.post("/api/documents", json={"documents": [{"id": "x", "text": "Texte."}]})
        assert r.status_code == 403 and "token" in r.json()["detail"]
        r = c.post("/api/documents", json={"documents": [{"id": "x", "text": "Texte."}]},
                   headers={"Authorization": "Bearer s3cret"})
        assert r.status_code == 403
    with TestClient(create_app(db, token="s3cret", pipeline_factory=lambda: fake)) as c:
        r = c.post("/api/documents", json={"documents": [{"id": "x", "text": "Texte."}]},
                   headers={"Authorization": "Bearer s3cret"})
        assert r.status_code == 403 and "read-only" in r.json()["detail"]
    assert fake.calls == 0 and digest(db) == before


def test_missing_database_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such database"):
        create_app(tmp_path / "absent.duckdb")


def test_token_protected_ingest(tmp_path):
    db = sample.build(tmp_path / "w.duckdb")
    fake = FakePipeline()
    app = create_app(db, read_only=False, token="s3cret", pipeline_factory=lambda: fake)
    body = {"documents": [{"id": "n1", "text": "Le Mali a rompu avec la France.",
                           "published": "2024-08-01", "source": "test"},
                          {"id": "d1", "text": "Un autre texte sous un id déjà pris."}]}
    with TestClient(app) as c:
        assert c.post("/api/documents", json=body).status_code == 401
        r = c.post("/api/documents", json=body, headers={"Authorization": "Bearer wrong"})
        assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
        r = c.post("/api/documents", json=body, headers={"Authorization": "Bearer s3cret"})
        assert r.status_code == 201, r.text
        out = r.json()
        assert out["stored"][0] == "n1" and out["stored"][1].startswith("d1#")
        again = c.post("/api/documents", json=body, headers={"Authorization": "Bearer s3cret"})
        assert again.json()["stored"] == [] and len(again.json()["skipped"]) == 2
        doc = c.get("/api/documents/n1").json()
        assert doc["text"] == body["documents"][0]["text"] and doc["source"] == "test"
        stats = c.get("/api/stats").json()
        assert stats["counts"]["documents"] == 6 and stats["read_only"] is False
        r = c.post("/api/documents", json={"documents": []},
                   headers={"Authorization": "Bearer s3cret"})
        assert r.status_code == 422
    assert fake.calls == 2


def test_code_loads_the_pipeline_lazily_and_stores_nothing(db):
    fake = FakePipeline()
    calls = []

    def factory():
        calls.append(1)
        return fake

    with TestClient(create_app(db, pipeline_factory=factory)) as c:
        assert calls == []
        for _ in range(2):
            r = c.post("/api/code", json={"text": "La France a salué l'accord."})
            assert r.status_code == 200 and r.json()["events"] == []
        assert calls == [1]
        assert c.get("/api/stats").json()["counts"]["documents"] == 4


@pytest.mark.model
def test_code_with_the_model(db, pipeline):
    with TestClient(create_app(db, pipeline_factory=lambda: pipeline)) as c:
        r = c.post("/api/code", json={"text": "Le président chinois a rencontré le ministre "
                                              "français des Affaires étrangères à Pékin.",
                                      "published": "2024-05-06"})
    assert r.status_code == 200, r.text
    events = r.json()["events"]
    assert events and events[0]["root"] == "04"
    assert r.json()["text"][events[0]["evidence_start"]:events[0]["evidence_end"]] == \
        events[0]["evidence"]


def test_openapi_and_dashboard(client):
    schema = client.get("/api/openapi.json").json()
    for path in ("/api/events", "/api/events/{event_id}", "/api/mentions",
                 "/api/documents/{doc_id}", "/api/actors", "/api/series", "/api/stats",
                 "/api/code", "/api/documents"):
        assert path in schema["paths"], path
    names = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert {"actor", "since", "limit", "offset", "sort", "min_confidence"} <= names
    index = client.get("/")
    assert index.status_code == 200 and "/static/app.js" in index.text
    assert "countries" in client.get("/static/world.json").json()
    assert client.get("/static/app.js").status_code == 200
