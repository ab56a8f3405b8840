"""The French expressions of the "Document intake" issue, against a fixed publication date."""

from datetime import date

import pytest

from froissart.dates import find_times

PUB = date(2023, 5, 6)  # a Saturday
TUESDAY = date(2023, 5, 9)


def values(text, anchor=PUB):
    return [(t.value, t.precision) for t in find_times(text, anchor)]


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("mardi soir, la police a arrêté", "2023-05-02", "day"),
        ("jeudi dernier", "2023-05-04", "day"),
        ("samedi dernier", "2023-04-29", "day"),
        ("vendredi prochain", "2023-05-12", "day"),
        ("la semaine dernière", "2023-W17", "week"),
        ("la semaine prochaine", "2023-W19", "week"),
        ("cette semaine", "2023-W18", "week"),
        ("le 3 courant", "2023-05-03", "day"),
        ("début mars", "2023-03", "month"),
        ("fin mars", "2023-03", "month"),
        ("à la mi-mars", "2023-03", "month"),
        ("il y a deux jours", "2023-05-04", "day"),
        ("il y a trois semaines", "2023-W15", "week"),
        ("il y a 2 mois", "2023-03", "month"),
        ("le mois prochain", "2023-06", "month"),
        ("ce matin", "2023-05-06", "day"),
        ("ce soir", "2023-05-06", "day"),
        ("le lendemain", "2023-05-07", "day"),
        ("la veille", "2023-05-05", "day"),
        ("dans la nuit de jeudi à vendredi", "2023-05-05", "day"),
        ("depuis lundi", "2023-05-01", "day"),
        ("le 1er mai", "2023-05-01", "day"),
        ("le premier mai", "2023-05-01", "day"),
        ("l'an 2020", "2020", "year"),
        ("mars 2019", "2019-03", "month"),
        ("fin septembre 2000", "2000-09", "month"),
        ("octobre 98", "1998-10", "month"),
        ("le 10 novembre 93", "1993-11-10", "day"),
        ("le 4/5/23", "2023-05-04", "day"),
        ("en juin dernier", "2022-06", "month"),
        ("juin prochain", "2023-06", "month"),
        ("mai prochain", "2024-05", "month"),
        ("l'an prochain", "2024", "year"),
        ("cette année", "2023", "year"),
        ("la fin de l'année dernière", "2022", "year"),
        ("les années 60", "196X", "decade"),
        ("la fin du XIXe siècle", "18XX", "century"),
        ("l'hiver dernier", "2022-WI", "season"),
        ("le 6 mai dernier", "2023-05-06", "day"),
        ("le 1er septembre prochain", "2023-09-01", "day"),
    ],
)
def test_new_expressions(text, value, precision):
    assert values(text) == [(value, precision)]


def test_weekend_follows_the_tense_of_the_sentence():
    past, future = "Ils se sont rendus ce week-end à Paris.", "Ils se rendront ce week-end à Paris."
    assert values(past, TUESDAY) == [("2023-W18-WE", "weekend")]
    assert values(future, TUESDAY) == [("2023-W19-WE", "weekend")]
    assert values("le week-end dernier", TUESDAY) == [("2023-W18-WE", "weekend")]
    assert values("le week-end prochain", TUESDAY) == [("2023-W19-WE", "weekend")]
    assert values("le week-end dernier") == [("2023-W17-WE", "weekend")]
    assert values("ce week-end") == [("2023-W18-WE", "weekend")]  # on a Saturday: this one


def test_past_by_default_future_when_the_sentence_says_so():
    assert values("Les manifestants ont défilé dimanche.") == [("2023-04-30", "day")]
    assert values("Les manifestants défileront dimanche.") == [("2023-05-07", "day")]
    assert values("le 12 juin") == [("2022-06-12", "day")]
    assert values("Le sommet aura lieu le 12 juin.") == [("2023-06-12", "day")]
    assert values("Une réunion est prévue le 16 juillet.") == [("2023-07-16", "day")]
    assert values("Il a donné jusqu'au 30 juin aux partis.") == [("2023-06-30", "day")]
    assert values("Il sera jugé en octobre.") == [("2023-10", "month")]
    assert values("Il a été jugé en octobre.") == [("2022-10", "month")]


def test_the_nearest_tense_cue_wins():
    text = "Il a été arrêté lundi et sera jugé vendredi."
    assert values(text) == [("2023-05-01", "day"), ("2023-05-12", "day")]


def test_a_weekday_with_its_date_picks_the_matching_year():
    # 5 June 1999 was a Saturday; 5 June 1998 was not
    assert values("le samedi 5 juin", date(1999, 5, 22)) == [("1999-06-05", "day")]
    assert values("dimanche 5 janvier", date(2003, 1, 4)) == [("2003-01-05", "day")]


def test_a_bare_weekday_takes_the_date_given_elsewhere_in_the_text():
    text = "Maceo Parker à Besançon mardi. Le concert aura lieu mardi 1er juin."
    assert values(text, date(1999, 5, 30)) == [("1999-06-01", "day"), ("1999-06-01", "day")]


def test_lendemain_and_veille_are_relative_to_the_previous_date_in_the_text():
    text = "Il a été arrêté le 2 mai. Le lendemain, il a été libéré; la veille, rien."
    assert [v for v, _ in values(text)] == ["2023-05-02", "2023-05-03", "2023-05-02"]
    assert values("Le 24 juillet, fête. Le même jour, défilé.", date(1999, 7, 23))[1] == \
        ("1999-07-24", "day")


def test_ranges_and_lists_give_every_date():
    assert values("les 6 et 13 avril prochains") == [("2024-04-06", "day"),
                                                      ("2024-04-13", "day")]
    assert values("Le stage se déroulera du 19 au 23 juillet.") == [("2023-07-19", "day"),
                                                                     ("2023-07-23", "day")]
    assert values("la période 1982-1990") == [("1982", "year"), ("1990", "year")]
    assert values("le recensement de mars-avril") == [("2023-03", "month"), ("2023-04", "month")]


def test_years_alone_but_not_quantities():
    assert values("entre 1990 et 1999") == [("1990", "year"), ("1999", "year")]
    assert values("depuis 1998, le régiment") == [("1998", "year")]
    assert values("deux ruptures en 97, rien en 98.", date(1999, 7, 29)) == [
        ("1997", "year"), ("1998", "year")]
    assert values("1500 manifestants") == []
    assert values("plus de 2000 personnes") == []
    assert values("2000 euros") == []
    assert values("à 14 h 30") == []


def test_a_month_takes_the_year_just_given_in_its_sentence():
    text = "deux ruptures en 97 (en janvier rue Saint-Dizier, en octobre rue de Metz)"
    assert [v for v, _ in values(text, date(1999, 7, 29))] == ["1997", "1997-01", "1997-10"]


def test_spans_cover_the_expression():
    text = "Il y a eu des heurts dans la nuit de jeudi à vendredi à Paris."
    (t,) = find_times(text, PUB)
    assert t.text == "dans la nuit de jeudi à vendredi"
    assert text[t.span.start:t.span.end] == t.text
    (a, b) = find_times("du 19 au 23 juillet", PUB, offset=10)
    assert (a.text, b.text) == ("19", "23 juillet")
    assert (a.span.start, b.span.end) == (13, 29)


def test_no_anchor_keeps_only_absolute_dates():
    assert values("le 12 juin, en 2019, mardi, il y a deux jours, le lendemain", None) == [
        ("2019", "year")]
