import json
import subprocess
import sys

from froissart.evaluate import score
from tests.conftest import SHARED, needs_shared

GOLD = [{"doc_id": "d1", "events": [
    {"source": "CHNGOV", "target": "RUS", "cameo": "030", "date": "2023-05-04",
     "location": {"name": "Goa", "country": "IN"}},
    {"source": "RUS", "target": "CHN", "cameo": "0311", "date": "2023-05", "location": None},
    {"source": "CHN", "target": "IGOSCO", "cameo": "030", "optional": True},
]}, {"doc_id": "d2", "events": [{"source": "FRA", "target": "DEU", "cameo": "111"}]}]
PRED = [
    {"doc_id": "d1", "source_code": "CHNGOV", "target_code": "RUSGOV", "cameo": "030",
     "date": "2023-05-04", "location_country": "IN"},
    {"doc_id": "d1", "source_code": "RUS", "target_code": "CHN", "cameo": "031",
     "date": "2023-05-02"},
    {"doc_id": "d1", "source_code": "CHN", "target_code": "IGOSCO", "cameo": "030"},
    {"doc_id": "d2", "source_code": "FRA", "target_code": "DEU", "cameo": "112"},
    {"doc_id": "d2", "source_code": "DEU", "target_code": "FRA", "cameo": "111"},
]


def test_levels_optional_events_and_accuracies():
    res = score(GOLD, PRED)
    assert (res["root"]["tp"], res["root"]["fp"], res["root"]["fn"]) == (3, 1, 0)
    assert (res["code"]["tp"], res["code"]["fp"], res["code"]["fn"]) == (1, 3, 2)
    assert res["full"]["tp"] == 0
    assert res["date_accuracy"] == 1.0 and res["location_accuracy"] == 1.0


@needs_shared("eval", "score.py")
def test_agrees_with_the_reference_scorer(tmp_path):
    gold, pred = tmp_path / "g.jsonl", tmp_path / "p.jsonl"
    gold.write_text("".join(json.dumps(g) + "\n" for g in GOLD))
    pred.write_text("".join(json.dumps(p) + "\n" for p in PRED))
    out = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(gold), str(pred),
                          "--json"], capture_output=True, text=True, check=True)
    ref = json.loads(out.stdout)
    ours = score(GOLD, PRED)
    for level in ("root", "code", "full"):
        for k in ("precision", "recall", "f1", "tp", "fp", "fn"):
            assert ours[level][k] == ref[level][k], (level, k)
    assert ours["date_accuracy"] == ref["date_accuracy"]
    assert ours["location_accuracy"] == ref["location_accuracy"]
