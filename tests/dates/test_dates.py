from datetime import date

import pytest

from froissart.dates import find_times

PUB = date(2023, 5, 6)  # a Saturday


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("sont convenues jeudi de", "2023-05-04", "day"),
        ("samedi matin", "2023-05-06", "day"),
        ("en mars dernier", "2023-03", "month"),
        ("en mai dernier", "2022-05", "month"),
        ("le 4 mai", "2023-05-04", "day"),
        ("le 12 décembre", "2022-12-12", "day"),
        ("le 1er juin 2021", "2021-06-01", "day"),
        ("hier", "2023-05-05", "day"),
        ("avant-hier", "2023-05-04", "day"),
        ("le mois dernier", "2023-04", "month"),
        ("l'année dernière", "2022", "year"),
        ("en 2019", "2019", "year"),
        ("le 04/05/2023", "2023-05-04", "day"),
        ("mardi prochain", "2023-05-09", "day"),
    ],
)
def test_expressions_resolve_against_the_publication_date(text, value, precision):
    times = find_times(text, PUB)
    assert [(t.value, t.precision) for t in times] == [(value, precision)]


def test_spans_are_offsets_in_the_given_text():
    text = "La Chine et la Russie sont convenues jeudi de coopérer."
    (t,) = find_times(text, PUB, offset=100)
    assert text[t.span.start - 100:t.span.end - 100] == "jeudi"


def test_relative_expressions_need_an_anchor():
    assert find_times("jeudi", None) == []
    assert [t.value for t in find_times("le 3 janvier 2024", None)] == ["2024-01-03"]
