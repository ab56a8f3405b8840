"""Coding events in a sentence: pattern triggers, argument slots, modality, reciprocity."""

from __future__ import annotations

from dataclasses import dataclass

from froissart.actors.resolve import ETRE_VERBS, DocumentActors, SentenceActors, match_head
from froissart.events.calibrate import arg_class
from froissart.events.lexicon import PREPS as SLOT_PREPS
from froissart.events.lexicon import EventLexicon, Pattern, Wrapper
from froissart.syntax import Tree
from froissart.textnorm import fold, key
from froissart.types import Actor, Event, Place, Span

POS_OK = {"VERB": {"VERB", "AUX"}, "NOUN": {"NOUN", "PROPN"}, "ADJ": {"ADJ", "VERB"}}
# prepositions that set a scene rather than name what is asked, promised or refused
CIRCUMSTANTIAL = {"après", "avant", "depuis", "malgré", "lors", "pendant", "durant", "suite"}
COMPLEMENT_DEPS = {"xcomp", "ccomp", "obl:arg", "advcl", "acl", "obj", "obl:mod", "iobj"}
# verbs whose object event does not happen ("suspendre les négociations", "annuler la visite")
STOPPING = {"suspendre", "rompre", "quitter", "interrompre", "geler", "annuler", "reporter",
            "boycotter", "ajourner", "refuser", "rejeter", "empecher", "bloquer", "ecarter",
            "exclure", "decliner", "balayer"}
STOPPING_NOUNS = {"fin", "suspension", "rupture", "arret", "interruption", "gel", "report",
                  "annulation", "boycott", "porte", "echec", "abandon", "allegement",
                  "assouplissement", "levee", "rejet", "refus"}
# adjectives that make a noun's event a possibility ("une éventuelle offensive")
MAYBE = {"eventuel", "possible", "hypothetique", "potentiel", "probable", "envisage", "futur",
         "prochain", "eventuelle"}
# nouns whose "de" complement names an event that has not happened ("la menace d'une ...")
MODAL_NOUNS = {"menace", "risque", "perspective", "possibilite", "hypothese", "eventualite",
               "option", "idee", "scenario", "crainte", "spectre", "peur"}
# verbs saying that an event named by their subject took place
HAPPEN_VERBS = {"avoir", "tenir", "derouler", "produire", "intervenir", "aboutir"}
TIME_WORDS = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier",
              "soir", "matin", "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet",
              "aout", "septembre", "octobre", "novembre", "decembre", "semaine", "mois", "an",
              "annee", "jour", "veille", "lendemain"}
REFLEXIVE = {"se", "s'", "me", "m'", "nous", "vous", "te", "t'"}
RELATIVE = {"dont", "qui", "lequel", "laquelle", "lesquels", "lesquelles", "où", "auquel"}
# nouns for acts another party did: the object of a condemnation, rejection or threat
# ("a dénoncé une décision inamicale", "a qualifié ces sanctions d'illégitimes")
ACT_NOUNS = {"décision", "mesure", "sanction", "attaque", "frappe", "expulsion", "accusation",
             "propos", "déclaration", "ingérence", "agression", "provocation", "acte", "action",
             "initiative", "démarche", "riposte", "rétorsion", "représailles", "tentative",
             "violation", "bombardement", "offensive", "opération", "incursion", "invasion",
             "annexion", "essai", "tir", "manœuvre", "exercice", "attentat", "raid",
             "assassinat", "arrestation", "détention", "condamnation", "verdict", "coup",
             "menace", "ultimatum", "embargo", "blocus", "restriction", "interdiction", "loi",
             "campagne", "escalade", "violence", "répression", "exécution", "enlèvement",
             "saisie", "fermeture", "suspension", "retrait", "rappel", "convocation",
             "candidature", "adhésion", "demande", "proposition", "plan", "effort", "position",
             "offre", "projet", "politique", "programme", "réforme"}
REACTION_ROOTS = {"11", "12", "13"}
# verbs whose object is what a noun's act was aimed at ("une enquête visant X", "l'attentat
# qui a tué des soldats kényans")
AIMING = {"viser", "cibler", "tuer", "blesser", "frapper", "toucher", "detruire", "endommager"}
# verbs about someone else's act: their subject did not do the act their object names
REACTION_VERBS = {fold(w) for w in (
    "condamner", "dénoncer", "saluer", "déplorer", "regretter", "critiquer", "fustiger",
    "qualifier", "féliciter", "démentir", "nier", "commenter", "accuser", "reprocher",
    "imputer", "attribuer", "enquêter", "documenter", "signaler", "rapporter", "stigmatiser",
    "pourfendre", "décrier", "réprouver", "désapprouver", "indigner", "étriller")}
# measures a government takes on its own population when no one else is named
# speech verbs after which a conditional is a future in the past ("a annoncé que X ferait")
ANNOUNCING = {"annoncer", "assurer", "affirmer", "declarer", "indiquer", "dire", "confirmer",
              "faire savoir", "preciser"}
# roots whose stated intent is a threat
COERCIVE_ROOTS = {"16", "17", "18", "19", "20"}
# roots whose target may be a place: its country
PLACE_TARGET_ROOTS = {"15", "17", "18", "19", "20"}
# roots whose future tense ("lancera", "livrera") is an announced intent or a threat
FUTURE_ROOTS = {"04", "05", "06", "07", "08", "15", "16", "17", "18", "19", "20"}
DOMESTIC = {"1723", "1724", "153", "0813", "0814"}
PEOPLE_ROLES = {"CVL", "OPP", "EDU", "MED", "LAB", "REF"}
FOLDED_ACT_NOUNS = {fold(w) for w in ACT_NOUNS}


