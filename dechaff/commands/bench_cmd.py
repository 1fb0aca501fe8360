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
from dechaff.engine.engine import Engine, Settings
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
    cmd.add_argument("--min-mb", type=float, default=50.0, help="replicate the corpus to this size (MB)")
    cmd.add_argument("--out", type=Path, help="work folder: corpus copies, run outputs (default: a temp dir)")
    cmd.add_argument("--json", type=Path, help="JSON report (default: OUT/bench.json)")
    cmd.add_argument("--profile", type=int, default=0, metavar="N", help="profile the text cascade: top N")
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
    root = args.devset or default_devset()
    selected = pages(root)
    # Extraction and cleaning are measured, not the decide step: a page the quality filters would
    # drop is a choice about training data, not a cleaning error.
    engine = Engine(load_book(args.rules), Settings(quality_filter=False))
    systems = {
        "dechaff (text dumps)": quality.cascade_on_dump(engine),
        "jusText (text dumps)": quality.justext_on_dump,
        "dechaff (HTML path)": quality.html_path(engine),
        "trafilatura.extract alone": quality.trafilatura_alone,
    }
    print(quality.report(quality.compare(selected, systems), len(selected), root))
    return 0


def _speed(args: argparse.Namespace) -> int:
    work = args.out or throughput.temp_dir()
    devset = args.devset or default_devset()
    pages = throughput.prepare_corpus(args.corpus, devset, int(args.min_mb * throughput.MB), work)
    engine = Engine(load_book(args.rules))
    rules = args.rules.resolve() if args.rules else None
    result = throughput.bench(pages, work, engine, rules, lambda msg: print(msg, file=sys.stderr))
    if args.profile:
        result["profile"] = throughput.profile(engine, pages[: len(pages) // 4 or 1], args.profile)
        print(result["profile"])
    print(throughput.report(result))
    out = args.json or work / "bench.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"report: {out}")
    return 0
