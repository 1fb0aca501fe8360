"""`dechaff suggest INPUT... [--domain D | --manifest FILE] [--min-docs K] [--write]`: draft site
rules from what repeats across pages of the same site, with their evidence; sites with nothing to
suggest are named in one line at the end."""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from dechaff.authoring.suggest import draft, site_pages, suggest, write
from dechaff.commands.numbers import count, number
from dechaff.engine.engine import Engine, Settings
from dechaff.engine.rulebook import load_book
from dechaff.io.inputs import (
    RecordFields,
    check_fields,
    discover,
    read_manifest,
    sources_of,
    with_manifest,
)
from dechaff.ruleset.loader import default_rules_dir


def register(sub: argparse._SubParsersAction) -> None:
    cmd = sub.add_parser("suggest", help="propose site rules from lines repeated across a site's pages")
    cmd.add_argument("inputs", nargs="+", type=Path, help="pages of the site(s): files or folders")
    cmd.add_argument(
        "--domain", help="treat every input as a page of this site (else: manifest, URL, fingerprints)"
    )
    cmd.add_argument(
        "--manifest", type=Path, help="CSV or JSONL with id, url and optionally domain (as for run)"
    )
    cmd.add_argument(
        "--min-docs", type=count(), default=2, help="a line must be in at least K pages (default 2)"
    )
    cmd.add_argument(
        "--min-share", type=number(0.0, 1.0), default=0.5, help="... and in this share of them (default 0.5)"
    )
    cmd.add_argument("--rules", type=Path, help="rules folder (default: the project's rules/)")
    cmd.add_argument(
        "--write", action="store_true", help="create or extend sites/<domain>.yaml in the --rules folder"
    )
    cmd.set_defaults(func=_suggest)


def _suggest(args: argparse.Namespace) -> int:
    book = load_book(args.rules)
    engine = Engine(book, Settings(quality_filter=False))
    files = discover(args.inputs)
    check_fields(files, RecordFields())  # records without a text field: one line, not silence
    sources = sources_of(files, RecordFields(), Counter(), Settings().max_bytes)
    if args.manifest:
        sources = with_manifest(sources, read_manifest(args.manifest))
    sites = site_pages(engine, sources, args.domain)
    if not sites:
        print("no site found: give --domain (or --manifest) for dumps without URL")
        return 1
    quiet = []
    for domain, pages in sorted(sites.items()):
        proposals = suggest(pages, args.min_docs, args.min_share)
        if not proposals:
            quiet.append(f"{domain} ({len(pages)} pages)")
            continue
        print(f"# {domain}: {len(pages)} pages, {len(proposals)} suggested rules")
        if args.write:
            path = write(args.rules or default_rules_dir(), domain, proposals)
            print(f"# written to {path}")
        else:
            print(draft(domain, proposals))
    if quiet:
        print(f"# nothing to suggest for {len(quiet)} site(s): {', '.join(quiet)}")
    return 0
