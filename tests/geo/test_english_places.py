"""English toponyms: small places, counties, UK nations, demonyms, facilities, and the
document-level resolution (context, nearby places, focus fallback)."""

from __future__ import annotations

from froissart.geo import resolve
from froissart.geo.gazetteer import SMALL
from tests.geo import km


def test_small_places_are_known_but_ranked_below_big_ones(gaz):
    # Chiefland, Florida (about 2,000 people) is in the gazetteer now (cities500) ...
    chief = resolve("Chiefland", set(), gaz)
    assert chief is not None and chief.country == "US" and chief.admin1 == "FL"
    assert chief.population < SMALL
    # ... and a qualifier or a state context picks a small place over a big namesake
    assert resolve("St. Paris", {"US", "US-OH"}, gaz).admin1 == "OH"
    assert resolve("ST. PARIS", {"US", "US-OH"}, gaz).name == "Saint Paris"
    assert resolve("Toronto", {"US"}, gaz).country == "CA"
    assert resolve("Toronto", {"CA"}, gaz).country == "CA"


def test_us_counties(gaz):
    oc = resolve("Orange County", {"US", "US-CA"}, gaz)
    assert oc.kind == "county" and oc.admin1 == "CA" and km(oc, 33.7, -117.8) < 50
    laurel = resolve("Laurel County", set(), gaz)
    assert laurel.kind == "county" and laurel.admin1 == "KY"
    assert resolve("Laurel Co.", set(), gaz) == laurel
    # a county's bare name does not hide a city of that name
    assert resolve("Orange", {"US", "US-CA"}, gaz).kind == "city"


def test_uk_nations_and_english_regions(gaz):
    eng = resolve("England", set(), gaz)
    assert eng.kind == "region" and eng.country == "GB" and km(eng, 52.5, -1.5) < 100
    assert resolve("Wales", set(), gaz).kind == "region"
    assert resolve("English", set(), gaz) == eng  # not the town of English, Indiana
    assert resolve("BC", set(), gaz).name == "British Columbia"
    assert resolve("Écosse", set(), gaz).country == "GB"  # the French name still works
    assert resolve("Royaume-Uni", set(), gaz).kind == "country"
    assert resolve("Atlantic", {"US"}, gaz).kind == "water"  # not Atlantic, Iowa


def test_demonyms_and_unions(gaz):
    assert resolve("Mexican", set(), gaz).country == "MX"
    assert resolve("Canadian", set(), gaz).country == "CA"  # not Canadian, Texas
    assert resolve("Hungarian", set(), gaz).country == "HU"
    assert resolve("Norwegian", set(), gaz).country == "NO"
    assert resolve("Czechs", set(), gaz).country == "CZ"
    assert resolve("Ohioans", set(), gaz).admin1 == "OH"
    assert resolve("EU", set(), gaz).kind == "continent"  # not Eu, Normandy
    assert resolve("Russian Federation", set(), gaz).country == "RU"


def test_abbreviations_and_facilities(gaz):
    assert resolve("Kan.", set(), gaz).admin1 == "KS"
    assert resolve("NJ", set(), gaz).admin1 == "NJ"
    la = resolve("L.A.", set(), gaz)
    assert la.kind == "city" and km(la, 34.05, -118.24) < 30
    assert resolve("Cavan Institute", set(), gaz).country == "IE"
    assert resolve("University of California", set(), gaz).admin1 == "CA"
    assert resolve("Osun State", set(), gaz).country == "NG"
    assert resolve("Birmingham City", set(), gaz).country == "GB"
    nyc = resolve("New York", {"US"}, gaz)
    assert nyc.kind == "city" and km(nyc, 40.71, -74.0) < 20
    assert resolve("Royal Street", set(), gaz) is None


def test_resolve_document_uses_the_other_places(gaz):
    # "Dublin" among Ohio places is Dublin, Ohio; alone it is Ireland's capital
    doc = ["Columbus", "Dublin", "Franklin County", "Ohio"]
    dublin = gaz.resolve_document(doc)[1]
    assert dublin.country == "US" and dublin.admin1 == "OH"
    assert gaz.resolve_document(["Dublin"])[0].country == "IE"
    # an unknown name is left unresolved, unless the focus fallback is asked for
    doc = ["New Orleans", "Faubourg Marigny", "New Orleans", "Louisiana"]
    plain = gaz.resolve_document(doc)
    assert plain[1] is None and plain[0].admin1 == "LA"
    focus = gaz.resolve_document(doc, fallback=True)
    assert focus[1] == focus[0] and len(focus) == 4


