"""``froissart ingest`` as a Spark job: the same stages, the same rows, on many machines.

    spark-submit --master yarn $(python -c 'import froissart.spark as s; print(s.__file__)') \\
        hdfs:///news/2024/ hdfs:///froissart/2024

reads JSONL, WARC, text (whatever ``froissart.readers`` reads) and Parquet document
collections (columns ``id``, ``text`` and optionally ``published``, ``collected``, ``lang``,
``url``, ``title``, ``source``, as in JSONL) from any Hadoop-compatible path (a file, a
directory, a glob; ``hdfs://``, ``s3a://``, ``gs://``, ``file:`` or a plain local path), and
writes one Parquet table per DuckDB table, with the same columns:

    OUTPUT/documents/year_month=2024-05/part-....parquet
    OUTPUT/mentions/year_month=.../       (event mentions, ``cluster_id`` filled)
    OUTPUT/actor_mentions/year_month=.../
    OUTPUT/events/year_month=.../         (clusters of mentions)
    OUTPUT/quarantine/                    (bad records, with the reason)

``year_month`` (``YYYY-MM``, null when unknown) is the month of the publication date for
documents and actor mentions, of the event's day (else the publication day) for mentions, and
of the event's first day (else the first article's day) for events.

Stages, as Spark stages:

1. list (driver): the inputs are expanded into files, in argument order then path order;
2. read (executors): each file is read whole (``binaryFiles``) and parsed by
   ``froissart.readers`` on a local copy; bad records become quarantine rows, never failed
   tasks; Parquet files are turned into JSONL first, row *n* playing the part of line *n*;
3. deduplicate: one document per content hash (the first in input order, as ``ingest``
   keeps), and a ``doc_id`` met again with other content becomes ``doc_id#hash8``;
4. code (executors): ``mapPartitions`` in batches through ``froissart.store.ingest.code_batch``
   and ``serialise``, the model and lexicons loaded once per executor Python process (a
   module-level singleton; Spark reuses its Python workers); a document that fails is
   quarantined;
5. cluster: mentions are grouped by (source country, target country, CAMEO root) and each
   group goes through ``froissart.store.cluster.cluster_mentions`` and ``summarise``, the
   functions ``Store.recluster`` uses, so cluster ids are the ones DuckDB gives.

Deterministic: every choice (which duplicate is kept, which id is renamed, which cluster a
mention joins) depends on input order and content only, never on partitioning or timing; the
time stamps (``ingested_at``, ``quarantined_at``) are the job's start time, taken once on the
driver. So a retried or speculative task computes exactly the rows its first attempt did, and
Spark's commit protocol keeps only the committed attempt's files (failed attempts write under
``_temporary`` and are discarded). Each table is written with mode ``overwrite`` (static
partition overwrite: the whole table directory is replaced), so rerunning the job replaces
its output rather than adding to it. On S3 use a committer with atomic commits (the S3A
"magic" committer) as for any Spark job.

Limits: a file is read whole by one task, so split corpora into files of at most a few
hundred megabytes; a (source country, target country, root) group is clustered by one task
(clustering walks it in date order), which is cheap next to coding.

``import_parquet(OUTPUT, DB)`` loads such an output into a DuckDB store for the API and the
``query``/``export`` commands. pyspark is an optional extra (``pip install froissart[spark]``);
nothing here imports it until a job starts.
"""

from __future__ import annotations

import sys

if __name__ == "__main__" and sys.path and sys.path[0].rstrip("/").endswith("froissart"):
    # run as a file (spark-submit .../froissart/spark.py): the package's own directory
    # must not shadow the standard library (froissart/types.py would hide ``types``)
    del sys.path[0]

import argparse
import json
import logging
import os
import re
import tempfile
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

log = logging.getLogger(__name__)

TABLES = ("documents", "mentions", "actor_mentions", "quarantine", "events")
PARTITION = "year_month"
PARTITIONED = ("documents", "mentions", "actor_mentions", "events")
SORT_KEYS = {"documents": ["doc_id"], "mentions": ["doc_id", "event_id"],
             "actor_mentions": ["doc_id", "sentence_index", "start_char", "end_char", "code"],
             "quarantine": ["input", "record_id"], "events": ["cluster_id"]}
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_LAST = 1 << 62  # sequence number of a file-level read failure: after the file's records

