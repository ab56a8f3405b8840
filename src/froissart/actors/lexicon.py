"""The actor lexicon: countries, IGOs, groups, people with dates of office, role nouns.

Loaded from versioned per-language TSV files; users overlay their own directory
(same file names) on the packaged one.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from froissart.lexicon import LexiconError, data_path, read_tsv, split_list
from froissart.textnorm import key

log = logging.getLogger(__name__)

ROLES = {"GOV", "MIL", "REB", "OPP", "COP", "JUD", "LEG", "BUS", "MED", "CVL", "REF", "EDU",
         "HLH", "LAB", "NGO", "SPY", "IGO", ""}


@dataclass(frozen=True, slots=True)
class Entry:
    """One way of naming an actor."""

    kind: str  # country, adjective, demonym, capital, igo, group, person, role
    code: str  # full actor code (CHN, CHNGOV, IGOSCO, NGAREB) or role code for roles
    country: str  # ISO3 or IGO/NGO/IMG code; "" for roles
    role: str
    name: str  # canonical name
    entry_id: str
    case: str = "any"  # "cap": first letter must be upper case; "lower"; "any"
    weak: bool = False  # a bare surname: needs a title (M., Mme) or an earlier mention
    start: date | None = None
    end: date | None = None
    person: bool = False  # role nouns naming one person
    plural: bool = False
    iso2: str = ""
    acronym: bool = False  # "OCS", "ETA": matches upper-case text only

    def valid_on(self, day: date | None) -> bool:
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass
class CountryInfo:
    iso3: str
    iso2: str
    name: str
    lat: float | None
    lon: float | None


class ActorLexicon:
    """Index from lookup keys (see ``textnorm.key``) to entries."""

    def __init__(self) -> None:
        self.index: dict[str, list[Entry]] = defaultdict(list)
        self.countries: dict[str, CountryInfo] = {}
        self.iso2_to_iso3: dict[str, str] = {}
        self.versions: dict[str, str] = {}
        self.seats: dict[str, list[str]] = defaultdict(list)  # city key -> IGO codes seated there
        self._prefixes: frozenset[str] | None = None
        self.max_tokens = 8

    # -- loading -------------------------------------------------------------
    @classmethod
    def load(cls, lang: str = "fr", overlays: list[Path] | None = None) -> ActorLexicon:
        lex = cls()
        dirs = [data_path(lang)] + [Path(p) for p in overlays or []]
        for d in dirs:
            for fname, loader in (
                ("countries.tsv", lex._load_countries),
                ("igos.tsv", lex._load_igos),
                ("groups.tsv", lex._load_groups),
                ("people.tsv", lex._load_people),
                ("roles.tsv", lex._load_roles),
            ):
                path = d / fname
                if path.exists():
                    loader(path)
        return lex

    def add(self, text: str, entry: Entry) -> None:
        k = key(text)
        self._prefixes = None
        letters = [ch for ch in text if ch.isalpha()]
        if letters and len(letters) <= 8 and all(ch.isupper() for ch in letters):
            entry = replace(entry, acronym=True)
        if k and entry not in self.index[k]:
            self.index[k].append(entry)

    def _load_countries(self, path: Path) -> None:
        version, rows = read_tsv(path, ("iso3", "iso2", "names"))
        self.versions[path.name] = version
        for line, row in rows:
            iso3, iso2 = row["iso3"].upper(), row["iso2"].upper()
            if len(iso3) != 3 or len(iso2) != 2:
                raise LexiconError(path, line, f"bad ISO codes {iso3!r}/{iso2!r}")
            names = split_list(row["names"])
            if not names:
                raise LexiconError(path, line, "no names")
            try:
                lat = float(row["lat"]) if row.get("lat") else None
                lon = float(row["lon"]) if row.get("lon") else None
            except ValueError as err:
                raise LexiconError(path, line, f"bad coordinates: {err}") from err
            self.countries[iso3] = CountryInfo(iso3, iso2, names[0], lat, lon)
            self.iso2_to_iso3[iso2] = iso3
            eid = f"countries:{iso3}"
            for n in names:
                self.add(n, Entry("country", iso3, iso3, "", names[0], eid, case="cap", iso2=iso2))
            for a in split_list(row.get("adjectives", "")):
                self.add(a, Entry("adjective", iso3, iso3, "", names[0], eid + ":adj",
                                  case="lower", iso2=iso2))
            for a in split_list(row.get("demonyms", "")):
                self.add(a, Entry("demonym", iso3 + "CVL", iso3, "CVL", names[0], eid + ":demonym",
                                  case="cap", plural=a.endswith(("s", "x")), iso2=iso2))
            for c in split_list(row.get("capitals", "")):
                self.add(c, Entry("capital", iso3 + "GOV", iso3, "GOV", c, eid + ":capital",
                                  case="cap", iso2=iso2))

    def _load_igos(self, path: Path) -> None:
        version, rows = read_tsv(path, ("code", "names"))
        self.versions[path.name] = version
        for line, row in rows:
            code = row["code"].upper()
            if code[:3] not in ("IGO", "NGO", "IMG") or len(code) < 4:
                raise LexiconError(path, line, f"bad organisation code {code!r}")
            names = split_list(row["names"])
            for n in names:
                self.add(n, Entry("igo", code, code, "", names[0], f"igos:{code}", case="cap"))
            for seat in split_list(row.get("seats", "")):
                self.seats[key(seat)].append(code)

    def _load_groups(self, path: Path) -> None:
        version, rows = read_tsv(path, ("code", "names", "country"))
        self.versions[path.name] = version
        for line, row in rows:
            code = row["code"].upper()
            country = row["country"].upper() or code[:3]
            start, end = _dates(path, line, row.get("valid_from", ""), row.get("valid_to", ""))
            names = split_list(row["names"])
            for n in names:
                self.add(n, Entry("group", code, country, code[3:], names[0],
                                  f"groups:{code}:{line}", case="any", start=start, end=end,
                                  plural=True))

    def _load_people(self, path: Path) -> None:
        version, rows = read_tsv(path, ("id", "name", "country", "role"))
        self.versions[path.name] = version
        for line, row in rows:
            country, role = row["country"].upper(), row["role"].upper()
            if role not in ROLES:
                raise LexiconError(path, line, f"unknown role {role!r}")
            code = country if country[:3] in ("IGO", "NGO", "IMG") else country + role
            start, end = _dates(path, line, row.get("start", ""), row.get("end", ""))
            eid = f"people:{row['id']}"
            names = [row["name"], *split_list(row.get("aliases", ""))]
            for n in names:
                weak = " " not in n.strip() and len(key(n)) <= 3
                self.add(n, Entry("person", code, country, role if role != "IGO" else "",
                                  row["name"], eid, case="cap", weak=weak, start=start, end=end,
                                  person=True))

    def _load_roles(self, path: Path) -> None:
        version, rows = read_tsv(path, ("phrase", "role"))
        self.versions[path.name] = version
        for line, row in rows:
            role = row["role"].upper()
            if role not in ROLES:
                raise LexiconError(path, line, f"unknown role {role!r}")
            phrase = row["phrase"]
            entry = Entry("role", role, "", role, phrase, f"roles:{phrase}",
                          person=row.get("person") == "1", plural=row.get("plural") == "1")
            for variant in _plurals(phrase):
                self.add(variant, entry)

    # -- lookups -------------------------------------------------------------
    def lookup(self, k: str) -> list[Entry]:
        return self.index.get(k, [])

    @property
    def prefixes(self) -> frozenset[str]:
        """Every prefix of every key: a match is extended only while it can still succeed."""
        if self._prefixes is None:
            self._prefixes = frozenset(k[:n] for k in self.index for n in range(1, len(k) + 1))
        return self._prefixes

    def country_iso2(self, iso3: str) -> str:
        info = self.countries.get(iso3)
        return info.iso2 if info else ""


def _dates(path: Path, line: int, start: str, end: str) -> tuple[date | None, date | None]:
    try:
        s = date.fromisoformat(start) if start else None
        e = date.fromisoformat(end) if end else None
    except ValueError as err:
        raise LexiconError(path, line, f"bad date: {err}") from err
    if s and e and e < s:
        raise LexiconError(path, line, f"end {e} before start {s}")
    return s, e


def _plurals(phrase: str) -> list[str]:
    """The phrase and its plural forms ('ministre des affaires' -> 'ministres des affaires')."""
    words = phrase.split(" ")
    head = words[0]
    if head.endswith(("s", "x", "z")):
        plural = head
    elif head.endswith("al"):
        plural = head[:-2] + "aux"
    elif head.endswith(("eau", "eu")):
        plural = head + "x"
    else:
        plural = head + "s"
    return [phrase, " ".join([plural, *words[1:]])]