@dataclass
class Filled:
    actors: list[Actor]
    tokens: list[int]
    how: str
    slot: str = ""


LOCATIVE_SLOTS = {"en", "à", "dans", "vers", "chez"}


def _candidates(lex: EventLexicon, tok, pos: str) -> list:
    keys = dict.fromkeys((fold(tok.lemma), fold(tok.text)))  # ordered: runs must agree
    out = []
    for k in keys:
        for p in getattr(lex, pos).get(k, []):
            if p not in out:
                out.append(p)
    return out


def _np_text(tree: Tree, i: int) -> str:
    ext = tree.subtree(i, {"amod", "nmod", "flat", "compound", "fixed", "case", "det", "conj",
                           "cc", "nummod", "appos"})
    words = " ".join(tree.tok[j].text for j in ext)
    lemmas = " ".join(tree.tok[j].lemma for j in ext)
    # "aide d' urgence" as tokens, "aide d'urgence" in the lexicon
    return (fold(words) + " | " + fold(lemmas)).replace("' ", "'")


def _object_tokens(tree: Tree, t: int, passive: bool) -> list[int]:
    deps = ("nsubj:pass",) if passive else ("obj",)
    out = [c.i for c in tree.children(t) if c.dep in deps]
    if not out:
        # "procéder à des frappes", "mettre fin à": complements with a preposition
        out = [c.i for c in tree.children(t, "obl", "obl:arg", "nmod")]
    return out


def _act_phrases(tree: Tree, t: int, passive: bool) -> list[int]:
    """The phrase naming the act: a noun trigger itself, else the verb's object(s)."""
    if tree.tok[t].pos in ("NOUN", "PROPN"):
        return [t]
    return _object_tokens(tree, t, passive)


def _match_texts(tree: Tree, t: int, verb: bool) -> list[str]:
    """The texts a pattern's ``object`` and ``exclude`` words are sought in, computed once
    per trigger token (many patterns share a trigger)."""
    memo = tree.memo.get(("texts", t, verb))
    if memo is not None:
        return memo
    if verb:
        objs = _object_tokens(tree, t, tree.is_passive(t))
        # also the verb's other complements: "s'entretenir par téléphone"
        objs += [c.i for c in tree.children(t, "obl", "obl:arg", "obl:mod")
                 if c.i not in objs]
        texts = [_np_text(tree, o) for o in objs]
        texts.append(_surface_text(tree, t))  # in case the parser missed the object
        # "a accusé X d'avoir recruté des espions": what X is accused of
        texts += [" ".join(fold(tree.tok[j].text) for j in tree.subtree(c.i)[:15])
                  for o in [t, *objs] for c in tree.children(o, "xcomp", "acl")
                  if any(m.text.lower() in ("de", "d'", "d’")
                         for m in tree.children(c.i, "mark"))]
    else:
        texts = [_np_text(tree, t)]
        if len(tree.subtree(t)) <= 2:  # "le rappel « avec effet immédiat » de son
            texts.append(_surface_text(tree, t))  # ambassadeur": a phrase the parse split
    tree.memo[("texts", t, verb)] = texts
    return texts


def _matches(pattern: Pattern, tree: Tree, t: int, multi: bool = False) -> int:
    """0 when the pattern does not apply at token ``t``, else how specific the match is."""
    tok = tree.tok[t]
    if not multi and tok.pos not in POS_OK[pattern.pos] and not (
            pattern.pos == "VERB" and tree.children(t, "aux:tense")):
        return 0  # "ont violé" tagged ADV, "ont gelé" ADJ: the auxiliary makes them verbs
    score = 1
    if pattern.case and fold(tree.prep(t)) != pattern.case:
        return 0
    if pattern.reflexive is not None:
        refl = any(c.text.lower() in REFLEXIVE and c.dep in ("expl:comp", "expl:pv", "obj",
                                                             "iobj", "expl", "expl:pass")
                   for c in tree.children(t))
        if refl != pattern.reflexive:
            return 0
        score += 5
    if pattern.objects or pattern.exclude:
        texts = _match_texts(tree, t, pattern.pos == "VERB")
        if pattern.exclude and any(o in txt for o in pattern.exclude for txt in texts):
            return 0
        if pattern.objects:
            hits = [len(o) for o in pattern.objects for txt in texts if o in txt]
            if not hits:
                return 0
            score += 10 + max(hits)
    return score


