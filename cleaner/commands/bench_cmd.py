"""`cleaner bench --quality [--devset DIR]`: quality against reference tools in one run."""

from __future__ import annotations

import argparse
from pathlib import Path

from cleaner.bench import quality
from cleaner.bench.devset import default_devset, pages
from cleaner.commands.common import load_book
from cleaner.engine import Engine


def register(sub: argparse._SubParsersAction) -> None:
    cmd = sub.add_parser("bench", help="benchmarks against baselines measured in the same run")
    cmd.add_argument("--quality", action="store_true", help="F1 on a dev set: ours vs jusText (and more)")
    cmd.add_argument("--devset", type=Path, default=None, help="dev set folder (default: ../shared/devset)")
    cmd.add_argument("--rules", type=Path, help="rules folder (default: the project's rules/)")
    cmd.set_defaults(func=_bench)


def _bench(args: argparse.Namespace) -> int:
    root = args.devset or default_devset()
    selected = pages(root)
    engine = Engine(load_book(args.rules))
    systems = {
        "cleaner (text dumps)": quality.cascade_on_dump(engine),
        "jusText (text dumps)": quality.justext_on_dump,
    }
    print(quality.report(quality.compare(selected, systems), len(selected), root))
    return 0
