"""`run(config)`: the whole job, from a `RunConfig` to a finished output folder.

Set up (find the inputs, check the output folder, load the rules, refuse a mixed resume, survey
the sites if a rule file asks for it), then clean every document into shards (`clean_into`),
mark duplicates, and write the `--format-out` shards. The command line, the bench and the Python
API all call `run`, so they measure and produce the same thing.

Memory stays bounded by the batch size: sources are consumed lazily, at most two batches per
worker are in flight, and each batch is written out (text files and removed lines) as soon as it
is back; its metadata rows wait for a row group's worth (`shards.ROW_GROUP` rows, or
`shards.ROW_GROUP_BYTES` of strings). Only counters and, with --resume, the ids already done are
kept for the whole run.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import islice

from dechaff.core.names import REMOVED_PREFIX
from dechaff.core.sections import DedupConfig
from dechaff.engine.engine import Settings
from dechaff.engine.rulebook import load_book
from dechaff.execution.batch import RulesIdentity, WorkerSpec, engine_for
from dechaff.execution.local import LocalExecutor
from dechaff.execution.ordered import OrderedExecutor
from dechaff.io.documents_out import write_documents
from dechaff.io.inputs import (
    InputSetupError,
    Source,
    check_fields,
    discover,
    read_manifest,
    sources_of,
    with_manifest,
)
from dechaff.io.lock import out_lock
from dechaff.io.outdir import check_out_dir, clear_earlier_run, clear_temp_texts
from dechaff.io.run_record import MadeWith, record_settings, resume_conflict
from dechaff.io.shards import DocOutput, ShardWriter, prepare
from dechaff.quality.dedup import Signatures
from dechaff.quality.mark import mark_duplicates
from dechaff.ruleset.loader import RuleBook
from dechaff.run.config import RunConfig
from dechaff.run.progress import reporter_for
from dechaff.run.survey import with_repeated


@dataclass
class Summary:
    """What a run did, for the closing lines on the terminal (and the Python API's caller)."""

    files: int = 0
    skipped: int = 0  # finished by an earlier run (--resume)
    duplicates: int = 0  # documents with dup_of set by the post-pass
    statuses: Counter[str] = field(default_factory=Counter)
    removed_by_cleaner: Counter[str] = field(default_factory=Counter)
    records_skipped: Counter[str] = field(default_factory=Counter)  # by kind, as the readers skip them
    shards: list[str] = field(default_factory=list)  # the --format-out jsonl|parquet shards written
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


def run(config: RunConfig) -> Summary:
    """Clean `config.inputs` into `config.out`. Bad setup (a missing input, a folder without
    inputs, a text field no record has, an output folder that is not ours, a refused resume, a bad
    rule file) raises before any document is cleaned."""
    started = time.perf_counter()
    files = discover(config.inputs, config.format)
    check_fields(files, config.fields)
    check_out_dir(config.out, config.inputs, config.force)
    book = load_book(config.rules)
    manifest = read_manifest(config.manifest) if config.manifest else None
    with out_lock(config.out):  # from here on the folder is read and written: one run at a time
        made_with = config.made_with()
        if config.resume and not config.force_resume:  # before reading the inputs: a refusal costs nothing
            conflict = resume_conflict(config.out, book.digest, made_with)
            if conflict is not None:
                raise InputSetupError(f"{conflict}; --force-resume to resume anyway")
        settings = Settings(
            domain_rules=config.domain_rules,
            quality_filter=config.quality_filter,
            time_limit=config.time_limit,
            max_html_bytes=config.max_html_bytes,
        )

        def read(skipped: Counter[str]) -> Iterator[Source]:
            sources = sources_of(files, config.fields, skipped, settings.max_bytes)
            return with_manifest(sources, manifest) if manifest is not None else sources

        summary = Summary()
        if config.domain_rules:  # lines repeated across a site's pages, if a rule file asks for them
            again = (s for s in read(Counter()) if s.duplicate_of is None)  # not another page: its id again
            settings = with_repeated(book, settings, again)
        spec = WorkerSpec(
            config.rules.resolve() if config.rules else None, settings, rules_digest=book.digest
        )
        containers = any(f.format in ("jsonl", "parquet", "warc") for f in files)
        total = None if containers else len(files)
        clean_into(config, read(summary.records_skipped), spec, book, made_with, summary, total)
        summary.shards = write_documents(config.out, config.format_out, config.shard_size)
        summary.seconds = time.perf_counter() - started
        return summary


TAIL = 8
"""Batches shrink once fewer than `TAIL` full batches are left (see `batches`)."""


def batches(sources: Iterable[Source], size: int, total: int | None = None) -> Iterator[list[Source]]:
    """Consecutive batches of `size` sources, read lazily. When `total` (how many there are) is
    known, a batch holds at most 1/TAIL of what is left (and at least 1/TAIL of `size`): the last
    batches get smaller, so the workers finish together instead of one waiting on the last full
    batch of another (265 dumps in batches of 32 on 2 workers: 5 batches against 4). The sizes
    depend on the input alone, never on the worker count, so the shards are the same whatever it is.

    >>> [len(b) for b in batches(iter(range(5)), 2)]
    [2, 2, 1]
    >>> [len(b) for b in batches(iter(range(100)), 16, total=100)]
    [13, 11, 10, 9, 8, 7, 6, 5, 4, 4, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2]
    """
    it = iter(sources)
    left = total
    while True:
        n = max(1, size if left is None else min(size, max(size // TAIL, -(-left // TAIL))))
        batch = list(islice(it, n))
        if not batch:
            return
        if left is not None:
            left -= len(batch)
        yield batch


def executor_for(
    spec: WorkerSpec, rules: RulesIdentity, config: RunConfig, todo: int | None = None
) -> OrderedExecutor:
    """The Dask or local executor; a local run of `todo` documents (None: unknown) starts no more
    workers than it has batches. Its workers compile the cascades of the languages they meet,
    unless `config.warm` has the parent compile every one before they start (see `RunConfig`)."""
    if config.engine == "dask":
        # distributed takes a second to import: only Dask runs pay for it.
        from dechaff.execution.dask_engine import DaskExecutor

        return DaskExecutor(spec, rules, config.scheduler, config.workers)
    batches = None if todo is None else -(-todo // max(1, config.batch_size))
    workers = config.workers if batches is None else max(1, min(config.workers, batches))
    return LocalExecutor(spec, rules, workers, warm=config.warm)


def clean_into(
    config: RunConfig,
    sources: Iterable[Source],
    spec: WorkerSpec,
    book: RuleBook,
    made_with: MadeWith,
    summary: Summary,
    total: int | None,
) -> None:
    """Clean `sources` into the shards of `config.out` (with `config.resuming`, skip those a
    previous run finished), counting into `summary` (`total`: documents expected, None when
    unknown); then mark exact and near duplicates among every kept document in the folder, with
    the rules' `dedup` parameters. `made_with`: the options that change the output, recorded for
    a later `--resume` to check (`run_record`)."""
    out_dir = config.out
    rules = RulesIdentity(book.version, book.digest)
    dedup = DedupConfig.from_section(book.default.dedup)
    if not config.resuming:
        clear_earlier_run(out_dir)
    else:
        clear_temp_texts(out_dir)
    resumed = prepare(out_dir, config.resuming)
    record_settings(out_dir, rules.digest, made_with)  # after `prepare`: never beside older tables
    # Local workers share the output folder, so they write the text files themselves.
    spec = replace(spec, dedup=dedup, text_dir=out_dir if config.engine == "local" else None)
    prints = Signatures(dedup.num_perm)  # one small signature per kept document, for the post-pass

    def pending() -> Iterator[Source]:
        for source in sources:
            if source.id in resumed.done:
                summary.skipped += 1
            else:
                yield source

    todo = None if total is None else max(0, total - len(resumed.done))
    reporter = reporter_for(todo, sys.stderr, config.progress_interval)
    writer = ShardWriter(out_dir, resumed.next_shard, config.shard_size)
    if config.engine == "local":  # the rules loaded above, not a second time: forked workers inherit them
        engine_for(spec, book)
    executor = executor_for(spec, rules, config, todo)
    try:
        for docs in executor.map(batches(pending(), config.batch_size, todo)):
            for doc in docs:
                if config.strict and doc.status.startswith("error"):
                    raise StrictError(f"{doc.row['source_path']}: {doc.status}: {doc.row['error']}")
                summary.add(doc)
                if doc.signature is not None:
                    prints.add(doc.id, doc.signature)  # type: ignore[arg-type]
            writer.add(docs)
            reporter.advance(len(docs))
        writer.close()
    except BaseException:  # an error, --strict, Ctrl-C: no temp file left, --resume redoes the shard
        writer.abandon()
        raise
    finally:
        executor.close()
        reporter.close()
    summary.duplicates = mark_duplicates(out_dir, dedup, prints)
