"""`dechaff diff OLD_RULES NEW_RULES INPUT... [--gold DIR]`: what a rule change does to pages."""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from dechaff.authoring.diff import PageDiff, diff_pages
from dechaff.authoring.evaluate import gold_files
from dechaff.engine.engine import Engine, Settings
from dechaff.engine.rulebook import load_book
from dechaff.io.inputs import (
    InputSetupError,
    RecordFields,
    discover,
    read_manifest,
    sources_of,
    with_manifest,
)

SHOWN = 100  # characters of a line shown


def register(sub: argparse._SubParsersAction) -> None:
    cmd = sub.add_parser(
        "diff",
        help="clean pages with two rule sets: every line whose fate changed, and why, on each side",
        description="Clean the pages with the rules of OLD and of NEW (two rules folders, e.g. a copy "
        "made before an edit) and list every line whose fate changed, with the cleaner and rule on "
        "each side; lines a generic cleaner changed its mind about are flagged.",
    )
    cmd.add_argument("old", type=Path, help="rules folder before the change")
    cmd.add_argument("new", type=Path, help="rules folder after the change")
    cmd.add_argument("inputs", nargs="+", type=Path, help="pages: files or folders")
    cmd.add_argument("--gold", type=Path, help="folder of gold texts (<id>.txt): per-page F1 on each side")
    where = cmd.add_mutually_exclusive_group()
    where.add_argument("--domain", help="clean every input as a page of this site")
    where.add_argument("--manifest", type=Path, help="CSV or JSONL with id, url and optionally domain")
    cmd.add_argument(
        "--all",
        action="store_true",
        help="also list lines removed on both sides by different rules, and pages nothing changed on",
    )
    cmd.set_defaults(func=_diff)


def _diff(args: argparse.Namespace) -> int:
    old = Engine(load_book(args.old), Settings(quality_filter=False))
    new = Engine(load_book(args.new), Settings(quality_filter=False))
    gold = None
    if args.gold is not None:
        if not args.gold.is_dir():
            raise InputSetupError(f"{args.gold}: no such gold folder")
        gold = {doc_id: path.read_text(encoding="utf-8") for doc_id, path in gold_files(args.gold).items()}
    sources = sources_of(discover(args.inputs), RecordFields(), Counter(), Settings().max_bytes)
    if args.manifest:
        sources = with_manifest(sources, read_manifest(args.manifest))
    pages = diff_pages(old, new, sources, gold, args.domain)
    for page in pages:
        if any(args.all or not c.same_text for c in page.changes) or page.error or args.all:
            _print_page(page, args.all)
    _print_summary(pages)
    return 0


def _print_page(page: PageDiff, everything: bool) -> None:
    f1 = ""
    if page.old_f1 is not None and page.new_f1 is not None:
        f1 = f"  F1 {page.old_f1:.3f} -> {page.new_f1:.3f} ({page.new_f1 - page.old_f1:+.3f})"
    shown = [c for c in page.changes if everything or not c.same_text]
    same = len(page.changes) - len([c for c in page.changes if not c.same_text])
    more = f" (and {same} removed on both sides, now by another rule{'' if everything else ': --all'})"
    print(f"== {page.doc_id}: {len(page.changes) - same} lines changed{more if same else ''}{f1}")
    if page.error:
        print(f"   not cleaned: {page.error}")
    for change in shown:
        text = change.old.text if len(change.old.text) <= SHOWN else change.old.text[:SHOWN] + "…"
        flag = "   <- a generic cleaner changed its mind (its neighbours changed)" if change.generic else ""
        print(f"  {change.old.no}: {text!r}{flag}")
        print(f"     old: {change.old.reason()}")
        print(f"     new: {change.new.reason()}")


def _print_summary(pages: list[PageDiff]) -> None:
    changes = [c for p in pages for c in p.changes]
    changed = sum(not c.same_text for c in changes)
    generic = sum(c.generic and not c.same_text for c in changes)
    touched = sum(any(not c.same_text for c in p.changes) for p in pages)
    summary = (
        f"{len(pages)} pages, {touched} changed, {changed} lines changed ({generic} by a generic cleaner)"
    )
    summary += f", {len(changes) - changed} removed on both sides by another rule"
    scored = [p for p in pages if p.old_f1 is not None and p.new_f1 is not None]
    if scored:
        before = sum(p.old_f1 or 0.0 for p in scored) / len(scored)
        after = sum(p.new_f1 or 0.0 for p in scored) / len(scored)
        worse = sum((p.new_f1 or 0.0) < (p.old_f1 or 0.0) for p in scored)
        summary += f"; mean F1 {before:.4f} -> {after:.4f} over {len(scored)} pages with gold, {worse} worse"
    print(summary)
