"""CAMEO codes with names, QuadClass, Goldstein weights and the PLOVER crosswalk."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from froissart.lexicon import LexiconError, data_path, read_tsv


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    root: str
    quad_class: int
    goldstein: float
    plover: str
    plover_mode: str


class Ontology:
    """Lookup of CAMEO codes; loaded from ``data/ontology/cameo.tsv``."""

    def __init__(self, codes: dict[str, CameoCode], version: str) -> None:
        self.codes = codes
        self.version = version

    @classmethod
    def load(cls, path: str | Path | None = None) -> Ontology:
        path = Path(path) if path else data_path("ontology", "cameo.tsv")
        version, rows = read_tsv(path, ("code", "name", "root", "quad_class", "goldstein"))
        codes: dict[str, CameoCode] = {}
        for line, row in rows:
            code = row["code"]
            if not code.isdigit() or not 2 <= len(code) <= 4 or row["root"] != code[:2]:
                raise LexiconError(path, line, f"bad CAMEO code {code!r}")
            try:
                codes[code] = CameoCode(
                    code, row["name"], row["root"], int(row["quad_class"]),
                    float(row["goldstein"]), row.get("plover", ""), row.get("plover_mode", ""),
                )
            except ValueError as err:
                raise LexiconError(path, line, str(err)) from err
        return cls(codes, version)

    def __contains__(self, code: str) -> bool:
        return code in self.codes

    def get(self, code: str) -> CameoCode:
        try:
            return self.codes[code]
        except KeyError:
            raise KeyError(f"unknown CAMEO code {code!r}") from None


@lru_cache(maxsize=1)
def default_ontology() -> Ontology:
    return Ontology.load()
