"""Coding events in a sentence: pattern triggers, argument slots, modality, reciprocity."""

from __future__ import annotations

from dataclasses import dataclass

from froissart.actors.resolve import DocumentActors, SentenceActors
from froissart.events.lexicon import EventLexicon, Pattern, Wrapper
from froissart.syntax import Tree
from froissart.textnorm import fold
from froissart.types import Actor, Event, Span

POS_OK = {"VERB": {"VERB", "AUX"}, "NOUN": {"NOUN", "PROPN"}, "ADJ": {"ADJ", "VERB"}}
COMPLEMENT_DEPS = {"xcomp", "ccomp", "obl:arg", "advcl", "acl", "obj", "obl:mod", "iobj"}
REFLEXIVE = {"se", "s'", "me", "m'", "nous", "vous", "te", "t'"}


@dataclass
class Filled:
    actors: list[Actor]
    tokens: list[int]
    how: str


def _candidates(lex: EventLexicon, tok, pos: str) -> list:  # noqa: ANN001
    keys = {fold(tok.lemma), fold(tok.text)}
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
    return fold(words) + " | " + fold(lemmas)


def _object_tokens(tree: Tree, t: int, passive: bool) -> list[int]:
    deps = ("nsubj:pass",) if passive else ("obj",)
    out = [c.i for c in tree.children(t) if c.dep in deps]
    if not out:
        # "procéder à des frappes", "mettre fin à": complements with a preposition
        out = [c.i for c in tree.children(t, "obl", "obl:arg", "nmod")]
    return out


def _matches(pattern: Pattern, tree: Tree, t: int) -> bool:
    tok = tree.tok[t]
    if tok.pos not in POS_OK[pattern.pos]:
        return False
    if pattern.case and fold(tree.prep(t)) != pattern.case:
        return False
    if pattern.reflexive is not None:
        refl = any(c.text.lower() in REFLEXIVE and c.dep in ("expl:comp", "expl:pv", "obj",
                                                             "iobj", "expl")
                   for c in tree.children(t))
        if refl != pattern.reflexive:
            return False
    if pattern.objects or pattern.exclude:
        if pattern.pos == "VERB":
            objs = _object_tokens(tree, t, tree.is_passive(t))
            texts = [_np_text(tree, o) for o in objs]
        else:
            texts = [_np_text(tree, t)]
        if pattern.objects and not any(o in txt for o in pattern.objects for txt in texts):
            return False
        if pattern.exclude and any(o in txt for o in pattern.exclude for txt in texts):
            return False
    return True


