"""Generate src/froissart/web/static/world.json: simplified country outlines for the map.

    pip download geopandas==0.14.4 --no-deps -d /tmp/gpd && unzip ...whl 'geopandas/datasets/*'
    .venv/bin/python scripts/build_world.py \
        /tmp/gpd/geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp

The source is Natural Earth 1:110m admin 0 (public domain) as shipped by geopandas < 1.0;
reading it needs ``pyshp``. Output: one SVG path a country, equirectangular, viewBox
``0 0 360 180`` (x = lon + 180, y = 90 - lat), rings simplified (Douglas-Peucker) and
rounded to 0.1 degree, so the dashboard draws the map offline with no library.
"""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "froissart" / "web" / "static" / "world.json"


def simplify(points: list[tuple[float, float]], tol: float) -> list[tuple[float, float]]:
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (x1, y1), (x2, y2) = points[a], points[b]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        best, idx = 0.0, -1
        for k in range(a + 1, b):
            x, y = points[k]
            d = (abs(dy * (x - x1) - dx * (y - y1)) / norm if norm > 1e-9
                 else ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5)  # closed ring: a == b
            if d > best:
                best, idx = d, k
        if best > tol and idx > 0:
            keep[idx] = True
            stack += [(a, idx), (idx, b)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def main() -> int:
    import shapefile  # pyshp

    reader = shapefile.Reader(sys.argv[1])
    names = [getattr(f, "name", None) or f[0] for f in reader.fields[1:]]
    countries = []
    for sr in reader.iterShapeRecords():
        rec = dict(zip(names, sr.record, strict=True))
        pts, parts = sr.shape.points, [*sr.shape.parts, len(sr.shape.points)]
        d = []
        for a, b in itertools.pairwise(parts):
            ring = simplify([(x + 180, 90 - y) for x, y in pts[a:b]], 0.15)
            ring = [(round(x, 1), round(y, 1)) for x, y in ring]
            ring = [p for k, p in enumerate(ring) if k == 0 or p != ring[k - 1]]
            if len(ring) < 4:
                continue
            d.append("M" + "L".join(f"{x:g},{y:g}" for x, y in ring) + "Z")
        if d:
            countries.append({"iso": rec.get("iso_a3"), "name": rec.get("name"),
                              "d": "".join(d)})
    OUT.write_text(json.dumps({"source": "Natural Earth 1:110m (public domain)",
                               "viewBox": [0, 0, 360, 180], "countries": countries},
                              separators=(",", ":")), encoding="utf-8")
    print(f"{len(countries)} countries, {OUT.stat().st_size} bytes -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
