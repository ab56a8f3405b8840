"""Filtering and aggregating stored events (parameterised SQL: values never enter the text)."""

from __future__ import annotations

from dataclasses import dataclass, fields

PERIODS = {"day": "day", "week": "week", "month": "month", "year": "year"}


@dataclass
class Filters:
    actor: str | None = None  # source or target: a code ("CHNGOV") or a country ("CHN")
    source: str | None = None
    target: str | None = None
    country: str | None = None  # either side, country level
    cameo: str | None = None  # code prefix: "04", "042", "0311"
    root: str | None = None
    quad_class: int | None = None
    plover: str | None = None
    since: str | None = None
    until: str | None = None
    location: str | None = None
    location_country: str | None = None  # ISO alpha-2
    text: str | None = None  # words of the evidence
    min_confidence: float | None = None

    def active(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in fields(self)
                if getattr(self, f.name) not in (None, "")}


def where(f: Filters, table: str = "mentions") -> tuple[str, list[object]]:
    """A WHERE clause and its parameters for ``mentions`` or ``events``."""
    clauses: list[str] = []
    params: list[object] = []

    def actor_clause(col_code: str, col_country: str, value: str) -> None:
        clauses.append(f"({col_code} = ? OR {col_country} = ?)")
        params.extend([value.upper(), value.upper()])

    if f.actor:
        v = f.actor.upper()
        clauses.append("(source_code = ? OR target_code = ? OR source_country = ? "
                       "OR target_country = ?)")
        params.extend([v, v, v, v])
    if f.source:
        actor_clause("source_code", "source_country", f.source)
    if f.target:
        actor_clause("target_code", "target_country", f.target)
    if f.country:
        clauses.append("(source_country = ? OR target_country = ?)")
        params.extend([f.country.upper()] * 2)
    if f.cameo:
        clauses.append("starts_with(cameo, ?)")
        params.append(f.cameo)
    if f.root:
        clauses.append("root = ?")
        params.append(f.root.zfill(2))
    if f.quad_class is not None:
        clauses.append("quad_class = ?")
        params.append(int(f.quad_class))
    if f.plover:
        clauses.append("plover = ?")
        params.append(f.plover.upper())
    if f.since:
        clauses.append("day >= CAST(? AS DATE)")
        params.append(f.since)
    if f.until:
        clauses.append("day <= CAST(? AS DATE)")
        params.append(f.until)
    if f.location:
        clauses.append("location_name ILIKE ?")
        params.append(f"%{f.location}%")
    if f.location_country:
        clauses.append("location_country = ?")
        params.append(f.location_country.upper())
    if f.text:
        clauses.append("evidence ILIKE ?")
        params.append(f"%{f.text}%")
    if f.min_confidence is not None:
        clauses.append("confidence >= ?")
        params.append(float(f.min_confidence))
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def select(con, f: Filters, table: str = "mentions", limit: int = 100, offset: int = 0,
           order: str = "day") -> tuple[list[str], list[tuple]]:
    if table not in ("mentions", "events"):
        raise ValueError("table must be mentions or events")
    cols = {"mentions": "event_id, doc_id, day, source_code, cameo, target_code, "
                        "location_name, confidence, evidence",
            "events": "cluster_id, day, source_code, cameo, target_code, location_name, "
                      "n_mentions, n_articles, n_sources, evidence"}[table]
    orders = {"day": "day DESC NULLS LAST", "confidence": "confidence DESC",
              "goldstein": "goldstein", "mentions": "n_mentions DESC" if table == "events"
              else "day DESC NULLS LAST"}
    if order not in orders:
        raise ValueError(f"order must be one of {sorted(orders)}")
    clause, params = where(f, table)
    key = "event_id" if table == "mentions" else "cluster_id"
    cur = con.execute(f"SELECT {cols} FROM {table} {clause} ORDER BY {orders[order]}, {key} "
                      "LIMIT ? OFFSET ?", [*params, int(limit), int(offset)])
    return [c[0] for c in cur.description], cur.fetchall()


def series(con, f: Filters, period: str = "month", table: str = "events",
           by: str = "dyad") -> tuple[list[str], list[tuple]]:
    """Counts and mean Goldstein per dyad (or per QuadClass) per period."""
    if period not in PERIODS:
        raise ValueError(f"period must be one of {sorted(PERIODS)}")
    if table not in ("mentions", "events"):
        raise ValueError("table must be mentions or events")
    group = {"dyad": "source_country, target_country", "quad": "quad_class",
             "dyad-quad": "source_country, target_country, quad_class"}.get(by)
    if group is None:
        raise ValueError("by must be dyad, quad or dyad-quad")
    clause, params = where(f, table)
    clause = (clause + " AND " if clause else "WHERE ") + "day IS NOT NULL"
    cur = con.execute(
        f"SELECT date_trunc('{PERIODS[period]}', day) AS period, {group}, count(*) AS events, "
        f"round(avg(goldstein), 2) AS mean_goldstein FROM {table} {clause} "
        f"GROUP BY ALL ORDER BY period, {group}", params)
    return [c[0] for c in cur.description], cur.fetchall()
