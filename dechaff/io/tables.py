"""The explicit pyarrow schemas of `metadata.parquet` and `removed.parquet`."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pyarrow as pa

from dechaff.core.names import NAMES, REMOVED_PREFIX, SIGNAL_TYPES
from dechaff.io.source import printable

if TYPE_CHECKING:
    import pandas as pd

METADATA_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("source_path", pa.string()),
        ("url", pa.string()),
        ("domain", pa.string()),
        ("domain_source", pa.string()),
        ("site_name", pa.string()),
        ("section", pa.string()),
        ("title", pa.string()),
        ("author", pa.string()),
        ("dateline", pa.string()),
        ("published", pa.string()),  # ISO 8601 (dechaff.text.dates), null when not an absolute date
        ("published_text", pa.string()),  # the date as the page prints it
        ("lang", pa.string()),
        ("lang_prob", pa.float32()),
        ("status", pa.string()),
        ("error", pa.string()),
        ("confidence", pa.float32()),  # 0-1: how likely the cleaning is right (dechaff.quality.flags)
        ("suspect", pa.list_(pa.string())),  # why it may not be (null: no reason found)
        ("encoding", pa.string()),
        ("extractor", pa.string()),  # HTML only: trafilatura | justext | page_dump
        ("extractor_reason", pa.string()),  # HTML only: why that one (dechaff.io.html_extract)
        ("fetched", pa.string()),  # WARC-Date of a WARC record
        ("categories", pa.list_(pa.string())),  # HTML only: from the page metadata
        ("extra", pa.string()),  # JSON object: the other fields of a JSONL / Parquet record
        ("chars_in", pa.int64()),
        ("chars_out", pa.int64()),
        ("lines_in", pa.int32()),
        ("lines_out", pa.int32()),
        *[(f"{REMOVED_PREFIX}{name}", pa.int32()) for name in NAMES],
        ("rule_files", pa.list_(pa.string())),
        ("ruleset_version", pa.string()),
        ("rules_digest", pa.string()),
        ("dechaff_version", pa.string()),
        ("text_sha256", pa.string()),
        *[(name, pa.int32() if kind is int else pa.float32()) for name, kind in SIGNAL_TYPES.items()],
        ("exact_hash", pa.string()),  # dechaff.quality.dedup: same hash, same text up to case and spacing
        ("dup_cluster", pa.string()),  # smallest id of the document's duplicate cluster (null: unique)
        ("dup_of", pa.string()),  # the cluster's id when this document is not the one kept
    ]
)

REMOVED_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("line_no", pa.int32()),
        ("char_start", pa.int64()),
        ("char_end", pa.int64()),
        ("text", pa.string()),
        ("cleaner", pa.string()),
        ("rule_id", pa.string()),
        ("rule_file", pa.string()),
        ("kept_by", pa.string()),  # set: a keep rule overruled this removal, the text stayed
        ("kept_by_file", pa.string()),
    ]
)


def empty_row(doc_id: str, source_path: str) -> dict[str, object]:
    """A metadata row with every column present, so bad inputs still get a full row."""
    row: dict[str, object] = {name: None for name in METADATA_SCHEMA.names}
    row.update(id=doc_id, source_path=printable(source_path), rule_files=[])
    for name in NAMES:
        row[f"{REMOVED_PREFIX}{name}"] = 0
    return row


def really_removed(table: pd.DataFrame) -> pd.DataFrame:
    """The rows of a `removed.parquet` table whose text did go, not those a keep rule overruled
    (a table written before `kept_by` existed has only the former)."""
    return table[table["kept_by"].isna()] if "kept_by" in table.columns else table
