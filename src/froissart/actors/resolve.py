"""From mentions to actors: noun-phrase composition, people in office, coreference.

``DocumentActors`` walks a document's sentences in order and remembers what it has seen
(people introduced with a role, the last actors named, the last speaker), so that
"M. Lavrov", "les deux pays", "son pays" and "ils" resolve to actors named earlier.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from froissart.actors.lexicon import ActorLexicon, Entry
from froissart.actors.recognize import Match, find_matches, pick
from froissart.syntax import Tree
from froissart.textnorm import fold, key
from froissart.types import Actor, Sentence

COLLECTIVE = {"pays", "nation", "état", "etat", "côté", "camp", "partie", "capitale"}
LED_BODIES = {"coalition", "force", "alliance", "opération"}  # "la coalition menée par X"
LEADING = {"mener", "diriger", "conduire", "emmener", "piloter"}
ALL_SIDES = {"partie", "camp", "protagoniste", "belligérant"}  # "toutes les parties"
PAIR_COUNTRY = {"pays", "partie", "nation", "camp", "côté", "capitale", "état", "etat", "voisin"}
PAIR_GOV = {"ministre", "président", "chef", "dirigeant", "gouvernement", "délégation",
            "homologue", "diplomate", "responsable", "leader"}
SPEECH = {"déclarer", "dire", "ajouter", "souligner", "noter", "juger", "estimer", "indiquer",
          "affirmer", "annoncer", "expliquer", "préciser", "rappeler", "assurer", "insister",
          "répondre", "réaffirmer", "confier", "poursuivre", "conclure", "observer", "relever"}
PRON_SG = {"il", "elle"}
# roles that a bare noun ("la police", "le gouvernement") takes from the document's country
STATE_ROLES = {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "SPY", "CVL", "REB"}
POLICY_NOUNS = {"position", "décision", "proposition", "initiative", "plan", "offre", "politique",
                "mesure", "annonce", "réponse", "intervention", "engagement", "stratégie",
                "démarche", "projet", "médiation", "note", "requête", "ultimatum", "refus"}
TERRITORY = {"frontière", "territoire", "sol", "port", "côte", "espace", "eaux", "littoral",
             "enclave", "province", "région", "ville", "village", "capitale", "île"}
# participles whose agent also carries out the act done to their noun ("les chars promis
# par Berlin ont été livrés": Berlin delivered them)
COMMITTING = {"promettre", "annoncer", "decider", "ordonner", "prevoir", "proposer", "accorder",
              "offrir", "fournir", "envoyer", "livrer", "depecher", "debloquer", "approuver",
              "voter", "imposer", "adopter", "octroyer", "engager"}
# things a nationality adjective assigns to its country ("les chars américains")
OWNED = {"char", "avion", "navire", "bateau", "missile", "drone", "arme", "armement",
         "munition", "équipement", "matériel", "pétrole", "gaz", "blé", "céréale", "produit",
         "marchandise", "avoir", "actif", "sanction", "embargo", "aide", "fonds", "importation",
         "exportation", "hélicoptère", "roquette", "obus", "bombe", "vivre", "cargaison",
         "pétrolier", "cargo", "chalutier", "immeuble", "maison", "avion-cargo", "satellite"}
ORG_NOUNS = {"organisation", "alliance", "bloc", "union", "institution", "communauté"}
QUANTITY = {"millier", "centaine", "dizaine", "foule", "groupe", "million", "vingtaine",
            "douzaine", "quinzaine", "soixantaine", "poignée", "total", "ensemble",
            "trentaine", "quarantaine", "cinquantaine", "nombre", "plupart", "partie", "majorité",
            "équipe", "contingent", "détachement", "convoi", "colonne", "cortège", "vague",
            "série"}
# verbs conjugated with être that the parser tags as passives ("sont convenues de")
ETRE_VERBS = {"convenir", "parvenir", "venir", "aller", "arriver", "partir", "entrer", "sortir",
              "retourner", "rester", "revenir", "devenir", "intervenir", "rentrer", "engager",
              "rendre", "entretenir", "accorder", "opposer", "retirer", "rallier", "joindre"}
PRON_PL = {"ils", "elles"}


@dataclass
class Resolved:
    """Actors for a phrase, with the lexicon entries that gave them."""

    actors: list[Actor]
    how: str


@dataclass
class SentenceActors:
    sentence: Sentence
    tree: Tree
    matches: list[Match]
    by_token: dict[int, Match] = field(default_factory=dict)


class DocumentActors:
    """Per-document actor resolution state."""

    def __init__(self, lex: ActorLexicon, day: date | None) -> None:
        self.lex = lex
        self.day = day
        self.memory: dict[str, Actor] = {}  # name keys of people seen -> actor
        self.recent: list[Actor] = []  # actors named, in order (not places)
        self.people: list[Actor] = []
        self.last_subjects: list[Actor] = []
        self.speaker: Actor | None = None
        self.home: str | None = None  # the document's main country, for bare role nouns

    # -- per sentence ---------------------------------------------------------
    def analyse(self, sentence: Sentence, matches: list[Match] | None = None) -> SentenceActors:
        """Actor matches of a sentence (``matches`` when already found without memory)."""
        tree = Tree(sentence)
        if matches is None or (self.memory and any(
                key(t.text) in self.memory for t in sentence.tokens)):
            matches = find_matches(sentence, self.lex, set(self.memory))
        sa = SentenceActors(sentence, tree, matches)
        for m in matches:
            for i in range(m.first, m.last + 1):
                sa.by_token[i] = m
        self._learn_people(sa)
        return sa

    def _learn_people(self, sa: SentenceActors) -> None:
        """Remember people named next to their role ("le ministre russe ... Sergueï Lavrov")."""
        tree = sa.tree
        for t in sa.sentence.tokens:
            if t.ent_type != "PER" or t.ent_iob != "B":
                continue
            name_toks = [t.i] + [c.i for c in tree.children(t.i, "flat:name", "flat")]
            for j in range(t.i + 1, t.i + 5):  # the entity's other words, however parsed
                nt = tree.tok.get(j)
                if nt is None or nt.ent_iob != "I" or nt.ent_type != "PER":
                    break
                if j not in name_toks:
                    name_toks.append(j)
            name = " ".join(tree.tok[i].text for i in sorted(name_toks) if i in tree.tok)
            if key(name) in self.memory:
                continue
            m = sa.by_token.get(t.i)
            if m and m.kind == "person":
                actor = self._actor_from_entry(pick(m.entries, self.day), name)
            else:
                head = tree.head(t.i)
                if head is None or t.dep not in ("appos", "nmod", "flat:name", "nsubj", "conj"):
                    continue
                res = self.compose(sa, head.i, allow_people=False)
                if not res or len(res.actors) != 1 or not res.actors[0].role:
                    continue
                a = res.actors[0]
                actor = Actor(a.code, name, a.country, a.role, a.entry)
            self.remember(name, actor)

    def remember(self, name: str, actor: Actor) -> None:
        parts = name.split()
        self.memory[key(name)] = actor
        if len(parts) > 1:
            self.memory[key(parts[-1])] = actor
            self.memory.setdefault(key(parts[0]), actor)  # Chinese order: "Qin" for Qin Gang
        self.people.append(actor)

    def note(self, actors: list[Actor], subject: bool = False) -> None:
        for a in actors:
            self.recent.append(a)
        if subject and actors:
            self.last_subjects = list(actors)

    # -- composition ------------------------------------------------------------
    def _actor_from_entry(self, e: Entry, name: str | None = None) -> Actor:
        if e.kind == "person" and not e.valid_on(self.day):
            return Actor(e.country, name or e.name, e.country, "", e.entry_id + ":out-of-office")
        if e.kind == "group" and not e.valid_on(self.day):
            return Actor(e.code, name or e.name, e.country, e.role, e.entry_id)
        return Actor(e.code, name or e.name, e.country, e.role, e.entry_id)

    def compose(self, sa: SentenceActors, head: int, allow_people: bool = True) -> Resolved | None:
        """The actor(s) a noun phrase headed by token ``head`` names, or None."""
        tree = sa.tree
        tok = tree.tok.get(head)
        if tok is None:
            return None
        if tok.text.lower().rstrip("s") in ALL_SIDES and any(
                c.lemma.lower() == "tout" for c in tree.children(head, "det", "amod")):
            return None  # "toutes les parties": everyone involved, no one actor
        if tok.lemma.lower() in LED_BODIES:
            # "la coalition (militaire) menée par l'Arabie saoudite": the leader's forces
            for a in tree.children(head, "acl"):
                if fold(a.lemma) in LEADING and tree.is_participle(a.i):
                    leaders = [x for g in tree.agents(a.i) for x in self.conj_actors(sa, g)]
                    if leaders:
                        x = leaders[0]
                        return Resolved([Actor(x.country + "MIL", x.name, x.country, "MIL",
                                               x.entry + "+led")], "led-coalition")
        coref = self._coref(sa, head)
        if coref:
            return coref
        extent = tree.np_extent(head)
        # coordinated adjectives: "les marines française et indienne"
        extent += [c.i for i in extent if tree.tok[i].dep == "amod"
                   for c in tree.children(i, "conj") if c.pos == "ADJ"]
        # ... or hung on the noun: "la diplomatie arménienne et azerbaïdjanaise"
        extent += [c.i for i in list(extent) for c in tree.children(i, "conj")
                   if c.pos == "ADJ" and c.i not in extent
                   and any(a.dep == "amod" for a in tree.children(i))]
        if tok.text.endswith(("s", "x")) and head in sa.by_token \
                and sa.by_token[head].kind == "role":
            # "les ministres ... de la RDC et du Rwanda": coordinated owners of a plural role
            extent += [c.i for i in list(extent) if i != head for c in tree.children(i, "conj")
                       if c.i not in extent and c.i in sa.by_token
                       and sa.by_token[c.i].kind == "country"]
        matches: list[Match] = []
        for i in extent:
            m = sa.by_token.get(i)
            if m and m not in matches:
                matches.append(m)
        head_match = sa.by_token.get(head)
        dist = lambda m: 0 if m is head_match else min(abs(m.first - head), abs(m.last - head))  # noqa: E731
        matches.sort(key=dist)
        people = [m for m in matches if m.kind == "person"] if allow_people else []
        if head_match is not None and head_match.kind in ("capital", "country", "igo", "group"):
            people = []  # "à Rabat du chef du gouvernement espagnol": the head names the actor
        head_named = head_match is not None and head_match.kind in (
            "capital", "country", "igo", "group")
        if allow_people and not people and not head_named:
            for i in extent:
                t = tree.tok[i]
                if t.ent_type == "PER" and key(t.text) in self.memory:
                    a = self.memory[key(t.text)]
                    return Resolved([Actor(a.code, a.name, a.country, a.role, a.entry)], "memory")
        if people:
            m = people[0]
            name = " ".join(tree.tok[i].text for i in range(m.first, m.last + 1) if i in tree.tok)
            mem = self.memory.get(key(name))
            if mem:
                return Resolved([mem], "memory")
            return Resolved([self._actor_from_entry(pick(m.entries, self.day), name)], "person")
        orgs = [m for m in matches if m.kind in ("igo", "group")]
        if head_match is not None and head_match.kind == "role":
            # "les chefs d'État de la Cédéao": the organisation the role belongs to
            span = range(head_match.first, head_match.last + 1)  # "chefs d'État de la X"
            own = [m for m in orgs if (h := match_head(tree, m)) is not None
                   and (tree.tok[h].head == head or tree.tok[h].head in span)
                   and tree.prep(h) == "de"]
            if own:
                e = pick(own[0].entries, self.day)
                return Resolved([self._actor_from_entry(e)], e.kind)
        has_country = any(m.kind in ("country", "adjective", "capital") for m in matches)
        if orgs and (orgs[0] is head_match or not has_country
                     or not [m for m in matches if m.kind == "role"]):
            e = pick(orgs[0].entries, self.day)
            return Resolved([self._actor_from_entry(e)], e.kind)
        roles = [m for m in matches if m.kind == "role"]
        role_at_head = head_match if head_match and head_match.kind == "role" else None
        role = role_at_head or (roles[0] if roles and dist(roles[0]) <= 1 else None)
        countries = [m for m in matches if m.kind in ("country", "adjective", "capital", "demonym")]
        if head_match and head_match.kind == "capital":
            e = head_match.entries[0]
            for igo in self.lex.seats.get(key(e.name), []):
                named = next((a for a in self.recent if a.code == igo), None)
                if named:  # "Bruxelles" in a story about the European Union
                    return Resolved([named], "seat")
            return Resolved([Actor(e.code, e.name, e.country, "GOV", e.entry_id)], "capital")
        if head_match and head_match.kind == "demonym":
            e = head_match.entries[0]
            return Resolved([Actor(e.code, e.name, e.country, "CVL", e.entry_id)], "demonym")
        if head_match and head_match.kind == "adjective" and tok.pos in ("NOUN", "PROPN") \
                and tok.text.endswith(("s", "x")) and any(
                    c.lemma.lower() in ("le", "un", "des", "les", "de")
                    for c in tree.children(head)):
            e = head_match.entries[0]  # "des palestiniens" used as a noun
            return Resolved([Actor(e.country + "CVL", e.name, e.country, "CVL", e.entry_id)],
                            "demonym")
        if not role and not head_match and tok.lemma.lower() in QUANTITY:
            demonyms = [m for m in matches if m.kind == "demonym"]
            if demonyms:  # "des milliers de Pakistanais"
                e = demonyms[0].entries[0]
                return Resolved([Actor(e.code, e.name, e.country, "CVL", e.entry_id)], "demonym")
            inner = _quantified(tree, head)
            if inner is not None and inner in sa.by_token:
                # "des dizaines de milliers de manifestants": the people counted
                return self.compose(sa, inner, allow_people)
        if not countries:
            if role and role is role_at_head and self.home and not orgs and \
                    pick(role.entries, self.day).role in STATE_ROLES:
                re_ = pick(role.entries, self.day)  # "la police" in a story about Georgia
                info = self.lex.countries.get(self.home)
                return Resolved([Actor(self.home + re_.role, info.name if info else self.home,
                                       self.home, re_.role, f"home:{self.home}+{re_.entry_id}")],
                                "home+role")
            return None
        c = countries[0]
        ce = c.entries[0]
        if role:
            re_ = pick(role.entries, self.day)
            if orgs and dist(orgs[0]) < dist(c):
                e = pick(orgs[0].entries, self.day)
                return Resolved([self._actor_from_entry(e)], "org-role")
            # "les présidents russe et français", "les armées burkinabè et nigérienne"
            adjs = [m for m in countries
                    if m.kind == "adjective" and _qualifies(tree, m.first, head)]
            # "les ministres des Affaires étrangères de la RDC et du Rwanda": coordinated owners
            heads = {match_head(tree, m): m for m in countries if m.kind == "country"}
            coord = [m for h, m in heads.items() if h is not None and tree.tok[h].dep == "conj"
                     and tree.tok[h].head in heads and m not in adjs]
            group = [c] + [m for m in adjs + coord if m is not c] \
                if tok.text.endswith(("s", "x")) else [c]
            out = []
            for m in group:
                e = m.entries[0]
                a = Actor(e.country + re_.role, e.name, e.country, re_.role,
                          f"{e.entry_id}+{re_.entry_id}")
                if a not in out:
                    out.append(a)
            return Resolved(out, "country+role")
        if c.kind == "country" or (c.kind == "adjective" and tok.lemma.lower() in COLLECTIVE):
            return Resolved([Actor(ce.country, ce.name, ce.country, "", ce.entry_id)], "country")
        owner = tree.tok.get(tree.tok[c.first].head)
        if c.kind == "adjective" and owner is not None and owner.lemma.lower() in TERRITORY:
            # "la frontière ukrainienne", "les ports ukrainiens": the country itself
            return Resolved([Actor(ce.country, ce.name, ce.country, "", ce.entry_id)],
                            "country-territory")
        if c.kind == "adjective" and owner is not None and owner.lemma.lower() in POLICY_NOUNS:
            # "la position française", "la proposition égyptienne": the government's
            return Resolved([Actor(ce.country + "GOV", ce.name, ce.country, "GOV",
                                   ce.entry_id + "+policy")], "country-policy")
        if c.kind == "capital":
            return Resolved([Actor(ce.code, ce.name, ce.country, "GOV", ce.entry_id)], "capital")
        if c.kind == "adjective" and owner is not None and owner.i == head and tok.pos == "NOUN" \
                and any(n.pos == "PROPN" and n.i > c.first
                        for n in tree.children(head, "appos", "flat:name")):
            # "le chercheur français Laurent Vinatier": a named national with no role
            return Resolved([Actor(ce.country + "CVL", ce.name, ce.country, "CVL",
                                   ce.entry_id + "+named")], "country-named-person")
        if c.kind == "adjective" and owner is not None and owner.i == head \
                and owner.lemma.lower() in OWNED:
            # "les chars américains", "le pétrole russe", "les sanctions américaines": the
            # country whose goods, weapons or measures they are
            return Resolved([Actor(ce.country, ce.name, ce.country, "", ce.entry_id)],
                            "country-owned")
        return None

    # -- coreference -----------------------------------------------------------
    def _coref(self, sa: SentenceActors, head: int) -> Resolved | None:
        tree = sa.tree
        tok = tree.tok[head]
        low = tok.text.lower()
        lemma = tok.lemma.lower()
        dets = {c.text.lower() for c in tree.children(head, "det", "nummod", "nmod:poss")}
        if low in PRON_PL or (lemma in ("ils", "eux") and tok.pos == "PRON"):
            for t in reversed(sa.sentence.tokens):  # "Les États-Unis ont dit qu'ils ..."
                if t.i >= head or t.dep not in ("nsubj", "nsubj:pass") or t.pos == "PRON":
                    continue
                res = self.compose(sa, t.i)
                if res and res.actors:
                    return Resolved(res.actors, "coref:plural-pronoun-same-sentence")
            group = self._last_group()
            return Resolved(group, "coref:plural-pronoun") if group else None
        if low in PRON_SG and tok.pos == "PRON":
            for t in reversed(sa.sentence.tokens):
                if t.i >= head or t.dep != "nsubj" or t.pos == "PRON":
                    continue
                res = self.compose(sa, t.i)
                if res and len(res.actors) == 1:
                    return Resolved(res.actors, "coref:pronoun-same-sentence")
            if self.last_subjects and len(self.last_subjects) == 1:
                return Resolved(list(self.last_subjects), "coref:pronoun")
            if self.speaker:
                return Resolved([self.speaker], "coref:pronoun")
            return None
        if lemma in ORG_NOUNS and dets & {"l'", "la", "le", "cette", "ce"} and \
                head not in sa.by_token:
            for a in reversed(self.recent):  # "l'organisation régionale": the last IGO named
                if a.country[:3] == "IGO":
                    return Resolved([a], "coref:organisation")
        if "deux" in dets and (lemma in PAIR_COUNTRY or lemma in PAIR_GOV):
            pair = self._last_two(gov=lemma in PAIR_GOV)
            return Resolved(pair, f"coref:les-deux-{lemma}") if pair else None
        if lemma == "voisin" and dets & {"son", "sa", "leur"}:
            # "l'Arménie a accepté de restituer à son voisin": the other of the last two
            who = self._clause_subject(sa, head) or self.speaker
            pair = self._last_two(gov=False)
            other = [a for a in pair if who is None or a.country != who.country]
            if who is not None and len(other) == 1:
                return Resolved(other, "coref:son-voisin")
        if lemma == "pays" and dets & {"son", "sa", "leur", "notre"}:
            who = self._clause_subject(sa, head) or self.speaker
            if who:
                return Resolved([who], "coref:son-pays")
        return None

    def _clause_subject(self, sa: SentenceActors, head: int) -> Actor | None:
        """The subject of the nearest enclosing clause other than the phrase itself."""
        tree = sa.tree
        for anc in tree.ancestors(head):
            if anc.pos not in ("VERB", "AUX", "ADJ"):
                continue
            found = self.subject_of(sa, anc.i, exclude=head)
            if found and len(found[0]) == 1:
                return found[0][0]
        return None

    def subject_of(
        self, sa: SentenceActors, verb: int, exclude: int | None = None, depth: int = 0
    ) -> tuple[list[Actor], list[int], str] | None:
        """Actors of a verb's subject: its own, its controller's, or the nearest one left."""
        tree = sa.tree
        t = tree.tok[verb]
        passive = tree.is_passive(verb) and fold(t.lemma) not in ETRE_VERBS
        if passive and not tree.agents(verb) and tree.children(verb, "xcomp"):
            passive = False  # "Moscou est disposé à ...": an adjectival participle
        if not passive and tree.is_participle(verb) and tree.agents(verb):
            passive = True  # "des équipes dépêchées par l'Espagne"
        found: list[Actor] = []
        used: list[int] = []
        subjects = [tree.tok[a] for a in tree.agents(verb)] if passive else \
            tree.children(verb, "nsubj", "nsubj:pass")
        for s in subjects:
            if s.i == exclude:
                continue
            if s.lemma.lower() in ("qui", "lequel", "laquelle") and t.dep == "acl:relcl" \
                    and t.head in tree.tok:
                s = tree.tok[t.head]  # "le ministre, qui a convoqué": the antecedent
            if exclude is not None and exclude in tree.subtree(s.i):
                continue
            # several subjects: a coordination the parser split ("Le Bhoutan et Israël ont")
            got = self.conj_actors(sa, s.i) or self._role_before_name(sa, s.i)
            for a in got:
                if a not in found:
                    found.append(a)
                    used.append(s.i)
        if subjects and any(s.i != exclude for s in subjects):
            if found:
                found += [a for a in self._left_conjuncts(sa, min(used)) if a not in found]
            return (found, used, "dep") if found else None
        if passive:
            # "les chars promis par Berlin ont été livrés": the agent of a participle on the
            # passive subject; otherwise the source is not named
            for s in tree.children(verb, "nsubj:pass"):
                for a in tree.children(s.i, "acl"):
                    if tree.is_participle(a.i) and a.i != exclude \
                            and fold(a.lemma) in COMMITTING:
                        got = [x for g in tree.agents(a.i) for x in self.conj_actors(sa, g)]
                        if got:
                            return got, tree.agents(a.i), "dep"
            return None
        if t.dep == "acl" and t.head in tree.tok and t.head != verb and \
                tree.tok[t.head].pos in ("NOUN", "PROPN") and not (
                    t.text.lower().endswith("ant") and tree.children(t.head, "nsubj")):
            # "une résolution condamnant l'annexion": the noun the participle qualifies
            found = self.conj_actors(sa, t.head)
            return (found, [t.head], "dep") if found else None
        if depth < 4 and t.dep in ("conj", "xcomp", "advcl") and t.head != verb:
            return self.subject_of(sa, t.head, exclude, depth + 1)
        if depth == 0 or t.dep in ("ROOT", "ccomp"):
            return self._left_subject(sa, verb, exclude)
        return None

    def _role_before_name(self, sa: SentenceActors, name: int) -> list[Actor]:
        """An unknown name cut off from its title: "Le Premier ministre Irakli | Kobakhidze
        a exclu" -> the role phrase before the name."""
        tree = sa.tree
        if tree.tok[name].pos != "PROPN":
            return []
        k = name - 1
        while k in tree.tok and tree.tok[k].pos == "PROPN" and k not in sa.by_token:
            k -= 1
        m = sa.by_token.get(k)
        if m is None or m.kind != "role":
            return []
        head = match_head(tree, m)
        res = self.compose(sa, head if head is not None else m.first, allow_people=False)
        return res.actors if res and len(res.actors) == 1 else []

    def _left_conjuncts(self, sa: SentenceActors, subj: int) -> list[Actor]:
        """Conjuncts the parser cut off before a subject: "Tokyo et Manille ont signé"."""
        tree = sa.tree
        toks = sa.sentence.tokens
        ext = tree.np_extent(subj)
        pos = next((k for k, t in enumerate(toks) if t.i == min(ext)), None)
        out: list[Actor] = []
        while pos is not None and pos >= 2 and toks[pos - 1].text.lower() in ("et", ","):
            prev = sa.by_token.get(toks[pos - 2].i)
            if prev is None:
                # "Le Honduras et": the match may end on the token before the conjunction
                break
            head = match_head(tree, prev)
            if head is None or tree.prep(head):
                break
            res = self.compose(sa, head)
            if not res:
                break
            out = res.actors + out
            pos = next((k for k, t in enumerate(toks) if t.i == prev.first), None)
            while pos and toks[pos - 1].pos == "DET":
                pos -= 1
        return out

    def _left_subject(
        self, sa: SentenceActors, verb: int, exclude: int | None
    ) -> tuple[list[Actor], list[int], str] | None:
        """Fallback when the parse gives no subject: the nearest bare actor phrase on the left."""
        tree = sa.tree
        for m in reversed(sa.matches):
            if m.last >= verb:
                continue
            head = match_head(tree, m)
            if head is None or head == exclude or tree.prep(head) or tree.tok[head].dep in (
                "obj", "iobj", "obl", "obl:mod", "obl:arg"
            ):
                continue
            # a coordinated subject: "Alger et Tunis ont signé" (take all the conjuncts)
            first = head
            while tree.tok[first].dep == "conj" and tree.tok[first].head in tree.tok:
                first = tree.tok[first].head
            actors = self.conj_actors(sa, first) if first != head else []
            if actors:
                return actors, [first], "left"
            res = self.compose(sa, head)
            if res and res.actors:
                more = [a for a in self._left_conjuncts(sa, head) if a not in res.actors]
                return more + res.actors, [head], "left"
        return None

    def conj_actors(self, sa: SentenceActors, head: int) -> list[Actor]:
        """Actors of a phrase and of the phrases coordinated with it."""
        out: list[Actor] = []
        tree = sa.tree
        heads = [head] + [c.i for c in tree.children(head, "appos", "flat:name")]
        conj = [c for h in heads for c in tree.conjuncts(h)]
        for c in dict.fromkeys(conj):
            res = self.compose(sa, c)
            if res:
                for a in res.actors:
                    if a not in out:
                        out.append(a)
        return out

    def _last_group(self) -> list[Actor]:
        if len(self.last_subjects) >= 2:
            return list(self.last_subjects)
        return self._last_two(gov=False)

    def _last_two(self, gov: bool) -> list[Actor]:
        if gov:
            seen: dict[str, Actor] = {}
            for a in reversed(self.people + [a for a in self.recent if a.role == "GOV"]):
                if a.country not in seen and a.role == "GOV":
                    seen[a.country] = a
                if len(seen) == 2:
                    break
            if len(seen) == 2:
                return list(reversed(seen.values()))
        countries: list[str] = []
        for a in reversed(self.recent):
            if a.country[:3] in ("IGO", "NGO", "IMG"):
                continue
            if a.country not in countries:
                countries.append(a.country)
            if len(countries) == 2:
                break
        if len(countries) < 2:
            return []
        return [self.country_actor(c, "GOV" if gov else "") for c in reversed(countries)]

    def country_actor(self, iso3: str, role: str = "", entry: str | None = None) -> Actor:
        """A country (with a role: "RUSGOV") named by the lexicon, not by the text."""
        info = self.lex.countries.get(iso3)
        return Actor(iso3 + role, info.name if info else iso3, iso3, role,
                     entry or f"countries:{iso3}")


