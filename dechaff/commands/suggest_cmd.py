"""`dechaff suggest INPUT... [--domain D] [--min-docs K] [--write]`: draft site rules from lines
repeated across pages of the same site, with their evidence."""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from dechaff.authoring.suggest import draft, residual_keys, suggest, write
from dechaff.engine.engine import Engine, Settings
from dechaff.engine.rulebook import load_book
from dechaff.io.inputs import RecordFields, discover, sources_of
from dechaff.ruleset.loader import default_rules_dir
from dechaff.run.survey import survey


def register(sub: argparse._SubParsersAction) -> None:
    cmd = sub.add_parser("suggest", help="propose site rules from lines repeated across a site's pages")
    cmd.add_argument("inputs", nargs="+", type=Path, help="pages of the site(s): files or folders")
    cmd.add_argument("--domain", help="treat every input as a page of this site (else: URL / fingerprint)")
    cmd.add_argument("--min-docs", type=int, default=2, help="a line must be in at least K pages (default 2)")
    cmd.add_argument(
        "--min-share", type=float, default=0.5, help="... and in this share of them (default 0.5)"
    )
    cmd.add_argument("--rules", type=Path, help="rules folder (default: the project's rules/)")
    cmd.add_argument("--write", action="store_true", help="create or extend rules/sites/<domain>.yaml")
    cmd.set_defaults(func=_suggest)


def _suggest(args: argparse.Namespace) -> int:
    book = load_book(args.rules)
    engine = Engine(book, Settings(quality_filter=False))
    sources = list(sources_of(discover(args.inputs), RecordFields(), Counter(), Settings().max_bytes))
    sites = survey(engine, sources, args.domain)
    if not sites:
        print("no site found: give --domain for dumps without URL")
        return 1
    for domain, lines in sorted(sites.items()):
        proposals = suggest(lines, args.min_docs, args.min_share, residual_keys(engine, sources, domain))
        print(f"# {domain}: {lines.docs} pages, {len(proposals)} suggested rules")
        if args.write and proposals:
            path = write(args.rules or default_rules_dir(), domain, proposals)
            print(f"# written to {path}")
        else:
            print(draft(domain, proposals))
    return 0
