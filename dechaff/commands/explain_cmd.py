"""`dechaff explain FILE`: one dump line by line, each removed line or span with its cleaner,
rule id and rule file; `--html PATH` writes the same as a standalone page."""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.console import Console
from rich.text import Text

from dechaff.engine.engine import Engine, Settings
from dechaff.engine.rulebook import load_book
from dechaff.io.inputs import InputSetupError, format_of
from dechaff.io.source import Source
from dechaff.report import html, terminal
from dechaff.report.view import line_views, meta_line


def register(sub: argparse._SubParsersAction) -> None:
    cmd = sub.add_parser("explain", help="show which cleaner and rule removed each line of one file")
    cmd.add_argument("file", type=Path)
    where = cmd.add_mutually_exclusive_group()
    where.add_argument("--domain", help="clean the file as a page of this site")
    where.add_argument("--url", help="the page's URL (its host picks the site rules)")
    cmd.add_argument("--rules", type=Path, help="rules folder (default: the project's rules/)")
    cmd.add_argument("--no-domain-rules", action="store_true", help="generic cascade only")
    cmd.add_argument("--html", type=Path, help="also write a standalone HTML page here")
    cmd.set_defaults(func=_explain)


def _explain(args: argparse.Namespace) -> int:
    if not args.file.is_file():
        what = "a folder, not a file" if args.file.is_dir() else "no such file"
        raise InputSetupError(f"{args.file}: {what} (explain takes one text dump or HTML page)")
    engine = Engine(load_book(args.rules), Settings(domain_rules=not args.no_domain_rules))
    kind = "html" if format_of(args.file) == "html" else "text"
    result = engine.process(Source(args.file.stem, args.file, url=args.url, domain=args.domain, kind=kind))
    # Text objects, never markup strings: a file name, a site name or an error may hold "[/x]".
    console = Console(highlight=False, emoji=False)
    console.print(Text.assemble((str(args.file), "bold"), "  ", meta_line(result.row)))
    if result.source_text is None:
        console.print(Text(str(result.row.get("error")), style="red"))
        return 0
    views = line_views(result.source_text, result.removed)
    terminal.render(views, console)
    if args.html is not None:
        body = html.legend() + html.document(args.file.stem, views, meta_line(result.row))
        args.html.write_text(html.page(f"dechaff explain: {args.file.name}", body), encoding="utf-8")
        console.print(Text(f"wrote {args.html}"))
    return 0
