"""French time expressions, resolved against the publication date (pure, no model).

``find_times`` returns every expression in a text with its ISO value and precision;
``resolve_event_date`` picks the one that belongs to an event.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from froissart.types import Span, TimeExpr

MONTHS = {
    "janvier": 1, "fevrier": 2, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "aout": 8, "août": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "decembre": 12, "décembre": 12,
}
WEEKDAYS = {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
            "dimanche": 6}
_M = "|".join(sorted(MONTHS, key=len, reverse=True))
_W = "|".join(WEEKDAYS)
_PARTS = r"(?:\s+(?:matin|soir|après-midi|apres-midi|midi|dernier|prochain))?"

_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("numeric", re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")),
    ("day-month-year", re.compile(rf"\b(\d{{1,2}})(?:er)?\s+({_M})\s+(\d{{4}})\b", re.I)),
    ("weekday-day-month", re.compile(rf"\b(?:{_W})\s+(\d{{1,2}})(?:er)?\s+({_M})\b", re.I)),
    ("day-month", re.compile(rf"\b(\d{{1,2}})(?:er)?\s+({_M})\b(?!\s+\d{{4}})", re.I)),
    ("month-year", re.compile(rf"\b(?:en|de|d'|depuis|fin|début|mi-)?\s*({_M})\s+(\d{{4}})\b",
                              re.I)),
    ("month-last", re.compile(rf"\b(?:en\s+|au\s+mois\s+de\s+|d[eé]but\s+|fin\s+|mi-)?({_M})"
                              r"\s+(dernier|prochain)\b", re.I)),
    ("month", re.compile(rf"\ben\s+({_M})\b(?!\s+\d)", re.I)),
    ("weekday", re.compile(rf"\b({_W})(?:\s+(dernier|prochain))?{_PARTS}\b", re.I)),
    ("relative-day", re.compile(r"\b(avant-hier|hier|aujourd'hui|aujourd’hui|après-demain|"
                                r"apres-demain|demain)\b", re.I)),
    ("relative-period", re.compile(r"\b(la\s+semaine|le\s+mois|l'année|l’année|l'an|l’an)\s+"
                                   r"(dernière|dernier|passée|passé|prochaine|prochain)\b", re.I)),
    ("year", re.compile(r"\ben\s+((?:19|20)\d{2})\b")),
]


def find_times(text: str, anchor: date | None, offset: int = 0) -> list[TimeExpr]:
    """All time expressions in ``text``; spans are shifted by ``offset``."""
    out: list[TimeExpr] = []
    taken: list[tuple[int, int]] = []
    for rule, rx in _RULES:
        for m in rx.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            got = _resolve(rule, m, anchor)
            if got is None:
                continue
            value, precision = got
            taken.append((m.start(), m.end()))
            out.append(TimeExpr(Span(offset + m.start(), offset + m.end()), m.group(0).strip(),
                                value, precision, rule))
    out.sort(key=lambda t: t.span.start)
    return out


def _year_for(month: int, day: int | None, anchor: date | None, direction: str = "") -> int | None:
    if anchor is None:
        return None
    if direction == "prochain":
        return anchor.year if (month, day or 1) > (anchor.month, anchor.day) else anchor.year + 1
    if direction == "dernier":
        return anchor.year if month < anchor.month else anchor.year - 1
    # news reports the recent past: a date more than ~a week ahead is last year's
    try:
        cand = date(anchor.year, month, day or 1)
    except ValueError:
        return anchor.year
    return anchor.year - 1 if cand > anchor + timedelta(days=7 if day else 31) else anchor.year


def _resolve(rule: str, m: re.Match[str], anchor: date | None) -> tuple[str, str] | None:
    g = m.groups()
    try:
        if rule == "iso":
            return date(int(g[0]), int(g[1]), int(g[2])).isoformat(), "day"
        if rule == "numeric":
            return date(int(g[2]), int(g[1]), int(g[0])).isoformat(), "day"
        if rule == "day-month-year":
            return date(int(g[2]), MONTHS[g[1].lower()], int(g[0])).isoformat(), "day"
        if rule in ("day-month", "weekday-day-month"):
            month, day = MONTHS[g[1].lower()], int(g[0])
            year = _year_for(month, day, anchor)
            return (date(year, month, day).isoformat(), "day") if year else None
        if rule == "month-year":
            return f"{int(g[1]):04d}-{MONTHS[g[0].lower()]:02d}", "month"
        if rule == "month-last":
            month = MONTHS[g[0].lower()]
            year = _year_for(month, None, anchor, g[1].lower())
            return (f"{year:04d}-{month:02d}", "month") if year else None
        if rule == "month":
            month = MONTHS[g[0].lower()]
            year = _year_for(month, None, anchor)
            return (f"{year:04d}-{month:02d}", "month") if year else None
        if rule == "year":
            return g[0], "year"
    except ValueError:
        return None
    if anchor is None:
        return None
    if rule == "weekday":
        wd = WEEKDAYS[g[0].lower()]
        direction = (g[1] or "").lower()
        if direction == "prochain":
            delta = (wd - anchor.weekday()) % 7 or 7
            return (anchor + timedelta(days=delta)).isoformat(), "day"
        delta = (anchor.weekday() - wd) % 7
        if direction == "dernier" and delta == 0:
            delta = 7
        return (anchor - timedelta(days=delta)).isoformat(), "day"
    if rule == "relative-day":
        shift = {"avant-hier": -2, "hier": -1, "aujourd'hui": 0, "aujourd’hui": 0,
                 "demain": 1, "après-demain": 2, "apres-demain": 2}[g[0].lower()]
        return (anchor + timedelta(days=shift)).isoformat(), "day"
    if rule == "relative-period":
        unit, direction = g[0].lower(), g[1].lower()
        sign = -1 if direction.startswith(("dern", "pass")) else 1
        if unit.endswith("semaine"):
            monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=sign)
            iso = monday.isocalendar()
            return f"{iso.year:04d}-W{iso.week:02d}", "week"
        if unit.endswith("mois"):
            y, mth = anchor.year, anchor.month + sign
            if mth == 0:
                y, mth = y - 1, 12
            elif mth == 13:
                y, mth = y + 1, 1
            return f"{y:04d}-{mth:02d}", "month"
        return f"{anchor.year + sign:04d}", "year"
    return None


def parse_anchor(value: str | None) -> date | None:
    """The date part of an ISO date or datetime string, or None."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
