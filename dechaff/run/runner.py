"""A batch run: stream sources in batches through an executor, write shards, summarise.

Memory stays bounded by the batch size: sources are consumed lazily, at most two batches per
worker are in flight, and each batch is written out (text files, one row group per table) as soon
as it is back. Only counters and, with --resume, the ids already done are kept for the whole run.
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path

from dechaff.core.names import REMOVED_PREFIX
from dechaff.core.sections import DedupConfig
from dechaff.execution.batch import RulesIdentity, WorkerSpec
from dechaff.execution.local import LocalExecutor
from dechaff.execution.ordered import OrderedExecutor
from dechaff.io.inputs import Source
from dechaff.io.run_record import Settings, record_settings
from dechaff.io.shards import DocOutput, ShardWriter, prepare
from dechaff.quality.dedup import Signature
from dechaff.quality.mark import mark_duplicates
from dechaff.run.progress import reporter_for

ENGINES = ("local", "dask")


@dataclass(frozen=True, slots=True)
class RunOptions:
    """How to run, as opposed to what to compute: none of these change the output."""

    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    batch_size: int = 32
    shard_size: int = 4096
    resume: bool = False
    strict: bool = False
    engine: str = "local"
    scheduler: str | None = None
    progress_interval: float = 10.0


@dataclass
class Summary:
    files: int = 0
    skipped: int = 0
    duplicates: int = 0  # documents with dup_of set by the post-pass
    statuses: Counter[str] = field(default_factory=Counter)
    removed_by_cleaner: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    def count(self, kind: str) -> int:
        return sum(n for status, n in self.statuses.items() if status.split(":")[0] == kind)

    def add(self, doc: DocOutput) -> None:
        self.files += 1
        self.statuses[doc.status] += 1
        for key, value in doc.row.items():
            if key.startswith(REMOVED_PREFIX) and value:
                self.removed_by_cleaner[key.removeprefix(REMOVED_PREFIX)] += int(value)  # type: ignore[call-overload]


class StrictError(Exception):
    """Raised with --strict when a document is not cleaned ok."""


def batches(sources: Iterable[Source], size: int) -> Iterator[list[Source]]:
    """Consecutive batches of `size` sources, read lazily.

    >>> [len(b) for b in batches(iter(range(5)), 2)]
    [2, 2, 1]
    """
    it = iter(sources)
    while batch := list(islice(it, max(1, size))):
        yield batch


def executor_for(spec: WorkerSpec, rules: RulesIdentity, options: RunOptions) -> OrderedExecutor:
    if options.engine == "dask":
        # distributed takes a second to import: only Dask runs pay for it.
        from dechaff.execution.dask_engine import DaskExecutor

        return DaskExecutor(spec, rules, options.scheduler, options.workers)
    return LocalExecutor(spec, rules, options.workers)


def run_batch(
    sources: Iterable[Source],
    spec: WorkerSpec,
    rules: RulesIdentity,
    out_dir: Path,
    options: RunOptions,
    total: int | None = None,
    dedup: DedupConfig | None = None,
    made_with: Settings | None = None,
) -> Summary:
    """Clean `sources` into `out_dir`; with `options.resume`, skip those a previous run finished.

    Then mark exact and near duplicates among every kept document in `out_dir` (`dedup`: the
    rules' parameters, DedupConfig's defaults when None). `made_with`: the options that change
    the output, recorded for a later `--resume` to check (`run_record`).
    """
    started = time.perf_counter()
    summary = Summary()
    resumed = prepare(out_dir, options.resume)
    if made_with is not None:  # after `prepare`: a fresh run's record never sits beside older tables
        record_settings(out_dir, rules.digest, made_with)
    config = dedup or DedupConfig()
    # Local workers share the output folder, so they write the text files themselves.
    spec = replace(spec, dedup=config, text_dir=out_dir if options.engine == "local" else None)
    prints: dict[str, Signature] = {}  # one small signature per kept document, for the post-pass

    def pending() -> Iterator[Source]:
        for source in sources:
            if source.id in resumed.done:
                summary.skipped += 1
            else:
                yield source

    todo = None if total is None else max(0, total - len(resumed.done))
    reporter = reporter_for(todo, sys.stderr, options.progress_interval)
    writer = ShardWriter(out_dir, resumed.next_shard, options.shard_size)
    executor = executor_for(spec, rules, options)
    try:
        for docs in executor.map(batches(pending(), options.batch_size)):
            for doc in docs:
                if options.strict and doc.status.startswith("error"):
                    raise StrictError(f"{doc.row['source_path']}: {doc.status}: {doc.row['error']}")
                summary.add(doc)
                if doc.signature is not None:
                    prints[doc.id] = doc.signature
            writer.add(docs)
            reporter.advance(len(docs))
        writer.close()
    finally:
        executor.close()
        reporter.close()
    summary.duplicates = mark_duplicates(out_dir, config, prints).duplicates
    summary.seconds = time.perf_counter() - started
    return summary
