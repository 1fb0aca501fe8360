"""`dechaff bench [CORPUS]`: speed and memory against reference tools in one run;
`dechaff bench --quality [--devset DIR]`: quality against reference tools in one run;
`dechaff bench --signals [CORPUS]`: what the quality signals cost next to the text cascade."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from dechaff.bench import quality, speed, throughput
from dechaff.bench.devset import default_devset, pages
from dechaff.commands.numbers import count, number
from dechaff.engine.engine import Engine
from dechaff.engine.rulebook import load_book


def register(sub: argparse._SubParsersAction) -> None:
    cmd = sub.add_parser("bench", help="benchmarks against baselines measured in the same run")
    cmd.add_argument(
        "--quality", action="store_true", help="F1 on a dev set: ours vs jusText and trafilatura alone"
    )
    cmd.add_argument("--devset", type=Path, default=None, help="dev set folder (default: ../shared/devset)")
    cmd.add_argument("--rules", type=Path, help="rules folder (default: the project's rules/)")
    cmd.add_argument(
        "corpus", nargs="?", type=Path, help="folder of *.txt dumps and *.html pages (default: the dev set)"
    )
    cmd.add_argument("--min-mb", type=number(), default=50.0, help="replicate the corpus to this size (MB)")
    cmd.add_argument("--out", type=Path, help="work folder: corpus copies, run outputs (default: a temp dir)")
    cmd.add_argument(
        "--json", type=Path, help="JSON report (default: OUT/bench.json); with --quality: the per-page scores"
    )
    cmd.add_argument(
        "--compare", type=Path, metavar="JSON", help="with --quality: list pages that moved since this report"
    )
    cmd.add_argument(
        "--profile", type=count(0), default=0, metavar="N", help="profile the text cascade: top N"
    )
    cmd.add_argument(
        "--signals", action="store_true", help="cost of the quality signals against the text cascade"
    )
    cmd.set_defaults(func=_bench)


def _bench(args: argparse.Namespace) -> int:
    if args.signals:
        root, files = speed.corpus_files(args.corpus, args.devset or default_devset())
        print(speed.report(speed.measure(Engine(load_book(args.rules)), files), root))
        return 0
    if not args.quality:
        return _speed(args)
    return _quality(args)


def _quality(args: argparse.Namespace) -> int:
    root = args.devset or default_devset()
    before = json.loads(args.compare.read_text(encoding="utf-8")) if args.compare else None
    # The decide step on, as a default run has it: F1 is scored on the text either way.
    engine = Engine(load_book(args.rules))
    scores = quality.measure(pages(root), engine, quality.cross_validated(root, engine))
    print(quality.report(scores, root, engine))
    if before is not None:
        print(quality.changes(before, scores))
    if args.json:
        args.json.write_text(json.dumps(quality.to_json(scores, root), indent=1) + "\n", encoding="utf-8")
        print(f"per-page scores: {args.json}")
    return 0


def _speed(args: argparse.Namespace) -> int:
    work = args.out or throughput.temp_dir()
    devset = args.devset or default_devset()
    pages = throughput.prepare_corpus(args.corpus, devset, int(args.min_mb * throughput.MB), work)
    engine = Engine(load_book(args.rules))
    rules = args.rules.resolve() if args.rules else None
    result = throughput.bench(pages, work, engine, rules, _log, devset)
    if args.profile:
        result["profile"] = throughput.profile(engine, pages[: len(pages) // 4 or 1], args.profile)
        print(result["profile"])
    print(throughput.report(result))
    out = args.json or work / "bench.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"report: {out}")
    return 0


def _log(message: str) -> None:
    print(message, file=sys.stderr)