class SentenceCoder:
    """Codes one sentence with a pattern lexicon and the document's actor state."""

    def __init__(self, lex: EventLexicon, actors: DocumentActors, doc_id: str,
                 text: str) -> None:
        self.lex = lex
        self.actors = actors
        self.doc_id = doc_id
        self.text = text
        self.history: list[Event] = []  # events coded in earlier sentences of the document
        # the current sentence's places (head token -> Place), set by the caller: a town
        # that is shelled or seized is its country's loss ("ont pilonné Kharkiv")
        self.places: dict[int, Place] = {}

    # -- slots ------------------------------------------------------------------
    def fill(self, sa: SentenceActors, slot: str, t: int) -> Filled | None:
        tree = sa.tree
        tok = tree.tok[t]
        passive = tree.is_passive(t) and fold(tok.lemma) not in ETRE_VERBS
        fillers: list[int] = []
        if slot == "subj":
            if tok.pos in ("NOUN", "PROPN") and not tree.children(t, "nsubj"):
                got = self.fill(sa, "de", t) or self.fill(sa, "poss", t)
                if not got:  # "des frappes aériennes israéliennes": the nationality's country
                    owner = [a for a in self._act_owner(sa, t, adjective_only=True)]
                    got = Filled(owner, [t], "act-owner") if owner else None
                return got
            found = self.actors.subject_of(sa, t)
            return Filled(found[0], found[1], found[2]) if found else None
        if slot == "gov_subj":
            for anc in tree.ancestors(t):
                if anc.pos in ("VERB", "AUX", "ADJ"):
                    if fold(anc.lemma) in REACTION_VERBS:
                        return None  # "la France a condamné l'attentat": not the attacker
                    found = self.actors.subject_of(sa, anc.i, exclude=t)
                    return Filled(found[0], found[1], "gov-" + found[2]) if found else None
            head = tree.head(t)
            if head is not None and head.pos in ("NOUN", "PROPN") and tok.i < head.i:
                # "En visite à Kiev, le Premier ministre | Rishi Sunak a annoncé": the parse
                # hangs the fronted phrase on the subject it introduces
                found = self.actors.conj_actors(sa, head.i)
                return Filled(found, [head.i], "gov-dep") if found else None
            return None
        if slot == "poss":
            for c in tree.children(t, "det", "nmod:poss"):
                if c.text.lower() in ("son", "sa", "ses", "leur", "leurs"):
                    who = self.actors._clause_subject(sa, t) or self.actors.speaker
                    return Filled([who], [c.i], "poss") if who else None
            return None
        if slot == "obj":
            fillers = _object_tokens(tree, t, passive)
            if not fillers and tree.is_participle(t) and tree.agents(t):
                fillers = [tok.head]  # "le diplomate expulsé par Moscou": the noun qualified
            fillers = [tree.tok[t].head if tree.tok[f].lemma.lower() in ("que", "qui")
                       and tree.tok[t].dep == "acl:relcl" and tree.tok[t].head in tree.tok
                       else f for f in fillers]  # "X, qu'il accuse": the antecedent
            fillers = [f for f in fillers if tree.tok[f].dep in ("obj", "nsubj:pass")
                       and fold(tree.tok[f].text) not in TIME_WORDS]
            if not fillers:
                # "a rencontré jeudi à Ankara le Premier ministre": the object misparsed as
                # an apposition of the place
                for c in tree.children(t, "obl", "obl:mod", "obl:arg"):
                    if tree.prep(c.i) in ("à", "en", "dans"):
                        fillers += [a.i for a in tree.children(c.i, "appos")]
            if not fillers and tok.pos in ("VERB", "AUX"):
                got = self._surface_obj(sa, t, passive)
                if got:
                    return got
        elif slot == "iobj":
            fillers = [c.i for c in tree.children(t, "iobj")]
        elif slot == "agent":
            fillers = tree.agents(t)
        else:  # a preposition
            # a noun's genitive is its own complement, not one two levels down
            depth = 1 if slot == "de" and tok.pos in ("NOUN", "PROPN") else 3
            fillers = tree.find_prep(t, slot, depth)
            if not fillers and slot not in ("de", "par"):
                # "lever les sanctions qu'ils imposaient au Soudan": the object's relative
                # clause, when the object is what that clause acts on
                objs = _act_phrases(tree, t, passive)
                for o in objs:
                    for rel in tree.children(o, "acl:relcl"):
                        if any(c.lemma.lower() == "que" and c.dep == "obj"
                               for c in tree.children(rel.i)):
                            fillers += tree.find_prep(rel.i, slot, 2)
            if not fillers and tok.pos in ("NOUN", "PROPN"):
                fillers = self._surface_prep(sa, t, slot)
        out: list[Actor] = []
        used: list[int] = []
        if slot == "obj":
            for f in fillers:  # "soutenir la candidature de l'Ukraine à l'UE": its owner
                owner = self._act_owner(sa, f) if f not in sa.by_token else []
                if owner:
                    return Filled(owner, [f], "act-owner")
        for f in fillers:
            for a in self.actors.conj_actors(sa, f):
                if a not in out:
                    out.append(a)
                    used.append(f)
        if not out and slot == "obj":
            for f in fillers:
                owner = self._act_owner(sa, f)
                if owner:
                    return Filled(owner, [f], "act-owner")
        return Filled(out, used, "dep") if out else None

    def _act_owner(self, sa: SentenceActors, f: int,
                   adjective_only: bool = False) -> list[Actor]:
        """Who did the act a noun names: "une attaque israélienne", "la décision de Moscou",
        "la tentative de coup d'Etat menée par des militaires"."""
        tree = sa.tree
        if fold(tree.tok[f].lemma) not in FOLDED_ACT_NOUNS:
            return []
        # "une attaque israélienne"; "le tir de missile nord-coréen", "des frappes de drones
        # russes": the bare noun naming the means carries the author's adjective
        means = [c.i for c in tree.children(f, "nmod")
                 if not tree.children(c.i, "det") and c.i not in sa.by_token
                 and any(k.text.lower() in ("de", "d'", "d’") for k in tree.children(c.i, "case"))]
        for n in [f, *means]:
            for c in tree.children(n, "amod"):
                m = sa.by_token.get(c.i)
                if m is not None and m.kind == "adjective":
                    e = m.entries[0]
                    return [Actor(e.country, e.name, e.country, "", e.entry_id)]
        if adjective_only:
            return []
        for c in tree.children(f, "nmod"):
            if tree.prep(c.i) in ("de", "par"):
                found = self.actors.conj_actors(sa, c.i)
                if found:
                    return found
        for a in tree.children(f, "acl"):
            if fold(a.lemma) not in ("mener", "perpetrer", "commettre", "lancer", "conduire",
                                     "orchestrer", "ordonner", "decider", "prendre"):
                continue
            for g in tree.children(a.i, "obl:agent"):
                found = self.actors.conj_actors(sa, g.i)
                if found:
                    return found
        return []

    def _own_people(self, sa: SentenceActors, t: int, state: Actor) -> Filled | None:
        """A people role with no country ("des manifestants", "des opposants") as the object
        of a state's coercion: the state's own people."""
        tree = sa.tree
        objs = _object_tokens(tree, t, tree.is_passive(t))
        objs = [q for o in objs for q in [o, *[c.i for c in tree.children(o, "nmod")
                                              if tree.prep(c.i) == "de"]]]
        for o in objs:
            m = sa.by_token.get(o)
            if m is None or m.kind != "role":
                continue
            role = m.entries[0].role
            if role in PEOPLE_ROLES:
                return Filled([Actor(state.country + role, state.name, state.country, role,
                                     f"own:{state.country}+{m.entries[0].entry_id}")],
                              [o], "implicit")
        return None

    def _aimed_at(self, sa: SentenceActors, t: int) -> Filled | None:
        """The object of "visant" / "ciblant" qualifying the trigger or its object: "une
        enquête visant le président", "les sanctions pétrolières visant Caracas"."""
        tree = sa.tree
        nouns = _act_phrases(tree, t, tree.is_passive(t))
        nouns += [c.i for n in list(nouns) for c in tree.children(n, "nmod")
                  if tree.prep(c.i) == "de"]  # "l'explosion d'une bombe qui a tué ..."
        for n in nouns:
            for a in tree.children(n, "acl", "acl:relcl"):
                if a.dep == "acl:relcl" and not any(
                        c.lemma.lower() == "qui" for c in tree.children(a.i, "nsubj")):
                    continue  # "la frappe qui a tué sept employés de l'ONG": the frappe's acts
                if fold(a.lemma) in AIMING:
                    for o in tree.children(a.i, "obj"):
                        found = self.actors.conj_actors(sa, o.i)
                        if found:
                            return Filled(found, [o.i], "dep")
        return None

    def _deep_genitive(self, sa: SentenceActors, t: int) -> Filled | None:
        """A genitive two steps down when the first is no actor: "le gel des avoirs du
        président biélorusse"."""
        tree = sa.tree
        cur = t
        for _ in range(2):
            nxt = [c.i for c in tree.children(cur, "nmod") if tree.prep(c.i) == "de"]
            if not nxt:
                return None
            cur = nxt[0]
            found = self.actors.conj_actors(sa, cur)
            if found:
                return Filled(found, [cur], "dep") if cur != t else None
        return None

    def _reaction_target(self, sa: SentenceActors, t: int, src: Filled,
                         any_object: bool = False) -> Filled | None:
        """The implicit target of a reaction ("Moscou a dénoncé une décision inamicale"):
        the party whose latest act in the document was aimed at the source's country.
        Only when the reaction's object is an act noun (or, for threats, absent)."""
        tree = sa.tree
        objs = _act_phrases(tree, t, tree.is_passive(t))
        if not any_object and not any(fold(tree.tok[o].lemma) in FOLDED_ACT_NOUNS
                                      for o in objs):
            return None
        countries = {a.country for a in src.actors}
        codes = {a.code for a in src.actors}
        for e in reversed(self.history):
            if (e.target.country in countries and e.source.country not in countries) or (
                    e.target.code in codes and e.source.code not in codes and e.source.role):
                # another country's act against ours, or (at home) an act aimed at us
                return Filled([e.source], [], "reaction")
        return None

    def _surface_prep(self, sa: SentenceActors, t: int, prep: str) -> list[int]:
        """Fallback for nouns the parser misattached: 'visite du président ... en Russie'."""
        toks = sa.sentence.tokens
        pos = next(k for k, x in enumerate(toks) if x.i == t)
        forms = {"de": {"de", "du", "des", "d'", "d’"}, "à": {"à", "au", "aux"}}.get(prep, {prep})
        for k in range(pos + 1, min(len(toks), pos + 14)):
            x = toks[k]
            if x.pos in ("VERB", "AUX") or x.text in (",", ";", ".", ":"):
                break
            if x.text.lower() in forms:
                for j in range(k + 1, min(len(toks), k + 4)):
                    m = sa.by_token.get(toks[j].i)
                    if m is not None:
                        return [toks[j].i]
        return []

    def _surface_obj(self, sa: SentenceActors, t: int, passive: bool) -> Filled | None:
        """Fallback when the parse gives no object: the first bare actor phrase after the
        verb (active), or the nearest one before it (passive: "X a été reçu par Y")."""
        toks = sa.sentence.tokens
        pos = next(k for k, x in enumerate(toks) if x.i == t)
        if passive:
            found = self.actors._left_subject(sa, t, None)
            return Filled(found[0], found[1], "surface") if found else None
        k = pos + 1
        while k < len(toks):
            x = toks[k]
            if x.text in (".", ";", ":", "?", "!") or x.lemma.lower() in ("qui", "que", "dont") \
                    or (x.pos == "VERB" and x.i not in sa.by_token):
                return None
            m = sa.by_token.get(x.i)
            if m is not None and m.first == x.i:
                prev = toks[k - 1] if k > 0 else None
                if prev is None or (prev.pos != "ADP" and prev.text.lower() not in (
                        "au", "aux", "du", "des", "d'")):
                    actors = self.actors.conj_actors(sa, match_head(sa.tree, m) or m.first)
                    if actors:
                        return Filled(actors, [x.i], "surface")
                k = next((j for j in range(k, len(toks)) if toks[j].i > m.last), len(toks))
                continue
            k += 1
        return None

    def fill_first(self, sa: SentenceActors, slots: tuple[str, ...], t: int) -> Filled | None:
        for slot in slots:
            got = self.fill(sa, slot, t)
            if got and got.actors:
                got.slot = slot
                return got
        return None

    # -- modality ----------------------------------------------------------------
    def wrapper_of(self, tree: Tree, t: int) -> tuple[Wrapper, int] | None:
        """The wrapper governing ``t``: up through coordination and infinitive chains."""
        cur = tree.tok[t]
        if cur.pos in ("NOUN", "PROPN") and set(tree.preps(t)) & CIRCUMSTANTIAL:
            return None  # "exhorte X à négocier, après des affrontements": the setting
        for _ in range(6):
            while cur.dep == "conj" and cur.head in tree.tok and cur.head != cur.i:
                cur = tree.tok[cur.head]
            if cur.dep not in COMPLEMENT_DEPS or cur.head == cur.i or _relative(tree, cur.i):
                return None
            if "VerbForm=Part" in cur.morph and "Tense=Pres" in cur.morph:
                return None  # "..., accusant l'opposition de": a gerund-like clause of its own
            head = tree.tok[cur.head]
            for k in dict.fromkeys((fold(head.lemma), fold(head.text))):  # lemma first
                for w in self.lex.wrappers.get(k, []):
                    if head.pos in POS_OK.get(w.pos, {w.pos}):
                        if t < head.i:
                            # "En visite à Kiev, X a exhorté", "Réunis à Moscou, A et B sont
                            # convenus de": a fronted scene, not the complement
                            return None
                        return w, head.i
            if cur.dep == "acl" and head.dep == "obj" and head.head != head.i:
                # "a exhorté les autorités à libérer": the infinitive hangs from the object
                cur = head
                continue
            if cur.dep != "xcomp" and head.dep not in ("xcomp", "conj"):
                return None
            cur = head
        return None

    def blocked(self, tree: Tree, t: int, future_in_past: bool = False) -> str:
        """Why the event at ``t`` did not happen ('' when it did). ``future_in_past``: a
        conditional reported after a promise or warning ("a averti que l'armée
        riposterait") is a future, not a hypothesis."""
        if tree.negated(t):
            return "negated"
        cur = tree.tok[t]
        for _ in range(3):  # "n'a pas prévu de rencontrer": negation up the infinitive chain
            if cur.dep not in ("xcomp", "conj") or cur.head == cur.i:
                break
            cur = tree.tok[cur.head]
            if tree.negated(cur.i) or (tree.mood(cur.i) == "conditional"
                                       and not future_in_past):
                return "negated"
        tok = tree.tok[t]
        head = tree.head(t)
        if tok.pos in ("NOUN", "PROPN") and head is not None and tok.dep in ("obj", "nsubj:pass") \
                and fold(head.lemma) in STOPPING:
            return "stopped"  # "suspendre les négociations": not a negotiation
        if tok.pos in ("NOUN", "PROPN") and head is not None and (
                (fold(head.lemma) in STOPPING_NOUNS and tok.dep in ("nmod", "obl", "obl:arg"))
                or (fold(head.lemma) == "retirer" and tree.prep(t) == "de")):
            return "stopped"  # "a mis fin aux négociations", "s'est retiré des pourparlers"
        if tok.pos in ("NOUN", "PROPN"):
            first = min([t] + [c.i for c in tree.children(t, "det", "case") if c.i < t])
            before = tree.tok.get(first - 1)
            if before is not None and before.pos == "NOUN" and fold(before.lemma) in STOPPING_NOUNS:
                return "stopped"  # the same, attached elsewhere by the parser
        if tok.pos in ("NOUN", "PROPN") and head is not None and head.pos in ("VERB", "AUX") \
                and tok.dep in ("obj", "nsubj:pass", "obl:arg") \
                and (tree.negated(head.i) or tree.mood(head.i) == "conditional"):
            return "negated"  # "n'a pas ouvert d'enquête": the support verb is negated
        if tok.pos == "NOUN" and head is not None and tok.dep in ("nsubj", "nsubj:pass") \
                and fold(head.lemma) in HAPPEN_VERBS and tree.negated(head.i):
            return "negated"  # "la rencontre prévue n'a pas eu lieu"
        if tok.pos == "NOUN" and head is not None and tok.dep == "nsubj" \
                and tree.mood(head.i) == "conditional" and "VerbForm=Part" not in head.morph:
            return "hypothetical"  # "une invasion de Taïwan coûterait": not an invasion
        if tok.pos == "NOUN" and any(fold(c.lemma) in MAYBE for c in tree.children(t, "amod")):
            return "hypothetical"  # "une éventuelle offensive turque"
        if tok.pos == "NOUN" and head is not None and tok.dep == "nmod" \
                and fold(head.lemma) in MODAL_NOUNS and tree.prep(t) == "de":
            return "hypothetical"  # "la menace d'une intervention militaire"
        if tree.mood(t) == "conditional" and not future_in_past:
            return "hypothetical"
        for c in tree.children(t, "mark"):
            if c.lemma.lower() == "si":
                return "hypothetical"
        return ""

    # -- coding -----------------------------------------------------------------
    def _triggers(self, sa: SentenceActors) -> list[tuple[int, list[Pattern]]]:
        """(anchor token, patterns best first) for every trigger in the sentence."""
        tree = sa.tree
        toks = sa.sentence.tokens
        found: dict[int, list[tuple[int, Pattern]]] = {}
        for k, tok in enumerate(toks):
            cands = [(sc, p) for p in _candidates(self.lex, tok, "patterns")
                     if p.id not in self.lex.disabled and (sc := _matches(p, tree, tok.i))]
            for p in self.lex.multi.get(key(tok.text), []):
                if p.id in self.lex.disabled:
                    continue
                target, acc, j = key(p.trigger), "", k
                while j < len(toks) and len(acc) < len(target):
                    acc += key(toks[j].text)
                    j += 1
                if acc != target:
                    continue
                ids = {x.i for x in toks[k:j]}
                anchor = next((x.i for x in toks[k:j] if x.head not in ids or x.head == x.i),
                              tok.i)
                sc = _matches(p, tree, anchor, multi=True)
                if sc:
                    found.setdefault(anchor, []).append((sc + 20, p))
            if cands:
                found.setdefault(tok.i, []).extend(cands)
        return [(i, [p for _, p in sorted(ps, key=lambda q: -q[0])])
                for i, ps in sorted(found.items())]

    def code(self, sa: SentenceActors) -> list[Event]:
        events: list[Event] = []
        triggers = self._triggers(sa)
        trigger_tokens = {t for t, _ in triggers}
        covered_wrappers: set[int] = set(trigger_tokens)  # a wrapper that is itself a trigger
        emitted: set[int] = set()  # triggers that produced events
        for t_i, patterns in triggers:
            # the most specific pattern whose slots are filled wins
            w = self.wrapper_of(sa.tree, t_i)
            for p in patterns:
                if (p.code[:2] in ("02", "10") and _purpose_of_protest(sa.tree, t_i, events)) \
                        or (w and w[0].kind in ("appeal", "demand")
                            and _purpose_of_protest(sa.tree, w[1], events)):
                    break  # "ont manifesté pour exiger (le retrait) ...": the protest's aim
                got = self._code_trigger(sa, t_i, p, emitted, covered_wrappers)
                if got:
                    events += got
                    self.history.extend(got)
                    emitted.add(t_i)
                    break
        defaults = self._wrapper_defaults(sa, covered_wrappers, events)
        self.history.extend(defaults)
        return events + defaults

    def _code_trigger(self, sa: SentenceActors, t_i: int, p: Pattern, emitted: set[int],
                      covered_wrappers: set[int]) -> list[Event]:
        tree = sa.tree
        tok = tree.tok[t_i]
        wrapped = self.wrapper_of(tree, tok.i)
        if wrapped and wrapped[0].kind == "intent":
            outer = self.wrapper_of(tree, wrapped[1])
            if outer and outer[0].kind in ("appeal", "demand"):
                wrapped = outer  # "invite les deux pays à accepter la médiation": the appeal
        code, rule, mode = p.code, p.id, "realised"
        double_negative = False
        if wrapped:
            w, w_i = wrapped
            if w_i in emitted:
                return []  # "a demandé à la Suède l'extradition": the wrapper's own pattern
            kind = w.kind
            why = self.blocked(tree, w_i)
            if why:
                covered_wrappers.add(w_i)
                if not (w.kind == "refusal" and why == "negated"):
                    return []
                kind = "promise"  # "n'exclut pas une intervention militaire": a threat
                double_negative = True
            mapped = self.lex.map_code(kind, p.code)
            if mapped is None and kind == "intent" and p.code[:2] in COERCIVE_ROOTS:
                # "entend faire interdire le parti", "veut bombarder": a stated intent to
                # coerce or strike is a threat
                kind, mapped = "threat", self.lex.map_code("threat", p.code)
            if mapped is None:
                covered_wrappers.add(w_i)
                return []
            code, rule, mode = mapped, f"{w.id}>{p.id}", kind
            if kind == "promise":
                mode = "threat" if mapped[:2] == "13" else "intent"
        top = tok
        for _ in range(3):  # "a promis que la France continuerait de soutenir"
            if top.dep not in ("xcomp", "conj") or top.head == top.i:
                break
            top = tree.tok[top.head]
        fip = bool(wrapped and wrapped[0].kind in ("promise", "threat") and top.dep == "ccomp")
        speaker = tree.head(top.i)
        if not wrapped and top.dep == "ccomp" and speaker is not None \
                and fold(speaker.lemma) in ANNOUNCING and tree.mood(tok.i) == "conditional" \
                and "VerbForm=Part" not in tok.morph and p.code[:2] in FUTURE_ROOTS:
            # "a annoncé que son pays livrerait des armes": a future in the past, an intent
            # (a compound conditional, "aurait bombardé", is an allegation: not this)
            mapped = self.lex.map_code("promise", p.code)
            if mapped is None:
                return []
            code, mode, fip = mapped, "threat" if mapped[:2] == "13" else "intent", True
        if double_negative:
            if tree.negated(tok.i):
                return []
        elif self.blocked(tree, tok.i, future_in_past=fip):
            return []
        if tree.mood(tok.i) == "future" and p.code[:2] in FUTURE_ROOTS and not wrapped:
            # "se rendra à Pékin": an intent; "lancera une offensive contre": a threat
            mapped = self.lex.map_code("promise", p.code)
            if mapped is None:
                return []
            code, mode = mapped, "threat" if mapped[:2] == "13" else "intent"
        if wrapped and wrapped[0].kind in ("appeal", "demand"):
            # "A appelle B à négocier": A's appeal to B, coded by what is asked
            src = self.fill_first(sa, ("subj",), wrapped[1])
            tgt = self.fill_first(sa, wrapped[0].target, wrapped[1]) or (
                self.fill_first(sa, ("subj",), tok.i)
                if tree.tok[tok.i].dep == "ccomp" else None)
            if not src or not tgt:
                return []
            covered_wrappers.add(wrapped[1])
            return self._emit(sa, tok.i, code, rule, mode, src, tgt, False, p.confidence - 0.1)
        src = self.fill_first(sa, p.source, tok.i)
        if not src and tok.pos == "NOUN":
            owner = self._act_owner(sa, tok.i, adjective_only=True)
            src = Filled(owner, [tok.i], "act-owner") if owner else None
        if not src and code[:2] == "17" and tree.is_passive(tok.i) and not tree.agents(tok.i):
            # "une soixantaine de personnes ont été interpellées": by the forces named before
            force = next((a for a in [e.source for e in reversed(self.history)]
                          + list(reversed(self.actors.recent))
                          if a.role in ("COP", "MIL", "JUD")), None)
            if force is not None:
                src = Filled([force], [], "implicit")
        if fip and wrapped:
            # "X a averti que l'armée riposterait": X's threat, on behalf of its side
            src = self.fill_first(sa, ("subj",), wrapped[1]) or src
        if not src:
            return []
        if p.source_roles and not any(a.role in p.source_roles for a in src.actors):
            return []  # "les soldats américains ont quitté": not "le président a quitté"
        tgt = self.fill_first(sa, p.target, tok.i)
        if not (tgt and tgt.actors):
            tgt = self._implicit_target(sa, tok.i, p, code, src, wrapped) or tgt
        if not (tgt and tgt.actors) and code[:2] in PLACE_TARGET_ROOTS:
            tgt = self._place_target(sa, tok.i, p) or tgt
        # under a wrapper, only a coordinated subject without a target is reciprocal:
        # "A est prêt à coopérer avec B" is A's intent alone
        if wrapped:
            recip = (wrapped[0].reciprocal or p.reciprocal) and not (tgt and tgt.actors)
        else:
            recip = p.reciprocal
        conf = p.confidence - (0.1 if src.how != "dep" else 0.0) - (
            0.1 if tgt and tgt.how == "surface" else 0.0)
        out = self._emit(sa, tok.i, code, rule, mode, src, tgt, recip, conf,
                         meeting=p.meeting and mode == "realised")
        if out and wrapped:
            covered_wrappers.add(wrapped[1])
        if code == "043" and mode == "realised":
            # the host received the guest: the guest visited the host's country (042)
            seen = set()
            for ev in list(out):
                host = ev.source
                if host.country[:3] in ("IGO", "NGO", "IMG") or (ev.target.code, host.country) \
                        in seen:
                    continue
                seen.add((ev.target.code, host.country))
                country = self.actors.country_actor(host.country)
                out.append(Event(
                    doc_id=ev.doc_id, source=ev.target, target=country, cameo="042",
                    sentence_index=ev.sentence_index, evidence=ev.evidence,
                    evidence_text=ev.evidence_text, rule=ev.rule + "+guest",
                    confidence=ev.confidence, trigger=ev.trigger, mode=mode,
                    actor_entries=(ev.actor_entries[1], country.entry), basis=ev.basis))
        return out

    def _implicit_target(self, sa: SentenceActors, t: int, p: Pattern, code: str, src: Filled,
                         wrapped: tuple[Wrapper, int] | None) -> Filled | None:
        """A target the pattern's slots did not find, tried in order: what the act aimed at,
        a deeper genitive, the people a state coerces, the population of a domestic measure,
        the party a reaction answers, the country an aid story is about, the government a
        protest is against."""
        tok = sa.tree.tok[t]
        home = self.actors.home
        found = self._aimed_at(sa, t)
        if not found and "de" in p.target and tok.pos in ("NOUN", "PROPN"):
            found = self._deep_genitive(sa, t)
        if not found and code[:2] in ("17", "18", "14") and src.actors and all(
                a.role in ("GOV", "COP", "MIL", "JUD") for a in src.actors):
            # "les forces de sécurité sénégalaises ont arrêté des dizaines de manifestants"
            found = self._own_people(sa, t, src.actors[0])
        if not found and (code[:4] in DOMESTIC or code[:3] in DOMESTIC) and src.actors and all(
                a.role in ("GOV", "COP", "MIL") for a in src.actors):
            # "a décrété l'état d'urgence": a measure on the country's own population
            a = src.actors[0]
            found = Filled([Actor(a.country + "CVL", a.name, a.country, "CVL",
                                  f"domestic:{a.country}")], [], "implicit")
        if not found and code[:2] in REACTION_ROOTS:
            found = self._reaction_target(sa, t, src, any_object=bool(
                wrapped and wrapped[0].kind in ("threat", "refusal")))
        if not found and (code[:2] == "07" or code[:3] == "033") and home \
                and all(a.country != home for a in src.actors):
            # "a proposé d'envoyer des secouristes": aid to the country the story is about
            found = Filled([self.actors.country_actor(home, entry=f"home:{home}")], [],
                           "implicit")
        own = {a.country for a in src.actors}
        if not found and code[:2] == "14" and len(own) == 1 and (home is None or own == {home}) \
                and all(a.role != "GOV" and len(a.country) == 3 for a in src.actors):
            # a protest with no stated target is against its own country's government
            country = next(iter(own))
            found = Filled([self.actors.country_actor(country, "GOV", entry=f"home:{country}")],
                           [], "implicit")
        return found

    def _place_target(self, sa: SentenceActors, t: int, p: Pattern) -> Filled | None:
        """A place in a target slot of a material conflict: its country ("ont pilonné
        Kharkiv et Kherson" -> UKR)."""
        tree = sa.tree
        for slot in p.target:
            if slot == "obj":
                heads = _object_tokens(tree, t, tree.is_passive(t))
            elif slot in SLOT_PREPS:
                heads = tree.find_prep(t, slot, 3)
            else:
                continue
            for h in heads:
                for c in tree.conjuncts(h):
                    place = self.places.get(c)
                    iso3 = self.actors.lex.iso2_to_iso3.get(place.country) if place else None
                    if iso3:
                        return Filled([self.actors.country_actor(
                            iso3, entry=f"place:{place.entry or place.name}")], [c], "place")
        return None

    def _wrapper_defaults(self, sa: SentenceActors, covered_wrappers: set[int],
                          coded: list[Event] = ()) -> list[Event]:
        """Wrappers whose complement matched no pattern: their default code, if any."""
        tree = sa.tree
        events: list[Event] = []
        for tok in sa.sentence.tokens:
            for w in self.lex.wrappers.get(fold(tok.lemma), []) or self.lex.wrappers.get(
                fold(tok.text), []
            ):
                if tok.i in covered_wrappers or not w.default or tok.pos not in POS_OK.get(
                    w.pos, {w.pos}
                ) or self.blocked(tree, tok.i):
                    continue
                if _purpose_of_protest(tree, tok.i, coded):
                    continue  # "ont manifesté pour exiger ...": the protest's aim
                outer = self.wrapper_of(tree, tok.i)
                if outer and self.lex.map_code(outer[0].kind, w.default) is None:
                    continue  # "l'accusant d'avoir appelé ses partisans à ...": not an appeal
                comps = [c.i for c in tree.children(tok.i, "xcomp", "ccomp", "obl:arg")]
                comps += [a.i for o in tree.children(tok.i, "obj")
                          for a in tree.children(o.i, "acl") if a.pos == "VERB"]
                if not comps:
                    continue
                src = self.fill_first(sa, ("subj",), tok.i)
                if not src:
                    continue
                tgt = None
                if w.kind in ("appeal", "demand", "threat"):
                    tgt = self.fill_first(sa, w.target, tok.i)
                    if not tgt and w.kind == "threat":
                        tgt = self._reaction_target(sa, tok.i, src, any_object=True)
                    if not tgt:
                        continue
                for c in comps:
                    for cc in tree.conjuncts(c):
                        tgt = tgt or self.fill_first(sa, w.target, cc)
                conf = 0.7 - (0.1 if src.how != "dep" else 0.0)
                recip = w.reciprocal and not (tgt and tgt.actors)
                events += self._emit(sa, tok.i, w.default, w.id, w.kind, src, tgt, recip, conf)
                break
        return events

    def _emit(self, sa: SentenceActors, t: int, code: str, rule: str, mode: str, src: Filled,
              tgt: Filled | None, reciprocal: bool, conf: float,
              meeting: bool = False) -> list[Event]:
        pairs: list[tuple[Actor, Actor]] = []
        if tgt is None or not tgt.actors:
            if reciprocal and len(src.actors) >= 2:
                pairs = [(a, b) for a in src.actors for b in src.actors if a.code != b.code]
        else:
            for a in src.actors:
                for b in tgt.actors:
                    if a.code != b.code and not (a.country == b.country
                                                 and not (a.role and b.role)
                                                 and not (a.role == "REB" and not b.role
                                                          and code[:2] in ("18", "19", "20"))) \
                            and not (a.country == b.country and "03" <= code[:2] <= "08"
                                     and a.role == "GOV" and b.role in ("MIL", "COP", "SPY")):
                        pairs.append((a, b))
                        if reciprocal:
                            pairs.append((b, a))
        if not pairs:
            return []
        span = self._evidence(sa, t, src, tgt)
        basis = f"{arg_class(src.how)}/{arg_class(tgt.how) if tgt and tgt.actors else 'none'}"
        out = []
        seen = set()
        for a, b in pairs:
            if (a.code, b.code) in seen:
                continue
            seen.add((a.code, b.code))
            out.append(Event(
                doc_id=self.doc_id, source=a, target=b, cameo=code,
                sentence_index=sa.sentence.index, evidence=span,
                evidence_text=span.of(self.text), rule=rule, confidence=round(conf, 2),
                trigger=t, mode=mode, actor_entries=(a.entry, b.entry), meeting=meeting,
                place_hint=tgt.tokens[0] if tgt and tgt.slot in LOCATIVE_SLOTS else -1,
                basis=basis,
            ))
        return out

    def _evidence(self, sa: SentenceActors, t: int, src: Filled, tgt: Filled | None) -> Span:
        """The shortest stretch covering the trigger and the explicit arguments."""
        tree = sa.tree
        idx = {t}
        for f in (src, tgt):
            if f and f.how in ("dep", "left", "gov-dep", "gov-left", "surface", "act-owner"):
                for i in f.tokens:
                    ext = tree.np_extent(i)
                    idx.update(j for j in ext if abs(j - t) < 40)
        toks = [tree.tok[i] for i in sorted(idx)]
        start, end = toks[0].start, toks[-1].end
        return Span(start, end)



