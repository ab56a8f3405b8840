"""Navigation over a parsed sentence (Froissart tokens, no spaCy)."""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property

from froissart.types import Sentence, Token

# prepositional locutions the parser may head by their first word ("près de", "autour de",
# "en direction de", "auprès de")
LOCUTIONS = {"près", "autour", "auprès", "face", "direction", "proximité"}

_PREP_NORMAL = {"au": "à", "aux": "à", "du": "de", "des": "de", "d'": "de", "d’": "de"}
CLAUSE_DEPS = {"acl", "acl:relcl", "advcl", "ccomp", "xcomp", "csubj", "parataxis", "conj"}
NP_DEPS = {"amod", "nmod", "appos", "flat:name", "flat", "flat:foreign", "compound", "det",
           "case", "fixed", "nummod", "nmod:poss", "obl:mod", "dep"}


class Tree:
    """Children, heads and phrase extents of one sentence."""

    def __init__(self, sentence: Sentence) -> None:
        self.sentence = sentence
        self.tok: dict[int, Token] = {t.i: t for t in sentence.tokens}
        self.kids: dict[int, list[int]] = defaultdict(list)
        self.memo: dict = {}  # per-sentence results shared by the stages that ask again
        for t in sentence.tokens:
            if t.head != t.i and t.head in self.tok:
                self.kids[t.head].append(t.i)

    @cached_property
    def order(self) -> list[int]:
        return [t.i for t in self.sentence.tokens]

    def children(self, i: int, *deps: str) -> list[Token]:
        out = [self.tok[c] for c in self.kids.get(i, [])]
        if deps:
            out = [t for t in out if t.dep in deps or t.dep.split(":")[0] in deps]
        return out

    def head(self, i: int) -> Token | None:
        t = self.tok[i]
        return self.tok.get(t.head) if t.head != i else None

    def prep(self, i: int) -> str:
        """The preposition introducing token ``i`` ('' when none), normalised (au -> à)."""
        for c in self.children(i, "case"):
            if c.i < i:
                low = c.text.lower()
                if low == "a" and c.pos == "ADP":
                    return "à"  # "A Paris," at the start of a sentence
                return _PREP_NORMAL.get(low, low)  # the text: "entre" is lemmatised "entrer"
        # multiword prepositions: "lors de", "en marge de", "au sujet de"
        return ""

    def preps(self, i: int) -> list[str]:
        return [
            _PREP_NORMAL.get(c.text.lower(), c.text.lower())
            for c in self.children(i, "case", "fixed")
            if c.i < i
        ]

    def find_prep(self, i: int, prep: str, max_depth: int = 3) -> list[int]:
        """Phrases introduced by ``prep`` below token ``i``, nearest first, within its clause."""
        out: list[int] = []
        frontier = [i]
        for depth in range(max_depth):
            nxt = []
            for cur in frontier:
                for c in self.children(cur):
                    if depth == 0 and c.dep in ("nsubj", "nsubj:pass", "csubj"):
                        continue  # the subject's own complements are not the event's
                    participle = c.dep == "acl" and "VerbForm=Part" in c.morph
                    if c.dep in CLAUSE_DEPS and c.pos in ("VERB", "AUX") and not participle:
                        continue  # a participle ("les crimes commis par X") stays in the phrase
                    if c.dep in ("acl:relcl", "ccomp", "advcl", "parataxis", "punct"):
                        continue
                    if c.dep.split(":")[0] in ("obl", "nmod", "iobj", "obj", "appos", "acl") and (
                        self.prep(c.i) == prep or prep in self.preps(c.i)
                    ):
                        out.append(c.i)
                    elif prep in LOCUTIONS and c.text.lower() == prep:
                        # "autour de Taïwan", "près de la frontière": the parser heads the
                        # locution by its adverb; its phrase hangs below it
                        out += [g.i for g in self.children(c.i, "dep", "obl", "obl:arg", "nmod",
                                                           "obj")
                                if g.pos in ("NOUN", "PROPN") and g.i > c.i]
                    else:
                        nxt.append(c.i)
            if out:
                return out
            frontier = nxt
        return out

    def agents(self, i: int) -> list[int]:
        """The "par" agents of a passive or a participle: obl:agent, or an oblique introduced
        by "par" that the parser labelled otherwise ("reçus par le président")."""
        out = [c.i for c in self.children(i, "obl:agent")]
        if not out:
            out = [c.i for c in self.children(i, "obl", "obl:arg", "obl:mod", "nmod")
                   if self.prep(c.i) == "par"]
        if not out and self.is_participle(i):
            # "la journaliste, arrêtée le 19 décembre par les autorités": the agent hung on
            # the noun the participle qualifies
            h = self.tok[i].head
            out = [c.i for c in self.children(h, "nmod", "obl", "obl:mod")
                   if c.i > i and self.prep(c.i) == "par"]
        return out

    def is_participle(self, i: int) -> bool:
        """A past participle qualifying a noun: "des équipes dépêchées par l'Espagne"."""
        t = self.tok[i]
        return t.dep == "acl" and "VerbForm=Part" in t.morph and "Tense=Past" in t.morph

    def is_passive(self, i: int) -> bool:
        """A passive needs its auxiliary: a lone nsubj:pass is a tagging error."""
        return any(c.dep == "aux:pass" for c in self.children(i))

    def subtree(self, i: int, deps: set[str] | None = None) -> list[int]:
        """Token ``i`` and its descendants, following only ``deps`` when given."""
        out = [i]
        stack = [i]
        while stack:
            cur = stack.pop()
            for c in self.kids.get(cur, []):
                dep = self.tok[c].dep
                if deps is None or dep in deps or dep.split(":")[0] in deps:
                    out.append(c)
                    stack.append(c)
        return sorted(out)

    def np_extent(self, i: int) -> list[int]:
        return self.subtree(i, NP_DEPS)

    def conjuncts(self, i: int) -> list[int]:
        """``i`` and the tokens coordinated with it."""
        out = [i]
        stack = [i]
        while stack:
            cur = stack.pop()
            for c in self.children(cur, "conj"):
                out.append(c.i)
                stack.append(c.i)
        return out

    def ancestors(self, i: int) -> list[Token]:
        out = []
        seen = {i}
        cur = self.head(i)
        while cur is not None and cur.i not in seen:
            out.append(cur)
            seen.add(cur.i)
            cur = self.head(cur.i)
        return out

    def negated(self, i: int) -> bool:
        kids = self.children(i)
        for c in kids:
            if c.dep in ("advmod", "neg", "det", "obj", "nsubj") and c.lemma.lower() in (
                    "pas", "jamais", "aucun", "aucune", "nullement", "guère"):
                return True
        if any(c.lemma.lower() == "ne" for c in kids):
            # "n'a plus", "n'a rien livré", "n'a livré ni armes ni munitions"
            if any(c.lemma.lower() in ("plus", "rien", "point", "personne") for c in kids):
                return True
            if any(g.lemma.lower() == "ni" for c in kids for g in self.children(c.i, "cc")):
                return True
        return False

    def mood(self, i: int) -> str:
        t = self.tok[i]
        moods = _feat(t.morph, "Mood")
        tenses = _feat(t.morph, "Tense")
        for c in self.children(i, "aux", "aux:tense", "aux:pass", "cop"):
            moods = moods or _feat(c.morph, "Mood")
            tenses = tenses or _feat(c.morph, "Tense")
        if moods == "Cnd" or (tenses == "Imp" and _conditional_form(t.text, t.lemma)):
            return "conditional"
        if tenses == "Fut":
            return "future"
        head = self.head(i)
        if t.dep == "xcomp" and head is not None and head.lemma == "aller" \
                and head.pos in ("VERB", "AUX"):
            return self.mood(head.i) or "future"  # "elle allait acheminer": a future
        return ""


