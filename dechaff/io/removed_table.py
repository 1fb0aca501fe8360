"""A document's removed lines as the Arrow rows of `removed.parquet`, built where it was cleaned.

A worker builds them column by column from the `Removal` records: no dict per removed line to
pickle, unpickle and tabulate in the parent (about a hundred per dump), whose time, when every
core runs a worker, is taken from the workers. The parent only joins the tables of a batch.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from operator import attrgetter

import pyarrow as pa

from dechaff.core.outcome import Removal
from dechaff.io.arrow_table import column, encodable, table_of
from dechaff.io.tables import REMOVED_SCHEMA

NONE_REMOVED = table_of([], REMOVED_SCHEMA)  # (`Schema.empty_table` would import pandas)
# the columns of REMOVED_SCHEMA after the document's id, read off each record
_FIELDS = attrgetter(
    "line_no", "char_start", "char_end", "text", "cleaner", "rule_id", "rule_file", "kept_by", "kept_by_file"
)
_KINDS = [f.type for f in REMOVED_SCHEMA]


def removed_table(doc_id: str, removed: Iterable[Removal]) -> pa.Table:
    """The rows of one document's removals, in the order of the input (line, then char)."""
    ordered = sorted(removed, key=lambda r: (r.line_no, r.char_start))
    if not ordered:
        return NONE_REMOVED
    values: list[Sequence[object]] = [[doc_id] * len(ordered), *zip(*map(_FIELDS, ordered), strict=True)]
    try:
        arrays = [column(v, kind) for v, kind in zip(values, _KINDS, strict=True)]
    except UnicodeEncodeError:  # a lone surrogate (an id, or a record's text): written `\udcNN`
        arrays = [column(list(map(encodable, v)), kind) for v, kind in zip(values, _KINDS, strict=True)]
    return pa.Table.from_arrays(arrays, schema=REMOVED_SCHEMA)


def joined(tables: Sequence[pa.Table]) -> pa.Table:
    """The tables of a batch's documents as one table of one chunk per column: the row group a
    writer makes of it is the one it made of the same rows built at once."""
    return pa.concat_tables(tables).combine_chunks() if tables else NONE_REMOVED