_PIPELINE_KEY: tuple | None = None  # (lang, overlays) of the pipeline loaded in this process


@dataclass
class SparkSummary:
    files: int = 0
    read: int = 0
    stored: int = 0
    skipped: int = 0
    quarantined: int = 0
    mentions: int = 0
    events: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        rate = self.stored / self.seconds if self.seconds else 0.0
        return (f"files {self.files}, read {self.read}, stored {self.stored}, duplicates "
                f"{self.skipped}, quarantined {self.quarantined}, event mentions "
                f"{self.mentions}, events {self.events}, {rate:.1f} documents/s")


# -- schema -----------------------------------------------------------------------------
def table_columns() -> dict[str, list[tuple[str, str]]]:
    """(name, DuckDB type) of every column of every table, from the store's own schema."""
    import duckdb

    from froissart.store.schema import migrate

    con = duckdb.connect(":memory:")
    try:
        migrate(con)
        return {t: [(r[0], r[1]) for r in con.execute(f"DESCRIBE {t}").fetchall()]
                for t in TABLES}
    finally:
        con.close()


def _spark_schema(cols: list[tuple[str, str]], partitioned: bool):
    from pyspark.sql import types as T

    kinds = {"VARCHAR": T.StringType(), "JSON": T.StringType(), "INTEGER": T.IntegerType(),
             "BIGINT": T.LongType(), "DOUBLE": T.DoubleType(), "DATE": T.DateType(),
             "TIMESTAMP": T.TimestampNTZType()}
    fields = [T.StructField(n, kinds[t], True) for n, t in cols]
    if partitioned:
        fields.append(T.StructField(PARTITION, T.StringType(), True))
    return T.StructType(fields)


def _coerce(value: object, kind: str) -> object:
    """A Python value as the column type wants it (DuckDB casts on insert; Spark does not)."""
    if value is None:
        return None
    if kind == "DOUBLE":
        return float(value)
    if kind in ("INTEGER", "BIGINT"):
        return int(value)
    if kind == "DATE" and isinstance(value, str):
        return date.fromisoformat(value[:10])
    if kind in ("VARCHAR", "JSON") and not isinstance(value, str):
        return str(value)
    return value


def _row(d: dict, cols: list[tuple[str, str]], month: str | bool | None = False) -> tuple:
    vals = tuple(_coerce(d.get(n), t) for n, t in cols)
    return vals if month is False else (*vals, month)


def _month(*days: date | None) -> str | None:
    for d in days:
        if d is not None:
            return f"{d.year:04d}-{d.month:02d}"
    return None


# -- stage 1: listing (driver) ----------------------------------------------------------
def _hidden(name: str) -> bool:
    return name.startswith((".", "_"))


def list_inputs(spark, inputs: Iterable[str]) -> tuple[list[tuple[str, str]], list]:
    """Files to read as (URI for Spark, name used in ``input`` columns), and missing inputs.

    A plain local path keeps its spelling (as ``froissart ingest`` records it); other paths
    are listed through Hadoop's FileSystem, so any scheme Spark can read works.
    """
    import glob

    from froissart.readers import InputError

    files: list[tuple[str, str]] = []
    missing = []
    for spec in inputs:
        found: list[tuple[str, str]] = []
        if not _URI.match(spec):
            if any(ch in spec for ch in "*?["):
                names = sorted(p for p in glob.glob(spec, recursive=True) if os.path.isfile(p))
            elif os.path.isdir(spec):
                names = sorted(str(p) for p in Path(spec).rglob("*") if p.is_file() and not
                               any(_hidden(part) for part in p.relative_to(spec).parts))
            else:
                names = [spec] if os.path.exists(spec) else []
            found = [("file:" + os.path.abspath(n), n) for n in names]
        else:
            found = [(u, u) for u in _hadoop_list(spark, spec)]
        if not found:
            stem = Path(spec.rstrip("/")).stem
            missing.append(InputError(stem, spec, "no such file"))
        files.extend(found)
    seen: set[str] = set()
    unique = []
    for uri, name in files:
        if _key(uri) not in seen:
            seen.add(_key(uri))
            unique.append((uri, name))
    return unique, missing