_IMPERFECT_ENDINGS = ("ait", "aient", "ais", "ions", "iez")
_IRREGULAR_STEMS = ("fer", "ser", "aur", "ir", "pourr", "viendr", "enverr", "devr", "voudr",
                    "saur", "faudr", "verr", "tiendr", "vaudr", "mourr", "courr", "recevr")


def _conditional_form(text: str, lemma: str) -> bool:
    """A conditional the tagger took for an imperfect: the infinitive's stem and an
    imperfect ending ("livrerait", "prendrait", "finirait", "ferait")."""
    low, lem = text.lower(), lemma.lower()
    for end in _IMPERFECT_ENDINGS:
        if not low.endswith(end):
            continue
        stem = low[: -len(end)]
        if (lem.endswith("re") and stem == lem[:-1]) or stem == lem:
            return True
        return stem.endswith(_IRREGULAR_STEMS) and len(stem) >= 2 and stem not in lem
    return False


def _feat(morph: str, name: str) -> str:
    for part in morph.split("|"):
        if part.startswith(name + "="):
            return part.split("=", 1)[1]
    return ""


TIME_HEADS = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier",
              "aujourd'hui", "demain", "mois", "semaine"}
_KEEP_ON_TIME = {"soir", "matin", "nuit", "midi", "après-midi", "dernier", "prochain", "soirée",
                 "matinée"}


