"""`dechaff stats OUTDIR [--site DOMAIN]`: per rule and per cleaner hits, dead rules, residual
noise per site; with --site, that site's own rules apart from the generic defaults."""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

from dechaff.authoring.stats import dead_rules, hit_tables, residual_noise, site_rule_hits
from dechaff.commands.numbers import count
from dechaff.engine.rulebook import load_book
from dechaff.io.outdir import require_run
from dechaff.io.tables import really_removed


def register(sub: argparse._SubParsersAction) -> None:
    cmd = sub.add_parser("stats", help="what each rule did in a run; dead rules; sites with leftovers")
    cmd.add_argument("outdir", type=Path, help="the output folder of `dechaff run`")
    cmd.add_argument("--rules", type=Path, help="rules folder the run used (default: the project's rules/)")
    cmd.add_argument("--top", type=count(), default=30, help="rows per table (default 30)")
    cmd.add_argument(
        "--site",
        metavar="DOMAIN",
        help="only this site's pages: its own rules first, then the generic cleaners",
    )
    cmd.set_defaults(func=_stats)


def _stats(args: argparse.Namespace) -> int:
    require_run(args.outdir)
    meta = pd.read_parquet(args.outdir / "metadata.parquet")
    removed = pd.read_parquet(args.outdir / "removed.parquet")
    if args.site:
        return _site(args, meta, removed)
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


def _site(args: argparse.Namespace, meta: pd.DataFrame, removed: pd.DataFrame) -> int:
    """One site: each rule of its file with its hits (dead ones marked), the generic cleaners'
    hits on its pages by cleaner, and the lines still repeated across its clean pages."""
    book = load_book(args.rules)
    domain = args.site.lower().removeprefix("www.")
    pages = meta[meta["domain"] == domain]
    if pages.empty:
        found = sorted({d for d in meta["domain"] if isinstance(d, str)})
        print(f"no page of {domain} in {args.outdir} (sites: {', '.join(found[:20]) or 'none'})")
        return 1
    removed = removed[removed["id"].isin(set(pages["id"]))]
    site = book.site_for_host(domain)
    print(f"{domain}: {len(pages)} pages, {len(really_removed(removed))} lines or spans removed\n")
    if site is None:
        print(f"no site file for {domain} in the rules (write one: dechaff suggest)")
    else:
        hits = site_rule_hits(site, removed)
        print(f"rules of {site.path} (pages, lines removed, removals kept):")
        for h in hits:
            dead = "  DEAD: never fired on these pages" if not h.docs else ""
            kept = f", kept {h.kept}" if h.kept else ""
            print(f"  {site.path}:{h.ref.line}: {h.ref.label}: {h.docs} pages, {h.lines} lines{kept}{dead}")
        if not hits:
            print("  none")
    generic = really_removed(removed)
    generic = generic[generic["rule_file"] != (site.path if site else None)]
    per_cleaner, _ = hit_tables(generic)
    print("\ngeneric cleaners on these pages (pages, lines):")
    print(per_cleaner.to_string() if len(per_cleaner) else "  none")
    noisy = [n for n in residual_noise(args.outdir, pages) if n[0] == domain]
    print("\nlines still repeated across its clean pages (per page):")
    for _, docs, lines, example in noisy:
        print(f"  {lines:.1f} per page over {docs} pages, e.g. {example[:70]!r}")
    if not noisy:
        print("  none")
    return 0
