"""Command line: `dechaff run | eval | bench ...` (one module per command in `dechaff.commands`)."""

from __future__ import annotations

import argparse
import errno
import os
import sys
from collections.abc import Sequence

from dechaff import __version__
from dechaff.commands import (
    bench_cmd,
    diff_cmd,
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
    diff_cmd,
    stats_cmd,
    export_cmd,
)

__all__ = ["build_parser", "main"]

BROKEN_PIPE = 128 + 13  # what a shell reports for a tool its reader stopped (SIGPIPE), as `git log | head`
INTERRUPTED = 128 + 2  # what a shell reports for a command stopped by Ctrl-C (SIGINT)


class HelpFormatter(argparse.ArgumentDefaultsHelpFormatter):
    """Every option's help ends with its default, unless the help already says it in words."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = action.help or ""
        optional = action.option_strings or action.nargs in (argparse.OPTIONAL, argparse.ZERO_OR_MORE)
        if "(default" in text or not optional or action.required or action.default is argparse.SUPPRESS:
            return action.help
        value = action.default
        shown = (
            "none" if value is None or value == [] else {True: "on", False: "off"}.get(value, "%(default)s")
        )
        return f"{text} (default: {shown})"


class Parser(argparse.ArgumentParser):
    """The parser of `dechaff` and of each of its commands (they inherit the formatter)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="dechaff", description=__doc__)
    parser.add_argument("--version", action="version", version=f"dechaff {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    for command in COMMANDS:
        command.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; a setup error is one line on stderr and exit 2, never a traceback."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except RuleFileError as exc:
        print(f"error: bad rule file: {exc}", file=sys.stderr)
    except (InputSetupError, StrictError) as exc:
        print(f"error: {exc}", file=sys.stderr)
    except BrokenPipeError:  # `dechaff eval ... --per-doc | head`: the reader has all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so the exit flush is silent too
        return BROKEN_PIPE
    except KeyboardInterrupt:
        print("interrupted; rerun with --resume" if args.command == "run" else "interrupted", file=sys.stderr)
        return INTERRUPTED
    except OSError as exc:  # the file system refused (a full disk, a permission): which file, one line
        print(f"error: {os_error_line(exc, args.command)}", file=sys.stderr)
        return 1
    return 2


def os_error_line(exc: OSError, command: str) -> str:
    """
    >>> os_error_line(OSError(errno.ENOSPC, "No space left on device", "out/text/a.txt"), "run")
    'No space left on device: out/text/a.txt; make room, then rerun with --resume'
    """
    line = f"{exc.strerror or exc}: {exc.filename}" if exc.filename else str(exc)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT) and command == "run":
        line += "; make room, then rerun with --resume"
    return line
