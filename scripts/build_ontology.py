"""Regenerate src/froissart/data/ontology/cameo.tsv from public codebook facts.

Reads the CAMEO codebook (names, ICEWS descriptions), the GDELT Goldstein table and the
2021 CAMEO->PLOVER crosswalk from ``../shared/data`` and writes one TSV row per code.
Run by hand when the sources change; the output is committed and tested against them.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
OUT = ROOT / "src" / "froissart" / "data" / "ontology" / "cameo.tsv"


def quad_class(root: str) -> int:
    """GDELT QuadClass of a CAMEO root.

    1 verbal cooperation (01-04), 2 material cooperation (05-08), 3 verbal conflict (09-13),
    4 material conflict (14-20).
    """
    r = int(root)
    if r <= 4:
        return 1
    if r <= 8:
        return 2
    if r <= 13:
        return 3
    return 4


def main() -> int:
    names: dict[str, str] = {}
    with open(SHARED / "cameo" / "icews_cameo-codes.utf8.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            names[row["code"].strip()] = row["name"].strip()
    goldstein: dict[str, float] = {}
    with open(SHARED / "cameo" / "gdelt_CAMEO.goldsteinscale.txt", encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            code, weight = line.split()
            goldstein[code] = float(weight)
    plover: dict[str, tuple[str, str]] = {}
    crosswalk = (SHARED / "plover" / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8")
    for line in crosswalk.splitlines():
        m = re.match(r"^(\d{2,4}):\s*([^#]*)", line)
        if not m:
            continue
        parts = [p.strip() for p in m.group(2).split(",")]
        event = parts[0].upper()
        mode = parts[1] if len(parts) > 1 else ""
        plover.setdefault(m.group(1), (event, mode))  # "08" is listed twice: first wins
    rows = []
    for code in sorted(names, key=lambda c: (c[:2], c)):
        root = code[:2]
        gs = goldstein.get(code, goldstein.get(code[:3], goldstein.get(root, 0.0)))
        ev, mode = plover.get(code) or plover.get(code[:3]) or plover.get(root) or ("", "")
        if not ev and root == "02":
            # The 2021 crosswalk drops CAMEO 02 (appeals); PLOVER folds them into REQUEST.
            ev, mode = "REQUEST", ""
        # CAMEO 01 (public statements) has no PLOVER event: left empty on purpose.
        rows.append((code, names[code], root, quad_class(root), gs, ev, mode))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        fh.write("# version: 1\n# CAMEO codes: name (CAMEO 1.1b3), root, GDELT QuadClass,"
                 " GDELT Goldstein weight, PLOVER event and mode (crosswalk 2021)\n")
        fh.write("code\tname\troot\tquad_class\tgoldstein\tplover\tplover_mode\n")
        for r in rows:
            fh.write("\t".join(str(x) for x in r) + "\n")
    print(f"wrote {len(rows)} codes to {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
