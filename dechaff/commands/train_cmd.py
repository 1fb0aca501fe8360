"""`dechaff train --pairs RAW CLEAN ... --out FILE`: fit the line model (the line classifier's
second opinion) from raw dumps and their clean texts, e.g. a hand-cleaned sample of one's own
crawl; `rules/models/lines.json` in a rules folder is the model a run uses."""

from __future__ import annotations

import argparse
from pathlib import Path

from dechaff.authoring.train import examples_of, fit, pairs_in, read_index
from dechaff.engine.engine import Engine, Settings
from dechaff.engine.rulebook import load_book
from dechaff.io.inputs import InputSetupError


def register(sub: argparse._SubParsersAction) -> None:
    cmd = sub.add_parser("train", help="fit the line model from raw dumps and their clean texts")
    cmd.add_argument(
        "--pairs",
        nargs=2,
        action="append",
        type=Path,
        required=True,
        metavar=("RAW", "CLEAN"),
        help="a folder of raw <id>.txt dumps and a folder of their clean <id>.txt (repeatable)",
    )
    cmd.add_argument(
        "--index",
        type=Path,
        action="append",
        default=[],
        help="JSONL rows with id and url or domain (the page's site) and dataset (repeatable)",
    )
    cmd.add_argument(
        "--datasets",
        default="",
        help="comma-separated: only pages whose index row names one of these datasets (or none), "
        "e.g. the sources whose licence allows training (default: all)",
    )
    cmd.add_argument("--rules", type=Path, help="rules folder (default: the project's rules/)")
    cmd.add_argument("--out", type=Path, required=True, help="the model file to write")
    cmd.set_defaults(func=_train)


def _train(args: argparse.Namespace) -> int:
    for raw, clean in args.pairs:
        for folder in (raw, clean):
            if not folder.is_dir():
                raise InputSetupError(f"{folder}: no such folder")
    index = read_index(args.index)
    datasets = {d.strip() for d in args.datasets.split(",") if d.strip()}
    pairs = [p for raw, clean in args.pairs for p in pairs_in(raw, clean, index, datasets)]
    if not pairs:
        raise InputSetupError("no page with both a raw and a clean text (same <id>.txt in both folders)")
    book = load_book(args.rules)
    # The model judges what the cascade without a model leaves to the classifier.
    engine = Engine(book.without_line_model(), Settings(quality_filter=False))
    examples = examples_of(engine, pairs)
    training = {
        "pages": len(examples),
        "sites": sorted({e.site for e in examples}),
        "ids": sorted(p.id for p in pairs),
        "datasets": sorted(datasets),
        "rules_digest": book.without_line_model().digest,
    }
    model = fit(examples, training=training)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(model.to_json(), encoding="utf-8")
    lines = sum(len(e.main) for e in examples)
    print(f"{args.out}: fitted on {len(examples)} pages of {len(training['sites'])} site(s), {lines} lines")
    return 0
