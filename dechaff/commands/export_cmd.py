"""`dechaff export OUTDIR --to DIR`: training-ready shards of a run's kept documents, and a card.

Shards are `DIR/data/part-00000.parquet` (or `.jsonl`), each written to a hidden temp file and
renamed, rows sorted by id: the same run and options always give the same bytes. Their columns
follow FineWeb's layout (`text`, `id`, `url`, `date`, `language`, `language_score`, then ours).
`DIR/README.md` is the dataset card (`report/card.py`), whose Hub header lets
`datasets.load_dataset("DIR")` find the shards; `pandas.read_parquet("DIR/data")` reads them too.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq

from dechaff.io.documents_out import LEADING, shard_schema, write_shards
from dechaff.io.outdir import require_run
from dechaff.io.shards import METADATA
from dechaff.io.tables import METADATA_SCHEMA
from dechaff.quality.filters import first_failure, parse_threshold
from dechaff.report.card import Export, dataset_card
from dechaff.ruleset.errors import did_you_mean

FORMATS = ("parquet", "jsonl")
BASE_COLUMNS = (*LEADING, "domain")  # always exported: FineWeb's columns, then the site
DEFAULT_META = (
    "title",
    "author",
    "published",
    "site_name",
    "section",
    "chars_out",
    "dup_cluster",
)
DUPLICATE = "export:duplicate"


@dataclass(frozen=True, slots=True)
class Selection:
    """The rows to export (sorted by id) and why each other row of the run was left out."""

    rows: list[dict[str, object]]
    left_out: Counter[str]
    total: int


def register(sub: argparse._SubParsersAction) -> None:
    cmd = sub.add_parser("export", help="training-ready Parquet or JSONL shards plus a dataset card")
    cmd.add_argument("outdir", type=Path, help="a `dechaff run` output folder")
    cmd.add_argument(
        "--to", type=Path, required=True, help="export folder (its data/ and README.md are replaced)"
    )
    cmd.add_argument("--format", choices=FORMATS, default="parquet", help="format of the data/ shards")
    cmd.add_argument(
        "--shard-size", type=_positive, default=100_000, help="documents per shard (default 100000)"
    )
    cmd.add_argument(
        "--min-quality",
        type=_threshold,
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a filters: threshold applied on top of the run's, e.g. min_doc_words=200 (repeatable)",
    )
    cmd.add_argument(
        "--dedup", action="store_true", help="keep one document per duplicate cluster (smallest id)"
    )
    cmd.add_argument(
        "--meta",
        type=_meta_columns,
        default=",".join(DEFAULT_META),
        help="metadata columns exported after text, id, url, date, language, language_score, domain "
        "(comma-separated)",
    )
    cmd.add_argument(
        "--license",
        default="unknown",
        help="the card's license: a Hub license id (e.g. cc-by-4.0, odc-by) that fits your sources",
    )
    cmd.set_defaults(func=_export)


def _export(args: argparse.Namespace) -> int:
    require_run(args.outdir)
    rows = pq.read_table(args.outdir / METADATA).to_pylist()
    selection = select(rows, dict(args.min_quality), args.dedup)
    columns = (*BASE_COLUMNS, *args.meta)
    shards = write_shards(args.outdir, args.to, selection.rows, columns, args.format, args.shard_size)
    options = [f"--min-quality {key}={value:g}" for key, value in args.min_quality]
    options += ["--dedup"] if args.dedup else []
    export = Export(
        selection.rows,
        selection.left_out,
        selection.total,
        shard_schema(columns),
        shards,
        args.format,
        args.shard_size,
        options,
        args.license,
    )
    (args.to / "README.md").write_text(dataset_card(export), encoding="utf-8")
    print(
        f"exported {len(selection.rows)} of {selection.total} documents in {len(shards)} shards -> {args.to}"
    )
    for reason, n in sorted(selection.left_out.items()):
        print(f"  {reason}: {n}")
    return 0


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}': give a whole number of 1 or more")
    return int(text)


def _threshold(text: str) -> tuple[str, float]:
    try:
        return parse_threshold(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _meta_columns(text: str) -> tuple[str, ...]:
    """Known metadata columns, in the order given, without the base ones (always exported)."""
    names = tuple(dict.fromkeys(n.strip() for n in text.split(",") if n.strip()))
    known = METADATA_SCHEMA.names
    for name in names:
        if name not in known:
            raise argparse.ArgumentTypeError(f"unknown column '{name}'{did_you_mean(name, known)}")
    return tuple(n for n in names if n not in BASE_COLUMNS)


def select(rows: Iterable[dict[str, object]], thresholds: dict[str, float], dedup: bool) -> Selection:
    """Rows with status ok that pass the extra thresholds; with `dedup`, the smallest id of each
    cluster among those (so a cluster whose first member fails a threshold keeps its next one)."""
    left_out: Counter[str] = Counter()
    kept: list[dict[str, object]] = []
    total = 0
    for row in rows:
        total += 1
        status = str(row["status"])
        if status != "ok":
            left_out[status] += 1
        elif reason := first_failure(row, thresholds):
            left_out[f"export:{reason}"] += 1
        else:
            kept.append(row)
    kept.sort(key=lambda r: str(r["id"]))
    if dedup:
        seen: set[str] = set()
        unique = []
        for row in kept:
            cluster = str(row["dup_cluster"] or row["id"])
            if cluster in seen:
                left_out[DUPLICATE] += 1
            else:
                seen.add(cluster)
                unique.append(row)
        kept = unique
    return Selection(kept, left_out, total)
