"""Event pattern lexicon: versioned YAML files, validated on load."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from froissart.actors.lexicon import ROLES as ACTOR_ROLES
from froissart.lexicon import LexiconError, data_path, iter_yaml_entries
from froissart.ontology import Ontology
from froissart.textnorm import fold, key

SLOT_NAMES = {"subj", "obj", "iobj", "gov_subj", "poss", "agent"}
PREPS = {"à", "avec", "contre", "de", "en", "entre", "envers", "pour", "sur", "par", "vers",
         "auprès", "chez", "dans", "face", "sans", "aux", "devant", "autour", "près", "malgré",
         "parmi", "depuis", "derrière", "dès", "contre-", "via", "direction", "proximité"}
POS = {"VERB", "NOUN", "ADJ"}
KINDS = {"intent", "threat", "appeal", "demand", "refusal", "negative", "promise", "attempt"}
# a promise ("a promis de riposter", "a averti que l'armée riposterait") is an intent for
# cooperative acts and a threat for conflictual ones (CAMEO roots 13-20)
CONFLICT_ROOTS = {str(r) for r in range(13, 21)}


@dataclass(frozen=True)
class Example:
    text: str
    events: tuple[tuple[str, str, str], ...]  # (source, target, code)


@dataclass(frozen=True)
class Pattern:
    id: str
    code: str
    trigger: str  # folded lemma
    pos: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    objects: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    reflexive: bool | None = None
    reciprocal: bool = False
    meeting: bool = False  # a meeting: 044 when held in a third country
    case: str = ""  # the trigger noun's own preposition ("d'accord": de)
    source_roles: tuple[str, ...] = ()  # the source must bear one of these roles (MIL, COP)
    confidence: float = 0.9
    examples: tuple[Example, ...] = ()
    file: str = ""
    line: int = 0

    @property
    def multiword(self) -> bool:
        return " " in self.trigger or "'" in self.trigger



@dataclass(frozen=True)
class Wrapper:
    """A verb or adjective that sets the modality of the event in its complement."""

    id: str
    trigger: str
    pos: str
    kind: str
    default: str | None
    reciprocal: bool
    target: tuple[str, ...] = ()
    file: str = ""
    line: int = 0


@dataclass
class EventLexicon:
    patterns: dict[str, list[Pattern]] = field(default_factory=lambda: defaultdict(list))
    # multiword triggers ("d'accord", "mettre fin"), by the key of their first letters
    multi: dict[str, list[Pattern]] = field(default_factory=lambda: defaultdict(list))
    wrappers: dict[str, list[Wrapper]] = field(default_factory=lambda: defaultdict(list))
    maps: dict[str, dict[str, str | None]] = field(default_factory=dict)
    versions: dict[str, str] = field(default_factory=dict)
    disabled: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, ontology: Ontology, lang: str = "fr",
             overlays: list[Path] | None = None) -> EventLexicon:
        lex = cls()
        dirs = [data_path(lang, "patterns")] + [Path(p) for p in overlays or []]
        for d in dirs:
            files = sorted(d.glob("*.yaml")) if d.is_dir() else [d] if d.suffix == ".yaml" else []
            for path in files:
                lex.load_file(path, ontology)
        return lex

    def all_patterns(self) -> list[Pattern]:
        return [p for ps in (*self.patterns.values(), *self.multi.values()) for p in ps
                if p.id not in self.disabled]

    def load_file(self, path: Path, ontology: Ontology) -> None:
        import yaml

        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict) or "version" not in data:
            raise LexiconError(path, 1, "a pattern file is a mapping with a 'version' key")
        self.versions[path.name] = str(data["version"])
        for line, item in iter_yaml_entries(path, "patterns"):
            p = _pattern(path, line, item, ontology)
            if item.get("disable"):
                self.disabled.add(p.id)
                continue
            for ps in (*self.patterns.values(), *self.multi.values()):
                ps[:] = [q for q in ps if q.id != p.id]  # an overlay replaces by id
            if p.multiword:
                self.multi[key(re.split(r"[\s'’]", p.trigger)[0])].append(p)
            else:
                self.patterns[p.trigger].append(p)
        for line, item in iter_yaml_entries(path, "wrappers"):
            w = _wrapper(path, line, item, ontology)
            self.wrappers[w.trigger].append(w)
        for kind, table in (data.get("maps") or {}).items():
            if kind not in KINDS or not isinstance(table, dict):
                raise LexiconError(path, 1, f"maps: unknown kind {kind!r}")
            for dst in table.values():
                if dst is not None and str(dst) not in ontology:
                    raise LexiconError(path, 1, f"maps.{kind}: unknown CAMEO code {dst!r}")
            self.maps.setdefault(kind, {}).update(
                {str(k): (str(v) if v is not None else None) for k, v in table.items()})
        for pid in data.get("disable") or []:
            self.disabled.add(str(pid))

    def map_code(self, kind: str, code: str) -> str | None:
        """The code a realised ``code`` takes under a wrapper of ``kind`` (longest prefix)."""
        if kind == "promise":
            kind = "threat" if code[:2] in CONFLICT_ROOTS else "intent"
        table = self.maps.get(kind, {})
        for n in range(len(code), 1, -1):
            if code[:n] in table:
                mapped = table[code[:n]]
                # a prefix mapped to itself keeps the more specific code ("03": "03")
                return code if mapped == code[:n] else mapped
        return table.get("*")


def _slots(path: Path, line: int, value: object, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list):
        raise LexiconError(path, line, f"'{name}' must be a list of slots")
    for s in items:
        if s not in SLOT_NAMES and s not in PREPS:
            raise LexiconError(path, line, f"'{name}': unknown slot {s!r}")
    return tuple(items)


def _code(path: Path, line: int, value: object, ontology: Ontology) -> str:
    code = str(value) if value is not None else ""
    if code not in ontology:
        raise LexiconError(path, line, f"unknown CAMEO code {value!r} (quote codes: \"040\")")
    return code


def _pattern(path: Path, line: int, item: dict, ontology: Ontology) -> Pattern:
    for req in ("id", "code", "trigger"):
        if req not in item:
            raise LexiconError(path, line, f"pattern without '{req}'")
    allowed = {"id", "code", "trigger", "pos", "source", "target", "object", "exclude",
               "reflexive", "reciprocal", "confidence", "examples", "note", "disable",
               "meeting", "case", "source_roles"}
    unknown = set(item) - allowed
    if unknown:
        raise LexiconError(path, line, f"unknown key(s) {sorted(unknown)} in {item['id']}")
    pos = item.get("pos", "VERB")
    if pos not in POS:
        raise LexiconError(path, line, f"bad pos {pos!r}")
    examples = []
    for ex in item.get("examples") or []:
        if not isinstance(ex, dict) or "text" not in ex:
            raise LexiconError(path, line, f"{item['id']}: example needs 'text'")
        evs = []
        for e in ex.get("events") or []:
            parts = str(e).split()
            if len(parts) != 3:
                raise LexiconError(path, line, f"{item['id']}: event {e!r} is not 'SRC TGT CODE'")
            _code(path, line, parts[2], ontology)
            evs.append((parts[0], parts[1], parts[2]))
        examples.append(Example(ex["text"], tuple(evs)))
    objects = item.get("object") or []
    objects = [objects] if isinstance(objects, str) else objects
    exclude = item.get("exclude") or []
    exclude = [exclude] if isinstance(exclude, str) else exclude
    for name, values in (("object", objects), ("exclude", exclude)):
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise LexiconError(path, line, f"{item['id']}: '{name}' must be a list of texts "
                                           "(quote numbers: \"2000\")")
    roles = item.get("source_roles") or []
    roles = [roles] if isinstance(roles, str) else roles
    for r in roles:
        if r not in ACTOR_ROLES:
            raise LexiconError(path, line, f"{item['id']}: unknown source role {r!r}")
    return Pattern(
        id=str(item["id"]),
        code=_code(path, line, item["code"], ontology),
        trigger=fold(str(item["trigger"])),
        pos=pos,
        source=_slots(path, line, item.get("source", ["subj"]), "source"),
        target=_slots(path, line, item.get("target", ["obj"]), "target"),
        objects=tuple(fold(o) for o in objects),
        exclude=tuple(fold(o) for o in exclude),
        reflexive=item.get("reflexive"),
        reciprocal=bool(item.get("reciprocal", False)),
        meeting=bool(item.get("meeting", False)),
        case=fold(str(item.get("case", ""))),
        source_roles=tuple(roles),
        confidence=float(item.get("confidence", 0.9)),
        examples=tuple(examples),
        file=path.name,
        line=line,
    )


def _wrapper(path: Path, line: int, item: dict, ontology: Ontology) -> Wrapper:
    for req in ("id", "trigger", "kind"):
        if req not in item:
            raise LexiconError(path, line, f"wrapper without '{req}'")
    if item["kind"] not in KINDS:
        raise LexiconError(path, line, f"unknown wrapper kind {item['kind']!r}")
    default = item.get("default")
    return Wrapper(
        id=str(item["id"]),
        trigger=fold(str(item["trigger"])),
        pos=item.get("pos", "VERB"),
        kind=item["kind"],
        default=_code(path, line, default, ontology) if default is not None else None,
        reciprocal=bool(item.get("reciprocal", False)),
        target=_slots(path, line, item.get("target", []), "target"),
        file=path.name,
        line=line,
    )
