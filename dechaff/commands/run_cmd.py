"""`dechaff run`: clean inputs into text files plus metadata and removed-lines tables."""

from __future__ import annotations

import argparse
from pathlib import Path

from dechaff.commands.numbers import count, number
from dechaff.io.documents_out import FORMATS_OUT
from dechaff.io.inputs import FORMATS, RecordFields, format_names
from dechaff.run.config import ENGINES, RunConfig
from dechaff.run.runner import Summary, run


def register(sub: argparse._SubParsersAction) -> None:
    run = sub.add_parser(
        "run",
        help="clean text dumps into OUT/text/*.txt plus Parquet tables",
        description="Clean inputs into OUT/text/*.txt, OUT/metadata.parquet and OUT/removed.parquet. "
        f"Input formats, by suffix: {format_names()}.",
    )
    run.add_argument(
        "inputs",
        nargs="+",
        type=Path,
        help="files or folders (folders: every file of a known format, recursively); a file's format "
        "comes from its suffix, see above",
    )
    run.add_argument(
        "--format",
        choices=("auto", *FORMATS),
        default="auto",
        help="read every input as this format; auto: by suffix",
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
    defaults = RunConfig(inputs=(Path(),))  # the defaults of a run, read off one
    run.add_argument(
        "--workers", type=count(), default=defaults.workers, help="worker processes (default: one per core)"
    )
    run.add_argument("--batch-size", type=count(), default=defaults.batch_size, help="documents per task")
    run.add_argument("--shard-size", type=count(), default=defaults.shard_size, help="documents per shard")
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
        type=number(),
        default=defaults.time_limit,
        help="seconds per document before it is recorded as error:timeout (0: no limit)",
    )
    run.add_argument(
        "--max-html-bytes",
        type=count(),
        default=defaults.max_html_bytes,
        help="an HTML page larger than this is dropped:too_large (its tree costs ~50x its size in memory)",
    )
    run.add_argument(
        "--warm",
        action="store_true",
        help="compile every language's cascade before the local workers start, to share it (many "
        "workers, pages in most languages); by default each worker compiles the languages it meets",
    )
    run.add_argument("--engine", choices=ENGINES, default="local", help="local process pool or Dask")
    run.add_argument("--scheduler", help="Dask scheduler address (default: a local Dask cluster)")
    run.set_defaults(func=_run)


def config_of(args: argparse.Namespace) -> RunConfig:
    """The run the command line asks for."""
    return RunConfig(
        inputs=tuple(args.inputs),
        format=args.format,
        fields=RecordFields(args.text_field, args.id_field, args.url_field, args.html_field),
        manifest=args.manifest,
        out=args.out,
        force=args.force,
        format_out=args.format_out,
        rules=args.rules,
        domain_rules=not args.no_domain_rules,
        quality_filter=not args.no_filter,
        time_limit=args.time_limit or None,
        max_html_bytes=args.max_html_bytes,
        workers=args.workers,
        batch_size=args.batch_size,
        shard_size=args.shard_size,
        engine=args.engine,
        scheduler=args.scheduler,
        resume=args.resume,
        force_resume=args.force_resume,
        strict=args.strict,
        warm=args.warm,
    )


def _run(args: argparse.Namespace) -> int:
    config = config_of(args)
    summary = run(config)
    print_summary(summary, config)
    return 0


def print_summary(summary: Summary, config: RunConfig) -> None:
    out = config.out
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
    if summary.shards:
        print(f"documents: {len(summary.shards)} {config.format_out} shards in {out / 'data'}")
    if summary.records_skipped:
        skipped = ", ".join(f"{kind} {n}" for kind, n in sorted(summary.records_skipped.items()))
        print(f"records skipped: {skipped}")
