"""Toponym resolution (geocoding) accuracy@161 km of the embedded gazetteer.

    .venv/bin/python bench/geoparsing.py [--limit N] [--errors FILE]

Data: ../shared/data/geoparsing (see its README.txt): GeoWebNews (GWN.xml), LGL (lgl.xml),
TR-News and GeoVirus, English news with gold toponym offsets and coordinates. Each gold
toponym that has coordinates is resolved with ``Gazetteer.resolve_document`` together with
the article's other gold toponyms: in the context of the countries and US states they name,
the article's most frequent country (its dateline country, in effect), and the points of
the cities and counties they name. A "City, State" or "City, Country" written right after
the toponym is used as its qualifier. No parser is involved: this measures resolution, not
recognition. A toponym that is not in the gazetteer counts as wrong; "resolved" is the share
found at all. "acc+focus" is the accuracy when a toponym the gazetteer lacks (a street, a
building) is given the article's focus (``resolve_document(..., fallback=True)``).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import SHARED, machine, stamp

from froissart.geo.distance import km

DATA = SHARED / "data" / "geoparsing"
KM = 161.0
_QUALIFIER = re.compile(r",\s*((?:[A-Z][\w.]*\.?)(?:\s+[A-Z][\w.]*)?)")

Gold = tuple[str, int, int, float, float]  # name, start, end, lat, lon


def _f(el: ET.Element | None) -> float | None:
    try:
        return float(el.text) if el is not None and el.text else None
    except ValueError:
        return None


def load_gwn(path: Path) -> list[tuple[str, list[Gold]]]:
    out = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        golds = []
        for t in art.iter("toponym"):
            lat, lon = _f(t.find("latitude")), _f(t.find("longitude"))
            if lat is None or lon is None:
                continue
            s, e = int(t.findtext("start")), int(t.findtext("end"))
            golds.append((t.findtext("extractedName") or text[s:e], s, e, lat, lon))
        out.append((text, golds))
    return out


def load_lgl(path: Path) -> list[tuple[str, list[Gold]]]:
    """lgl.xml and TR-News.xml share a schema."""
    out = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        golds = []
        for t in art.iter("toponym"):
            g = t.find("gaztag")
            if g is None:
                continue
            lat, lon = _f(g.find("lat")), _f(g.find("lon"))
            if lat is None or lon is None:
                continue
            s, e = int(t.findtext("start")), int(t.findtext("end"))
            golds.append((t.findtext("phrase") or text[s:e], s, e, lat, lon))
        out.append((text, golds))
    return out


def load_geovirus(path: Path) -> list[tuple[str, list[Gold]]]:
    out = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        golds = []
        for t in art.iter("location"):
            lat, lon = _f(t.find("lat")), _f(t.find("lon"))
            if lat is None or lon is None:
                continue
            s, e = int(t.findtext("start")), int(t.findtext("end"))
            golds.append((t.findtext("name") or text[s:e], s, e, lat, lon))
        out.append((text, golds))
    return out


DATASETS = {
    "GeoWebNews": ("GWN.xml", load_gwn),
    "LGL": ("lgl.xml", load_lgl),
    "TR-News": ("TR-News.xml", load_lgl),
    "GeoVirus": ("GeoVirus.xml", load_geovirus),
}


def query(text: str, name: str, end: int) -> str:
    """The toponym, with the qualifier of "City, State" when the text has one."""
    m = _QUALIFIER.match(text, end)
    return f"{name}, {m.group(1)}" if m else name


def evaluate(gaz, articles, errors: list[str] | None = None,
             fallback: bool = False) -> tuple[int, int, int]:
    right = found = total = 0
    for text, golds in articles:
        queries = [query(text, n, e) for n, _, e, _, _ in golds]
        entries = gaz.resolve_document(queries, fallback=fallback)
        for (name, _s, _end, lat, lon), q, e in zip(golds, queries, entries, strict=True):
            total += 1
            if e is None:
                if errors is not None:
                    errors.append(f"MISS\t{name}")
                continue
            found += 1
            d = km(e.lat, e.lon, lat, lon)
            if d <= KM:
                right += 1
            elif errors is not None:
                errors.append(f"WRONG\t{name}\t{e.name},{e.country},{e.admin1},{e.kind}\t"
                              f"{d:.0f} km\t{q}")
    return right, found, total


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0, help="articles per dataset (0: all)")
    ap.add_argument("--errors", type=Path, help="write the misses and wrong answers here")
    args = ap.parse_args()
    present = {n: DATA / f for n, (f, _) in DATASETS.items() if (DATA / f).exists()}
    if not present:
        print(f"geoparsing: {DATA} is absent; nothing to measure")
        return 0
    from froissart.geo.gazetteer import default_gazetteer

    t0 = time.perf_counter()
    gaz = default_gazetteer("fr")
    build = time.perf_counter() - t0
    print(f"# geoparsing {stamp()} on {machine()}")
    print(f"gazetteer: {len(gaz.index)} names, loaded in {build:.1f} s")
    print(f"{'dataset':<12} {'toponyms':>8} {'resolved':>9} {'acc@161km':>10} {'acc+focus':>10}")
    errors: list[str] | None = [] if args.errors else None
    R = F = T = RF = 0
    for name, path in present.items():
        articles = DATASETS[name][1](path)
        if args.limit:
            articles = articles[: args.limit]
        if errors is not None:
            errors.append(f"## {name}")
        r, f, t = evaluate(gaz, articles, errors)
        rf, _, _ = evaluate(gaz, articles, fallback=True)
        R, F, T, RF = R + r, F + f, T + t, RF + rf
        print(f"{name:<12} {t:>8} {f / max(t, 1):>9.3f} {r / max(t, 1):>10.3f}"
              f" {rf / max(t, 1):>10.3f}")
    print(f"{'overall':<12} {T:>8} {F / max(T, 1):>9.3f} {R / max(T, 1):>10.3f}"
          f" {RF / max(T, 1):>10.3f}")
    if args.errors and errors is not None:
        args.errors.write_text("\n".join(errors) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
