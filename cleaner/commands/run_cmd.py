"""`cleaner run`: clean inputs into text files plus metadata and removed-lines tables."""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

from cleaner.commands.common import load_book
from cleaner.engine import Engine, Settings
from cleaner.io.inputs import discover, read_manifest
from cleaner.run import Summary, run_batch


def register(sub: argparse._SubParsersAction) -> None:
    run = sub.add_parser("run", help="clean text dumps into OUT/text/*.txt plus Parquet tables")
    run.add_argument(
        "inputs", nargs="+", type=Path, help="files or folders (folders: every *.txt, recursively)"
    )
    run.add_argument("--out", type=Path, default=Path("output"), help="output folder (default: output/)")
    run.add_argument("--rules", type=Path, help="rules folder (default: the project's rules/)")
    run.add_argument(
        "--no-domain-rules", action="store_true", help="generic cascade only, no domain detection"
    )
    run.add_argument("--manifest", type=Path, help="CSV or JSONL with id, url and optionally domain")
    run.add_argument("--strict", action="store_true", help="stop at the first document that fails")
    run.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    book = load_book(args.rules)
    sources = discover(args.inputs)
    if args.manifest:
        manifest = read_manifest(args.manifest)
        sources = [
            replace(s, url=manifest.get(s.id, (None, None))[0], domain=manifest.get(s.id, (None, None))[1])
            for s in sources
        ]
    engine = Engine(book, Settings(domain_rules=not args.no_domain_rules))
    summary = run_batch(sources, engine, args.out, strict=args.strict)
    print_summary(summary, args.out)
    return 0


def print_summary(summary: Summary, out: Path) -> None:
    print(
        f"files {summary.files}: ok {summary.count('ok')}, dropped {summary.count('dropped')}, "
        f"error {summary.count('error')} in {summary.seconds:.2f}s -> {out}"
    )
    for status, n in sorted(summary.statuses.items()):
        if status != "ok":
            print(f"  {status}: {n}")
    removed = ", ".join(f"{name} {n}" for name, n in summary.removed_by_cleaner.most_common())
    print(f"lines removed: {removed or 'none'}")
