"""The run's duplicate post-pass: a signature of every kept text, cluster, write the columns back.

It runs once every shard is written (after a `--resume` too, over all shards), reads the texts
back from `OUT/text/`, and rewrites each metadata part with `exact_hash`, `dup_cluster` and
`dup_of` filled (temp file, then rename). Its result depends only on the (id, text) pairs of the
documents kept, never on worker count or order.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from dechaff.core.sections import DedupConfig
from dechaff.io.arrow_table import column, read_columns
from dechaff.io.atomic import atomic_file
from dechaff.io.shards import finished_parts
from dechaff.io.writers import text_path
from dechaff.quality.dedup import Duplicate, Signature, Signatures, find_duplicates, signature_of

MISSING_TEXT = "error:missing_text"


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

    known = Signatures.of(known or {}, config.num_perm)
    # A text file of an earlier run deleted since (`--resume`): the row says so, never a crash.
    gone = {i: text_path(out_dir, i) for i in kept if i not in known and not text_path(out_dir, i).is_file()}
    if len(kept) == len(known) and all(i in known for i in kept):
        prints = known  # every kept document was signed by this run (no resume): used as it is
    else:
        prints = Signatures(config.num_perm)
        for i in kept:
            if i not in gone:
                prints.add(i, known[i] if i in known else signature_of(text_of(i), config))
    duplicates = find_duplicates(prints, text_of, config)
    for part in parts:
        _rewrite(out_dir, part, _Marks(prints, duplicates, gone))
    return sum(d.of is not None for d in duplicates.values())


def _missing(path: Path) -> tuple[str, str]:
    return MISSING_TEXT, (
        f"its text file {path} was deleted after this document was cleaned: run again without "
        "--resume to clean it again"
    )


@dataclass(frozen=True, slots=True)
class _Marks:
    """What the post-pass writes into the rows: hashes, duplicate marks, texts found missing."""

    hashes: Signatures  # their exact hashes
    duplicates: dict[str, Duplicate]
    gone: dict[str, Path]


def _rewrite(out_dir: Path, part: Path, marks: _Marks) -> None:
    """The part with its duplicate columns filled, written row group by row group (as the run
    wrote them), so memory holds one row group, whatever the shard size."""
    with pq.ParquetFile(part) as source, atomic_file(out_dir, part) as file:
        writer = pq.ParquetWriter(file, source.schema_arrow, memory_pool=pa.system_memory_pool())
        try:
            for group in range(source.num_row_groups):
                writer.write_table(_marked(source.read_row_group(group, use_threads=False), marks))
        finally:
            writer.close()


def _marked(table: pa.Table, marks: _Marks) -> pa.Table:
    ids = table.column("id").to_pylist()
    duplicates = marks.duplicates
    columns = {
        "exact_hash": [marks.hashes.exact(i) for i in ids],
        "dup_cluster": [d.cluster if (d := duplicates.get(i)) else None for i in ids],
        "dup_of": [d.of if (d := duplicates.get(i)) else None for i in ids],
    }
    if marks.gone.keys() & set(ids):
        rows = zip(ids, *(table.column(name).to_pylist() for name in ("status", "error")), strict=True)
        fates = [_missing(marks.gone[i]) if i in marks.gone else (status, error) for i, status, error in rows]
        columns["status"], columns["error"] = ([f[k] for f in fates] for k in (0, 1))
    for name, values in columns.items():
        index = table.schema.get_field_index(name)
        table = table.set_column(index, table.schema.field(index), column(values, pa.string()))
    return table