def _purpose_of_protest(tree: Tree, t: int, coded: list[Event]) -> bool:
    """Whether ``t`` heads a purpose clause ("pour exiger ...") of a coded protest."""
    tok = tree.tok[t]
    return any(e.trigger == tok.head and e.cameo[:2] == "14" for e in coded) and any(
        c.lemma.lower() == "pour" for c in tree.children(t, "mark"))


def _relative(tree: Tree, i: int) -> bool:
    """Whether the clause headed by ``i`` is a relative clause ("dont la Russie s'est
    retirée"), which the parser sometimes attaches as a complement."""
    if tree.tok[i].dep.startswith("acl:relcl"):
        return True
    if any(tree.tok[j].lemma.lower() == "dont" for j in tree.subtree(i) if j < i):
        return True
    return any(c.dep != "mark" and (c.lemma.lower() in RELATIVE or (
        c.lemma.lower() == "que" and c.dep in ("obj", "nsubj")))
        and c.i < i for c in tree.children(i))


def _surface_text(tree: Tree, t: int, width: int = 10) -> str:
    """Folded words following ``t`` in its clause (for a misparsed object)."""
    toks = tree.sentence.tokens
    pos = next(k for k, x in enumerate(toks) if x.i == t)
    words = []
    for x in toks[pos + 1 : pos + 1 + width]:
        if x.text in (".", ";", ":", ",") or x.lemma.lower() in ("qui", "que", "dont"):
            break
        words.append(x.text)
    return fold(" ".join(words)).replace("' ", "'")
