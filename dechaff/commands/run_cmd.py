"""`dechaff run`: clean inputs into text files plus metadata and removed-lines tables."""

from __future__ import annotations

import argparse
import hashlib
from collections import Counter
from pathlib import Path

from dechaff.core.sections import DedupConfig
from dechaff.engine.engine import Settings
from dechaff.engine.rulebook import load_book
from dechaff.execution.batch import RulesIdentity, WorkerSpec
from dechaff.io.documents_out import FORMATS_OUT, write_documents
from dechaff.io.inputs import (
    FORMATS,
    InputSetupError,
    RecordFields,
    discover,
    read_manifest,
    sources_of,
    with_manifest,
)
from dechaff.io.outdir import check_out_dir
from dechaff.io.run_record import Settings as MadeWith
from dechaff.io.run_record import resume_conflict
from dechaff.run.runner import ENGINES, RunOptions, Summary, run_batch
from dechaff.run.survey import with_repeated


def register(sub: argparse._SubParsersAction) -> None:
    run = sub.add_parser("run", help="clean text dumps into OUT/text/*.txt plus Parquet tables")
    run.add_argument(
        "inputs",
        nargs="+",
        type=Path,
        help="files or folders (folders: every file of a known format, recursively)",
    )
    run.add_argument(
        "--format",
        choices=("auto", *FORMATS),
        default="auto",
        help="input format (default: by suffix: .txt .html .htm .jsonl[.gz] .parquet .warc[.gz])",
    )
    fields = RecordFields()
    run.add_argument("--text-field", default=fields.text, help="JSONL / Parquet field with the text")
    run.add_argument("--id-field", default=fields.id, help="JSONL / Parquet field with the document id")
    run.add_argument("--url-field", default=fields.url, help="JSONL / Parquet field with the URL")
    run.add_argument("--html-field", help="JSONL / Parquet field with HTML to extract (wins over the text)")
    run.add_argument(
        "--out",
        type=Path,
        default=Path("output"),
        help="output folder (default: output/); refused when it overlaps an input or holds other files",
    )
    run.add_argument(
        "--force", action="store_true", help="write into an --out that holds files this tool did not write"
    )
    run.add_argument(
        "--format-out",
        choices=FORMATS_OUT,
        default="txt",
        help="txt: OUT/text/ only (default); jsonl, parquet: also OUT/data/part-* shards, text + metadata",
    )
    run.add_argument("--rules", type=Path, help="rules folder (default: the project's rules/)")
    run.add_argument(
        "--no-domain-rules", action="store_true", help="generic cascade only, no domain detection"
    )
    run.add_argument("--manifest", type=Path, help="CSV or JSONL with id, url and optionally domain")
    run.add_argument("--strict", action="store_true", help="stop at the first document that fails")
    run.add_argument(
        "--no-filter", action="store_true", help="measure the quality signals but drop no document for them"
    )
    defaults = RunOptions()
    run.add_argument(
        "--workers", type=int, default=defaults.workers, help="worker processes (default: one per core)"
    )
    run.add_argument("--batch-size", type=int, default=defaults.batch_size, help="documents per task")
    run.add_argument("--shard-size", type=int, default=defaults.shard_size, help="documents per shard")
    run.add_argument(
        "--resume",
        action="store_true",
        help="keep the finished shards in --out and clean only the rest; refused (exit 2) when they "
        "were made with other rules or output settings",
    )
    run.add_argument(
        "--force-resume",
        action="store_true",
        help="--resume even into shards made with other rules or settings (each row keeps its rules_digest)",
    )
    run.add_argument(
        "--time-limit",
        type=float,
        default=60.0,
        help="seconds per document before it is recorded as error:timeout (0: no limit)",
    )
    run.add_argument("--engine", choices=ENGINES, default="local", help="local process pool or Dask")
    run.add_argument("--scheduler", help="Dask scheduler address (default: a local Dask cluster)")
    run.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    files = discover(args.inputs, args.format)
    check_out_dir(args.out, args.inputs, args.force)
    book = load_book(args.rules)
    manifest = read_manifest(args.manifest) if args.manifest else None
    made_with = output_settings(args)
    resume = args.resume or args.force_resume
    if resume and not args.force_resume:  # before the inputs are read: a refusal costs nothing
        conflict = resume_conflict(args.out, book.digest, made_with)
        if conflict is not None:
            raise InputSetupError(f"{conflict}; --force-resume to resume anyway")
    skipped: Counter[str] = Counter()
    fields = RecordFields(args.text_field, args.id_field, args.url_field, args.html_field)
    sources = sources_of(files, fields, skipped, Settings().max_bytes)
    if manifest is not None:
        sources = with_manifest(sources, manifest)
    containers = any(f.format in ("jsonl", "parquet", "warc") for f in files)
    settings = Settings(
        domain_rules=not args.no_domain_rules,
        quality_filter=not args.no_filter,
        time_limit=args.time_limit or None,
    )
    if not args.no_domain_rules:  # lines repeated across a site's pages, if a rule file asks for them
        again = sources_of(files, fields, Counter(), settings.max_bytes)
        again = (s for s in again if s.duplicate_of is None)  # a repeated id is not another page
        again = with_manifest(again, manifest) if manifest is not None else again
        settings = with_repeated(book, settings, again)
    spec = WorkerSpec(args.rules.resolve() if args.rules else None, settings, args.time_limit or None)
    options = RunOptions(
        workers=args.workers,
        batch_size=args.batch_size,
        shard_size=args.shard_size,
        resume=resume,
        strict=args.strict,
        engine=args.engine,
        scheduler=args.scheduler,
    )
    rules = RulesIdentity(book.version, book.digest)
    dedup = DedupConfig.from_section(book.default.dedup)
    total = None if containers else len(files)
    summary = run_batch(
        sources, spec, rules, args.out, options, total=total, dedup=dedup, made_with=made_with
    )
    print_summary(summary, args.out)
    shards = write_documents(args.out, args.format_out, args.shard_size)
    if shards:
        print(f"documents: {len(shards)} {args.format_out} shards in {args.out / 'data'}")
    if skipped:
        print("records skipped: " + ", ".join(f"{kind} {n}" for kind, n in sorted(skipped.items())))
    return 0


def output_settings(args: argparse.Namespace) -> MadeWith:
    """The options that change what a run computes, not how fast: a resume must keep them."""
    manifest = hashlib.sha256(args.manifest.read_bytes()).hexdigest()[:16] if args.manifest else None
    return {
        "--format": args.format,
        "--text-field": args.text_field,
        "--id-field": args.id_field,
        "--url-field": args.url_field,
        "--html-field": args.html_field,
        "--no-domain-rules": args.no_domain_rules,
        "--no-filter": args.no_filter,
        "--manifest": manifest,  # its content: the same file edited gives other domains
    }


def print_summary(summary: Summary, out: Path) -> None:
    rate = summary.files / summary.seconds if summary.seconds else 0.0
    print(
        f"files {summary.files}: ok {summary.count('ok')}, dropped {summary.count('dropped')}, "
        f"error {summary.count('error')} in {summary.seconds:.2f}s ({rate:.1f} docs/s) -> {out}"
    )
    if summary.duplicates:
        print(f"  duplicates: {summary.duplicates} (dup_of set; each cluster keeps its smallest id)")
    if summary.skipped:
        print(f"  skipped {summary.skipped} already done (--resume)")
    for status, n in sorted(summary.statuses.items()):
        if status != "ok":
            print(f"  {status}: {n}")
    removed = ", ".join(f"{name} {n}" for name, n in summary.removed_by_cleaner.most_common())
    print(f"lines removed: {removed or 'none'}")
