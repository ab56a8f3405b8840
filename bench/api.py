"""HTTP API latency on a large synthetic store: p50 / p95 per typical query.

    .venv/bin/python bench/api.py [--mentions 1000000] [--repeat 20] [--db PATH]

Builds (or reuses, with --db on an existing file) a DuckDB store of synthetic event
mentions generated in SQL: skewed dyads among 40 actors, CAMEO codes weighted as in news
(statements and consultations common, force rare), dates over ten years growing towards the
end, places from a list of cities; about 1.4 mentions per event. Then times typical dashboard
queries through the FastAPI app in process (TestClient: routing, validation, SQL and JSON).
Target: p95 < 200 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import machine, stamp

ACTORS = ["USA", "CHN", "RUS", "FRA", "UKR", "DEU", "GBR", "ISR", "IRN", "TUR", "IND", "JPN",
          "PSE", "SYR", "SAU", "EGY", "MLI", "DZA", "MAR", "NGA", "KEN", "BRA", "ZAF", "PRK",
          "KOR", "AFG", "IRQ", "LBN", "QAT", "ITA", "ESP", "POL", "CAN", "AUS", "MEX", "VEN",
          "ETH", "SDN", "NER", "SEN"]
ROLES = ["", "GOV", "GOV", "MIL", "COP", "OPP", "CVL", "BUS"]
CODES = [  # (cameo, root, quad_class, goldstein, plover, weight)
    ("010", "01", 1, 0.0, "", 14), ("020", "02", 1, 3.0, "", 6), ("036", "03", 1, 4.0, "", 5),
    ("040", "04", 1, 1.0, "CONSULT", 16), ("042", "04", 1, 1.9, "CONSULT", 8),
    ("043", "04", 1, 2.8, "CONSULT", 7), ("051", "05", 1, 3.4, "", 6),
    ("057", "05", 1, 8.0, "AGREE", 4), ("061", "06", 2, 6.4, "COOPERATE", 3),
    ("070", "07", 2, 7.0, "AID", 3), ("090", "09", 1, -2.0, "", 2),
    ("111", "11", 3, -2.0, "ACCUSE", 7), ("112", "11", 3, -2.0, "ACCUSE", 6),
    ("120", "12", 3, -4.0, "REJECT", 3), ("130", "13", 3, -4.4, "THREATEN", 3),
    ("141", "14", 3, -6.5, "PROTEST", 3), ("163", "16", 3, -8.0, "SANCTION", 2),
    ("173", "17", 4, -5.0, "SEIZE", 2), ("190", "19", 4, -10.0, "ASSAULT", 3),
    ("195", "19", 4, -10.0, "ASSAULT", 2), ("180", "18", 4, -9.0, "ASSAULT", 1),
]
PLACES = [("Paris", "FR", 48.85, 2.35), ("Washington", "US", 38.9, -77.04),
          ("Beijing", "CN", 39.9, 116.4), ("Moscow", "RU", 55.75, 37.62),
          ("Kyiv", "UA", 50.45, 30.52), ("Kharkiv", "UA", 49.98, 36.25),
          ("Gaza", "PS", 31.5, 34.47), ("Tehran", "IR", 35.69, 51.39),
          ("Bamako", "ML", 12.65, -8.0), ("Algiers", "DZ", 36.73, 3.09),
          ("Nairobi", "KE", -1.29, 36.82), ("New Delhi", "IN", 28.61, 77.21),
          ("Berlin", "DE", 52.52, 13.41), ("London", "GB", 51.51, -0.13),
          ("Ankara", "TR", 39.93, 32.86), ("Damascus", "SY", 33.51, 36.29),
          ("Brasilia", "BR", -15.79, -47.88), ("Tokyo", "JP", 35.68, 139.69),
          ("Geneva", "CH", 46.2, 6.14), ("Dakar", "SN", 14.69, -17.44)]


def _arr(values) -> str:
    def lit(v):
        return "NULL" if v is None else (f"'{v}'" if isinstance(v, str) else repr(v))
    return "[" + ", ".join(lit(v) for v in values) + "]"


def build(path: Path, n: int) -> None:
    from froissart.store import Store

    with Store(path) as store:
        con = store.con
        if con.execute("SELECT count(*) FROM mentions").fetchone()[0] >= n:
            return
        t0 = time.perf_counter()
        con.execute("SELECT setseed(0.42)")
        weights = [c[5] for c in CODES]
        cum = [sum(weights[: k + 1]) / sum(weights) for k in range(len(weights))]
        a, r = _arr(ACTORS), _arr(ROLES)
        # indexes skewed towards the first entries: floor(n * random()^2)
        con.execute(f"""
            CREATE TEMP TABLE gen AS
            SELECT i,
              1 + floor({len(ACTORS)} * pow(random(), 2.2))::INT AS s,
              1 + floor({len(ACTORS)} * pow(random(), 1.6))::INT AS t,
              1 + floor({len(ROLES)} * random())::INT AS sr,
              1 + floor({len(ROLES)} * random())::INT AS tr,
              random() AS c,
              DATE '2015-01-01' + floor(3652 * sqrt(random()))::INT AS day,
              1 + floor({len(PLACES)} * pow(random(), 1.5))::INT AS p,
              random() < 0.6 AS located,
              0.3 + 0.7 * random() AS conf
            FROM range({n}) r(i)""")
        cum_arr = _arr(cum)
        code_idx = f"list_position(list_transform({cum_arr}, lambda x: x >= c), true)"
        col = lambda k: _arr([c[k] for c in CODES])  # noqa: E731
        place = lambda k: _arr([p[k] for p in PLACES])  # noqa: E731
        con.execute("BEGIN TRANSACTION")
        con.execute(f"""
            INSERT INTO mentions (event_id, doc_id, source_code, source_name, source_country,
              target_code, target_name, target_country, cameo, cameo_name, root, quad_class,
              goldstein, plover, mode, date, date_precision, location_name, location_country,
              lat, lon, sentence_index, evidence, evidence_start, evidence_end, rule,
              confidence, lexicon_version, day, cluster_id)
            SELECT printf('m%010d', i), printf('doc%08d', i // 3),
              {a}[s] || {r}[sr], {a}[s], {a}[s],
              {a}[CASE WHEN t = s THEN t % {len(ACTORS)} + 1 ELSE t END] || {r}[tr],
              {a}[CASE WHEN t = s THEN t % {len(ACTORS)} + 1 ELSE t END],
              {a}[CASE WHEN t = s THEN t % {len(ACTORS)} + 1 ELSE t END],
              {col(0)}[k], 'code ' || {col(0)}[k], {col(1)}[k], {col(2)}[k], {col(3)}[k],
              nullif({col(4)}[k], ''), 'realised', day::VARCHAR, 'day',
              CASE WHEN located THEN {place(0)}[p] END, CASE WHEN located THEN {place(1)}[p] END,
              CASE WHEN located THEN {place(2)}[p] END, CASE WHEN located THEN {place(3)}[p] END,
              (i % 7)::INT, 'Le gouvernement ' || {a}[s] || ' et ' || {a}[t] || ' : accord '
                || {col(0)}[k], 0, 40, 'synthetic.' || {col(0)}[k], round(conf, 2), 'bench=1',
              day, printf('c%010d', (i * 5) // 7)
            FROM (SELECT *, {code_idx} AS k FROM gen)""")
        con.execute("""
            INSERT INTO events SELECT cluster_id, row_number() OVER (), any_value(source_code),
              any_value(source_country), any_value(target_code), any_value(target_country),
              any_value(cameo), any_value(root), any_value(quad_class), any_value(goldstein),
              any_value(plover), min(date), min(day), min(day), max(day),
              any_value(location_name), any_value(location_country), any_value(lat),
              any_value(lon), count(*), count(DISTINCT doc_id), 1, min(event_id),
              any_value(evidence), max(confidence)
            FROM mentions GROUP BY cluster_id""")
        con.execute("""
            INSERT INTO documents SELECT doc_id, md5(doc_id), 'bench', 'fr', min(date), NULL,
              NULL, 'Dépêche ' || doc_id, 'bench.test', string_agg(evidence, '. '), '[]', '{}',
              count(*), 'bench=1', now()::TIMESTAMP FROM mentions GROUP BY doc_id""")
        con.execute("COMMIT")
        con.execute("CHECKPOINT")
        print(f"built {n} mentions in {time.perf_counter() - t0:.1f} s", file=sys.stderr)


QUERIES = [
    ("latest events", "/api/events?limit=50"),
    ("actor", "/api/events?actor=FRA&limit=50"),
    ("dyad + since", "/api/events?source=USA&target=CHN&since=2020-01-01"),
    ("cameo + year", "/api/events?cameo=19&since=2023-01-01&until=2023-12-31"),
    ("quad + place country", "/api/events?quad_class=4&location_country=UA"),
    ("deepest page", "/api/events?offset=10000&limit=50"),
    ("sort by mentions", "/api/events?sort=mentions&country=MLI"),
    ("evidence text", "/api/events?text=accord%20190&limit=50"),
    ("mentions by actor", "/api/mentions?actor=RUSGOV&sort=confidence"),
    ("actors", "/api/actors?limit=50"),
    ("actors, filtered", "/api/actors?since=2024-01-01&limit=50"),
    ("network", "/api/dyads?limit=80"),
    ("map", "/api/locations?limit=2000"),
    ("series actor month", "/api/series?actor=FRA&period=month"),
    ("series dyad week", "/api/series?source=USA&target=CHN&period=week"),
    ("stats", "/api/stats"),
    ("event detail", "/api/events/c0000012345"),
    ("document", "/api/documents/doc00012345"),
]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mentions", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--db", help="DuckDB file to build or reuse (default: a temporary one)")
    args = ap.parse_args()
    from fastapi.testclient import TestClient

    from froissart.api import create_app

    tmp = tempfile.TemporaryDirectory()
    db = Path(args.db) if args.db else Path(tmp.name) / "bench.duckdb"
    build(db, args.mentions)
    client = TestClient(create_app(db))
    counts = client.get("/api/stats").json()["counts"]
    print(f"# api {stamp()} on {machine()}")
    print(f"store: {counts['mentions']} mentions, {counts['events']} events, "
          f"{counts['documents']} documents; {args.repeat} runs a query, after one warm-up")
    print(f"{'query':24} {'status':>6} {'total':>9} {'p50 ms':>8} {'p95 ms':>8}")
    all_times, worst = [], 0.0
    for name, url in QUERIES:
        r = client.get(url)
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            r = client.get(url)
            times.append((time.perf_counter() - t0) * 1000)
        times.sort()
        p50 = statistics.median(times)
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        worst = max(worst, p95)
        all_times += times
        total = r.json().get("total", "") if r.status_code == 200 else ""
        print(f"{name:24} {r.status_code:>6} {total!s:>9} {p50:8.1f} {p95:8.1f}")
    all_times.sort()
    p95_all = all_times[round(0.95 * (len(all_times) - 1))]
    print(f"all queries: p50 {statistics.median(all_times):.1f} ms, p95 {p95_all:.1f} ms; "
          f"worst query p95 {worst:.1f} ms (target < 200 ms)")
    client.close()
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
