"""The parse stage: the only module that imports spaCy.

It turns cleaned documents into Froissart's own Sentence and Token records, so that
every later stage runs (and is tested) without a model.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

from froissart.syntax import (
    repair_quoted_adverbials,
    repair_split_coordination,
    repair_time_attachments,
)
from froissart.types import Document, Sentence, Token

log = logging.getLogger(__name__)

MODELS = {"fr": "fr_core_news_md"}


class ModelMissing(RuntimeError):
    """The spaCy pipeline for a language is not installed."""


@lru_cache(maxsize=4)
def load_model(lang: str = "fr", name: str | None = None):
    """Load (once per process) the spaCy pipeline for ``lang``."""
    import spacy

    name = name or MODELS.get(lang)
    if not name:
        raise ModelMissing(f"no spaCy pipeline configured for language {lang!r}")
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise ModelMissing(
            f"spaCy pipeline {name!r} is not installed: pip install {name.replace('_', '-')}"
        ) from err
    log.info("loaded %s (%s)", name, ", ".join(nlp.pipe_names))
    return nlp


def vocabulary(nlp) -> Callable[[str], bool]:
    """A word test backed by the pipeline's vector table (used to repair lost characters)."""
    from spacy.strings import hash_string

    keys = frozenset(int(k) for k in nlp.vocab.vectors.keys())  # noqa: SIM118

    def known(word: str) -> bool:  # vocab.has_vector, without its per-call overhead
        return hash_string(word) in keys

    return known


_ABBREV = {"m", "mm", "mme", "mmes", "mlle", "dr", "pr", "me", "mgr", "st", "ste", "gén", "gen",
           "col", "cdt", "lt", "sgt", "av", "bd", "no", "n°", "etc", "cf", "vol", "p", "art",
           "env", "hab", "min", "max", "janv", "févr", "fév", "sept", "oct", "nov", "déc",
           "jr", "sr", "u.s", "ex"}
_END = re.compile(r"[.!?…]+[»\")\]]*\s+(?=[«\"(\[]?\s*[A-ZÀ-ÖØ-Þ0-9])")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence bounds in a paragraph: ends of sentences before an upper-case start, not
    after abbreviations ("M.", "Mme") or single initials ("J. Biden")."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        before = text[start:m.start()].rsplit(None, 1)
        last = before[-1].lower().rstrip(".") if before else ""
        if text[m.start()] == "." and (last in _ABBREV or (len(last) == 1 and last.isalpha())):
            continue
        end = m.end()
        if text[start:end].strip():
            bounds.append((start, len(text[:end].rstrip()) ))
        start = end
    if text[start:].strip():
        bounds.append((start, len(text.rstrip())))
    # leading spaces are not part of a sentence
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in bounds]


def parse_documents(
    nlp, docs: Iterable[Document], batch_size: int = 256
) -> Iterator[tuple[Document, list[Sentence]]]:
    """Parse cleaned documents paragraph by paragraph with ``nlp.pipe``."""
    docs = list(docs)
    paragraphs: list[tuple[int, int, int, str]] = []  # (doc index, paragraph, offset, text)
    for d_i, doc in enumerate(docs):
        pos = 0
        for p_i, para in enumerate(doc.text.split("\n")):
            for start, end in split_sentences(para):
                paragraphs.append((d_i, p_i, pos + start, para[start:end]))
            pos += len(para) + 1
    results: list[list[Sentence]] = [[] for _ in docs]
    next_token = [0] * len(docs)
    texts = (p[3] for p in paragraphs)
    for (d_i, p_i, offset, _), sdoc in zip(paragraphs, nlp.pipe(texts, batch_size=batch_size),
                                           strict=True):
        base = next_token[d_i]
        sentences = results[d_i]
        for sent in [sdoc[:]]:  # one sentence per unit: split_sentences decided the bounds
            tokens = [
                Token(
                    i=base + t.i,
                    text=t.text,
                    lemma=t.lemma_,
                    pos=t.pos_,
                    dep=t.dep_,
                    head=base + t.head.i,
                    start=offset + t.idx,
                    ws=t.whitespace_,
                    morph=str(t.morph),
                    ent_iob=t.ent_iob_ or "O",
                    ent_type=t.ent_type_,
                )
                for t in sent
                if not t.is_space
            ]
            tokens = repair_split_coordination(
                repair_quoted_adverbials(repair_time_attachments(tokens)))
            if tokens:
                sentences.append(
                    Sentence(len(sentences), tokens[0].start, tokens[-1].end, tokens, p_i)
                )
        next_token[d_i] = base + len(sdoc)
    for doc, sentences in zip(docs, results, strict=True):
        yield doc, sentences
