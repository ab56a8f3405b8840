import pytest

from froissart.language import detect_language


@pytest.mark.parametrize(("text", "code"), [
    ("La Chine et la Russie sont convenues jeudi de développer davantage leurs relations "
     "bilatérales.", "fr"),
    ("China and Russia agreed on Thursday to further develop their bilateral relations.", "en"),
    ("China und Russland haben sich am Donnerstag darauf geeinigt, ihre Beziehungen weiter "
     "auszubauen.", "de"),
    ("اتفقت الصين وروسيا يوم الخميس على مواصلة تطوير العلاقات الثنائية بينهما", "ar"),
])
def test_languages_are_recognised(text, code):
    assert detect_language(text) == code


def test_unsupported_language_is_named_not_forced_into_french():
    lang = detect_language("China y Rusia acordaron el jueves seguir desarrollando sus "
                           "relaciones bilaterales.")
    assert lang == "es"
    assert lang not in ("fr", "en")


@pytest.mark.parametrize("text", ["", "Oui.", "12 345 678", "OK merci"])
def test_too_short_text_is_undecided(text):
    assert detect_language(text) is None


def test_detector_is_built_once():
    from froissart import language

    detect_language("Le gouvernement a annoncé un nouveau plan de relance économique.")
    n = len(language._DETECTORS)
    detect_language("The government announced a new economic recovery plan today.")
    assert len(language._DETECTORS) == n == 1
