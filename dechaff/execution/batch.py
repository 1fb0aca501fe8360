"""The unit of work shipped to a worker: a batch of sources in, plain rows and text out.

Workers receive a `WorkerSpec` (the rules folder and settings, all picklable) rather than a
compiled engine: each worker process builds its engine once and keeps it for every batch.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from dechaff.core.outcome import Removal
from dechaff.core.sections import DedupConfig
from dechaff.engine.engine import DocResult, Engine, Settings, source_row
from dechaff.engine.rulebook import load_book
from dechaff.io.inputs import Source
from dechaff.io.removed_table import NONE_REMOVED, batch_table
from dechaff.io.shards import DocOutput, placed
from dechaff.quality.dedup import signature_of
from dechaff.ruleset.loader import RuleBook
from dechaff.text.langid import detect_language

WORKER_CRASH = "error:worker"
DUPLICATE_ID = "dropped:duplicate_id"


@dataclass(frozen=True, slots=True)
class WorkerSpec:
    """Everything a worker needs to build the same engine as every other worker."""

    rules_dir: Path | None
    settings: Settings
    dedup: DedupConfig | None = None  # set by run_batch: sign kept texts for the post-pass
    text_dir: Path | None = None  # set for workers on this machine: they write the text files
    rules_digest: str | None = None  # the rules the run read (see `engine_for`); None: any

    def build(self) -> Engine:
        return Engine(load_book(self.rules_dir), self.settings)


@dataclass(frozen=True, slots=True)
class RulesIdentity:
    """The rule set's version and digest, stamped on rows the engine never got to write."""

    version: str
    digest: str


_ENGINES: dict[tuple[Path | None, Settings], tuple[str, Engine]] = {}
"""Per-process cache: building the cascade compiles every pattern, so a worker does it once. One
engine per rules folder and settings, with the digest of the rules it was built for: the rules
last asked for (see `engine_for`)."""


Produced = tuple[DocOutput, Sequence[Removal]]  # an output without its removed rows, and its removals

_ONE_AT_A_TIME = threading.Lock()
"""Threads of one process (Dask worker threads) take turns: the GIL-bound cascade gains nothing
from threads, and one document at a time keeps the engine's memo tables and pipeline cache free
of races. Parallelism comes from processes."""


def engine_for(spec: WorkerSpec, book: RuleBook | None = None) -> Engine:
    """The process's engine for `spec`, built on first use with langdetect's profiles loaded, so
    that one-time cost is not charged to the first document's time limit. `book`: the rules of
    `spec.rules_dir` when the caller has loaded them already (a run does, to check them before
    any work), so they are not read twice."""
    key = (spec.rules_dir, spec.settings)  # what the engine depends on, not where output goes
    found = _ENGINES.get(key)
    # Rules edited since this process built its engine (a second `run` in one process, a Dask
    # worker kept from an earlier run) are other rules: asked for by their digest (`book`'s, or
    # the run's in `spec`), the engine is built again. A worker that builds it from the folder
    # keeps it for the run's digest, whatever it read, so it never builds it twice in one run.
    asked = book.digest if book is not None else spec.rules_digest
    if found is None or (asked is not None and found[0] != asked):
        if found is not None:
            gc.unfreeze()  # the engine it replaces can be collected, the rest is frozen again below
        engine = Engine(book, spec.settings) if book is not None else spec.build()
        _ENGINES[key] = (engine.rules_digest if asked is None else asked, engine)
        detect_language(["the language profiles load on the first call to the detector"])
        # The rule book and the language profiles live as long as the process: out of the garbage
        # collector's sight, full collections stop walking them (and forked workers stop copying
        # the pages they sit on).
        gc.freeze()
    return _ENGINES[key][1]


def failure_row(source: Source, rules: RulesIdentity, status: str, message: str) -> dict[str, object]:
    """A full metadata row for a document the engine could not finish (timeout, crashed worker)."""
    row = source_row(source, rules.version, rules.digest)
    row.update(status=status, error=message)
    return row


def _unsigned(source: Source, result: DocResult, dedup: DedupConfig | None) -> Produced:
    """A result's output, with no removed rows yet, and the removals they are to be made of; a
    kept text is signed here, in the worker, so the duplicate post-pass does not redo it serially
    in the parent."""
    kept = dedup is not None and result.text is not None and result.row["status"] == "ok"
    signature = signature_of(result.text, dedup) if kept else None  # type: ignore[arg-type]
    return DocOutput(source.id, result.row, result.text, NONE_REMOVED, signature), result.removed


def carrying(outputs: Sequence[Produced]) -> list[DocOutput]:
    """The outputs, the first carrying every one's removed rows as one table (see
    `DocOutput.removed`)."""
    docs = [doc for doc, _ in outputs]
    table = batch_table((doc.id, removed) for doc, removed in outputs)
    return [replace(docs[0], removed=table), *docs[1:]] if docs else []


def process_one(engine: Engine, source: Source, spec: WorkerSpec) -> Produced:
    """Clean one document (the engine keeps to the time limit); an id the reader found taken is
    the document's row instead (the parent decides, while reading: see `inputs.unique_ids`).
    The output comes without its removed rows, with the removals they are made of: a batch's
    table is built once (`carrying`)."""
    if source.duplicate_of is not None:
        rules = RulesIdentity(engine.book.version, engine.rules_digest)
        message = f"an earlier document of this run has the id {source.duplicate_of!r}; the first is kept"
        return DocOutput(source.id, failure_row(source, rules, DUPLICATE_ID, message), None, NONE_REMOVED), ()
    return _unsigned(source, engine.process(source), spec.dedup)


def process_batch(spec: WorkerSpec, sources: Sequence[Source]) -> list[DocOutput]:
    """What a worker runs: every source of the batch, in order (the engine never raises)."""
    with _ONE_AT_A_TIME:
        engine = engine_for(spec)
        docs = carrying([process_one(engine, source, spec) for source in sources])
    # Local workers write the text files themselves, so the parent only writes the tables: with
    # every core busy, the parent's time is taken from a worker.
    text_dir = spec.text_dir
    return docs if text_dir is None else [placed(text_dir, doc) for doc in docs]
