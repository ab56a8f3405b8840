"""The embedded gazetteer: exonyms, regions, and disambiguation by context."""

from __future__ import annotations

from froissart.geo import resolve


def test_paris_france_by_default_and_texas_in_us_context(gaz):
    fr = resolve("Paris", set(), gaz)
    assert fr is not None and fr.country == "FR" and abs(fr.lat - 48.85) < 0.1
    # a national capital holds against a bare country context ...
    assert resolve("Paris", {"US"}, gaz).country == "FR"
    # ... but not against the state the document names, nor an explicit qualifier
    us = resolve("Paris", {"US", "US-TX"}, gaz)
    assert us is not None and us.country == "US" and us.admin1 == "TX"
    assert abs(us.lat - 33.66) < 0.1
    assert resolve("Paris, Texas", set(), gaz).admin1 == "TX"
    assert resolve("Lancaster", {"US", "US-PA"}, gaz).admin1 == "PA"


def test_french_exonyms(gaz):
    pekin = resolve("Pékin", set(), gaz)
    assert pekin is not None and pekin.country == "CN" and abs(pekin.lon - 116.4) < 0.5
    assert resolve("Moscou", set(), gaz).country == "RU"
    londres = resolve("Londres", set(), gaz)
    assert londres.country == "GB" and abs(londres.lat - 51.5) < 0.2


def test_regions_and_countries(gaz):
    cis = resolve("Cisjordanie", set(), gaz)
    assert cis is not None and cis.country == "PS" and cis.kind != "city"
    goa = resolve("Goa", {"IN"}, gaz)
    assert goa is not None and goa.country == "IN" and abs(goa.lat - 15.3) < 1
    assert resolve("the United States", set(), gaz).kind == "country"
    assert resolve("Russian", set(), gaz).country == "RU"


def test_us_states_by_context(gaz):
    assert resolve("Georgia", set(), gaz).country == "GE"
    ga = resolve("Georgia", {"US"}, gaz)
    assert ga.country == "US" and ga.admin1 == "GA" and ga.kind == "region"
    la = resolve("Alexandria, La.", set(), gaz)
    assert la.country == "US" and la.admin1 == "LA"
    assert resolve("Alexandria", set(), gaz).country == "EG"
    assert resolve("Washington", set(), gaz).admin1 == "DC"


def test_unknown_name(gaz):
    assert resolve("Xqzzyville", {"FR"}, gaz) is None
