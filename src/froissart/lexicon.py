"""Reading versioned lexicon files (TSV and YAML) with errors that name the file and line."""

from __future__ import annotations

import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

_VERSION = re.compile(r"^#\s*version:\s*(\S+)")


class LexiconError(ValueError):
    """A lexicon file is malformed; the message names the file and line."""

    def __init__(self, path: str | Path, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = str(path)
        self.line = line


def data_path(*parts: str) -> Path:
    """Path of a file packaged under ``froissart/data``."""
    return Path(str(resources.files("froissart").joinpath("data", *parts)))


def read_tsv(
    path: str | Path, required: tuple[str, ...] = ()
) -> tuple[str, list[tuple[int, dict[str, str]]]]:
    """Read a versioned TSV: ``# version: N`` first, ``#`` comments, then a header row.

    Returns the version and ``(line_number, row)`` pairs. Raises LexiconError on a missing
    version, a missing required column or a row with the wrong number of fields.
    """
    path = Path(path)
    version = ""
    header: list[str] | None = None
    rows: list[tuple[int, dict[str, str]]] = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n").rstrip("\r")
            if line.startswith("#"):
                m = _VERSION.match(line)
                if m and not version:
                    version = m.group(1)
                continue
            if not line.strip():
                continue
            fields = line.split("\t")
            if header is None:
                header = [f.strip() for f in fields]
                missing = [c for c in required if c not in header]
                if missing:
                    raise LexiconError(path, n, f"missing column(s) {', '.join(missing)}")
                continue
            if len(fields) > len(header):
                raise LexiconError(path, n, f"{len(fields)} fields, header has {len(header)}")
            fields += [""] * (len(header) - len(fields))
            rows.append((n, dict(zip(header, (f.strip() for f in fields), strict=True))))
    if not version:
        raise LexiconError(path, 1, "no '# version: N' line")
    return version, rows


def split_list(value: str) -> list[str]:
    """Split a ``|``-separated cell into its non-empty items."""
    return [v.strip() for v in value.split("|") if v.strip()]


def iter_yaml_entries(path: str | Path, key: str) -> Iterator[tuple[int, dict]]:
    """Yield ``(line, entry)`` for each item of the list ``key`` in a YAML file.

    Line numbers come from the YAML node marks, so errors can point at the entry.
    """
    import yaml

    path = Path(path)
    text = path.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise LexiconError(path, (mark.line + 1) if mark else 1, f"invalid YAML: {err}") from err
    if not isinstance(data, dict) or "version" not in data:
        raise LexiconError(path, 1, "a YAML lexicon is a mapping with a 'version' key")
    items = data.get(key) or []
    if not isinstance(items, list):
        raise LexiconError(path, 1, f"'{key}' must be a list")
    lines: list[int] = []
    for k, v in node.value:
        if k.value == key and hasattr(v, "value"):
            lines = [item.start_mark.line + 1 for item in v.value]
    for idx, item in enumerate(items):
        line = lines[idx] if idx < len(lines) else 1
        if not isinstance(item, dict):
            raise LexiconError(path, line, "each entry must be a mapping")
        yield line, item


def yaml_version(path: str | Path) -> str:
    import yaml

    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return str(data.get("version", "")) if isinstance(data, dict) else ""
