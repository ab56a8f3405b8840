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


# --- datelines ------------------------------------------------------------------------------

_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_PLACE_WORD = r"[A-ZÀ-Þ][\w'’.-]*"
# "BEIJING, 19 novembre (Xinhua) -- ", "PARIS (AFP) - ", "Dakar, 3 mars (APS) – ",
# "ALGER – ", "Bruxelles, le 4 mai 2023 – "
_DATELINE = re.compile(
    rf"(?P<place>{_PLACE_WORD}(?:[ -](?:{_PLACE_WORD}|de|du|des|la|le|el|al|d'{_PLACE_WORD}))"
    r"{0,3}?)"
    r"(?:\s*,\s*(?:le\s+)?(?P<day>\d{1,2})(?:er)?\s+"
    rf"(?P<month>(?i:{_MONTH_NAMES}))(?:\s+(?P<year>\d{{4}}))?)?"
    r"(?:\s*\((?P<agency>[^()\n]{2,40})\))?"
    r"\s*(?:--|—|–|-)(?:\s+|$)"
)


def parse_dateline(line: str) -> dict | None:
    """The dateline opening a paragraph, or None.

    Returns ``text`` (the dateline without its dash), ``place``, ``agency`` (or None),
    ``day``/``month``/``year`` (None when absent) and ``end``, the offset where the body
    starts. A bare place ("Paris - ...") counts only when written in capitals ("ALGER – "),
    so that a paragraph opening with a capitalised word and a dash is left alone.
    """
    m = _DATELINE.match(line)
    if not m:
        return None
    place = m.group("place")
    day = int(m.group("day")) if m.group("day") else None
    month = _MONTHS.get(m.group("month").lower()) if m.group("month") else None
    agency = m.group("agency").strip() if m.group("agency") else None
    if day is None and agency is None and not (place.isupper() and len(place) >= 3):
        return None
    if day is not None and not 1 <= day <= 31:
        return None
    text = line[: m.end()].rstrip().rstrip("-—–").rstrip()
    return {
        "text": text,
        "place": place,
        "agency": agency,
        "day": day,
        "month": month,
        "year": int(m.group("year")) if m.group("year") else None,
        "end": m.end(),
    }
