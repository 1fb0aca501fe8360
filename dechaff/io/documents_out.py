"""`dechaff run --format-out jsonl|parquet`: the run's documents as shards of text + metadata.

Written after the run (and its duplicate post-pass), from the text files and the metadata table,
to `OUT/data/part-*.{parquet,jsonl}`, rows sorted by id; they load with
`pandas.read_parquet("OUT/data")` or `datasets.load_dataset("parquet", data_files=...)`. Every
document that has clean text is included, whatever its status (the status is a column).

Shards (these and `dechaff export`'s) follow the layout of FineWeb and other Hub corpora, so code
written for those reads them: `text`, `id`, `url`, `date`, `language`, `language_score` first
(the metadata's `fetched`, `lang`, `lang_prob` under those names), then our columns.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from dechaff.io.arrow_table import read_columns, table_of
from dechaff.io.atomic import atomic_file, remove_file
from dechaff.io.shards import METADATA
from dechaff.io.tables import METADATA_SCHEMA
from dechaff.io.writers import text_path

FORMATS_OUT = ("txt", "jsonl", "parquet")
LEADING = ("id", "url", "fetched", "lang", "lang_prob")
"""The metadata columns that follow `text` in every shard, in FineWeb's order..."""
HUB_NAMES = {"fetched": "date", "lang": "language", "lang_prob": "language_score"}
"""...under FineWeb's names (`date`: when the page was fetched, a WARC record's WARC-Date)."""


def shard_columns(columns: Sequence[str]) -> tuple[str, ...]:
    """The metadata columns of a shard: LEADING, then `columns` in their order (without repeats).

    >>> shard_columns(["domain", "lang", "title"])
    ('id', 'url', 'fetched', 'lang', 'lang_prob', 'domain', 'title')
    """
    return tuple(dict.fromkeys((*LEADING, *columns)))


def shard_schema(columns: Sequence[str]) -> pa.Schema:
    """`text`, then the metadata `columns` (see `shard_columns`) with their types, renamed as on the Hub."""
    fields = [METADATA_SCHEMA.field(name) for name in shard_columns(columns)]
    return pa.schema(
        [pa.field("text", pa.string()), *(f.with_name(HUB_NAMES.get(f.name, f.name)) for f in fields)]
    )


def write_documents(out_dir: Path, fmt: str, shard_size: int) -> list[str]:
    """Shards of every document with text; returns their names (none for the default `txt`)."""
    if fmt == "txt":
        return []
    parts = sorted((out_dir / METADATA).glob("part-*.parquet"))
    rows = [row for part in parts for row in read_columns(part).to_pylist()]
    rows = sorted((r for r in rows if text_path(out_dir, str(r["id"])).exists()), key=lambda r: str(r["id"]))
    return write_shards(out_dir, out_dir, rows, METADATA_SCHEMA.names, fmt, shard_size)


def write_shards(
    outdir: Path, to: Path, rows: Sequence[dict[str, object]], columns: Sequence[str], fmt: str, size: int
) -> list[str]:
    """Replace `to/data/part-*` with shards of the rows' text and metadata `columns` (laid out by
    `shard_schema`); returns their names. No row: one empty shard."""
    names = shard_columns(columns)
    schema = shard_schema(columns)
    to.mkdir(parents=True, exist_ok=True)
    data = to / "data"
    for old in data.glob("part-*"):
        remove_file(to, old)
    shards = []
    for index, start in enumerate(range(0, max(len(rows), 1), size)):
        records = [
            {"text": text_path(outdir, str(row["id"])).read_text(encoding="utf-8")}
            | {HUB_NAMES.get(column, column): row[column] for column in names}
            for row in rows[start : start + size]
        ]
        name = f"part-{index:05d}.{fmt}"
        with atomic_file(to, data / name) as file:
            if fmt == "parquet":
                pq.write_table(table_of(records, schema), file)
            else:
                file.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode())
        shards.append(name)
    return shards