def repair_time_attachments(tokens: list[Token]) -> list[Token]:
    """Undo a frequent parser error: a weekday right after the verb taken as its object,
    with the real object hanging from the weekday ("a présenté mercredi des excuses au
    président", "sont convenus vendredi de renforcer"). The weekday's dependents move back
    to the verb and the weekday becomes a modifier."""
    from dataclasses import replace

    by_i = {t.i: t for t in tokens}
    changed: dict[int, Token] = {}
    for w in tokens:
        head = by_i.get(w.head)
        if w.text.lower() not in TIME_HEADS or head is None or w.head == w.i or \
                head.pos not in ("VERB", "AUX", "ADJ"):
            continue
        kids = [c for c in tokens if c.head == w.i and c.i != w.i]
        moved = False
        for c in kids:
            if c.text.lower() in _KEEP_ON_TIME or c.dep in ("det", "case", "amod", "nummod",
                                                            "punct", "advmod", "fixed"):
                continue
            if c.pos not in ("NOUN", "PROPN", "VERB", "PRON"):
                continue
            has_case = any(x.head == c.i and x.dep == "case" for x in tokens)
            has_mark = any(x.head == c.i and x.dep == "mark" for x in tokens)
            dep = "xcomp" if c.pos == "VERB" and has_mark else "obl:arg" if has_case else "obj"
            changed[c.i] = replace(c, head=head.i, dep=dep)
            moved = True
        if moved or w.dep in ("obj", "nsubj", "xcomp"):
            changed[w.i] = replace(w, dep="obl:mod")
    return [changed.get(t.i, t) for t in tokens]


_QUOTES_OPEN = {"«", "“", '"'}
_QUOTES_CLOSE = {"»", "”", '"'}


def repair_quoted_adverbials(tokens: list[Token]) -> list[Token]:
    """Undo a parser error: a quoted adverbial between a verb and its object swallows the
    object as an apposition ("a condamné « avec la plus grande fermeté » le tir"). The
    object goes back to the verb when the verb has none."""
    from dataclasses import replace

    by_i = {t.i: t for t in tokens}
    changed: dict[int, Token] = {}
    for x in tokens:
        h = by_i.get(x.head)
        if x.dep != "appos" or h is None or x.head == x.i or x.i < h.i:
            continue
        v = by_i.get(h.head)
        if v is None or h.head == h.i or v.pos != "VERB":
            continue
        kids_h = [c for c in tokens if c.head == h.i]
        if not any(c.dep == "case" for c in kids_h) or any(
                c.head == v.i and c.dep == "obj" for c in tokens):
            continue
        between = [t.text for t in tokens if v.i < t.i < x.i]
        if not (set(between) & _QUOTES_OPEN and set(between) & _QUOTES_CLOSE):
            continue
        changed[x.i] = replace(x, head=v.i, dep="obj")
    return [changed.get(t.i, t) for t in tokens]


def repair_split_coordination(tokens: list[Token]) -> list[Token]:
    """Undo a parser error: the second member of a coordinated noun phrase attached to the
    verb as a conjunct clause ("a invité Moscou et Kiev à poursuivre": Kiev conj of the
    verb). It goes back to the first member when it has no clause of its own."""
    from dataclasses import replace

    by_i = {t.i: t for t in tokens}
    kids: dict[int, list[Token]] = {}
    for t in tokens:
        if t.head != t.i:
            kids.setdefault(t.head, []).append(t)
    changed: dict[int, Token] = {}
    for y in tokens:
        v = by_i.get(y.head)
        if y.dep != "conj" or v is None or y.head == y.i or v.pos not in ("VERB", "AUX") \
                or y.pos not in ("NOUN", "PROPN") or y.i < v.i:
            continue
        own = kids.get(y.i, [])
        if any(c.dep in ("nsubj", "nsubj:pass", "aux", "aux:tense", "aux:pass", "cop", "obj")
               for c in own):
            continue
        first = min([y.i] + [c.i for c in own if c.dep in ("det", "case", "amod") and c.i < y.i])
        cc = next((c for c in own if c.dep == "cc" and c.i == first - 1), None)
        if cc is None or cc.i - 1 not in by_i:
            continue
        x = by_i[cc.i - 1]
        for _ in range(6):  # climb to the phrase that hangs from the verb
            if x.head == v.i or x.head == x.i or x.head not in by_i:
                break
            x = by_i[x.head]
        if x.head == v.i and x.i != y.i and x.pos in ("NOUN", "PROPN") and x.dep in (
                "obj", "nsubj", "nsubj:pass", "iobj", "obl", "obl:arg", "obl:mod"):
            changed[y.i] = replace(y, head=x.i)
    return [changed.get(t.i, t) for t in tokens]
