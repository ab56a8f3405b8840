"""First- and second-level divisions of the world (``admin1.tsv``, ``admin2.tsv``), streets
and buildings named after a place elsewhere, and parts of a place named by a direction."""

from __future__ import annotations

import pytest

from froissart.geo import resolve
from froissart.geo.gazetteer import default_gazetteer
from froissart.geo.make_admin1 import _PREFIX, _SUFFIX, _median
from froissart.lexicon import data_path, read_tsv
from tests.geo import km


@pytest.mark.parametrize("name", ["admin1.tsv", "admin2.tsv"])
def test_division_files_are_well_formed(name):
    _, rows = read_tsv(data_path("geo", name), ("name", "aliases", "country_iso2", "lat", "lon"))
    assert len(rows) > (3000 if name == "admin1.tsv" else 10000)
    for _, row in rows:
        assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180
        assert len(row["country_iso2"]) == 2 and row["country_iso2"] != "US"


def test_first_level_divisions_resolve_near_their_centre(gaz):
    anhui = resolve("Anhui", set(), gaz)  # "Anhui Sheng" under its short name
    assert anhui.kind == "region" and anhui.country == "CN" and km(anhui, 31.8, 117.2) < 161
    java = resolve("West Java", set(), gaz)
    assert java.country == "ID" and km(java, -6.9, 107.6) < 161
    fars = resolve("Fars", set(), gaz)
    assert fars.country == "IR" and km(fars, 29.6, 52.5) < 161


def test_a_division_named_after_its_city_leaves_the_name_to_the_city(gaz):
    # Aleppo, Kano: the governorate and the state are named after the city news means
    for name, iso2 in (("Aleppo", "SY"), ("Kano", "NG")):
        e = resolve(name, set(), gaz)
        assert e.kind == "city" and e.country == iso2
    assert resolve("Niger", set(), gaz).kind == "country"  # not Nigeria's Niger State


def test_generic_division_names_are_not_indexed(gaz):
    # Ghana's "Western" region, Papua New Guinea's "Gulf" province, France's "Centre"
    for name in ("Western", "Gulf", "Centre", "Nord", "Est", "Nord-Ouest", "Littoral"):
        assert all(not e.entry_id.startswith("admin") for e in gaz.lookup(name.lower()))


def test_second_level_divisions_are_alternate_names(gaz):
    e = resolve("Eure-et-Loir", set(), gaz)  # "Departement d'Eure-et-Loir"
    assert e.country == "FR" and km(e, 48.4, 1.4) < 100
    assert ("eureetloir", e.entry_id) not in gaz.own  # below any place of that name
    # a division already known (Kent, an English county of places_en.tsv) is not doubled
    assert not any(c.entry_id.startswith("admin2:") for c in gaz.lookup("kent"))


def test_generator_helpers():
    assert _SUFFIX.sub("", "Anhui Sheng") == "Anhui"
    assert _SUFFIX.sub("", "Basra Governorate") == "Basra"
    assert _PREFIX.sub("", "Departement d'Eure-et-Loir") == "Eure-et-Loir"
    assert _PREFIX.sub("", "Muhafazat Kirkuk") == "Kirkuk"
    assert _median([3.0, 1.0, 100.0]) == 3.0 and _median([1.0, 2.0]) == 1.5


def test_streets_and_buildings_are_not_their_namesake(gaz):
    # a street or building named after a place stands elsewhere: unknown, it is at the
    # document's focus
    for name in ("Collins Avenue", "Windsor Castle", "Rogers Centre", "Hampton Avenue"):
        assert resolve(name, set(), gaz) is None
    out = gaz.resolve_document(["Collins Avenue", "Miami", "Miami Beach"])
    assert out[0] is not None and out[0].country == "US" and km(out[0], 25.79, -80.13) < 50
    # a place's institutions and divisions still back off to it
    assert resolve("Cavan Institute", set(), gaz).name == "Cavan"
    assert resolve("Osun State", set(), gaz).country == "NG"


def test_a_direction_before_a_place_is_a_part_of_it(gaz):
    assert resolve("North London", set(), gaz).name == "London"
    assert resolve("Greater Toronto Area", set(), gaz).name == "Toronto"
    assert resolve("Eastern Mediterranean", set(), gaz).kind == "water"
    wales = resolve("West Wales", set(), gaz)
    assert wales.country == "GB" and km(wales, 52.0, -4.3) < 161
    # a whole name the gazetteer holds is kept ("Western Cape", "North Carolina")
    assert resolve("Western Cape", set(), gaz).country == "ZA"
    assert resolve("North Carolina", set(), gaz).admin1 == "NC"


def test_a_region_without_a_code_qualifies_by_distance(gaz):
    # "New Quay, Ceredigion" is the Welsh village, not Newquay in Cornwall
    quay = resolve("New Quay, Ceredigion", set(), gaz)
    assert quay.country == "GB" and km(quay, 52.21, -4.36) < 20
    # a name the gazetteer lacks is placed in the region its text names
    meath = resolve("Rathbeggan, County Meath", set(), gaz)
    assert meath is not None and meath.name == "County Meath"


def test_roads_and_buildings_stand_at_the_focus(gaz):
    for names in (["A417", "Gloucester", "Gloucester", "Cheltenham"],
                  ["Brands Hatch Circuit", "Dartford", "Dartford"],
                  ["Ramor Theatre", "Cavan", "Cavan", "Dublin"]):
        out = gaz.resolve_document(names)
        assert out[0] is not None and out[0] == out[1], names
    assert gaz.resolve_document(["I-95", "Baltimore"])[0].name == "Baltimore"
    # without a place in the document, nothing
    assert gaz.resolve_document(["A417"]) == [None]


def test_find_places_keeps_foreign_second_level_divisions_out():
    from froissart.geo import _small_elsewhere

    gaz = default_gazetteer("fr")
    dis = next(e for e in gaz.lookup("addis") if e.entry_id.startswith("admin2:"))
    assert _small_elsewhere(dis, set()) and not _small_elsewhere(dis, {dis.country})
