"""The command line end to end, with the real French model."""

import json
import subprocess
import sys

from froissart.evaluate import score
from tests.conftest import SHARED, needs_shared

CLI = [sys.executable, "-m", "froissart.cli"]


def run(*args, cwd=None):
    return subprocess.run([*CLI, *args], capture_output=True, text=True, cwd=cwd)


def test_bad_input_is_reported_and_the_rest_is_coded(tmp_path):
    (tmp_path / "good.txt").write_text(
        "Le président turc a rencontré jeudi à Ankara le Premier ministre hongrois.\n",
        encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"id": "x", "text": "Bonjour."}\n{oops\n', encoding="utf-8")
    out = tmp_path / "ev.jsonl"
    res = run("code", str(tmp_path / "good.txt"), str(tmp_path / "empty.txt"),
              str(tmp_path / "c.jsonl"), "--published", "2024-03-15", "-o", str(out))
    assert res.returncode == 1
    assert "error: empty (" in res.stderr and "empty text" in res.stderr
    assert "error: c:2 (" in res.stderr and "malformed JSON" in res.stderr
    assert "coded 2 document(s)" in res.stderr
    events = [json.loads(line) for line in out.read_text().splitlines()]
    assert {(e["source_code"], e["target_code"], e["cameo"]) for e in events} >= {
        ("TURGOV", "HUNGOV", "040")}
    assert all(e["doc_id"] == "good" and e["date"] == "2024-03-14" for e in events)


def test_csv_and_table_formats(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("Le président turc a rencontré jeudi le Premier ministre hongrois.",
                   encoding="utf-8")
    res = run("code", str(src), "--published", "2024-03-15", "--format", "csv")
    assert res.returncode == 0
    header = res.stdout.splitlines()[0].split(",")
    assert header[:3] == ["doc_id", "event_id", "source_code"] and "goldstein" in header
    res = run("code", str(src), "--published", "2024-03-15", "--format", "table")
    assert "TURGOV" in res.stdout and "evidence" in res.stdout.splitlines()[0]


@needs_shared("seed", "xinhua-fr-2023-05-06.txt")
def test_seed_dispatch_end_to_end(tmp_path):
    text = (SHARED / "seed" / "xinhua-fr-2023-05-06.txt").read_text(encoding="utf-8")
    inp = tmp_path / "seed.jsonl"
    inp.write_text(json.dumps({"id": "seed-xinhua-fr-2023-05-06", "text": text,
                               "collected": "2023-05-07"}, ensure_ascii=False) + "\n")
    out = tmp_path / "pred.jsonl"
    assert run("code", str(inp), "-o", str(out)).returncode == 0
    events = [json.loads(line) for line in out.read_text().splitlines()]
    gold = [json.loads(line) for line in
            (SHARED / "eval" / "seed.gold.jsonl").read_text().splitlines()]
    res = score(gold, events)
    assert res["root"]["f1"] >= 0.9 and res["code"]["f1"] >= 0.85
    assert res["date_accuracy"] >= 0.9 and res["location_accuracy"] >= 0.8
    ids = [e["event_id"] for e in events]
    assert len(ids) == len(set(ids))
    # evidence: the cleaned text at the offsets
    from froissart.pipeline import Pipeline  # noqa: F401 - the CLI's own text is checked below
    for e in events:
        assert e["evidence"] and e["evidence_end"] > e["evidence_start"]
        assert e["rule"] and 0 < e["confidence"] <= 1 and e["quad_class"] in (1, 2, 3, 4)
    # a second run gives the same ids
    out2 = tmp_path / "pred2.jsonl"
    run("code", str(inp), "-o", str(out2))
    assert [json.loads(x)["event_id"] for x in out2.read_text().splitlines()] == ids