def _hadoop_list(spark, spec: str) -> list[str]:
    sc = spark.sparkContext
    jvm = sc._jvm
    path = jvm.org.apache.hadoop.fs.Path(spec)
    fs = path.getFileSystem(sc._jsc.hadoopConfiguration())
    statuses = fs.globStatus(path) or []
    out: list[str] = []
    for st in statuses:
        if st.isDirectory():
            root = st.getPath().toString().rstrip("/")
            it = fs.listFiles(st.getPath(), True)
            names = []
            while it.hasNext():
                p = it.next().getPath().toString()
                rel = p[len(root):].lstrip("/").split("/")
                if not any(_hidden(part) for part in rel):
                    names.append(p)
            out.extend(sorted(names))
        else:
            out.append(st.getPath().toString())
    return out


def _key(uri: str) -> str:
    """Compare file URIs as Hadoop prints them: ``file:/x`` and ``file:///x`` alike."""
    return re.sub(r"^file:(//)?(?=/)", "file:", uri)


# -- stage 2: reading (executors) -------------------------------------------------------
def _read_file(lookup, max_chars: int, lang: str | None) -> Callable:
    def read(pair: tuple[str, bytes]) -> Iterator[tuple[tuple[int, int], object]]:
        uri, data = pair
        index, name = lookup.value.get(_key(uri), (len(lookup.value), uri))
        yield from read_records(index, name, bytes(data), max_chars, lang)

    return read


def read_records(index: int, name: str, data: bytes, max_chars: int,
                 lang: str | None) -> Iterator[tuple[tuple[int, int], object]]:
    """The records of one file, each with its sequence number (file index, record index)."""
    from froissart.readers import InputError, read_inputs

    base = name.rstrip("/").rsplit("/", 1)[-1] or "input"
    stem = Path(base).stem
    with tempfile.TemporaryDirectory(prefix="froissart-") as tmp:
        local = Path(tmp) / base
        local.write_bytes(data)
        try:
            if base.lower().endswith(".parquet"):
                local = _parquet_to_jsonl(local, Path(tmp) / f"{stem}.jsonl")
            for k, item in enumerate(read_inputs([str(local)], max_chars=max_chars, lang=lang)):
                yield (index, k), _relocate(item, str(local), name)
        except Exception as err:  # an unreadable file is quarantined, not a failed task
            yield (index, _LAST), InputError(stem, name,
                                             f"unreadable: {type(err).__name__}: {err}")


def _parquet_to_jsonl(src: Path, dst: Path) -> Path:
    import duckdb

    con = duckdb.connect(":memory:")
    try:
        cur = con.execute("SELECT * FROM read_parquet(?)", [str(src)])
        cols = [c[0] for c in cur.description]
        with open(dst, "w", encoding="utf-8") as out:
            while rows := cur.fetchmany(1024):
                for r in rows:
                    rec = {c: v for c, v in zip(cols, r, strict=True) if v is not None}
                    out.write(json.dumps(rec, ensure_ascii=False, default=str) + "\n")
    finally:
        con.close()
    return dst


def _relocate(item, local: str, name: str):
    """Put the input's own name back where the reader wrote the local copy's."""
    from froissart.readers import InputError

    def swap(s: object) -> object:
        return name + s[len(local):] if isinstance(s, str) and s.startswith(local) else s

    if isinstance(item, InputError):
        return InputError(item.doc_id, swap(item.source), item.reason)
    if "input" in item.metadata:
        item.metadata["input"] = swap(item.metadata["input"])
    return item


# -- stage 3: deduplication -------------------------------------------------------------
def _first(a: tuple, b: tuple) -> tuple:
    return a if a[0] <= b[0] else b


def _hex_partition(key: str) -> int:
    return int(key[:8], 16)


