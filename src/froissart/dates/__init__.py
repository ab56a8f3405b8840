"""French time expressions, resolved against the publication date (pure, no model).

``find_times`` returns every expression in a text with its ISO value and precision
(``day``, ``week``, ``weekend``, ``month``, ``season``, ``year``, ``decade``, ``century``);
values follow TIMEX3 conventions (``2023-05-04``, ``2023-W18``, ``2023-W18-WE``, ``2023-05``,
``2023-SU``, ``2023``, ``196X``, ``18XX``).

Direction (past or future) of an underspecified expression ("jeudi", "le 12 mars", "en
octobre") is decided in this order:

1. an explicit word next to it: "dernier", "passé" -> past; "prochain" -> future;
2. the tense of its sentence: the nearest tense cue wins. Past cues are auxiliaries of compound
   tenses ("a", "ont", "est + participle"), the imperfect, "hier", "depuis", "il y a"; future
   cues are future-tense verbs ("sera", "se déroulera", "reprendront"), "prévu", "doit",
   "jusqu'au", "d'ici", "à partir du", "à compter du", "rendez-vous";
3. no cue: news reports the recent past, so the most recent occurrence is taken (a weekday is
   today or earlier this week; a day-month date more than a week ahead, or a month more than a
   month ahead, is last year's).

Past includes the publication day itself ("samedi" on a Saturday is today); future starts the
next day for weekdays ("mardi prochain" on a Tuesday is next week) and on the day itself for
dates. A weekday written with its date ("samedi 5 juin") takes the year whose calendar agrees.
Some expressions take their reference from the text instead of the publication date: "le
lendemain", "la veille", "le même jour" from the last day-precision date before them (else the
publication date); a bare weekday from a dated mention of the same weekday in the text
("mardi" ... "mardi 1er juin"); a month without year from a year given just before it in the
same sentence ("en 97 (en janvier ...)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from froissart.types import Span, TimeExpr

MONTHS = {
    "janvier": 1, "fevrier": 2, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "aout": 8, "août": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "decembre": 12, "décembre": 12,
}
WEEKDAYS = {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
            "dimanche": 6}
NUMBERS = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
           "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13,
           "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20, "trente": 30}
SEASONS = {"printemps": ("SP", 3), "été": ("SU", 6), "ete": ("SU", 6), "automne": ("FA", 9),
           "hiver": ("WI", 12)}
RELATIVE_DAYS = {"avant-hier": -2, "hier": -1, "aujourd'hui": 0, "aujourd’hui": 0,
                 "demain": 1, "après-demain": 2, "apres-demain": 2}
# words after a bare number that make it a quantity, not a year
UNITS = ("%", "€", "$", "f", "francs", "euros", "dollars", "habitants", "personnes", "km",
         "m", "mètres", "metres", "kg", "kilos", "tonnes", "ans", "heures", "h", "jours",
         "mois", "salariés", "emplois", "logements", "voix", "exemplaires", "places", "points")

_M = "|".join(sorted(MONTHS, key=len, reverse=True))
_W = "|".join(WEEKDAYS)
_N = "|".join(sorted(NUMBERS, key=len, reverse=True))
_DAY = r"(\d{1,2}|premier)(?:er|ᵉʳ)?"
_DIR = r"(derni[eè]re?s?|pass[ée]e?s?|prochaine?s?)"
_PARTS = r"(?:\s+(?:matin|soir|après-midi|apres-midi|midi|aux\s+aurores))?"
_Q = r"['’]"
_UNITS_RX = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
# plural words that may follow a year ("en 1998 les ventes"); any other plural noun after a
# number makes it a quantity ("1500 manifestants")
FUNCTION_PLURALS = ("les", "des", "aux", "ses", "ces", "mes", "tes", "nos", "vos", "leurs",
                    "sous", "dans", "vers", "chez", "puis", "plus", "moins", "depuis", "après",
                    "alors", "lors", "tous", "toutes", "nous", "vous", "ils", "elles", "mais",
                    "sans", "jus", "avons", "avez", "sommes", "étions", "étaient", "avais")
_FUNC_RX = "|".join(FUNCTION_PLURALS)
_NOT_QTY = (rf"(?![.,]\d)(?!\s*(?:{_UNITS_RX})(?![\w-]))"
            rf"(?!\s+(?!(?:{_FUNC_RX})\b)[a-zà-ÿ][\w-]*[sx]\b)")
_QTY_BEFORE = r"(?<!plus de )(?<!moins de )(?<!près de )(?<!environ )(?<!quelque )"

_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("numeric", re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b(?![/.]\d)")),
    ("day-range", re.compile(rf"\b(\d{{1,2}})(?:er)?\s+(?:au|et|ou|à)\s+{_DAY}\s+({_M})"
                             rf"(?:\s+(\d{{4}}))?(?:\s+{_DIR})?\b", re.I)),
    ("weekday-day-month", re.compile(rf"\b(?:{_W})\s+{_DAY}\s+({_M})(?:\s+(\d{{4}}))?"
                                     rf"(?:\s+{_DIR})?\b", re.I)),
    ("day-month-year", re.compile(rf"\b{_DAY}\s+({_M})\s+(\d{{4}}|\d{{2}}{_NOT_QTY}(?!\w))",
                                  re.I)),
    ("day-month", re.compile(rf"\b{_DAY}\s+({_M})\b(?:\s+{_DIR}\b)?", re.I)),
    ("day-current", re.compile(rf"\b(?:le\s+)?{_DAY}\s+courant\b", re.I)),
    ("month-year", re.compile(rf"\b(?:(?:en|de|d{_Q}|depuis|dès|fin|début|debut|mi-)\s*)?"
                              rf"({_M})\s+(\d{{4}}|\d{{2}}{_NOT_QTY}(?!\w))\b", re.I)),
    ("month-last", re.compile(rf"\b(?:(?:en|au\s+mois\s+de|d[eé]but|fin|mi-)\s*)?({_M})"
                              rf"\s+{_DIR}\b", re.I)),
    ("night", re.compile(rf"\b(?:dans\s+)?la\s+nuit\s+(?:de|du)\s+({_W})\s+(?:à|au)\s+({_W})\b",
                         re.I)),
    ("weekday", re.compile(rf"\b(?:(ce|cette)\s+)?({_W})s?(?:\s+{_DIR})?{_PARTS}\b", re.I)),
    ("relative-day", re.compile(r"\b(avant-hier|hier|aujourd['’]hui|après-demain|apres-demain|"
                                r"demain)\b", re.I)),
    ("this-day", re.compile(r"\b(ce\s+matin|ce\s+midi|cet\s+après-midi|cet\s+apres-midi|"
                            r"ce\s+soir|cette\s+nuit|désormais)\b", re.I)),
    ("ago", re.compile(rf"\bil\s+y\s+a\s+(\d+|{_N})\s+(jours?|semaines?|mois|ans?|années?)\b",
                       re.I)),
    ("anaphoric-day", re.compile(r"\b(lendemain|veille|(?:le\s+)?même\s+jour)\b", re.I)),
    ("weekend", re.compile(rf"\b(?:(ce)\s+week-end|le\s+week-end\s+{_DIR})\b", re.I)),
    ("relative-period", re.compile(rf"\b(la\s+semaine|le\s+mois|l{_Q}année|l{_Q}an)\s+{_DIR}\b",
                                   re.I)),
    ("this-period", re.compile(r"\b(cette\s+semaine|ce\s+mois(?:-ci)?|cette\s+année|"
                               r"cette\s+année-ci)\b", re.I)),
    ("year-part", re.compile(rf"\b(?:la\s+|au\s+|à\s+la\s+)?(?:fin|début|debut|milieu)\s+"
                             rf"(?:de\s+)?l{_Q}(?:année|an)(?:\s+{_DIR})?\b", re.I)),
    ("decade", re.compile(r"\b(?:les\s+)?années\s+(?:19|20)?([0-9]0)\b(?!\d)", re.I)),
    ("century", re.compile(r"\b([XVI]+)(?:e|ème|eme)\s+siècle\b")),
    ("season", re.compile(rf"\b(?:(cet|ce|l{_Q}|le|au|à\s+l{_Q})\s*)(printemps|été|automne|"
                          rf"hiver)(?:\s+(\d{{4}})|\s+{_DIR})?\b", re.I)),
    ("month", re.compile(rf"\b(?:(?:en|de|d{_Q}|depuis|dès|début|debut|fin|mi-|courant|"
                         rf"au\s+mois\s+de|mois\s+de)\s*)({_M})\b(?!\s+\d)", re.I)),
    ("month", re.compile(rf"(?<![\w])({'|'.join(m for m in MONTHS if m not in ('mars', 'mai'))}"
                         rf"|mars|mai)\b(?!\s+\d)")),
    ("year-range", re.compile(r"(?<![\d.,/])\b(1[5-9]\d\d|20\d\d)\s*[-/–]\s*(1[5-9]\d\d|20\d\d)\b"
                              r"(?![.,]?\d)")),
    ("year", re.compile(rf"{_QTY_BEFORE}(?<![\d.,/-])(?<!\d\s)(?<!n°)(?<!n°\s)"
                        rf"\b(1[5-9]\d\d|20\d\d)\b{_NOT_QTY}")),
    ("year", re.compile(rf"\ben\s+(\d{{2}})(?=\s*[,.;:()]|\s*$){_NOT_QTY}")),
]

# rules whose value depends on other expressions of the text: resolved in a second pass
_CONTEXTUAL = {"anaphoric-day", "month", "day-month", "weekday"}

# tense-bearing verbs (future / conditional of obligation; compound past, imperfect)
_FUTURE_VERBS = re.compile(
    r"\b(?:\w+(?:era|eras|erai|erons|erez|eront|ira|iront|dra|dront|ura|uront|vra|vront|rra|"
    r"rront)|ira|iront|doit|doivent|devrait|devraient|prévue?s?|"
    r"(?:va|vont)\s+\w+(?:er|ir|re))\b", re.I)
_PAST_VERBS = re.compile(
    r"\b(?:(?:a|ont|avait|avaient|avons|avez|eut|eurent|fut|furent|était|étaient|été)"
    r"(?:\s+été)?(?:\s+\w+(?:é|ée|és|ées|i|ie|is|u|ue|us))?|"
    r"(?:est|sont|s['’]est|se\s+sont)\s+(?!prévu)\w+(?:é|ée|és|ées|i|ie|is|u|ue|us|t|te|ts)|"
    r"\w{3,}(?:ait|aient))\b", re.I)
# words that set the direction of the date they introduce, or of their sentence
_FUTURE_WORDS = re.compile(r"\b(?:prochaine?s?|jusqu['’](?:au|à)|d['’]ici|"
                           r"à\s+partir\s+d[ue]|à\s+compter\s+d[ue]|rendez-vous)\b", re.I)
_PAST_WORDS = re.compile(r"\b(?:hier|depuis|derni[eè]re?s?|il\s+y\s+a)\b", re.I)
_NOT_PAST = {"sait", "lait", "souhait", "trait", "portrait", "plait", "parfait", "attrait",
             "retrait", "extrait", "abstrait", "distrait", "fait"}
_SENTENCE_END = re.compile(r"[.!?\n]")
_CLAUSE_END = re.compile(r"[.!?\n,;:()«»]")
_LEFT_CUE = re.compile(r"(?:(depuis)|jusqu['’](?:au|à)|d['’]ici|à\s+partir\s+d[ue]|"
                       r"à\s+compter\s+d[ue])(?:\s+(?:le|la|l['’]|les|ce|cette))?\s*$", re.I)


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    rule: str
    m: re.Match[str]
    value: str | None = None
    precision: str = ""


def find_times(text: str, anchor: date | None, offset: int = 0) -> list[TimeExpr]:
    """All time expressions in ``text``; spans are shifted by ``offset``."""
    hits: list[_Hit] = []
    for rule, rx in _RULES:
        for m in rx.finditer(text):
            spans = _spans(rule, m)
            if any(s < e2 and s2 < e for s, e in spans for h in hits
                   for s2, e2 in [(h.start, h.end)]):
                continue
            for s, e in spans:
                hits.append(_Hit(s, e, rule, m))
    hits.sort(key=lambda h: h.start)
    for h in hits:  # first pass: values from the anchor alone
        if h.rule not in _CONTEXTUAL:
            _set(h, _resolve(h, text, anchor))
    for i, h in enumerate(hits):  # second pass: values that look at the rest of the text
        if h.rule in _CONTEXTUAL:
            _set(h, _resolve_in_context(h, i, hits, text, anchor))
    return [TimeExpr(Span(offset + h.start, offset + h.end), text[h.start:h.end].strip(),
                     h.value, h.precision, h.rule) for h in hits if h.value]


def _spans(rule: str, m: re.Match[str]) -> list[tuple[int, int]]:
    if rule == "year-range":  # "1982-1990", "2002/2003": two years
        return [(m.start(1), m.end(1)), (m.start(2), m.end(2))]
    if rule == "day-range":  # "du 19 au 23 juillet": two dates
        return [(m.start(1), m.end(1)), (m.start(2), m.end())]
    start, end = m.start(), m.end()
    while end > start and m.string[end - 1].isspace():
        end -= 1
    return [(start, end)]


def _set(h: _Hit, got: tuple[str, str] | None) -> None:
    if got:
        h.value, h.precision = got


# --- direction -----------------------------------------------------------------------------

def _direction(word: str | None, strict: bool = False) -> str:
    """Direction given by "dernier"/"prochain"; ``strict``: "last"/"next" (current excluded)."""
    w = (word or "").lower()
    if w.startswith("prochain"):
        return "next" if strict else "future"
    if w.startswith(("dern", "pass")):
        return "last" if strict else "past"
    return ""


def _tense(text: str, start: int, end: int) -> str:
    """'past', 'future' or '' for the span: a word introducing it ("depuis", "jusqu'au"), else
    the nearest tense-bearing verb of its clause, then of its sentence, else the nearest
    direction word of its sentence."""
    left_cue = _LEFT_CUE.search(text, max(0, start - 30), start)
    if left_cue:
        return "past" if left_cue.group(1) else "future"
    for bound in (_CLAUSE_END, _SENTENCE_END):
        got = _nearest(text, start, end, bound, ((("future", _FUTURE_VERBS),
                                                   ("past", _PAST_VERBS))))
        if got:
            return got
    return _nearest(text, start, end, _SENTENCE_END,
                    (("future", _FUTURE_WORDS), ("past", _PAST_WORDS)))


def _nearest(text: str, start: int, end: int, bound: re.Pattern[str],
             cues: tuple[tuple[str, re.Pattern[str]], ...]) -> str:
    left = max((m.end() for m in bound.finditer(text, 0, start)), default=0)
    right = bound.search(text, end)
    stop = right.start() if right else len(text)
    best: tuple[int, str] | None = None
    for kind, rx in cues:
        for m in rx.finditer(text, left, stop):
            if start <= m.start() < end or start < m.end() <= end:
                continue  # a cue inside the expression itself ("samedi dernier") is not tense
            if kind == "past" and m.group(0).lower() in _NOT_PAST:
                continue
            # the verb a time adverbial belongs to usually comes before it: right cues weigh double
            dist = start - m.end() if m.end() <= start else 2 * (m.start() - end)
            if best is None or dist < best[0]:
                best = (dist, kind)
    return best[1] if best else ""


def _sense(h: _Hit, text: str, word: str | None = None) -> str:
    return _direction(word) or _tense(text, h.start, h.end)


# --- calendar helpers ----------------------------------------------------------------------

def _two_digit_year(yy: int, anchor: date | None) -> int:
    """"93" -> 1993, "03" -> 2003: the latest reading no more than 5 years after the anchor."""
    limit = (anchor.year if anchor else 2000) + 5
    return 2000 + yy if 2000 + yy <= limit else 1900 + yy


def _year(g: str, anchor: date | None) -> int:
    return int(g) if len(g) == 4 else _two_digit_year(int(g), anchor)


def _day_num(g: str) -> int:
    return 1 if g.lower() == "premier" else int(g)


def _day_year(month: int, day: int, anchor: date, sense: str) -> int:
    """Year of an underspecified day-month date."""
    try:
        cand = date(anchor.year, month, day)
    except ValueError:
        return anchor.year
    if sense == "future":
        return anchor.year if cand >= anchor else anchor.year + 1
    if sense == "past":
        return anchor.year if cand <= anchor else anchor.year - 1
    return anchor.year - 1 if cand > anchor + timedelta(days=7) else anchor.year


def _month_year(month: int, anchor: date, sense: str) -> int:
    if sense == "next":  # "mai prochain" in May is next year's
        return anchor.year if month > anchor.month else anchor.year + 1
    if sense == "last":  # "mai dernier" in May is last year's
        return anchor.year if month < anchor.month else anchor.year - 1
    if sense == "future":
        return anchor.year if month >= anchor.month else anchor.year + 1
    if sense == "past":
        return anchor.year if month <= anchor.month else anchor.year - 1
    return anchor.year - 1 if month > anchor.month + 1 else anchor.year


def _weekday(wd: int, anchor: date, sense: str) -> date:
    if sense == "future":
        return anchor + timedelta(days=(wd - anchor.weekday()) % 7 or 7)
    return anchor - timedelta(days=(anchor.weekday() - wd) % 7)


def _week(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def _add_months(d: date, n: int) -> tuple[int, int]:
    k = d.year * 12 + d.month - 1 + n
    return k // 12, k % 12 + 1


def _roman(s: str) -> int:
    vals = {"I": 1, "V": 5, "X": 10}
    total = 0
    for a, b in zip(s, s[1:] + " ", strict=True):
        v = vals[a]
        total += -v if b != " " and vals[b] > v else v
    return total


# --- resolution ----------------------------------------------------------------------------

def _resolve(h: _Hit, text: str, anchor: date | None) -> tuple[str, str] | None:
    rule, m = h.rule, h.m
    g = m.groups()
    try:
        if rule == "iso":
            return date(int(g[0]), int(g[1]), int(g[2])).isoformat(), "day"
        if rule == "numeric":
            return date(_year(g[2], anchor), int(g[1]), int(g[0])).isoformat(), "day"
        if rule == "day-month-year":
            return date(_year(g[2], anchor), MONTHS[g[1].lower()], _day_num(g[0])).isoformat(), \
                "day"
        if rule == "month-year":
            return f"{_year(g[1], anchor):04d}-{MONTHS[g[0].lower()]:02d}", "month"
        if rule == "year":
            return f"{_year(g[0], anchor):04d}", "year"
        if rule == "year-range":
            return (m.group(1) if h.start == m.start(1) else m.group(2)), "year"
        if rule == "decade":
            tens = int(g[0])
            century = m.group(0).lower().split("années")[1].strip()[:2]
            prefix = "20" if century == "20" or (len(century) < 2 and tens < 30) else "19"
            if century == "19":
                prefix = "19"
            return f"{prefix}{tens // 10}X", "decade"
        if rule == "century":
            return f"{_roman(g[0]) - 1:02d}XX", "century"
        if rule == "day-range" or rule == "weekday-day-month":
            return _dated_day(h, text, anchor)
    except (ValueError, KeyError):
        return None
    if anchor is None:
        return None
    if rule == "day-current":
        try:
            return date(anchor.year, anchor.month, _day_num(g[0])).isoformat(), "day"
        except ValueError:
            return None
    if rule == "month-last":
        month = MONTHS[g[0].lower()]
        return f"{_month_year(month, anchor, _direction(g[1], True)):04d}-{month:02d}", "month"
    if rule == "night":
        # "dans la nuit de jeudi à vendredi": overnight events are dated by the morning
        # they end in, as agencies report them
        wd = WEEKDAYS[g[1].lower()]
        return _weekday(wd, anchor, _tense(text, h.start, h.end)).isoformat(), "day"
    if rule == "relative-day":
        key = g[0].lower().replace("’", "'")
        return (anchor + timedelta(days=RELATIVE_DAYS[key])).isoformat(), "day"
    if rule == "this-day":
        return anchor.isoformat(), "day"
    if rule == "ago":
        n = int(g[0]) if g[0].isdigit() else NUMBERS[g[0].lower()]
        unit = g[1].lower()
        if unit.startswith("jour"):
            return (anchor - timedelta(days=n)).isoformat(), "day"
        if unit.startswith("semaine"):
            return _week(anchor - timedelta(weeks=n)), "week"
        if unit == "mois":
            y, mth = _add_months(anchor, -n)
            return f"{y:04d}-{mth:02d}", "month"
        return f"{anchor.year - n:04d}", "year"
    if rule == "weekend":
        # Saturday and Sunday are in the current weekend; "ce week-end" on a weekday is the
        # last one (past) or the coming one (future); "dernier"/"prochain" step one week
        on_weekend = anchor.weekday() >= 5
        sense = _direction(g[1]) if not g[0] else _tense(text, h.start, h.end)
        if sense == "future":
            base = anchor + timedelta(days=7 if on_weekend and not g[0] else 0)
        elif on_weekend and g[0]:
            base = anchor
        else:
            base = anchor - timedelta(days=7)
        return _week(base) + "-WE", "weekend"
    if rule == "relative-period":
        unit, sign = g[0].lower(), -1 if _direction(g[1]) == "past" else 1
        if unit.endswith("semaine"):
            return _week(anchor + timedelta(weeks=sign)), "week"
        if unit.endswith("mois"):
            y, mth = _add_months(anchor, sign)
            return f"{y:04d}-{mth:02d}", "month"
        return f"{anchor.year + sign:04d}", "year"
    if rule == "this-period":
        unit = g[0].lower()
        if "semaine" in unit:
            return _week(anchor), "week"
        if "mois" in unit:
            return f"{anchor.year:04d}-{anchor.month:02d}", "month"
        return f"{anchor.year:04d}", "year"
    if rule == "year-part":
        sense = _direction(g[0])
        shift = -1 if sense == "past" else 1 if sense == "future" else 0
        return f"{anchor.year + shift:04d}", "year"
    if rule == "season":
        code, start_month = SEASONS[g[1].lower()]
        if g[2]:
            return f"{g[2]}-{code}", "season"
        sense = _direction(g[3])
        if not sense and g[0] and g[0].lower() in ("ce", "cet"):
            return f"{anchor.year:04d}-{code}", "season"
        sense = sense or _tense(text, h.start, h.end)
        if sense == "future":
            year = anchor.year if start_month + 2 >= anchor.month else anchor.year + 1
        else:
            year = anchor.year if start_month <= anchor.month else anchor.year - 1
        return f"{year:04d}-{code}", "season"
    return None


def _dated_day(h: _Hit, text: str, anchor: date | None) -> tuple[str, str] | None:
    """Day of "samedi 5 juin", "du 19 au 23 juillet"; the weekday, when given, picks the year."""
    m = h.m
    if h.rule == "day-range":
        first = h.start == m.start(1)
        day = int(m.group(1)) if first else _day_num(m.group(2))
        month, year_g, word = MONTHS[m.group(3).lower()], m.group(4), m.group(5)
        weekday = None
    else:
        day, month = _day_num(m.group(1)), MONTHS[m.group(2).lower()]
        year_g, word = m.group(3), m.group(4)
        weekday = WEEKDAYS[m.group(0).split()[0].lower()]
    if year_g:
        return date(int(year_g), month, day).isoformat(), "day"
    if anchor is None:
        return None
    if weekday is not None:
        cands = []
        for y in (anchor.year - 1, anchor.year, anchor.year + 1):
            try:
                d = date(y, month, day)
            except ValueError:
                continue
            if d.weekday() == weekday:
                cands.append(d)
        if cands:
            return min(cands, key=lambda d: abs((d - anchor).days)).isoformat(), "day"
    year = _day_year(month, day, anchor, _sense(h, text, word))
    return date(year, month, day).isoformat(), "day"


def _resolve_in_context(h: _Hit, i: int, hits: list[_Hit], text: str,
                        anchor: date | None) -> tuple[str, str] | None:
    g = h.m.groups()
    before = [p for p in hits[:i] if p.value]
    if h.rule == "anaphoric-day":
        ref = next((date.fromisoformat(p.value) for p in reversed(before)
                    if p.precision == "day"), anchor)
        if ref is None:
            return None
        word = g[0].lower()
        shift = 1 if word == "lendemain" else -1 if word == "veille" else 0
        return (ref + timedelta(days=shift)).isoformat(), "day"
    if h.rule in ("month", "day-month"):
        month = MONTHS[(g[0] if h.rule == "month" else g[1]).lower()]
        year = _year_in_sentence(h, before, text)
        day = _day_num(g[0]) if h.rule == "day-month" else None
        if year is None:
            if anchor is None:
                return None
            word = g[2] if h.rule == "day-month" else None
            sense = _sense(h, text, word)
            year = _day_year(month, day, anchor, sense) if day else \
                _month_year(month, anchor, sense)
        try:
            if day:
                return date(year, month, day).isoformat(), "day"
        except ValueError:
            return None
        return f"{year:04d}-{month:02d}", "month"
    if h.rule == "weekday":
        if anchor is None:
            return None
        wd = WEEKDAYS[g[1].lower()]
        word = g[2]
        if g[0] and not word and wd == anchor.weekday():  # "ce dimanche" on a Sunday
            return anchor.isoformat(), "day"
        if not word:  # a dated mention of the same weekday near the anchor
            for p in hits:
                if p.rule == "weekday-day-month" and p.value and p.precision == "day":
                    d = date.fromisoformat(p.value)
                    if d.weekday() == wd and abs((d - anchor).days) <= 7:
                        return p.value, "day"
        sense = _sense(h, text, word)
        if word and sense == "past" and wd == anchor.weekday():
            return (anchor - timedelta(days=7)).isoformat(), "day"
        return _weekday(wd, anchor, sense).isoformat(), "day"
    return None


def _year_in_sentence(h: _Hit, before: list[_Hit], text: str) -> int | None:
    """Year of the nearest dated expression just before ``h`` in its sentence (60 chars)."""
    for p in reversed(before):
        if h.start - p.end > 60 or _SENTENCE_END.search(text, p.end, h.start):
            return None
        if p.value and p.precision in ("year", "month", "day") and p.value[:4].isdigit():
            return int(p.value[:4])
    return None


def parse_anchor(value: str | None) -> date | None:
    """The date part of an ISO date or datetime string, or None."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
