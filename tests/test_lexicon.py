import pytest

from froissart.actors.lexicon import ActorLexicon
from froissart.events.lexicon import EventLexicon
from froissart.lexicon import LexiconError, read_tsv
from froissart.ontology import Ontology


def test_tsv_without_version_is_refused(tmp_path):
    p = tmp_path / "people.tsv"
    p.write_text("id\tname\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"people.tsv:1: no '# version"):
        read_tsv(p)


def test_row_errors_name_file_and_line(tmp_path):
    d = tmp_path / "lex"
    d.mkdir()
    (d / "people.tsv").write_text(
        "# version: 7\nid\tname\taliases\tcountry\trole\toffice\tstart\tend\n"
        "x-1\tJean Test\t\tFRA\tGOV\tother\t2020-01-01\t\n"
        "x-2\tJeanne Test\t\tFRA\tKING\tother\t2020-01-01\t\n",
        encoding="utf-8",
    )
    with pytest.raises(LexiconError) as err:
        ActorLexicon.load("fr", [d])
    assert err.value.line == 4 and "people.tsv" in err.value.path
    assert "unknown role 'KING'" in str(err.value)


def test_pattern_with_unknown_code_or_slot_is_refused(tmp_path):
    onto = Ontology.load()
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\npatterns:\n  - id: a\n    code: '040'\n    trigger: voir\n"
                   "  - id: b\n    code: '999'\n    trigger: voir\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"bad.yaml:6: unknown CAMEO code"):
        EventLexicon().load_file(bad, onto)
    bad.write_text("version: 1\npatterns:\n  - id: a\n    code: '040'\n    trigger: voir\n"
                   "    target: [chez_moi]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"bad.yaml:3: 'target': unknown slot"):
        EventLexicon().load_file(bad, onto)
    bad.write_text("version: 1\npatterns:\n  - id: a\n    code: '0874'\n    trigger: quitter\n"
                   "    source_roles: [ARMY]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"bad.yaml:3: a: unknown source role 'ARMY'"):
        EventLexicon().load_file(bad, onto)
    bad.write_text("version: 1\npatterns:\n  - id: a\n    code: '040'\n    trigger: voir\n"
                   "    exclude: [2000]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"bad.yaml:3: a: 'exclude' must be a list of texts"):
        EventLexicon().load_file(bad, onto)


def test_overlay_adds_people_and_disables_patterns(tmp_path):
    (tmp_path / "people.tsv").write_text(
        "# version: 1\nid\tname\taliases\tcountry\trole\toffice\tstart\tend\n"
        "zz\tZorglub Zed\tZorglub\tBEL\tGOV\tforeign_minister\t2030-01-01\t\n",
        encoding="utf-8",
    )
    lex = ActorLexicon.load("fr", [tmp_path])
    (entry,) = [e for e in lex.lookup("zorglub") if e.kind == "person"]
    assert entry.code == "BELGOV" and entry.start.year == 2030
    pat = tmp_path / "patterns"
    pat.mkdir()
    (pat / "mine.yaml").write_text("version: 2\ndisable: [fr.040.rencontrer]\n", encoding="utf-8")
    onto = Ontology.load()
    ev = EventLexicon.load(onto, "fr", [pat])
    assert "fr.040.rencontrer" not in {p.id for p in ev.all_patterns()}
    assert ev.versions["mine.yaml"] == "2"


def test_packaged_lexicons_load_and_cover_every_un_member():
    lex = ActorLexicon.load("fr")
    assert len(lex.countries) >= 193
    assert {"CHN", "RUS", "IND", "FRA", "USA", "TUV", "SSD"} <= set(lex.countries)
    kinds = {e.kind for es in lex.index.values() for e in es}
    assert {"country", "adjective", "demonym", "capital", "igo", "group", "person", "role"} <= kinds