def _crc_partition(key: object) -> int:
    return zlib.crc32(json.dumps(key, ensure_ascii=False).encode("utf-8"))


def _assign_ids(pair: tuple[str, Iterable[tuple]]) -> Iterator[tuple[tuple, object]]:
    """One doc_id, several contents: the first keeps it, the others get ``#hash8``."""
    _, group = pair
    for n, (seq, h, doc) in enumerate(sorted(group, key=lambda g: g[0])):
        if n:
            doc.doc_id = f"{doc.doc_id}#{h[:8]}"
        doc.metadata["content_hash"] = h
        yield seq, doc


# -- stage 4: coding (executors) --------------------------------------------------------
def ensure_pipeline(lang: str, overlays: tuple[str, ...]) -> None:
    """Load the model and lexicons once per Python process (Spark reuses its workers)."""
    global _PIPELINE_KEY
    from froissart.store import ingest

    key = (lang, tuple(overlays))
    if ingest._PIPE is None or key != _PIPELINE_KEY:
        ingest._init_worker(lang, list(overlays))
        _PIPELINE_KEY = key


def _code_partition(lang: str, overlays: tuple[str, ...], batch_size: int) -> Callable:
    def code(rows: Iterator[tuple[tuple, object]]) -> Iterator[tuple[tuple, dict]]:
        from froissart.store.ingest import code_batch

        batch: list[tuple[tuple, object]] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= batch_size:
                yield from _code(batch, lang, overlays, code_batch)
                batch = []
        if batch:
            yield from _code(batch, lang, overlays, code_batch)

    return code


def _code(batch, lang, overlays, code_batch) -> list[tuple[tuple, dict]]:
    ensure_pipeline(lang, overlays)
    docs = [d for _, d in batch]
    items = code_batch(docs)
    if len(items) != len(docs):  # cannot happen with the current pipeline; never lose a doc
        items = [it for d in docs for it in code_batch([d])]
    return [(seq, it) for (seq, _), it in zip(batch, items, strict=True)]


# -- rows of each table -----------------------------------------------------------------
def _source_of(d: dict) -> str | None:
    """``coalesce(source, regexp_extract(url, '//([^/]+)', 1))`` as ``recluster`` does."""
    if d.get("source") is not None:
        return d["source"]
    url = d.get("url")
    if url is None:
        return None
    m = re.search(r"//([^/]+)", str(url))
    return m.group(1) if m else ""


def _document_rows(cols, now: datetime) -> Callable:
    from froissart.store import _to_day

    def rows(pair: tuple[tuple, dict]) -> list[tuple]:
        _, it = pair
        if "error" in it:
            return []
        d = it["doc"]
        row = {**d, "repairs": json.dumps(d.get("repairs", [])),
               "metadata": json.dumps(d.get("metadata", {}), default=str),
               "n_events": len(it["mentions"]), "ingested_at": now}
        return [_row(row, cols, _month(_to_day(d.get("published"))))]

    return rows


def _actor_rows(cols) -> Callable:
    from froissart.store import _to_day

    names = [n for n, _ in cols]

    def rows(pair: tuple[tuple, dict]) -> list[tuple]:
        _, it = pair
        if "error" in it:
            return []
        d = it["doc"]
        month = _month(_to_day(d.get("published")))
        return [_row(dict(zip(names, [d["doc_id"], *a], strict=True)), cols, month)
                for a in it["actors"]]

    return rows


def _mention_dicts(pair: tuple[tuple, dict]) -> list[tuple[tuple, dict]]:
    """Mention rows of a document (``day`` derived, first of each event_id kept), keyed by
    (source country, target country, root), with the document's source and day for
    ``summarise``."""
    from froissart.store import _to_day, day_of
    from froissart.store.schema import MENTION_COLUMNS

    _, it = pair
    if "error" in it:
        return []
    d = it["doc"]
    src, pub = _source_of(d), _to_day(d.get("published"))
    out, seen = [], set()
    for m in it["mentions"]:
        if m["event_id"] in seen:
            continue  # INSERT OR IGNORE keeps the first
        seen.add(m["event_id"])
        row = {n: m.get(n) for n, _ in MENTION_COLUMNS}
        row["day"] = day_of(m.get("date"), m.get("date_precision"))
        row["cluster_id"] = None
        row["_source"], row["_published"] = src, pub
        out.append(((row["source_country"], row["target_country"], row["root"]), row))
    return out


