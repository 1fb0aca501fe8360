"""Command line: `dechaff run | eval | bench ...` (one module per command in `dechaff.commands`).

Only the command named is imported: `bench` pulls in trafilatura and jusText, `report` and
`stats` pandas, and `dechaff run` on one file should not pay for them (`--help` with no command
imports them all, to list them)."""

from __future__ import annotations

import argparse
import errno
import importlib
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from dechaff import __version__
from dechaff.io.inputs import InputSetupError
from dechaff.ruleset.errors import RuleFileError
from dechaff.run.runner import StrictError

COMMANDS = (
    "run",
    "eval",
    "bench",
    "train",
    "rules",
    "explain",
    "report",
    "suggest",
    "diff",
    "stats",
    "export",
)

__all__ = ["build_parser", "main"]

BROKEN_PIPE = 128 + 13  # what a shell reports for a tool its reader stopped (SIGPIPE), as `git log | head`
INTERRUPTED = 128 + 2  # what a shell reports for a command stopped by Ctrl-C (SIGINT)

DESCRIPTION = (
    "Clean scraped web text: remove boilerplate, write clean text and Parquet tables of metadata "
    "and of every removed line with the rule that removed it."
)


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


def command(name: str) -> ModuleType:
    """The module of one sub-command (`dechaff.commands.<name>_cmd`)."""
    return importlib.import_module(f"dechaff.commands.{name}_cmd")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser with every command, or with `only` that one (the others are not imported)."""
    parser = Parser(prog="dechaff", description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"dechaff {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    for name in COMMANDS:
        if only is None or name == only:
            command(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; a setup error is one line on stderr and exit 2, never a traceback."""
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(argv[0] if argv and argv[0] in COMMANDS else None).parse_args(argv)
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
