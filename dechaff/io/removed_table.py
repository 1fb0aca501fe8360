"""Documents' removed lines as the Arrow rows of `removed.parquet`, built where they were cleaned.

A worker builds them column by column from the `Removal` records: no dict per removed line to
pickle, unpickle and tabulate in the parent (about a hundred per dump), whose time, when every
core runs a worker, is taken from the workers. It builds one table for a whole batch
(`batch_table`): a table's columns have a fixed cost, and one table pickles and unpickles in a
tenth of the time of sixteen (the dev set's dumps: 0.43 -> 0.23 ms a document to build, 0.21 ->
0.02 ms to pickle and unpickle). The parent only joins the tables of a batch.
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
_INPUT_ORDER = attrgetter("line_no", "char_start")


def removed_table(doc_id: str, removed: Iterable[Removal]) -> pa.Table:
    """The rows of one document's removals, in the order of the input (line, then char)."""
    return batch_table([(doc_id, removed)])


def batch_table(docs: Iterable[tuple[str, Iterable[Removal]]]) -> pa.Table:
    """The rows of several documents' removals (id, removals), document after document: the
    table `joined` makes of each one's `removed_table`."""
    ids: list[str] = []
    ordered: list[Removal] = []
    for doc_id, removed in docs:
        mine = sorted(removed, key=_INPUT_ORDER)
        ids += [doc_id] * len(mine)
        ordered += mine
    if not ordered:
        return NONE_REMOVED
    values: list[Sequence[object]] = [ids, *zip(*map(_FIELDS, ordered), strict=True)]
    try:
        arrays = [column(v, kind) for v, kind in zip(values, _KINDS, strict=True)]
    except UnicodeEncodeError:  # a lone surrogate (an id, or a record's text): written `\udcNN`
        arrays = [column(list(map(encodable, v)), kind) for v, kind in zip(values, _KINDS, strict=True)]
    return pa.Table.from_arrays(arrays, schema=REMOVED_SCHEMA)


def joined(tables: Sequence[pa.Table]) -> pa.Table:
    """The tables of a batch's documents as one table of one chunk per column: the row group a
    writer makes of it is the one it made of the same rows built at once. A worker's batch comes
    with one table that has rows (`batch_table`): that one is the batch's as it is (the concat
    and its copy took a tenth of the parent's CPU in a run)."""
    full = [table for table in tables if table.num_rows]
    if len(full) == 1 and all(chunks.num_chunks == 1 for chunks in full[0].columns):
        return full[0]
    return pa.concat_tables(tables).combine_chunks() if tables else NONE_REMOVED