def _cluster_group(window: int, mention_cols, event_cols) -> Callable:
    def run(pair: tuple[tuple, Iterable[dict]]) -> Iterator[tuple[str, tuple]]:
        from froissart.store.cluster import cluster_mentions, summarise

        rows = list(pair[1])
        sources = {r["doc_id"]: r["_source"] for r in rows}
        days = {r["doc_id"]: r["_published"] for r in rows}
        for c in cluster_mentions(rows, window):
            ev = summarise(c, sources, days)
            yield "events", _row(ev, event_cols, _month(ev["day"], ev["first_seen"]))
            for m in c.members:
                m["cluster_id"] = c.cluster_id
                yield "mentions", _row(m, mention_cols, _month(m["day"], m["_published"]))

    return run


def _quarantine_pairs(pair: tuple[tuple, object]) -> list[tuple[tuple, tuple]]:
    """((record_id, input), (seq, reason)) of a bad record or a document that failed."""
    from froissart.readers import InputError

    seq, item = pair
    if isinstance(item, InputError):
        return [((item.doc_id, item.source), (seq, item.reason))]
    if isinstance(item, dict) and "error" in item:
        return [((item["doc_id"], item["input"]), (seq, item["error"]))]
    return []


# -- the job ----------------------------------------------------------------------------
def session(master: str | None = None, conf: dict[str, str] | None = None,
            app_name: str = "froissart"):
    """A SparkSession; locally, its Python workers run this interpreter (and its venv)."""
    from pyspark import SparkConf
    from pyspark.sql import SparkSession

    if master is None and not SparkConf().contains("spark.master"):
        master = "local[*]"  # plain ``python -m froissart.spark``, not spark-submit
    if master and master.startswith("local"):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    settings = {"spark.sql.sources.partitionOverwriteMode": "static",
                "spark.sql.session.timeZone": "UTC",
                "spark.python.worker.reuse": "true", "spark.ui.showConsoleProgress": "false",
                **(conf or {})}
    for k, v in settings.items():
        builder = builder.config(k, v)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel(os.environ.get("FROISSART_SPARK_LOG", "WARN"))
    return spark


