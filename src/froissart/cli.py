"""Command line: code, ingest, query, export, eval."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

log = logging.getLogger("froissart")


def _code(args: argparse.Namespace) -> int:
    from froissart.output import record, write_csv, write_jsonl, write_table
    from froissart.pipeline import Pipeline
    from froissart.readers import InputError, read_inputs

    docs, errors = [], 0
    for item in read_inputs(args.inputs, args.max_chars, args.published, args.collected,
                            args.lang, input_format=args.input_format,
                            text_column=args.text_column):
        if isinstance(item, InputError):
            errors += 1
            print(f"error: {item.doc_id} ({item.source}): {item.reason}", file=sys.stderr)
        else:
            docs.append(item)
    pipe = Pipeline(args.lang or "fr", overlays=[Path(p) for p in args.lexicon or []])
    records = []
    n_docs = 0
    skipped: list[tuple[str, str]] = []
    for res in pipe.run(docs, skipped=skipped):
        n_docs += 1
        records.extend(record(e, pipe.res.ontology) for e in res.events)
    for doc_id, lang in skipped:
        print(f"skipped: {doc_id}: language {lang!r} is not supported", file=sys.stderr)
    writer = {"jsonl": write_jsonl, "csv": write_csv, "table": write_table}[args.format]
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="") as out:
            writer(records, out)
    else:
        writer(records, sys.stdout)
    print(f"coded {n_docs} document(s), {len(records)} event(s), {len(skipped)} skipped "
          f"(language), {errors} error(s)", file=sys.stderr)
    return 1 if errors else 0


def _eval(args: argparse.Namespace) -> int:
    from froissart.evaluate import format_report, read_jsonl, score

    res = score(read_jsonl(args.gold), read_jsonl(args.pred))
    if args.json:
        print(json.dumps(res, indent=2))
    else:
        print(format_report(res, args.by_root))
    return 0


def _ingest(args: argparse.Namespace) -> int:
    from froissart.store import Store
    from froissart.store.ingest import ingest

    try:
        summary = ingest(args.inputs, args.db, workers=args.workers, lang=args.lang or "fr",
                         overlays=args.lexicon or [], batch_size=args.batch_size,
                         progress=not args.quiet, max_chars=args.max_chars,
                         input_format=args.input_format, text_column=args.text_column)
    except KeyboardInterrupt:
        print("interrupted: what was stored is kept; run the same command again to resume",
              file=sys.stderr)
        return 130
    for err in summary.errors:
        print(f"quarantined: {err}", file=sys.stderr)
    print(summary.line(), file=sys.stderr)
    with Store(args.db, read_only=True) as store:
        counts = store.counts()
        print("store: " + ", ".join(f"{k} {v}" for k, v in counts.items()), file=sys.stderr)
        if not args.quiet:
            from froissart.output import write_table

            cur = store.con.execute(
                "SELECT e.day AS date, e.source_code, e.cameo, e.target_code, e.location_name,"
                " e.n_articles AS articles, e.evidence FROM events e"
                " ORDER BY e.n_mentions DESC, e.day DESC NULLS LAST, e.cluster_id LIMIT ?",
                [args.top])
            _print_rows([c[0] for c in cur.description], cur.fetchall(), "table", write_table)
    return 1 if summary.quarantined and args.strict else 0


def _print_rows(cols: list[str], rows: list[tuple], fmt: str, write_table=None) -> None:
    import csv

    if fmt == "json":
        for r in rows:
            print(json.dumps(dict(zip(cols, r, strict=True)), ensure_ascii=False, default=str))
    elif fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(cols)
        w.writerows(rows)
    else:
        widths = [min(60, max([len(c)] + [len(str(r[k]) if r[k] is not None else "")
                                          for r in rows])) for k, c in enumerate(cols)]
        print("  ".join(c.ljust(widths[k]) for k, c in enumerate(cols)).rstrip())
        print("  ".join("-" * w for w in widths))
        for r in rows:
            cells = ["" if v is None else str(v).replace("\n", " ") for v in r]
            cells = [c if len(c) <= widths[k] else c[: widths[k] - 1] + "…"
                     for k, c in enumerate(cells)]
            print("  ".join(c.ljust(widths[k]) for k, c in enumerate(cells)).rstrip())


def _query(args: argparse.Namespace) -> int:
    from froissart.store import Store
    from froissart.store.query import Filters, select, series

    f = Filters(actor=args.actor, source=args.source, target=args.target, country=args.country,
                cameo=args.cameo, root=args.root, quad_class=args.quad, plover=args.plover,
                since=args.since, until=args.until, location=args.location,
                location_country=args.location_country, text=args.text,
                min_confidence=args.min_confidence)
    with Store(args.db, read_only=True) as store:
        if args.series:
            cols, rows = series(store.con, f, args.series, args.table, args.by)
        else:
            cols, rows = select(store.con, f, args.table, args.limit, args.offset, args.order)
    _print_rows(cols, rows, args.format)
    return 0


def _export(args: argparse.Namespace) -> int:
    from froissart.store import Store
    from froissart.store.export import export

    with Store(args.db, read_only=True) as store:
        n = export(store.con, args.table, args.format, args.output)
    print(f"exported {n} row(s) of {args.table} to {args.output}", file=sys.stderr)
    return 0


def _spark(args: argparse.Namespace) -> int:
    from froissart.spark import run_from_args

    return run_from_args(args)


def _import_parquet(args: argparse.Namespace) -> int:
    from froissart.spark import import_parquet

    added = import_parquet(args.dir, args.db)
    print("imported: " + ", ".join(f"{k} {v}" for k, v in added.items()), file=sys.stderr)
    return 0


def _serve(args: argparse.Namespace) -> int:
    try:
        from froissart.api import serve
    except ImportError:
        print("froissart serve needs the api extra: pip install 'froissart[api]'",
              file=sys.stderr)
        return 2
    serve(args.db, args.host, args.port, args.token)
    return 0


def _input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--input-format", default="auto",
                   choices=["auto", "text", "jsonl", "csv", "html", "warc", "feed"],
                   help="read every input as this format (default: by extension or content)")
    p.add_argument("--text-column", default="text",
                   help="CSV/JSONL field holding the text (default: %(default)s)")


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="froissart", description=__doc__.splitlines()[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = ap.add_subparsers(dest="command", required=True)
    c = sub.add_parser("code", help="code documents into events")
    c.add_argument("inputs", nargs="+", metavar="INPUT", help=".txt files or .jsonl corpora")
    c.add_argument("-o", "--output", help="output file (default: standard output)")
    c.add_argument("--format", choices=["jsonl", "csv", "table"], default="jsonl")
    c.add_argument("--lang", default=None, help="language of the input (default: fr)")
    c.add_argument("--published", help="publication date or datetime for inputs without one")
    c.add_argument("--collected", help="date the texts were obtained (completes partial dates)")
    c.add_argument("--lexicon", action="append", metavar="DIR",
                   help="directory of lexicon files overlaid on the packaged ones (repeatable)")
    c.add_argument("--max-chars", type=int, default=1_000_000,
                   help="longest text accepted, in characters")
    _input_options(c)
    c.set_defaults(func=_code)
    g = sub.add_parser("ingest", help="code a corpus into the DuckDB store (resumable)")
    g.add_argument("inputs", nargs="+", metavar="INPUT")
    g.add_argument("--db", default="froissart.duckdb", help="DuckDB file (default: %(default)s)")
    g.add_argument("--workers", type=int, default=None, help="worker processes (default: cores)")
    g.add_argument("--batch-size", type=int, default=16)
    g.add_argument("--lang", default=None)
    g.add_argument("--lexicon", action="append", metavar="DIR")
    g.add_argument("--max-chars", type=int, default=1_000_000)
    g.add_argument("--top", type=int, default=10, help="events shown in the summary")
    g.add_argument("--quiet", action="store_true", help="no progress bar or summary table")
    g.add_argument("--strict", action="store_true", help="exit 1 when anything was quarantined")
    _input_options(g)
    g.set_defaults(func=_ingest)
    q = sub.add_parser("query", help="filter and aggregate stored events")
    q.add_argument("--db", default="froissart.duckdb")
    q.add_argument("--table", choices=["mentions", "events"], default="events")
    for name in ("actor", "source", "target", "country", "cameo", "root", "plover", "since",
                 "until", "location", "location-country", "text"):
        q.add_argument(f"--{name}")
    q.add_argument("--quad", type=int, choices=[1, 2, 3, 4])
    q.add_argument("--min-confidence", type=float)
    q.add_argument("--series", choices=["day", "week", "month", "year"],
                   help="aggregate: counts and mean Goldstein per period")
    q.add_argument("--by", choices=["dyad", "quad", "dyad-quad"], default="dyad")
    q.add_argument("--order", choices=["day", "confidence", "goldstein", "mentions"],
                   default="day")
    q.add_argument("--limit", type=int, default=50)
    q.add_argument("--offset", type=int, default=0)
    q.add_argument("--format", choices=["table", "csv", "json"], default="table")
    q.set_defaults(func=_query)
    x = sub.add_parser("export", help="export a table of the store")
    x.add_argument("--db", default="froissart.duckdb")
    x.add_argument("--table", choices=["mentions", "events", "documents"], default="mentions")
    x.add_argument("--format", choices=["parquet", "csv", "jsonl", "gdelt"], required=True)
    x.add_argument("-o", "--output", required=True)
    x.set_defaults(func=_export)
    from froissart.spark import add_arguments as spark_arguments

    k = sub.add_parser("spark", help="run the ingest pipeline as a Spark job, into Parquet")
    spark_arguments(k)
    k.set_defaults(func=_spark)
    i = sub.add_parser("import-parquet", help="load a Spark output into the DuckDB store")
    i.add_argument("dir", metavar="DIR")
    i.add_argument("--db", default="froissart.duckdb", help="DuckDB file (default: %(default)s)")
    i.set_defaults(func=_import_parquet)
    s = sub.add_parser("serve", help="serve the HTTP API and dashboard")
    s.add_argument("--db", default="froissart.duckdb", help="DuckDB file (default: %(default)s)")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8000)
    s.add_argument("--token", default=os.environ.get("FROISSART_TOKEN"),
                   help="bearer token enabling POST /api/documents (opens the database writable)")
    s.set_defaults(func=_serve)
    e = sub.add_parser("eval", help="score predicted events against gold")
    e.add_argument("gold")
    e.add_argument("pred")
    e.add_argument("--json", action="store_true")
    e.add_argument("--by-root", action="store_true")
    e.set_defaults(func=_eval)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
