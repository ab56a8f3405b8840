"""Command line: ``froissart code`` and ``froissart eval``."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

log = logging.getLogger("froissart")


def _code(args: argparse.Namespace) -> int:
    from froissart.output import record, write_csv, write_jsonl, write_table
    from froissart.pipeline import Pipeline
    from froissart.readers import InputError, read_inputs

    docs, errors = [], 0
    for item in read_inputs(args.inputs, args.max_chars, args.published, args.collected,
                            args.lang):
        if isinstance(item, InputError):
            errors += 1
            print(f"error: {item.doc_id} ({item.source}): {item.reason}", file=sys.stderr)
        else:
            docs.append(item)
    pipe = Pipeline(args.lang or "fr", overlays=[Path(p) for p in args.lexicon or []])
    records = []
    n_docs = 0
    for res in pipe.run(docs):
        n_docs += 1
        records.extend(record(e, pipe.res.ontology) for e in res.events)
    writer = {"jsonl": write_jsonl, "csv": write_csv, "table": write_table}[args.format]
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="") as out:
            writer(records, out)
    else:
        writer(records, sys.stdout)
    print(f"coded {n_docs} document(s), {len(records)} event(s), {errors} error(s)",
          file=sys.stderr)
    return 1 if errors else 0


def _eval(args: argparse.Namespace) -> int:
    from froissart.evaluate import format_report, read_jsonl, score

    res = score(read_jsonl(args.gold), read_jsonl(args.pred))
    if args.json:
        print(json.dumps(res, indent=2))
    else:
        print(format_report(res, args.by_root))
    return 0


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
    c.set_defaults(func=_code)
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