def run_spark(input: str | list[str], output: str, master: str | None = None, *,
              lang: str = "fr", overlays: list[str] | None = None, batch_size: int = 16,
              max_chars: int = 1_000_000, partitions: int | None = None,
              window: int | None = None, conf: dict[str, str] | None = None,
              spark=None) -> SparkSummary:
    """Read, code, cluster ``input`` (paths, directories, globs) into Parquet at ``output``.

    ``partitions``: coding and clustering partitions (default: 4 per core of the cluster);
    ``overlays``: lexicon directories, readable at the same path by every executor;
    ``spark``: an existing SparkSession to use (``master`` and ``conf`` are then ignored).
    """
    from pyspark import StorageLevel

    from froissart.store.cluster import WINDOW_DAYS

    t0 = time.perf_counter()
    spark = spark or session(master, conf)
    sc = spark.sparkContext
    inputs = [input] if isinstance(input, str) else list(input)
    overlays_t = tuple(str(o) for o in overlays or [])
    window = window or WINDOW_DAYS
    parts = partitions or max(1, sc.defaultParallelism * 4)
    now = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    cols = table_columns()
    summary = SparkSummary()
    keep = StorageLevel.MEMORY_AND_DISK

    files, missing = list_inputs(spark, inputs)
    summary.files = len(files)
    lookup = sc.broadcast({_key(u): (k, name) for k, (u, name) in enumerate(files)})
    if files:
        raw = sc.binaryFiles(",".join(u for u, _ in files), minPartitions=min(len(files), parts))
        records = raw.flatMap(_read_file(lookup, max_chars, lang))
    else:
        records = sc.emptyRDD()
    miss = [((-1, k), err) for k, err in enumerate(missing)]
    records = records.union(sc.parallelize(miss, 1)) if miss else records
    records = records.persist(keep)

    from froissart.readers import InputError
    from froissart.store import content_hash

    docs = records.filter(lambda r: not isinstance(r[1], InputError))
    unique = (docs.map(lambda r: (content_hash(r[1].raw), (r[0], r[1])))
              .reduceByKey(_first, parts, _hex_partition))
    ordered = (unique.map(lambda kv: (kv[1][1].doc_id, (kv[1][0], kv[0], kv[1][1])))
               .groupByKey(parts, _crc_partition).flatMap(_assign_ids))
    coded = ordered.mapPartitions(_code_partition(lang, overlays_t, batch_size)).persist(keep)

    quarantine = (records.union(coded).flatMap(_quarantine_pairs)
                  .reduceByKey(_first, max(1, parts // 4), _crc_partition)
                  .map(lambda kv: _row({"record_id": kv[0][0], "input": kv[0][1],
                                        "reason": kv[1][1], "quarantined_at": now},
                                       cols["quarantine"])))
    clustered = (coded.flatMap(_mention_dicts).groupByKey(parts, _crc_partition)
                 .flatMap(_cluster_group(window, cols["mentions"], cols["events"]))
                 .persist(keep))
    tables = {
        "documents": coded.flatMap(_document_rows(cols["documents"], now)),
        "actor_mentions": coded.flatMap(_actor_rows(cols["actor_mentions"])),
        "quarantine": quarantine,
        "mentions": clustered.filter(lambda r: r[0] == "mentions").map(lambda r: r[1]),
        "events": clustered.filter(lambda r: r[0] == "events").map(lambda r: r[1]),
    }
    for name, rdd in tables.items():
        _write(spark, rdd, cols[name], name, f"{output.rstrip('/')}/{name}")
    # the counts, from what is cached
    read = records.map(lambda r: isinstance(r[1], InputError)).countByValue()
    done = coded.map(lambda r: "error" in r[1]).countByValue()
    made = clustered.map(lambda r: r[0]).countByValue()
    summary.read = read[True] + read[False]
    summary.stored = done[False]
    summary.skipped = read[False] - done[False] - done[True]
    summary.quarantined = quarantine.count()
    summary.mentions, summary.events = made["mentions"], made["events"]
    for rdd in (records, coded, clustered):
        rdd.unpersist()
    lookup.unpersist()
    summary.seconds = time.perf_counter() - t0
    return summary


def _write(spark, rdd, cols, name: str, path: str) -> None:
    partitioned = name in PARTITIONED
    df = spark.createDataFrame(rdd, _spark_schema(cols, partitioned), verifySchema=False)
    keys = ([PARTITION] if partitioned else []) + SORT_KEYS[name]
    writer = df.sortWithinPartitions(*keys).write.mode("overwrite")
    if partitioned:
        writer = writer.partitionBy(PARTITION)
    writer.parquet(path)


# -- into DuckDB ------------------------------------------------------------------------
def _parquet_source(output_dir: str, table: str) -> str | None:
    """A DuckDB ``read_parquet`` over a table's files, or None when it has none."""
    base = f"{str(output_dir).rstrip('/')}/{table}"
    if _URI.match(base) and not base.startswith("file:"):
        files = [f"{base}/**/*.parquet"]  # s3://, https://: DuckDB's own globbing
    else:
        root = Path(re.sub(r"^file:(//)?", "", base))
        files = sorted(str(p) for p in root.rglob("*.parquet")
                       if not any(_hidden(part) for part in p.relative_to(root).parts))
        if not files:
            return None
    listed = ", ".join("'" + f.replace("'", "''") + "'" for f in files)
    return f"read_parquet([{listed}], hive_partitioning = false, union_by_name = true)"


def import_parquet(output_dir: str, db: str | None = None) -> dict[str, int]:
    """Load a ``run_spark`` output into a DuckDB store; returns the rows added per table.

    Documents already in the store (same content hash or doc_id) are skipped with their
    mentions. Into an empty store, the events are taken as written; otherwise the events
    table is recomputed over everything (``Store.recluster``).
    """
    from froissart.store import DEFAULT_DB, Store

    added = {}
    with Store(db or DEFAULT_DB) as store:
        con = store.con
        before = store.counts()
        fresh = before["documents"] == 0 and before["events"] == 0
        names = {t: ", ".join(r[0] for r in con.execute(f"DESCRIBE {t}").fetchall())
                 for t in TABLES}
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute("CREATE OR REPLACE TEMP TABLE _new_docs (doc_id VARCHAR)")
            docs = _parquet_source(output_dir, "documents")
            if docs:
                con.execute(
                    f"INSERT INTO _new_docs SELECT doc_id FROM {docs} n WHERE NOT EXISTS"
                    " (SELECT 1 FROM documents d WHERE d.doc_id = n.doc_id"
                    " OR d.content_hash = n.content_hash)")
                con.execute(f"INSERT INTO documents SELECT {names['documents']} FROM {docs}"
                            " WHERE doc_id IN (SELECT doc_id FROM _new_docs) ORDER BY doc_id")
            for table, verb in (("mentions", "INSERT OR IGNORE"), ("actor_mentions", "INSERT")):
                src = _parquet_source(output_dir, table)
                if src:
                    con.execute(f"{verb} INTO {table} SELECT {names[table]} FROM {src}"
                                " WHERE doc_id IN (SELECT doc_id FROM _new_docs)")
            src = _parquet_source(output_dir, "quarantine")
            if src:
                con.execute(f"INSERT OR IGNORE INTO quarantine SELECT {names['quarantine']}"
                            f" FROM {src}")
            src = _parquet_source(output_dir, "events")
            if fresh and src:
                con.execute(f"INSERT INTO events SELECT {names['events']} FROM {src}")
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        if not fresh:
            store.recluster()
        after = store.counts()
        added = {t: after[t] - before[t] for t in after}
    return added


# -- command line -----------------------------------------------------------------------
def add_arguments(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="JSONL, WARC, text or Parquet files, directories or globs (any "
                        "Hadoop-compatible path)")
    p.add_argument("output", metavar="OUTPUT", help="output directory (replaced)")
    p.add_argument("--master", help="Spark master URL (default: spark-submit's, else local[*])")
    p.add_argument("--partitions", type=int, help="coding partitions (default: 4 per core)")
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--lang", default="fr")
    p.add_argument("--lexicon", action="append", metavar="DIR",
                   help="lexicon overlay, at the same path on every executor (repeatable)")
    p.add_argument("--max-chars", type=int, default=1_000_000)
    p.add_argument("--window", type=int, default=None, help="clustering window in days")
    p.add_argument("--conf", action="append", default=[], metavar="KEY=VALUE",
                   help="Spark setting (repeatable)")
    return p


def run_from_args(args: argparse.Namespace) -> int:
    conf = dict(c.split("=", 1) for c in args.conf or [])
    summary = run_spark(args.inputs, args.output, args.master, lang=args.lang or "fr",
                        overlays=args.lexicon or [], batch_size=args.batch_size,
                        max_chars=args.max_chars, partitions=args.partitions,
                        window=args.window, conf=conf)
    print(summary.line(), file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point for ``spark-submit .../froissart/spark.py INPUT... OUTPUT``."""
    p = add_arguments(argparse.ArgumentParser(
        prog="froissart-spark", description="code a corpus into Parquet tables with Spark"))
    p.add_argument("--import-db", metavar="DB",
                   help="afterwards, load the output into this DuckDB store (on the driver)")
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    rc = run_from_args(args)
    if args.import_db:
        added = import_parquet(args.output, args.import_db)
        print("imported: " + ", ".join(f"{k} {v}" for k, v in added.items()), file=sys.stderr)
    return rc


if __name__ == "__main__":
    # spark-submit runs this file as __main__: use the importable module instead, so that
    # the functions shipped to executors (and the model singleton) live in froissart.spark.
    from froissart.spark import main as _main

    raise SystemExit(_main(sys.argv[1:]))
