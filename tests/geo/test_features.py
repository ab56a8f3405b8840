"""Physical features (rivers, seas, ranges, islands), airports, macro-regions with their French
names, seats of institutions, and the ranking rules that keep them from hijacking cities."""

from __future__ import annotations

from froissart.geo import resolve
from froissart.geo.make_airports import airport_rows
from froissart.lexicon import data_path, read_tsv
from tests.geo import km


def test_airports_resolve_near_their_city(gaz):
    lhr = resolve("Heathrow Airport", set(), gaz)
    assert lhr is not None and km(lhr, 51.47, -0.45) < 10
    iad = resolve("Dulles International Airport", set(), gaz)
    assert iad.kind == "airport" and km(iad, 38.95, -77.46) < 10
    assert resolve("Washington Dulles International Airport", set(), gaz) == iad
    assert km(resolve("O'Hare", set(), gaz), 41.98, -87.90) < 10  # a one-word core alone
    logan = resolve("Boston Airport", set(), gaz)  # the city's form
    assert logan.kind == "airport" and km(logan, 42.36, -71.01) < 20
    narita = resolve("aéroport de Narita", set(), gaz)  # French form
    assert narita.kind == "airport" and narita.country == "JP"
    yul = resolve("Pierre Elliott Trudeau International Airport", set(), gaz)
    assert yul.country == "CA" and km(yul, 45.47, -73.74) < 10


def test_airports_do_not_hijack_cities(gaz):
    for name, lat, lon in [("London", 51.51, -0.13), ("Paris", 48.86, 2.35),
                           ("Tokyo", 35.69, 139.69), ("Chicago", 41.85, -87.65),
                           ("Dublin", 53.33, -6.25), ("Orly", 48.74, 2.39)]:
        e = resolve(name, set(), gaz)
        assert e.kind == "city" and km(e, lat, lon) < 15, name
    # an airport's one-word core ("Heathrow") is never also a place's name ...
    bare = 0
    for k, cands in gaz.index.items():
        airports = [c for c in cands if c.kind == "airport" and (k, c.entry_id) not in gaz.own]
        if airports:
            bare += 1
            assert all(c.kind == "airport" for c in cands), k
    assert bare > 500
    # ... yet names the airport alone
    assert resolve("Schiphol", set(), gaz).country == "NL"


def test_rivers_at_their_mouth_with_french_names(gaz):
    nile = resolve("the Nile", set(), gaz)
    assert nile.kind == "river" and km(nile, 31.3, 31.0) < 100  # the delta
    assert resolve("le Nil", set(), gaz) == nile
    assert resolve("Nile River", set(), gaz) == nile
    kaveri = resolve("Cauvery", set(), gaz)
    assert kaveri.kind == "river" and kaveri.country == "IN"
    thames = resolve("Thames", set(), gaz)  # not Thames, New Zealand
    assert thames.kind == "river" and thames.country == "GB"
    assert resolve("River Thames", set(), gaz) == thames
    # a bare river name stays below a place of that name
    assert resolve("Orange", {"US"}, gaz).kind == "city"
    assert resolve("Orange River", set(), gaz).kind == "river"
    assert resolve("Mississippi", set(), gaz).kind == "region"
    assert resolve("Mississippi River", set(), gaz).kind == "river"
    assert resolve("Niger", set(), gaz).kind == "country"
    assert resolve("Jordan", set(), gaz).kind == "country"


def test_seas_lakes_ranges_islands(gaz):
    red = resolve("la mer Rouge", set(), gaz)
    assert red.kind == "water" and red.name == "Red Sea"  # not Mer Rouge, Louisiana
    assert resolve("Red Sea", {"US"}, gaz) == red
    leman = resolve("lac Léman", set(), gaz)
    assert leman.kind == "water" and km(leman, 46.2, 6.15) < 50
    assert resolve("Lake Geneva", set(), gaz) == leman
    alps = resolve("les Alpes", set(), gaz)
    assert alps.kind == "landform" and resolve("Alps", set(), gaz) == alps
    assert resolve("Himalayas", set(), gaz).kind == "landform"
    assert km(resolve("Mount Everest", set(), gaz), 27.99, 86.93) < 10
    assert resolve("Strait of Hormuz", set(), gaz) == resolve("détroit d'Ormuz", set(), gaz)
    assert resolve("Borneo", set(), gaz).kind == "island"
    assert resolve("Gulf of Aden", set(), gaz).kind == "water"


def test_macro_regions_in_french_and_before_villages(gaz):
    me = resolve("Middle East", {"US"}, gaz)  # not Middle East, Maryland
    assert me.kind == "area" and me.country == ""
    assert resolve("Moyen-Orient", set(), gaz) == me
    # a village still wins in a story about its own state
    assert resolve("Elba", set(), gaz).kind == "island"
    assert resolve("Elba", {"US", "US-AL"}, gaz).admin1 == "AL"
    assert resolve("Afrique du Nord", set(), gaz) == resolve("North Africa", set(), gaz)
    assert resolve("Asie du Sud-Est", set(), gaz).name == "Southeast Asia"
    assert resolve("Amérique latine", set(), gaz).name == "Latin America"
    assert resolve("golfe Persique", set(), gaz).name == "Persian Gulf"
    assert resolve("Méditerranée", set(), gaz).name == "Mediterranean"
    assert resolve("Maghreb", set(), gaz).kind == "area"
    assert resolve("Belgian", set(), gaz).country == "BE"


def test_institution_seats(gaz):
    ec = resolve("European Commission", set(), gaz)
    assert ec.country == "BE" and km(ec, 50.85, 4.35) < 10
    assert resolve("Commission européenne", set(), gaz) == ec
    assert resolve("Banque centrale européenne", set(), gaz).country == "DE"


def test_saint_forms_are_own_names_and_areas_name_their_country(gaz):
    # "St. Petersburg" is as much the Russian city's name as Florida's
    assert resolve("St. Petersburg", {"RU", "US"}, gaz).country == "RU"
    assert resolve("St. Petersburg", {"US", "US-FL"}, gaz).admin1 == "FL"
    # "Northern Ireland" (a region without a first-level code) puts GB in the context
    out = gaz.resolve_document(["Derry", "Northern Ireland", "America", "America"])
    assert out[0].country == "GB"


def test_data_files_are_well_formed():
    _, rows = read_tsv(data_path("geo", "features.tsv"), ("name", "lat", "lon", "kind"))
    kinds = {"river", "water", "landform", "island", "area"}
    seen = set()
    for _, r in rows:
        assert r["kind"] in kinds and -90 <= float(r["lat"]) <= 90
        assert -180 <= float(r["lon"]) <= 180
        assert (r["name"], r["country_iso2"]) not in seen
        seen.add((r["name"], r["country_iso2"]))
    codes = [r["iata"] for r in airport_rows()]
    assert len(codes) > 5000 and len(codes) == len(set(codes))
