"""Command line: `dechaff run | eval | bench ...` (one module per command in `dechaff.commands`)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from dechaff.commands import (
    bench_cmd,
    eval_cmd,
    explain_cmd,
    export_cmd,
    report_cmd,
    rules_cmd,
    run_cmd,
    stats_cmd,
    suggest_cmd,
)
from dechaff.io.inputs import InputSetupError
from dechaff.ruleset.errors import RuleFileError
from dechaff.run.runner import StrictError

COMMANDS = (
    run_cmd,
    eval_cmd,
    bench_cmd,
    rules_cmd,
    explain_cmd,
    report_cmd,
    suggest_cmd,
    stats_cmd,
    export_cmd,
)

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dechaff", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        command.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except RuleFileError as exc:
        print(f"error: bad rule file: {exc}", file=sys.stderr)
    except (InputSetupError, StrictError) as exc:
        print(f"error: {exc}", file=sys.stderr)
    return 2
