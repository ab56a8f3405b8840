"""French exonyms of towns (``data/geo/places_fr.tsv``): the forms of French wire copy that
the GeoNames names lack or give to another place, and the ambiguous names left to context."""

from __future__ import annotations

import pytest

from froissart.geo import resolve
from froissart.lexicon import data_path, read_tsv
from tests.geo import km


@pytest.mark.parametrize("name, iso2, lat, lon", [
    ("Zaporijia", "UA", 47.84, 35.14),
    ("Tombouctou", "ML", 16.77, -3.01),  # the town, not the region of Tombouctou
    ("Odessa", "UA", 46.48, 30.73),
    ("Mykolaïv", "UA", 46.97, 32.00),
    ("Sloviansk", "UA", 48.85, 37.60),
    ("El-Facher", "SD", 13.63, 25.35),
    ("Mazar-i-Charif", "AF", 36.71, 67.11),
    ("Venise", "IT", 45.44, 12.33),
    ("Calcutta", "IN", 22.57, 88.36),
    ("La Valette", "MT", 35.90, 14.51),
    ("Chittagong", "BD", 22.34, 91.83),
])
def test_french_exonyms(gaz, name, iso2, lat, lon):
    e = resolve(name, set(), gaz)
    assert e is not None and e.country == iso2 and km(e, lat, lon) < 15


def test_names_geonames_already_holds_are_unchanged(gaz):
    assert resolve("Mossoul", set(), gaz).country == "IQ"
    assert resolve("Pékin", set(), gaz).country == "CN"
    assert resolve("Bakhmout", set(), gaz).country == "UA"


def test_ambiguous_french_names_still_follow_context(gaz):
    assert resolve("Tripoli", {"LB"}, gaz).country == "LB"
    assert resolve("Tripoli", {"LY"}, gaz).country == "LY"
    assert resolve("Vienne", {"AT"}, gaz).country == "AT"
    assert resolve("Vienne", {"FR"}, gaz).country == "FR"
    assert resolve("Valence", {"ES"}, gaz).country == "ES"
    assert resolve("Valence", {"FR"}, gaz).country == "FR"


def test_rows_are_well_formed():
    _, rows = read_tsv(data_path("geo", "places_fr.tsv"), ("name", "country_iso2", "lat", "lon"))
    seen = set()
    for _, row in rows:
        assert row["name"] not in seen
        seen.add(row["name"])
        assert len(row["country_iso2"]) == 2 and row["kind"] == "city"
        assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180
