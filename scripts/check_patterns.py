"""Run every pattern example and list the ones whose events differ from the expected.

    .venv/bin/python scripts/check_patterns.py [FILE.yaml ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

from froissart.events.examples import run_examples
from froissart.pipeline import Pipeline


def main() -> int:
    pipe = Pipeline()
    files = {Path(f).name for f in sys.argv[1:]}
    patterns = [p for p in pipe.res.events.all_patterns() if not files or p.file in files]
    results = run_examples(pipe, patterns)
    bad = [r for r in results if not r.ok]
    for r in bad:
        print(f"FAIL {r.pattern.file}:{r.pattern.line} {r.pattern.id}\n  {r.text}\n"
              f"  expected {sorted(r.expected)}\n  got      {sorted(r.got)}")
    print(f"{len(results) - len(bad)}/{len(results)} examples pass "
          f"({len(patterns)} patterns)")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