def _quantified(tree: Tree, head: int) -> int | None:
    """The noun a quantity word counts: "des dizaines de milliers de personnes" -> personnes."""
    for _ in range(3):
        nxt = next((c for c in tree.children(head, "nmod") if tree.prep(c.i) == "de"), None)
        if nxt is None:
            return None
        if nxt.lemma.lower() not in QUANTITY:
            return nxt.i
        head = nxt.i
    return None


def _qualifies(tree: Tree, adj: int, head: int) -> bool:
    """Whether the adjective at ``adj`` qualifies the noun ``head``: directly, coordinated
    with its adjective ("les présidents russe et français"), or coordinated with the noun
    itself ("les armées burkinabè et nigérienne", as the parser may hang it)."""
    a = tree.tok[adj]
    if a.dep == "conj" and a.head == head:
        return True
    root = tree.tok[_conj_root(tree, adj)]
    if root.dep not in ("amod", "conj", "nmod"):
        return False
    up = tree.tok.get(root.head)
    return root.head == head or (up is not None and up.head == head)


def _conj_root(tree: Tree, i: int) -> int:
    """The first conjunct of the coordination ``i`` belongs to ("arménienne et
    azerbaïdjanaise" -> "arménienne")."""
    for _ in range(6):
        t = tree.tok[i]
        if t.dep != "conj" or t.head not in tree.tok or t.head == i:
            break
        i = t.head
    return i


def match_head(tree: Tree, m: Match) -> int | None:
    """The token of a match whose syntactic head lies outside the match."""
    for i in range(m.first, m.last + 1):
        t = tree.tok.get(i)
        if t is not None and not (m.first <= t.head <= m.last and t.head != i):
            return i
    return None
