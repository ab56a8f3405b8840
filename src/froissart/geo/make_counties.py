"""Regenerate ``data/geo/us_counties.tsv``: a point for each US county, parish and borough.

    pip install zipcodes  # only to regenerate; not a dependency of the package
    python -m froissart.geo.make_counties > src/froissart/data/geo/us_counties.tsv

The point is the mean of the county's ZIP code points (``zipcodes``, whose coordinates are
GeoNames' postal code points, CC BY 4.0); ``zips`` (how many ZIP codes) stands in for size.
"""

from __future__ import annotations

import sys
from collections import defaultdict

KINDS = ("County", "Parish", "Borough")


def rows() -> list[tuple[str, str, float, float, int]]:
    import zipcodes

    pts: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for z in zipcodes.list_all():
        county, lat, lon = z.get("county") or "", z.get("lat"), z.get("long")
        if (not county.endswith(KINDS) or not lat or not lon
                or z.get("zip_code_type") == "MILITARY"):
            continue
        pts[(z["state"], county)].append((float(lat), float(lon)))
    out = []
    for (state, county), ps in sorted(pts.items()):
        lat = sum(p[0] for p in ps) / len(ps)
        lon = sum(p[1] for p in ps) / len(ps)
        out.append((county, state, round(lat, 3), round(lon, 3), len(ps)))
    return out


def main() -> int:
    w = sys.stdout.write
    w("# version: 1\n")
    w("# US counties, parishes and boroughs: the mean of each one's ZIP code points\n")
    w("# (GeoNames postal codes, CC BY 4.0, via the zipcodes package); zips: ZIP code count.\n")
    w("# Regenerate with: python -m froissart.geo.make_counties\n")
    w("name\tstate\tlat\tlon\tzips\n")
    for county, state, lat, lon, n in rows():
        w(f"{county}\t{state}\t{lat}\t{lon}\t{n}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