def test_french_place_with_a_hyphen_and_no_foreign_village(gaz):
    from froissart.geo import find_places
    from froissart.syntax import Tree
    from tests.conftest import make_sentence

    rows = [  # "Le ministre est arrivé à Addis - Abeba ." (a tokenizer that splits hyphens)
        ("Le", "le", "DET", "det", 1), ("ministre", "ministre", "NOUN", "nsubj", 3),
        ("est", "être", "AUX", "aux:tense", 3), ("arrivé", "arriver", "VERB", "ROOT", 3),
        ("à", "à", "ADP", "case", 5), ("Addis", "Addis", "PROPN", "obl:mod", 3, "LOC"),
        ("-", "-", "PUNCT", "punct", 5), ("Abeba", "Abeba", "PROPN", "flat:name", 5, "LOC"),
        (".", ".", "PUNCT", "punct", 3),
    ]
    _, sent = make_sentence(rows)
    places = [p for _, p in find_places(Tree(sent), gaz, set())]
    assert [(p.name, p.country) for p in places] == [("Addis Ababa", "ET")]
    # "Addis" alone is only a Louisiana village: no place for a story that is not American
    _, sent = make_sentence(rows[:6] + rows[8:])
    assert find_places(Tree(sent), gaz, set()) == []
    assert [p.country for _, p in find_places(Tree(sent), gaz, {"US"})] == ["US"]


def test_resolve_document_chooses_the_names_together(gaz):
    # two ambiguous names pull each other to the pair that lies together
    athens, clarke = gaz.resolve_document(["Athens", "Clarke County", "Athens"])[:2]
    assert (athens.admin1, clarke.admin1) == ("GA", "GA")  # not Athens, Alabama
    # an unambiguous third name decides between two such pairs
    doc = ["Walker County", "Huntsville", "Walker County", "Houston"]
    walker, hunts = gaz.resolve_document(doc)[:2]
    assert (walker.admin1, hunts.admin1) == ("TX", "TX")
    # "Georgia" is the state among US places, and Atlanta is its capital
    out = gaz.resolve_document(["Georgia", "Atlanta", "America", "Texas", "Atlanta"])
    assert out[0].kind == "region" and out[1].admin1 == "GA"


def test_countries_and_states_before_villages_and_counties(gaz):
    out = gaz.resolve_document(["Houston, Texas", "China", "Texas", "China", "U.S."])
    assert out[1].kind == "country" and out[1].country == "CN"
    out = gaz.resolve_document(["Mexico", "Mexico City", "Oaxaca", "Mexico"])
    assert out[0].kind == "country" and out[1].kind == "city"
    doc = ["Boone County", "Indiana", "Hendricks", "Ohio", "Kentucky", "Michigan"]
    assert gaz.resolve_document(doc)[3].kind == "region"
    assert resolve("Palestine", {"US", "US-TX"}, gaz).admin1 == "TX"  # a town of 18,000


def test_one_sense_per_document_and_lists(gaz):
    out = gaz.resolve_document(["Paris, Tenn.", "Paris"])
    assert out[1] == out[0] and out[1].admin1 == "TN"
    # "Washington, New York" is a list: not Washington County, New York
    assert resolve("Washington, New York", {"US"}, gaz).kind != "county"
    # "Washington, D.C." then "Washington": the state may still be meant
    out = gaz.resolve_document(["Washington, D.C.", "Washington", "Wash."])
    assert out[0].admin1 == "DC"


def test_state_abbreviations_and_demonyms_without_a_dot(gaz):
    assert resolve("Calif", set(), gaz).admin1 == "CA"
    assert resolve("Texan", set(), gaz).admin1 == "TX"
    assert resolve("Indian", set(), gaz).country == "IN"  # the country, not Indiana


def test_a_street_the_gazetteer_lacks_stands_in_the_storys_main_place(gaz):
    names = ["New Orleans", "Royal Street", "New Orleans", "Flobbertown"]
    got = gaz.resolve_document(names)
    assert got[1] is not None and km(got[1], 29.95, -90.07) < 50  # Royal Street: New Orleans
    assert got[3] is None  # an unknown name not shaped like a facility stays unresolved


def test_landmarks_that_stand_for_their_city(gaz):
    for name, lat, lon in [("White House", 38.90, -77.04), ("Kremlin", 55.75, 37.62),
                           ("Downing Street", 51.50, -0.13)]:
        e = resolve(name, set(), gaz)
        assert e is not None and km(e, lat, lon) < 20, name
