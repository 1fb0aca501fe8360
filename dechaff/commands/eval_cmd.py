"""`dechaff eval OUTDIR GOLDDIR [--raw DIR]`: the shared scorer's metric, per document and mean."""

from __future__ import annotations

import argparse
from pathlib import Path

from dechaff.authoring.evaluate import gold_files, score_dir, summary_line
from dechaff.io.inputs import InputSetupError


def register(sub: argparse._SubParsersAction) -> None:
    cmd = sub.add_parser("eval", help="score clean texts against gold texts (bag-of-tokens F1)")
    cmd.add_argument(
        "outdir", type=Path, help="a run's output folder (its text/ is used) or a folder of .txt"
    )
    cmd.add_argument("golddir", type=Path)
    cmd.add_argument("--raw", type=Path, help="the raw inputs, for noise_removed")
    cmd.add_argument("--per-doc", action="store_true", help="one line per document, worst first")
    cmd.set_defaults(func=_eval)


def _eval(args: argparse.Namespace) -> int:
    for folder, what in (
        (args.outdir, "clean texts"),
        (args.golddir, "gold texts"),
        (args.raw, "raw inputs"),
    ):
        if folder is not None and not folder.is_dir():
            raise InputSetupError(f"{folder}: no such folder ({what})")
    if not gold_files(args.golddir):
        raise InputSetupError(f"{args.golddir}: no gold text in this folder (one <id>.txt per document)")
    out = args.outdir / "text" if (args.outdir / "text").is_dir() else args.outdir
    scores = score_dir(out, args.golddir, args.raw)
    if args.per_doc:
        for doc_id, s in sorted(scores.items(), key=lambda kv: (kv[1].f1, kv[0])):
            extra = "" if s.noise_removed is None else f" noise_removed={s.noise_removed:.3f}"
            print(f"{doc_id} P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f}{extra}")
    print(summary_line(scores))
    return 0
