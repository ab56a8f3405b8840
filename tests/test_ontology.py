import csv

from froissart.ontology import Ontology
from tests.conftest import SHARED, needs_shared


def test_every_code_has_root_quad_class_and_goldstein():
    onto = Ontology.load()
    assert len(onto.codes) >= 300
    c = onto.get("0311")
    assert (c.root, c.quad_class, c.plover) == ("03", 1, "AGREE")
    assert onto.get("195").quad_class == 4 and onto.get("195").goldstein < -9
    assert onto.get("057").quad_class == 2
    assert onto.get("111").quad_class == 3


@needs_shared("data", "cameo", "icews_cameo-codes.utf8.csv")
def test_names_and_weights_agree_with_the_public_codebooks():
    onto = Ontology.load()
    with open(SHARED / "data" / "cameo" / "icews_cameo-codes.utf8.csv", encoding="utf-8") as fh:
        names = {r["code"]: r["name"].strip() for r in csv.DictReader(fh)}
    assert set(names) == set(onto.codes)
    assert all(onto.get(c).name == n for c, n in names.items())
    lines = (SHARED / "data" / "cameo" / "gdelt_CAMEO.goldsteinscale.txt").read_text().split("\n")
    gdelt = dict(line.split() for line in lines[1:] if line.strip())
    for code, weight in gdelt.items():
        if code in onto.codes:
            assert onto.get(code).goldstein == float(weight), code


@needs_shared("data", "plover", "CAMEO2PLOVER-2021.txt")
def test_plover_types_agree_with_the_crosswalk():
    onto = Ontology.load()
    text = (SHARED / "data" / "plover" / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8")
    seen = set()
    for line in text.splitlines():
        head, _, rest = line.partition(":")
        if head.isdigit() and head in onto.codes and rest.strip() and head not in seen:
            seen.add(head)  # the crosswalk lists root 08 twice; the first entry counts
            assert onto.get(head).plover == rest.split(",")[0].split("#")[0].strip().upper(), head
    assert len(seen) > 250
