"""Write clean text files and the two Parquet tables (explicit schemas, stable row order)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from cleaner.metadata import METADATA_SCHEMA, REMOVED_SCHEMA
from cleaner.outcome import Removal


def text_path(out_dir: Path, doc_id: str) -> Path:
    return out_dir / "text" / f"{doc_id}.txt"


def write_text(out_dir: Path, doc_id: str, text: str) -> None:
    """Write atomically (temp file then rename) so a killed run never leaves half a file."""
    path = text_path(out_dir, doc_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(text, encoding="utf-8", newline="\n")
    tmp.replace(path)


def removed_rows(doc_id: str, removed: Iterable[Removal]) -> list[dict[str, object]]:
    return [
        {
            "id": doc_id,
            "line_no": r.line_no,
            "char_start": r.char_start,
            "char_end": r.char_end,
            "text": r.text,
            "cleaner": r.cleaner,
            "rule_id": r.rule_id,
            "rule_file": r.rule_file,
        }
        for r in sorted(removed, key=lambda r: (r.line_no, r.char_start))
    ]


def write_table(path: Path, rows: Sequence[dict[str, object]], schema: pa.Schema) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    table = pa.Table.from_pylist(list(rows), schema=schema)
    tmp = path.with_name(path.name + ".part")
    pq.write_table(table, tmp)
    tmp.replace(path)


def write_tables(
    out_dir: Path, rows: Sequence[dict[str, object]], removed: Sequence[dict[str, object]]
) -> None:
    write_table(out_dir / "metadata.parquet", sorted(rows, key=lambda r: str(r["id"])), METADATA_SCHEMA)
    write_table(out_dir / "removed.parquet", removed, REMOVED_SCHEMA)