class SentenceCoder:
    """Codes one sentence with a pattern lexicon and the document's actor state."""

    def __init__(self, lex: EventLexicon, actors: DocumentActors, doc_id: str,
                 text: str) -> None:
        self.lex = lex
        self.actors = actors
        self.doc_id = doc_id
        self.text = text

    # -- slots ------------------------------------------------------------------
    def fill(self, sa: SentenceActors, slot: str, t: int) -> Filled | None:
        tree = sa.tree
        tok = tree.tok[t]
        passive = tree.is_passive(t)
        fillers: list[int] = []
        if slot == "subj":
            if tok.pos in ("NOUN", "PROPN"):
                return self.fill(sa, "de", t) or self.fill(sa, "poss", t)
            found = self.actors.subject_of(sa, t)
            return Filled(found[0], found[1], found[2]) if found else None
        if slot == "gov_subj":
            for anc in tree.ancestors(t):
                if anc.pos in ("VERB", "AUX", "ADJ"):
                    found = self.actors.subject_of(sa, anc.i, exclude=t)
                    return Filled(found[0], found[1], "gov-" + found[2]) if found else None
            return None
        if slot == "poss":
            for c in tree.children(t, "det", "nmod:poss"):
                if c.text.lower() in ("son", "sa", "ses", "leur", "leurs"):
                    who = self.actors._clause_subject(sa, t) or self.actors.speaker
                    return Filled([who], [c.i], "poss") if who else None
            return None
        if slot == "obj":
            fillers = _object_tokens(tree, t, passive)
            fillers = [f for f in fillers if tree.tok[f].dep in ("obj", "nsubj:pass")]
        elif slot == "iobj":
            fillers = [c.i for c in tree.children(t, "iobj")]
        elif slot == "agent":
            fillers = [c.i for c in tree.children(t, "obl:agent")]
        else:  # a preposition
            heads = [t]
            if tok.pos not in ("NOUN", "PROPN"):
                heads += [c.i for c in tree.children(t) if c.dep in ("obj", "nsubj:pass")]
            for h in heads:
                for c in tree.children(h):
                    if c.dep.split(":")[0] in ("obl", "nmod", "iobj", "obj", "appos") and (
                        tree.prep(c.i) == slot or slot in tree.preps(c.i)
                    ):
                        fillers.append(c.i)
        out: list[Actor] = []
        used: list[int] = []
        for f in fillers:
            for a in self.actors.conj_actors(sa, f):
                if a not in out:
                    out.append(a)
                    used.append(f)
        return Filled(out, used, "dep") if out else None

    def fill_first(self, sa: SentenceActors, slots: tuple[str, ...], t: int) -> Filled | None:
        for slot in slots:
            got = self.fill(sa, slot, t)
            if got and got.actors:
                return got
        return None

    # -- modality ----------------------------------------------------------------
    def wrapper_of(self, tree: Tree, t: int) -> tuple[Wrapper, int] | None:
        cur = tree.tok[t]
        while cur.dep == "conj" and cur.head in tree.tok and cur.head != cur.i:
            cur = tree.tok[cur.head]
        if cur.dep not in COMPLEMENT_DEPS or cur.head == cur.i:
            return None
        head = tree.tok[cur.head]
        for k in {fold(head.lemma), fold(head.text)}:
            for w in self.lex.wrappers.get(k, []):
                if head.pos in POS_OK.get(w.pos, {w.pos}):
                    return w, head.i
        return None

    def blocked(self, tree: Tree, t: int) -> str:
        if tree.negated(t):
            return "negated"
        if tree.mood(t) == "conditional":
            return "hypothetical"
        for c in tree.children(t, "mark"):
            if c.lemma.lower() == "si":
                return "hypothetical"
        return ""

    # -- coding -----------------------------------------------------------------
    def code(self, sa: SentenceActors) -> list[Event]:
        tree = sa.tree
        events: list[Event] = []
        covered_wrappers: set[int] = set()
        for tok in sa.sentence.tokens:
            cands = [p for pos in ("patterns",) for p in _candidates(self.lex, tok, pos)
                     if p.id not in self.lex.disabled and _matches(p, tree, tok.i)]
            if not cands:
                continue
            p = max(cands, key=lambda q: q.specificity)
            wrapped = self.wrapper_of(tree, tok.i)
            code = p.code
            rule = p.id
            mode = "realised"
            if wrapped:
                w, w_i = wrapped
                if self.blocked(tree, w_i):
                    covered_wrappers.add(w_i)
                    continue
                mapped = self.lex.map_code(w.kind, p.code)
                covered_wrappers.add(w_i)
                if mapped is None:
                    continue
                code, rule, mode = mapped, f"{w.id}>{p.id}", w.kind
            if self.blocked(tree, tok.i):
                continue
            if tree.mood(tok.i) == "future" and p.code[:2] == "04" and not wrapped:
                code, mode = self.lex.map_code("intent", p.code) or code, "intent"
            src = self.fill_first(sa, p.source, tok.i)
            if not src:
                continue
            tgt = self.fill_first(sa, p.target, tok.i)
            recip = p.reciprocal or bool(wrapped and wrapped[0].reciprocal)
            conf = p.confidence - (0.1 if src.how != "dep" else 0.0)
            events += self._emit(sa, tok.i, code, rule, mode, src, tgt, recip, conf,
                                 meeting=p.meeting and mode == "realised")
        for tok in sa.sentence.tokens:
            for w in self.lex.wrappers.get(fold(tok.lemma), []) or self.lex.wrappers.get(
                fold(tok.text), []
            ):
                if tok.i in covered_wrappers or not w.default or tok.pos not in POS_OK.get(
                    w.pos, {w.pos}
                ) or self.blocked(tree, tok.i):
                    continue
                comps = [c.i for c in tree.children(tok.i, "xcomp", "ccomp", "obl:arg")]
                if not comps:
                    continue
                src = self.fill_first(sa, ("subj",), tok.i)
                if not src:
                    continue
                tgt = None
                for c in comps:
                    for cc in tree.conjuncts(c):
                        tgt = tgt or self.fill_first(sa, w.target, cc)
                conf = 0.7 - (0.1 if src.how != "dep" else 0.0)
                events += self._emit(sa, tok.i, w.default, w.id, w.kind, src, tgt,
                                     w.reciprocal, conf)
                break
        return events

    def _emit(self, sa: SentenceActors, t: int, code: str, rule: str, mode: str, src: Filled,
              tgt: Filled | None, reciprocal: bool, conf: float,
              meeting: bool = False) -> list[Event]:
        pairs: list[tuple[Actor, Actor]] = []
        if tgt is None or not tgt.actors:
            if reciprocal and len(src.actors) >= 2:
                pairs = [(a, b) for a in src.actors for b in src.actors if a.country != b.country]
        else:
            for a in src.actors:
                for b in tgt.actors:
                    if a.country != b.country:
                        pairs.append((a, b))
                        if reciprocal:
                            pairs.append((b, a))
        if not pairs:
            return []
        span = self._evidence(sa, t, src, tgt)
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
            ))
        return out

    def _evidence(self, sa: SentenceActors, t: int, src: Filled, tgt: Filled | None) -> Span:
        """The shortest stretch covering the trigger and the explicit arguments."""
        tree = sa.tree
        idx = {t}
        for f in (src, tgt):
            if f and f.how in ("dep", "left", "gov-dep", "gov-left"):
                for i in f.tokens:
                    ext = tree.np_extent(i)
                    idx.update(j for j in ext if abs(j - t) < 40)
        toks = [tree.tok[i] for i in sorted(idx)]
        start, end = toks[0].start, toks[-1].end
        return Span(start, end)
