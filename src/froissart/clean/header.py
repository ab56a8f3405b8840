"""Publication times from update stamps such as "Dernière mise à jour à 09h02 le 06/05"."""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}
_TIME = re.compile(r"(\d{1,2})\s*[h:]\s*(\d{2})")
_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2,4}))?\b")
_WORDS = re.compile(r"\b(\d{1,2})(?:er)?\s+([a-zéû]+)(?:\s+(\d{4}))?", re.IGNORECASE)


def parse_update_stamp(line: str) -> dict[str, int] | None:
    """Day, month, optional year, hour and minute of an update stamp, or None."""
    out: dict[str, int] = {}
    m = _NUMERIC.search(line)
    if m:
        out["day"], out["month"] = int(m.group(1)), int(m.group(2))
        if m.group(3):
            y = int(m.group(3))
            out["year"] = y + 2000 if y < 100 else y
    else:
        for m in _WORDS.finditer(line):
            month = _MONTHS.get(m.group(2).lower())
            if month:
                out["day"], out["month"] = int(m.group(1)), month
                if m.group(3):
                    out["year"] = int(m.group(3))
                break
    if "day" not in out or not (1 <= out["month"] <= 12 and 1 <= out["day"] <= 31):
        return None
    t = _TIME.search(line)
    if t and int(t.group(1)) < 24 and int(t.group(2)) < 60:
        out["hour"], out["minute"] = int(t.group(1)), int(t.group(2))
    return out


def complete_year(stamp: dict[str, int], anchor: str | None) -> str | None:
    """ISO datetime of a stamp; a missing year is the latest one not after ``anchor``."""
    year = stamp.get("year")
    if year is None:
        if not anchor:
            return None
        try:
            ref = date.fromisoformat(anchor[:10])
        except ValueError:
            return None
        year = ref.year
        if (stamp["month"], stamp["day"]) > (ref.month, ref.day):
            year -= 1
    try:
        d = date(year, stamp["month"], stamp["day"])
    except ValueError:
        return None
    if "hour" in stamp:
        return f"{d.isoformat()}T{stamp['hour']:02d}:{stamp['minute']:02d}"
    return d.isoformat()
