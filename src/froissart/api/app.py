"""The FastAPI application: read-only queries over the store, coding and token-gated ingest.

Every value reaches DuckDB as a bound parameter (``froissart.store.query.where``); the only
text spliced into SQL comes from fixed whitelists (sort keys, column lists, periods). The
database is opened read-only unless ingestion is enabled (a token and ``read_only=False``).
"""

from __future__ import annotations

import json
import logging
import secrets
import threading
from collections.abc import Callable, Iterator
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field

from froissart.store.query import Filters, series, where

log = logging.getLogger(__name__)

MAX_LIMIT = 500
MAX_OFFSET = 10_000  # deeper pages cost a full sort: narrow the filters instead
MAX_CODE_CHARS = 100_000
MAX_DOCS = 100

EVENT_COLUMNS = (
    "cluster_id AS id, day, date, first_seen, last_seen, source_code, source_country, "
    "target_code, target_country, cameo, root, quad_class, goldstein, plover, location_name, "
    "location_country, lat, lon, n_mentions, n_articles, n_sources, representative, evidence, "
    "confidence")
MENTION_COLUMNS = (
    "event_id AS id, cluster_id, doc_id, day, date, date_precision, source_code, source_name, "
    "source_country, target_code, target_name, target_country, cameo, cameo_name, root, "
    "quad_class, goldstein, plover, plover_mode, mode, location_name, location_country, lat, "
    "lon, sentence_index, evidence, evidence_start, evidence_end, rule, source_entry, "
    "target_entry, date_rule, location_rule, confidence, lexicon_version")


class Sort(StrEnum):
    day = "day"
    confidence = "confidence"
    goldstein = "goldstein"
    mentions = "mentions"
    articles = "articles"


class Direction(StrEnum):
    asc = "asc"
    desc = "desc"


class Period(StrEnum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"


class Table(StrEnum):
    events = "events"
    mentions = "mentions"


SORT_SQL = {  # (events column, mentions column)
    Sort.day: ("day", "day"), Sort.confidence: ("confidence", "confidence"),
    Sort.goldstein: ("goldstein", "goldstein"), Sort.mentions: ("n_mentions", "day"),
    Sort.articles: ("n_articles", "day"),
}

CODE = r"^[A-Za-z0-9]{1,15}$"


def filters(
    actor: Annotated[str | None, Query(pattern=CODE, description="source or target: code "
                                       "(CHNGOV) or country (CHN)")] = None,
    source: Annotated[str | None, Query(pattern=CODE)] = None,
    target: Annotated[str | None, Query(pattern=CODE)] = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$",
                                         description="either side, ISO alpha-3")] = None,
    cameo: Annotated[str | None, Query(pattern=r"^[0-9]{2,4}$",
                                       description="CAMEO code prefix")] = None,
    root: Annotated[str | None, Query(pattern=r"^[0-9]{1,2}$")] = None,
    quad_class: Annotated[int | None, Query(ge=1, le=4)] = None,
    plover: Annotated[str | None, Query(pattern=r"^[A-Za-z_-]{1,40}$")] = None,
    since: Annotated[date | None, Query(description="first day (YYYY-MM-DD)")] = None,
    until: Annotated[date | None, Query(description="last day (YYYY-MM-DD)")] = None,
    location: Annotated[str | None, Query(min_length=1, max_length=100)] = None,
    location_country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2}$",
                                                  description="ISO alpha-2")] = None,
    text: Annotated[str | None, Query(min_length=1, max_length=200,
                                      description="words of the evidence")] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
) -> Filters:
    if since and until and since > until:
        raise HTTPException(400, "since must not be after until")
    return Filters(actor=actor, source=source, target=target, country=country, cameo=cameo,
                   root=root, quad_class=quad_class, plover=plover,
                   since=since.isoformat() if since else None,
                   until=until.isoformat() if until else None, location=location,
                   location_country=location_country, text=text,
                   min_confidence=min_confidence)


FiltersDep = Annotated[Filters, Depends(filters)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"page size (max {MAX_LIMIT})")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]


class Page(BaseModel):
    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int


