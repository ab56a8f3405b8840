"""Calibrated confidence: backed-off smoothed rates per basis, validated table."""

import pytest

from froissart.events.calibrate import Calibration, arg_class
from froissart.lexicon import LexiconError
from froissart.types import Actor, Event, Span


def event(mode="realised", cameo="111", basis="explicit/explicit"):
    a, b = Actor("RUSGOV", "Moscou", "RUS", "GOV", "x"), Actor("UKR", "Ukraine", "UKR", "", "y")
    return Event("d", a, b, cameo, 0, Span(0, 1), "x", "fr.111.x", 0.9, mode=mode, basis=basis)


def test_arg_classes():
    assert arg_class("dep") == arg_class("act-owner") == "explicit"
    assert arg_class("left") == arg_class("reaction") == "inferred"
    assert arg_class(None) == "none"


def test_counts_then_confidence_follow_the_right_share_with_back_off():
    labelled = [(event(), True)] * 30 + [(event(basis="inferred/inferred"), False)] * 6 + \
        [(event(basis="inferred/inferred"), True)] * 2
    cal = Calibration(Calibration.count(labelled))
    sure, unsure = cal.confidence(event()), cal.confidence(event(basis="inferred/inferred"))
    assert 0.85 < sure < 1.0 and unsure < 0.5 and sure > unsure
    # an unseen basis falls back to the global rate (32 right of 38)
    unseen = cal.confidence(event(mode="threat", cameo="138", basis="explicit/none"))
    assert abs(unseen - 32 / 38) < 0.1


def test_the_table_is_validated_on_load(tmp_path):
    bad = tmp_path / "calibration.tsv"
    bad.write_text("# version: 1\nbasis\tright\twrong\n*\t3\tx\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"calibration\.tsv:3"):
        Calibration.load(path=bad)
    bad.write_text("# version: 1\nbasis\tright\twrong\nexplicit/none\t3\t1\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="'\\*'"):
        Calibration.load(path=bad)


def test_the_packaged_table_loads():
    cal = Calibration.load("fr")
    assert cal is not None and cal.counts["*"][0] > cal.counts["*"][1]
