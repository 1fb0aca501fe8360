"""The run's duplicate post-pass: a signature of every kept text, cluster, write the columns back.

It runs once every shard is written (after a `--resume` too, over all shards), reads the texts
back from `OUT/text/`, and rewrites each metadata part with `exact_hash`, `dup_cluster` and
`dup_of` filled (temp file, then rename). Its result depends only on the (id, text) pairs of the
documents kept, never on worker count or order.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from dechaff.core.sections import DedupConfig
from dechaff.io.arrow_table import column, read_columns
from dechaff.io.atomic import atomic_file
from dechaff.io.shards import finished_parts
from dechaff.io.writers import text_path
from dechaff.quality.dedup import Duplicate, Signature, find_duplicates, signature_of


def mark_duplicates(out_dir: Path, config: DedupConfig, known: Mapping[str, Signature] | None = None) -> int:
    """Mark the duplicates; returns how many documents are not kept (dup_of set). `known`:
    signatures the workers already computed (with `config`); the others, from shards of an
    earlier run (`--resume`), are computed here from the text files."""
    parts = finished_parts(out_dir)
    kept: list[str] = []
    for part in parts:
        table = read_columns(part, ["id", "status"])
        ids, statuses = (table.column(name).to_pylist() for name in ("id", "status"))
        kept += [doc_id for doc_id, status in zip(ids, statuses, strict=True) if status == "ok"]

    def text_of(doc_id: str) -> str:
        return text_path(out_dir, doc_id).read_text(encoding="utf-8")

    known = known or {}
    prints = {doc_id: known.get(doc_id) or signature_of(text_of(doc_id), config) for doc_id in kept}
    duplicates = find_duplicates(prints, text_of, config)
    hashes = {doc_id: p.exact for doc_id, p in prints.items()}
    for part in parts:
        _rewrite(out_dir, part, hashes, duplicates)
    return sum(d.of is not None for d in duplicates.values())


def _rewrite(out_dir: Path, part: Path, hashes: dict[str, str], duplicates: dict[str, Duplicate]) -> None:
    """The part with its duplicate columns filled, written row group by row group (one per batch,
    as the run wrote them), so memory holds one batch, whatever the shard size."""
    with pq.ParquetFile(part) as source, atomic_file(out_dir, part) as file:
        writer = pq.ParquetWriter(file, source.schema_arrow, memory_pool=pa.system_memory_pool())
        try:
            for group in range(source.num_row_groups):
                writer.write_table(
                    _marked(source.read_row_group(group, use_threads=False), hashes, duplicates)
                )
        finally:
            writer.close()


def _marked(table: pa.Table, hashes: dict[str, str], duplicates: dict[str, Duplicate]) -> pa.Table:
    ids = table.column("id").to_pylist()
    columns = {
        "exact_hash": [hashes.get(i) for i in ids],
        "dup_cluster": [d.cluster if (d := duplicates.get(i)) else None for i in ids],
        "dup_of": [d.of if (d := duplicates.get(i)) else None for i in ids],
    }
    for name, values in columns.items():
        index = table.schema.get_field_index(name)
        table = table.set_column(index, table.schema.field(index), column(values, pa.string()))
    return table