class CodeRequest(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_CODE_CHARS)
    id: str = Field("posted", min_length=1, max_length=200)
    published: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}([T ][0-9:.+Z-]{2,20})?$")
    collected: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}([T ][0-9:.+Z-]{2,20})?$")
    title: str | None = Field(None, max_length=1000)


class DocumentIn(CodeRequest):
    text: str = Field(min_length=1, max_length=1_000_000)
    id: str = Field(min_length=1, max_length=200)
    url: str | None = Field(None, max_length=2000)
    source: str | None = Field(None, max_length=200)


class IngestRequest(BaseModel):
    documents: list[DocumentIn] = Field(min_length=1, max_length=MAX_DOCS)


def _rows(cur) -> list[dict[str, Any]]:
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def _windowed(cur) -> tuple[list[dict[str, Any]], int | None]:
    """Rows of a query that carries its total as a ``_total`` window column."""
    items = _rows(cur)
    total = items[0]["_total"] if items else None
    for it in items:
        del it["_total"]
    return items, total


def get_cursor(request: Request) -> Iterator[Any]:
    """A cursor of the app's connection for one request (DuckDB cursors are per thread)."""
    yield from request.app.state.froissart.cursor()


Cursor = Annotated[Any, Depends(get_cursor)]
bearer = HTTPBearer(auto_error=False)
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


def _default_pipeline():
    from froissart.pipeline import Pipeline

    return Pipeline()


class State:
    """The open store, the lazily loaded pipeline and the locks around them."""

    def __init__(self, db_path: str | Path, writable: bool, token: str | None,
                 pipeline_factory: Callable[[], Any] | None) -> None:
        from froissart.store import Store

        path = Path(db_path)
        if not writable and not path.exists():
            raise FileNotFoundError(f"{path}: no such database (ingest into it first, or "
                                    "serve it with a token to create it)")
        self.store = Store(path, read_only=not writable)
        self.writable = writable
        self.token = token
        self.pipeline_factory = pipeline_factory or _default_pipeline
        self._pipeline = None
        self.pipeline_lock = threading.Lock()
        self.write_lock = threading.Lock()

    def pipeline(self):
        with self.pipeline_lock:
            if self._pipeline is None:
                log.info("loading the coding pipeline")
                self._pipeline = self.pipeline_factory()
            return self._pipeline

    def cursor(self) -> Iterator[Any]:
        cur = self.store.con.cursor()
        try:
            yield cur
        finally:
            cur.close()


