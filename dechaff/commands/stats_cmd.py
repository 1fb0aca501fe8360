"""`dechaff stats OUTDIR`: per rule and per cleaner hits, dead rules, residual noise per site."""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

from dechaff.authoring.stats import dead_rules, hit_tables, residual_noise
from dechaff.engine.rulebook import load_book
from dechaff.io.tables import really_removed


def register(sub: argparse._SubParsersAction) -> None:
    cmd = sub.add_parser("stats", help="what each rule did in a run; dead rules; sites with leftovers")
    cmd.add_argument("outdir", type=Path, help="the output folder of `dechaff run`")
    cmd.add_argument("--rules", type=Path, help="rules folder the run used (default: the project's rules/)")
    cmd.add_argument("--top", type=int, default=30, help="rows per table (default 30)")
    cmd.set_defaults(func=_stats)


def _stats(args: argparse.Namespace) -> int:
    meta = pd.read_parquet(args.outdir / "metadata.parquet")
    removed = pd.read_parquet(args.outdir / "removed.parquet")
    per_cleaner, per_rule = hit_tables(removed)
    gone = really_removed(removed)
    kept = (
        f", {len(removed) - len(gone)} removals overruled by keep rules" if len(gone) < len(removed) else ""
    )
    print(f"{len(meta)} documents, {len(gone)} lines or spans removed{kept}\n")
    print("per cleaner (documents, lines):")
    print(per_cleaner.to_string() if len(per_cleaner) else "  none")
    print(f"\nper rule, top {args.top} (documents, lines):")
    print(per_rule.head(args.top).to_string() if len(per_rule) else "  none")
    dead = dead_rules(load_book(args.rules), meta, removed)
    print(f"\ndead rules (in files this run used, never fired): {len(dead)}")
    for ref in dead[: args.top]:
        print(f"  {ref.file}:{ref.line}: {ref.label}")
    if len(dead) > args.top:
        print(f"  ... and {len(dead) - args.top} more")
    noisy = residual_noise(args.outdir, meta)
    print("\nsites with the most residual noise (clean lines per page repeated across its pages):")
    for domain, docs, lines, example in noisy[: args.top]:
        print(f"  {domain}: {lines:.1f} per page over {docs} pages, e.g. {example[:70]!r}")
    if not noisy:
        print("  none")
    return 0
