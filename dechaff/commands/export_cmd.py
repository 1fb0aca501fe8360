"""`dechaff export OUTDIR --to DIR`: training-ready shards of a run's kept documents, and a card.

Shards are `DIR/data/part-00000.parquet` (or `.jsonl`), each written to a hidden temp file and
renamed, rows sorted by id: the same run and options always give the same bytes. They load in
one line with `datasets.load_dataset("parquet", data_files="DIR/data/part-*.parquet")` or
`pandas.read_parquet("DIR/data")`. `DIR/README.md` is the dataset card: how the selection was
made and the counts per language, per domain and per reason a document was left out.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from dechaff import __version__
from dechaff.io.documents_out import write_shards
from dechaff.io.shards import METADATA
from dechaff.io.tables import METADATA_SCHEMA
from dechaff.quality.filters import first_failure, parse_threshold
from dechaff.ruleset.errors import did_you_mean

FORMATS = ("parquet", "jsonl")
BASE_COLUMNS = ("id", "url", "domain", "lang")
DEFAULT_META = (
    "title",
    "author",
    "published",
    "site_name",
    "section",
    "lang_prob",
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
    cmd.add_argument("--format", choices=FORMATS, default="parquet")
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
        help="metadata columns exported after text, id, url, domain, lang (comma-separated)",
    )
    cmd.set_defaults(func=_export)


def _export(args: argparse.Namespace) -> int:
    rows = pq.read_table(args.outdir / METADATA).to_pylist()
    selection = select(rows, dict(args.min_quality), args.dedup)
    schema = export_schema(args.meta)
    shards = write_shards(args.outdir, args.to, selection.rows, schema, args.format, args.shard_size)
    card = dataset_card(selection, schema, shards, args)
    (args.to / "README.md").write_text(card, encoding="utf-8")
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


def export_schema(meta: Sequence[str]) -> pa.Schema:
    """text first, then the base columns and the chosen metadata, with the metadata's types."""
    return pa.schema(
        [pa.field("text", pa.string()), *(METADATA_SCHEMA.field(n) for n in (*BASE_COLUMNS, *meta))]
    )


def dataset_card(
    selection: Selection, schema: pa.Schema, shards: Sequence[str], args: argparse.Namespace
) -> str:
    """README.md: front matter for the Hub, how to load, the selection, counts, columns."""
    rows = selection.rows
    versions = sorted({f"{r['ruleset_version']} (rules {r['rules_digest']})" for r in rows})
    loader = "parquet" if args.format == "parquet" else "json"
    reader = 'pandas.read_parquet("data")' if args.format == "parquet" else _jsonl_reader(shards)
    options = [f"`--min-quality {key}={value:g}`" for key, value in args.min_quality]
    options += ["`--dedup`"] if args.dedup else []
    lines = [
        "---",
        "configs:",
        "- config_name: default",
        f"  data_files: data/part-*.{args.format}",
        "---",
        "",
        "# Dataset card",
        "",
        f"Clean text exported by dechaff {__version__} from a run with ruleset {', '.join(versions) or '-'}.",
        f"Selection: documents with status `ok`{', ' + ', '.join(options) if options else ''}.",
        "",
        "```python",
        "# from this folder",
        f'datasets.load_dataset("{loader}", data_files="data/part-*.{args.format}", split="train")',
        reader,
        "```",
        "",
        f"{len(rows)} of {selection.total} documents in {len(shards)} shards of at most {args.shard_size}.",
        "",
        *_table("Documents per language", "lang", Counter(str(r["lang"]) for r in rows)),
        *_table("Documents per domain", "domain", Counter(str(r["domain"] or "(none)") for r in rows)),
        *_table("Documents left out, per reason", "reason", selection.left_out),
        "## Columns",
        "",
        "| column | type |",
        "| --- | --- |",
        *(f"| {f.name} | {f.type} |" for f in schema),
        "",
    ]
    return "\n".join(lines)


def _jsonl_reader(shards: Sequence[str]) -> str:
    files = ", ".join(f'"data/{name}"' for name in shards)
    return f"pandas.concat(pandas.read_json(f, lines=True) for f in [{files}])"


def _table(title: str, key: str, counts: Counter[str]) -> list[str]:
    """A Markdown table, most frequent first, ties by name."""
    body = [f"| {name} | {n} |" for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    return [f"## {title}", "", f"| {key} | documents |", "| --- | --- |", *body, ""]