def create_app(db_path: str | Path, read_only: bool = True, token: str | None = None,
               pipeline_factory: Callable[[], Any] | None = None) -> FastAPI:
    """The API (under ``/api``) and the dashboard (at ``/``) over one DuckDB file.

    The database is opened writable, and ``POST /api/documents`` enabled, only when a
    ``token`` is given and ``read_only`` is False; otherwise it is opened read-only.
    ``pipeline_factory`` builds the coding pipeline on first use (default: French Pipeline).
    """
    writable = token is not None and not read_only
    state = State(db_path, writable, token, pipeline_factory)
    app = FastAPI(title="Froissart", version="1",
                  description="Political events (CAMEO, PLOVER) coded from French news, with "
                              "the evidence for every field.",
                  openapi_url="/api/openapi.json", docs_url="/api/docs", redoc_url=None)
    app.state.froissart = state

    @app.exception_handler(ValueError)
    async def bad_value(request: Request, exc: ValueError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    def page(cur, table: str, cols: str, f: Filters, limit: int, offset: int, sort: Sort,
             direction: Direction) -> Page:
        clause, params = where(f, table)
        key = "cluster_id" if table == "events" else "event_id"
        col = SORT_SQL[sort][0 if table == "events" else 1]
        order = f"{col} {direction.value.upper()} NULLS LAST, {key}"
        total = cur.execute(f"SELECT count(*) FROM {table} {clause}", params).fetchone()[0]
        # late materialisation: sort the keys only, then fetch the page's wide rows
        cur.execute(f"SELECT {cols} FROM {table} WHERE {key} IN (SELECT {key} FROM {table} "
                    f"{clause} ORDER BY {order} LIMIT ? OFFSET ?) ORDER BY {order}",
                    [*params, limit, offset])
        return Page(items=_rows(cur), total=total, limit=limit, offset=offset)

    @app.get("/api/events", response_model=Page, tags=["events"])
    def list_events(cur: Cursor, f: FiltersDep, limit: Limit = 50, offset: Offset = 0,
                    sort: Sort = Sort.day, direction: Direction = Direction.desc) -> Page:
        """Events (clusters of mentions reporting one happening), filtered and paginated."""
        return page(cur, "events", EVENT_COLUMNS, f, limit, offset, sort, direction)

    @app.get("/api/events/{event_id}", tags=["events"])
    def get_event(cur: Cursor, event_id: Annotated[str, PathParam(max_length=64)]) -> dict:
        """One event with its mentions, their evidence spans and provenance."""
        cur.execute(f"SELECT {EVENT_COLUMNS} FROM events WHERE cluster_id = ?", [event_id])
        rows = _rows(cur)
        if not rows:
            raise HTTPException(404, f"no event {event_id!r}")
        cur.execute(
            f"SELECT m.{MENTION_COLUMNS.replace(', ', ', m.')}, d.title AS doc_title, "
            "d.url AS doc_url, d.source AS doc_source, d.published AS doc_published, "
            "d.input AS doc_input FROM mentions m LEFT JOIN documents d USING (doc_id) "
            "WHERE m.cluster_id = ? ORDER BY m.day, m.doc_id, m.evidence_start", [event_id])
        return {**rows[0], "mentions": _rows(cur)}

    @app.get("/api/mentions", response_model=Page, tags=["events"])
    def list_mentions(cur: Cursor, f: FiltersDep, limit: Limit = 50, offset: Offset = 0,
                      sort: Sort = Sort.day, direction: Direction = Direction.desc) -> Page:
        """Event mentions (one per coded event in an article), filtered and paginated."""
        return page(cur, "mentions", MENTION_COLUMNS, f, limit, offset, sort, direction)

    @app.get("/api/mentions/{mention_id}", tags=["events"])
    def get_mention(cur: Cursor, mention_id: str) -> dict:
        cur.execute(f"SELECT {MENTION_COLUMNS} FROM mentions WHERE event_id = ?", [mention_id])
        rows = _rows(cur)
        if not rows:
            raise HTTPException(404, f"no mention {mention_id!r}")
        return rows[0]

    @app.get("/api/documents/{doc_id:path}", tags=["documents"])
    def get_document(cur: Cursor, doc_id: str) -> dict:
        """A document: cleaned text, metadata, repairs, its event and actor mentions."""
        cur.execute("SELECT doc_id AS id, input, lang, published, collected, url, title, "
                    "source, text, repairs, metadata, n_events, lexicon_version, ingested_at "
                    "FROM documents WHERE doc_id = ?", [doc_id])
        rows = _rows(cur)
        if not rows:
            raise HTTPException(404, f"no document {doc_id!r}")
        doc = rows[0]
        doc["repairs"] = json.loads(doc["repairs"] or "[]")
        doc["metadata"] = json.loads(doc["metadata"] or "{}")
        cur.execute(f"SELECT {MENTION_COLUMNS} FROM mentions WHERE doc_id = ? "
                    "ORDER BY evidence_start, event_id", [doc_id])
        doc["mentions"] = _rows(cur)
        cur.execute("SELECT sentence_index, start_char AS start, end_char AS end, text, code, "
                    "kind, entry FROM actor_mentions WHERE doc_id = ? ORDER BY start_char",
                    [doc_id])
        doc["actors"] = _rows(cur)
        return doc

    @app.get("/api/actors", response_model=Page, tags=["aggregates"])
    def list_actors(cur: Cursor, f: FiltersDep, limit: Limit = 50, offset: Offset = 0,
                    table: Table = Table.events) -> Page:
        """Actors with their counts as source, as target and in all."""
        clause, params = where(f, table.value)
        cur.execute(
            f"WITH f AS (SELECT source_code, source_country, target_code, target_country "
            f"FROM {table.value} {clause}), "
            "a AS (SELECT source_code AS code, source_country AS country, 1 AS s, 0 AS t FROM f "
            "UNION ALL SELECT target_code, target_country, 0, 1 FROM f) "
            "SELECT code, any_value(country) AS country, sum(s)::BIGINT AS as_source, "
            "sum(t)::BIGINT AS as_target, count(*) AS events, count(*) OVER () AS _total "
            "FROM a WHERE code IS NOT NULL AND code <> '' GROUP BY code "
            "ORDER BY events DESC, code LIMIT ? OFFSET ?", [*params, limit, offset])
        items, total = _windowed(cur)
        if total is None:
            total = _count_actors(cur, table.value, clause, params)
        return Page(items=items, total=total, limit=limit, offset=offset)

    @app.get("/api/dyads", response_model=Page, tags=["aggregates"])
    def list_dyads(cur: Cursor, f: FiltersDep, limit: Limit = 100, offset: Offset = 0,
                   table: Table = Table.events) -> Page:
        """Source-target pairs weighted by events (the actor network)."""
        clause, params = where(f, table.value)
        clause = (clause + " AND " if clause else "WHERE ") + \
            "source_code IS NOT NULL AND target_code IS NOT NULL"
        cur.execute(
            "SELECT source_code AS source, target_code AS target, count(*) AS events, "
            "round(avg(goldstein), 2) AS mean_goldstein, "
            "count_if(quad_class IN (1, 2)) AS cooperation, "
            "count_if(quad_class IN (3, 4)) AS conflict, count(*) OVER () AS _total "
            f"FROM {table.value} {clause} GROUP BY ALL ORDER BY events DESC, source, target "
            "LIMIT ? OFFSET ?", [*params, limit, offset])
        items, total = _windowed(cur)
        return Page(items=items, total=total or 0, limit=limit, offset=offset)

    @app.get("/api/locations", response_model=Page, tags=["aggregates"])
    def list_locations(cur: Cursor, f: FiltersDep,
                       limit: Annotated[int, Query(ge=1, le=5000)] = 1000,
                       offset: Offset = 0, table: Table = Table.events) -> Page:
        """Places of events with coordinates, with counts (the map)."""
        clause, params = where(f, table.value)
        clause = (clause + " AND " if clause else "WHERE ") + \
            "lat IS NOT NULL AND lon IS NOT NULL"
        cur.execute(
            "SELECT location_name AS name, location_country AS country, lat, lon, "
            "count(*) AS events, round(avg(goldstein), 2) AS mean_goldstein, "
            "count_if(quad_class IN (1, 2)) AS cooperation, "
            "count_if(quad_class IN (3, 4)) AS conflict, count(*) OVER () AS _total "
            f"FROM {table.value} {clause} GROUP BY ALL ORDER BY events DESC, name "
            "LIMIT ? OFFSET ?", [*params, limit, offset])
        items, total = _windowed(cur)
        return Page(items=items, total=total or 0, limit=limit, offset=offset)

    @app.get("/api/series", tags=["aggregates"])
    def get_series(cur: Cursor, f: FiltersDep, period: Period = Period.month,
                   table: Table = Table.events) -> dict:
        """Events per period by QuadClass with mean Goldstein, for a dyad (source + target)
        or an actor (actor, or source or target alone)."""
        _, rows = series(cur, f, period.value, table.value, "quad")
        out: dict[str, dict] = {}
        for per, quad, n, mean in rows:
            key = str(per)[:10]
            p = out.setdefault(key, {"period": key, "events": 0, "quad": {}, "_g": 0.0})
            p["quad"][str(quad)] = n
            p["events"] += n
            p["_g"] += (mean or 0.0) * n
        items = []
        for p in out.values():
            p["mean_goldstein"] = round(p.pop("_g") / p["events"], 2) if p["events"] else None
            p["cooperation"] = p["quad"].get("1", 0) + p["quad"].get("2", 0)
            p["conflict"] = p["quad"].get("3", 0) + p["quad"].get("4", 0)
            items.append(p)
        return {"period": period.value, "filters": f.active(), "items": items}

    @app.get("/api/stats", tags=["aggregates"])
    def get_stats(cur: Cursor) -> dict:
        """Counts of every table, the date range, events by QuadClass and root."""
        counts = {t: cur.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("documents", "mentions", "events", "actor_mentions", "quarantine")}
        first, last = cur.execute("SELECT min(day), max(day) FROM events").fetchone()
        quad = dict(cur.execute("SELECT quad_class::VARCHAR, count(*) FROM events "
                                "GROUP BY 1 ORDER BY 1").fetchall())
        roots = dict(cur.execute("SELECT root, count(*) FROM events WHERE root IS NOT NULL "
                                 "GROUP BY 1 ORDER BY 1").fetchall())
        version = cur.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return {"counts": counts, "first_day": first, "last_day": last, "quad_class": quad,
                "root": roots, "schema_version": int(version[0]) if version else None,
                "read_only": not state.writable, "ingest": state.writable}

    @app.post("/api/code", tags=["coding"])
    def code_text(req: CodeRequest) -> dict:
        """Code a posted text without storing it (the model loads on first use: slow)."""
        from froissart.output import record
        from froissart.types import Document

        pipe = state.pipeline()
        doc = Document(req.id, req.text, published=req.published, collected=req.collected,
                       title=req.title)
        with state.pipeline_lock:
            results = list(pipe.run([doc]))
        res = results[0]
        return {"id": req.id, "text": res.doc.text,
                "events": [record(e, pipe.res.ontology) for e in res.events],
                "actors": [{"sentence_index": a.sentence_index, "start": a.start, "end": a.end,
                            "text": a.text, "code": a.code, "kind": a.kind, "entry": a.entry}
                           for a in res.actors]}

    def authorised(creds: Credentials) -> None:
        if state.token is None:
            raise HTTPException(403, "ingestion is disabled: the server has no token")
        if creds is None or not secrets.compare_digest(creds.credentials.encode(),
                                                       state.token.encode()):
            raise HTTPException(401, "a valid bearer token is required",
                                headers={"WWW-Authenticate": "Bearer"})
        if not state.writable:
            raise HTTPException(403, "ingestion is disabled: the database is read-only")

    @app.post("/api/documents", tags=["documents"], status_code=201,
              dependencies=[Depends(authorised)])
    def ingest_documents(req: IngestRequest) -> dict:
        """Code and store documents (needs the bearer token); already stored ones are
        skipped by content hash."""
        from froissart.store import content_hash
        from froissart.store.ingest import serialise
        from froissart.types import Document

        pipe = state.pipeline()
        with state.write_lock:
            stored = state.store.hashes()
            ids = set(stored.values())
            docs, skipped, seen = [], [], set()
            for d in req.documents:
                h = content_hash(d.text)
                if h in stored or h in seen:
                    skipped.append(stored.get(h, d.id))
                    continue
                seen.add(h)
                doc_id = d.id if d.id not in ids else f"{d.id}#{h[:8]}"
                ids.add(doc_id)
                docs.append(Document(doc_id, d.text, published=d.published,
                                     collected=d.collected, url=d.url, title=d.title,
                                     source=d.source,
                                     metadata={"input": "api", "content_hash": h}))
            with state.pipeline_lock:
                items = [serialise(r, pipe.res.ontology) for r in pipe.run(docs)]
            if items:
                state.store.write_batch(items)
                state.store.recluster()
        return {"stored": [it["doc"]["doc_id"] for it in items], "skipped": skipped,
                "mentions": sum(len(it["mentions"]) for it in items)}

    from importlib.resources import files

    static = Path(str(files("froissart.web") / "static"))
    if static.is_dir():
        from fastapi.staticfiles import StaticFiles

        app.mount("/static", StaticFiles(directory=static), name="static")

        @app.get("/", include_in_schema=False)
        def index() -> FileResponse:
            return FileResponse(static / "index.html")

    return app


def _count_actors(cur, table: str, clause: str, params: list) -> int:
    return cur.execute(
        f"WITH f AS (SELECT source_code, target_code FROM {table} {clause}) SELECT count(*) "
        "FROM (SELECT source_code AS c FROM f UNION SELECT target_code FROM f) "
        "WHERE c IS NOT NULL AND c <> ''", params).fetchone()[0]


def serve(db: str | Path = "froissart.duckdb", host: str = "127.0.0.1", port: int = 8000,
          token: str | None = None) -> None:
    """Serve the API and dashboard with uvicorn; a token enables (writable) ingestion."""
    import uvicorn

    app = create_app(db, read_only=token is None, token=token)
    uvicorn.run(app, host=host, port=port, log_level="info")
