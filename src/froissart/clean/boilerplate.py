"""Recognising lines that are not body text: update stamps, photo credits, prompts."""

from __future__ import annotations

import re

_STAMP = re.compile(
    r"^(derni[eè]re\s+mise\s+[aà]\s+jour|mis\s+[aà]\s+jour|publi[ée]\s+le|mise\s+[aà]\s+jour)\b",
    re.IGNORECASE,
)
# "(Xinhua/Javed Dar)", "(Photo : AFP)", "Photo: Reuters/John Doe", "© AFP"
_CREDIT = re.compile(
    r"^\(?\s*(?:(?:photo|cr[ée]dit(?:\s+photo)?|image)s?\s*:?\s*)?"
    r"(?:[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3})\s*/\s*[\w'.-]+(?:\s+[\w'.-]+){0,3}\s*\)?$"
    r"|^\(?\s*(?:photo|cr[ée]dit(?:\s+photo)?)s?\s*:\s*[^()]{1,60}\)?$"
    r"|^[©Ⓒ]\s*\S.{0,60}$",
    re.IGNORECASE,
)
_PROMPTS = re.compile(
    r"^(lire\s+aussi|à\s+lire\s+aussi|voir\s+aussi|partager(\s+sur)?|abonnez-vous|"
    r"inscrivez-vous|newsletter|tous\s+droits\s+r[ée]serv[ée]s)\b",
    re.IGNORECASE,
)


def classify_line(line: str) -> str | None:
    """The boilerplate kind of a stripped line, or None for body text."""
    if len(line) < 80 and _STAMP.match(line):
        return "update-stamp"
    if len(line) < 80 and _CREDIT.match(line):
        return "photo-credit"
    if len(line) < 120 and _PROMPTS.match(line):
        return "prompt"
    return None
