"""``froissart ingest``: code a corpus into the store with all cores, resumably.

The main process reads the inputs, skips what is stored already (by content hash), sends
batches to worker processes (each loads the model and lexicons once) and is the only
writer. Each batch is committed whole; an interrupted run resumes where it stopped.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from froissart.pipeline import unsupported_language
from froissart.readers import InputError, read_inputs
from froissart.store import Store, content_hash
from froissart.types import Document

log = logging.getLogger(__name__)

_PIPE = None  # the worker's pipeline, loaded once per process


@dataclass
class Summary:
    read: int = 0
    stored: int = 0
    skipped: int = 0
    quarantined: int = 0
    mentions: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        rate = self.stored / self.seconds if self.seconds else 0.0
        return (f"read {self.read}, stored {self.stored}, already stored {self.skipped}, "
                f"quarantined {self.quarantined}, event mentions {self.mentions}, "
                f"{rate:.1f} documents/s")


def _init_worker(lang: str, overlays: list[str]) -> None:
    global _PIPE
    from froissart.pipeline import Pipeline

    _PIPE = Pipeline(lang, overlays=[Path(o) for o in overlays])


def serialise(res, ontology) -> dict:
    from froissart.output import record

    d = res.doc
    return {
        "doc": {
            "doc_id": d.doc_id, "content_hash": d.metadata.get("content_hash"),
            "input": d.metadata.get("input"), "lang": d.lang, "published": d.published,
            "collected": d.collected, "url": d.url, "title": d.title, "source": d.source,
            "text": d.text, "lexicon_version": res.events[0].lexicon_version if res.events
            else "",
            "repairs": [{"kind": r.kind, "start": r.span.start, "end": r.span.end,
                         "original": r.original, "replacement": r.replacement,
                         "clean_start": r.clean_start} for r in d.repairs],
            "metadata": {k: v for k, v in d.metadata.items() if k not in ("content_hash",)},
        },
        "mentions": [record(e, ontology) for e in res.events],
        "actors": [(a.sentence_index, a.start, a.end, a.text, a.code, a.kind, a.entry)
                   for a in res.actors],
    }


def code_batch(docs: list[Document]) -> list[dict]:
    """Code a batch in a worker; a document that fails becomes an error item."""
    out = []
    try:
        out = [serialise(r, _PIPE.res.ontology) for r in _PIPE.run(docs, detect=False)]
    except Exception:  # one bad document must not lose the batch: retry one by one
        for d in docs:
            try:
                out += [serialise(r, _PIPE.res.ontology) for r in _PIPE.run([d], detect=False)]
            except Exception as err:
                out.append({"error": f"coding failed: {type(err).__name__}: {err}",
                            "doc_id": d.doc_id, "input": d.metadata.get("input", "")})
    return out


def _batches(items: list[Document], size: int) -> Iterator[list[Document]]:
    for k in range(0, len(items), size):
        yield items[k:k + size]


def ingest(inputs: list[str], db: str, workers: int | None = None, lang: str = "fr",
           overlays: list[str] | None = None, batch_size: int = 16, progress: bool = True,
           max_chars: int = 1_000_000, input_format: str | None = None,
           text_column: str = "text") -> Summary:
    workers = workers or os.cpu_count() or 1
    overlays = overlays or []
    t0 = time.perf_counter()
    summary = Summary()
    with Store(db) as store:
        stored = store.hashes()
        quarantined = store.quarantined()
        pending: list[Document] = []
        seen: set[str] = set()
        for item in read_inputs(inputs, max_chars=max_chars, lang=lang,
                                input_format=input_format, text_column=text_column):
            summary.read += 1
            if isinstance(item, InputError):
                summary.quarantined += 1
                summary.errors.append(f"{item.doc_id} ({item.source}): {item.reason}")
                if (item.doc_id, item.source) not in quarantined:
                    store.quarantine(item.doc_id, item.source, item.reason)
                continue
            other = unsupported_language(item, lang)
            if other:
                reason = f"language {other!r} is not supported (this run codes {lang!r})"
                summary.quarantined += 1
                summary.errors.append(f"{item.doc_id}: {reason}")
                where = str(item.metadata.get("input", ""))
                if (item.doc_id, where) not in quarantined:
                    store.quarantine(item.doc_id, where, reason)
                continue
            h = content_hash(item.raw)
            if h in stored or h in seen:
                summary.skipped += 1
                continue
            if item.doc_id in stored.values():
                item.doc_id = f"{item.doc_id}#{h[:8]}"  # same id, other content: keep both
            seen.add(h)
            item.metadata["content_hash"] = h
            pending.append(item)
        bar = _progress(len(pending), progress)
        try:
            for items in _run(pending, workers, lang, overlays, batch_size):
                good = [it for it in items if "error" not in it]
                for it in items:
                    if "error" in it:
                        summary.quarantined += 1
                        summary.errors.append(f"{it['doc_id']}: {it['error']}")
                        store.quarantine(it["doc_id"], it["input"], it["error"])
                store.write_batch(good)
                summary.stored += len(good)
                summary.mentions += sum(len(it["mentions"]) for it in good)
                if bar:
                    bar.update(len(items))
        finally:
            if bar:
                bar.close()
        store.recluster()
    summary.seconds = time.perf_counter() - t0
    return summary


def _run(pending: list[Document], workers: int, lang: str, overlays: list[str],
         batch_size: int) -> Iterator[list[dict]]:
    if not pending:
        return
    if workers <= 1 or len(pending) <= batch_size:
        _init_worker(lang, overlays)
        for batch in _batches(pending, batch_size):
            yield code_batch(batch)
        return
    import multiprocessing as mp

    ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    with ctx.Pool(workers, initializer=_init_worker, initargs=(lang, overlays)) as pool:
        yield from pool.imap(code_batch, _batches(pending, batch_size))


def _progress(total: int, enabled: bool):
    if not enabled or total == 0:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", desc="coding", file=sys.stderr, smoothing=0.1)
