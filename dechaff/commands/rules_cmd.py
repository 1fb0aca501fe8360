"""`dechaff rules lint [PATH...]` and `dechaff rules test [PATH...]`."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from dechaff.authoring.examples import run_examples
from dechaff.cleaners import PARAM_SPECS
from dechaff.engine.rulebook import load_book
from dechaff.ruleset.lint import lint
from dechaff.ruleset.loader import default_rules_dir


def register(sub: argparse._SubParsersAction) -> None:
    rules = sub.add_parser("rules", help="lint rule files, run their examples")
    rsub = rules.add_subparsers(dest="rules_command", required=True)
    lint_cmd = rsub.add_parser(
        "lint", help="schema errors, risky or dead patterns, duplicate and shadowed rules"
    )
    lint_cmd.add_argument(
        "paths", nargs="*", type=Path, help="rule files or folders (default: the project's rules/)"
    )
    lint_cmd.add_argument("--verbose", action="store_true", help="also show informational notes")
    lint_cmd.set_defaults(func=_lint)
    test_cmd = rsub.add_parser("test", help="run the examples carried by rule files")
    test_cmd.add_argument("paths", nargs="*", type=Path, help="rule files to test (default: every file)")
    test_cmd.add_argument("--rules", type=Path, help="rules folder (default: the project's rules/)")
    test_cmd.add_argument(
        "--diff", action="store_true", help="list every line each file changes in its examples, and why"
    )
    test_cmd.set_defaults(func=_test)


def _lint(args: argparse.Namespace) -> int:
    findings = lint(args.paths or [Path(os.path.relpath(default_rules_dir()))], PARAM_SPECS)
    shown = [f for f in findings if args.verbose or f.level != "info"]
    for finding in shown:
        print(finding)
    errors = sum(f.level == "error" for f in findings)
    warnings = sum(f.level == "warning" for f in findings)
    print(f"{errors} error(s), {warnings} warning(s)")
    return 1 if errors else 0


def _test(args: argparse.Namespace) -> int:
    book = load_book(args.rules)
    wanted = {p.resolve() for p in args.paths}
    files = [f for f in book.files if not wanted or book.path_of(f).resolve() in wanted]
    results = run_examples(book, files)
    for result in results:
        print(f"{'ok  ' if result.ok else 'FAIL'} {result.name}")
        for problem in result.problems:
            print(f"     {problem}")
        for reason in result.reasons if not result.ok else ():
            print(f"     {reason}")
        shown = result.changes if args.diff else result.side_effects
        if shown:
            title = "what this file changes" if args.diff else "side effects of this file's rules"
            print(f"     {title} (against the cascade without it):")
        for change in shown:
            flag = " [a generic cleaner changed its mind]" if change.generic else ""
            print(f"       line {change.new.no} {change.new.text[:80]!r}{flag}")
            print(f"         without: {change.old.reason()}")
            print(f"         with:    {change.new.reason()}")
    failed = sum(not r.ok for r in results)
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0
