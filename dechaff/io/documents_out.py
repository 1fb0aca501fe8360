"""`dechaff run --format-out jsonl|parquet`: the run's documents as shards of text + metadata.

Written after the run (and its duplicate post-pass), from the text files and the metadata table,
to `OUT/data/part-*.{parquet,jsonl}`, rows sorted by id; they load with
`pandas.read_parquet("OUT/data")` or `datasets.load_dataset("parquet", data_files=...)`. Every
document that has clean text is included, whatever its status (the status is a column).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from dechaff.io.atomic import atomic_file, remove_file
from dechaff.io.shards import METADATA
from dechaff.io.tables import METADATA_SCHEMA
from dechaff.io.writers import text_path

FORMATS_OUT = ("txt", "jsonl", "parquet")
SCHEMA = pa.schema([pa.field("text", pa.string()), *METADATA_SCHEMA])


def write_documents(out_dir: Path, fmt: str, shard_size: int) -> list[str]:
    """Shards of every document with text; returns their names (none for the default `txt`)."""
    if fmt == "txt":
        return []
    rows = pq.read_table(out_dir / METADATA).to_pylist()
    rows = sorted((r for r in rows if text_path(out_dir, str(r["id"])).exists()), key=lambda r: str(r["id"]))
    return write_shards(out_dir, out_dir, rows, SCHEMA, fmt, shard_size)


def write_shards(
    outdir: Path, to: Path, rows: Sequence[dict[str, object]], schema: pa.Schema, fmt: str, size: int
) -> list[str]:
    """Replace `to/data/part-*` with the new shards; returns their names. No row: one empty shard."""
    to.mkdir(parents=True, exist_ok=True)
    data = to / "data"
    for old in data.glob("part-*"):
        remove_file(to, old)
    names = []
    for index, start in enumerate(range(0, max(len(rows), 1), size)):
        records = [
            {"text": text_path(outdir, str(row["id"])).read_text(encoding="utf-8")}
            | {name: row[name] for name in schema.names[1:]}
            for row in rows[start : start + size]
        ]
        name = f"part-{index:05d}.{fmt}"
        with atomic_file(to, data / name) as file:
            if fmt == "parquet":
                pq.write_table(pa.Table.from_pylist(records, schema=schema), file)
            else:
                file.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode())
        names.append(name)
    return names
