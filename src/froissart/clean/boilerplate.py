"""Recognising lines that are not body text: update stamps, photo credits, site furniture.

Kinds (the ``Repair.kind`` of a removed line): ``update-stamp`` (handled as a header),
``photo-credit``, ``read-also`` ("Lire aussi : ..."), ``share`` ("Partager sur Facebook",
"Tweeter"), ``copyright`` ("© 2023 Le Monde", "Tous droits réservés"), ``newsletter``
("Inscrivez-vous à notre newsletter"), ``advertisement`` ("Publicité"), ``cookie-notice``
("Ce site utilise des cookies ...") and ``prompt`` (other calls to action).
Every pattern is anchored on the whole line or its start, and bounded in length, so that a
body paragraph that merely mentions cookies or Facebook stays.
"""

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
# "© 2023 Le Monde", "Copyright AFP 2024", "(c) Reuters 2023. Tous droits réservés."
_COPYRIGHT = re.compile(
    r"^(?:[©Ⓒ]|\(c\)|copyright)\s*.*(?:\b(?:19|20)\d{2}\b|droits|rights)"
    r"|^tous\s+droits\s+(?:de\s+reproduction\s+)?r[ée]serv[ée]s"
    r"|^all\s+rights\s+reserved",
    re.IGNORECASE,
)
_READ_ALSO = re.compile(
    r"^(?:[>»•▶►\s]*)(?:[àa]\s+lire\s+(?:aussi|[ée]galement)|lire\s+(?:aussi|[ée]galement|la\s+suite)"
    r"|voir\s+aussi|sur\s+le\s+m[êe]me\s+sujet|read\s+more|related)\b",
    re.IGNORECASE,
)
_NETWORKS = (r"(?:facebook|twitter|x|linkedin|whatsapp|messenger|telegram|pinterest|reddit|"
             r"flipboard|bluesky|threads|e-?mail|courriel|sms)")
_SHARE = re.compile(
    rf"^(?:(?:partager|partagez|tweeter|tweetez|tweet|share|imprimer|copier\s+le\s+lien"
    rf"|envoyer\s+par\s+(?:e-?mail|courriel))(?:\s+(?:sur|on|par|via|cet\s+article))?"
    rf"(?:\s*[:|,-]?\s*{_NETWORKS})*|{_NETWORKS}(?:\s*[|,·-]?\s*{_NETWORKS})+)\s*[:.!]?$",
    re.IGNORECASE,
)
_NEWSLETTER = re.compile(
    r"^(?:abonnez-vous|inscrivez-vous|s'abonner|je\s+m'abonne|newsletter)\b"
    r"|^.{0,60}\b(?:newsletter|lettre\s+d'information)\b.{0,60}$",
    re.IGNORECASE,
)
_ADVERT = re.compile(
    r"^(?:publicit[ée]|pub|annonce|advertisement|contenu\s+sponsoris[ée]|sponsoris[ée])\s*:?$",
    re.IGNORECASE,
)
_COOKIES = re.compile(
    r"^(?:ce\s+site(?:\s+web)?\s+utilise|notre\s+site\s+utilise|nous\s+utilisons"
    r"|en\s+(?:poursuivant|continuant)|nous\s+et\s+nos\s+partenaires|accepter"
    r"|g[ée]rer\s+(?:les|mes)\s+(?:cookies|pr[ée]f[ée]rences)|param[ée]trer"
    r"|this\s+(?:web)?site\s+uses|we\s+use)\b.*\b(?:cookies?|traceurs)\b",
    re.IGNORECASE,
)
_PROMPTS = re.compile(
    r"^(abonnez-vous|inscrivez-vous|tous\s+droits\s+r[ée]serv[ée]s|cliquez\s+ici)\b",
    re.IGNORECASE,
)


def classify_line(line: str) -> str | None:
    """The boilerplate kind of a stripped line, or None for body text."""
    n = len(line)
    if n < 80 and _STAMP.match(line):
        return "update-stamp"
    if n < 160 and _COPYRIGHT.match(line):
        return "copyright"
    if n < 80 and _CREDIT.match(line):
        return "photo-credit"
    if n < 200 and _READ_ALSO.match(line):
        return "read-also"
    if n < 100 and _SHARE.match(line):
        return "share"
    if n < 40 and _ADVERT.match(line):
        return "advertisement"
    if n < 400 and _COOKIES.match(line):
        return "cookie-notice"
    if n < 160 and _NEWSLETTER.match(line):
        return "newsletter"
    if n < 120 and _PROMPTS.match(line):
        return "prompt"
    return None
