"""A document's removed lines as Arrow rows, built in the worker from the `Removal` records: the
same rows, in the same order, down to the Parquet bytes, as the table of the rows written out."""

from __future__ import annotations

import io

import pyarrow as pa
import pyarrow.parquet as pq

from dechaff.core.outcome import Removal
from dechaff.io.removed_table import NONE_REMOVED, batch_table, joined, removed_table
from dechaff.io.tables import REMOVED_SCHEMA

REMOVALS = [
    Removal(
        7, 10, 24, "Lire aussi : la suite", "related_links", "related_links.prefix@3", "rules/lang/fr.yaml"
    ),
    Removal(
        2, 0, 12, "Vos réactions", "comments", "comments.prompt@14", "rules/lang/fr.yaml", "keep@2", "s.yaml"
    ),
    Removal(7, 0, 9, "Publicité", "ui_tokens", "ui_tokens.token", "rules/_default.yaml"),
]


def _rows(doc_id: str) -> list[dict[str, object]]:
    """What the table must hold, written out by hand: ordered by line, then by char."""
    order = [REMOVALS[1], REMOVALS[2], REMOVALS[0]]
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
            "kept_by": r.kept_by,
            "kept_by_file": r.kept_by_file,
        }
        for r in order
    ]


def _parquet(table: pa.Table) -> bytes:
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()


def test_the_rows_are_the_records_in_input_order() -> None:
    table = removed_table("a/b.txt", REMOVALS)
    assert table.schema == REMOVED_SCHEMA
    assert table.to_pylist() == _rows("a/b.txt")


def test_a_batch_of_documents_writes_the_bytes_of_its_rows_built_at_once() -> None:
    batch = joined([removed_table("one", REMOVALS), NONE_REMOVED, removed_table("two", REMOVALS[:1])])
    expected = pa.Table.from_pylist([*_rows("one"), *_rows("two")[2:]], schema=REMOVED_SCHEMA)
    assert batch.column(0).num_chunks == 1
    assert _parquet(batch) == _parquet(expected)


def test_a_batch_table_is_its_documents_tables_joined() -> None:
    """One table built for a batch (each document's records sorted on their own, a document
    with none in the middle) is the bytes of the documents' tables joined."""
    docs = [("one", REMOVALS), ("none", []), ("two", REMOVALS[::-1]), ("three", REMOVALS[:1])]
    expected = joined([removed_table(doc_id, removed) for doc_id, removed in docs])
    assert [row["id"] for row in batch_table(docs).to_pylist()] == ["one"] * 3 + ["two"] * 3 + ["three"]
    assert _parquet(batch_table(docs)) == _parquet(expected)
    assert batch_table([("none", [])]).num_rows == 0 and batch_table([]).schema == REMOVED_SCHEMA


def test_a_batch_of_one_table_with_rows_is_that_table() -> None:
    """A worker's batch: one table with rows among empty ones is written as it is (the same
    bytes as the concatenation), a table of several chunks is still made one chunk a column."""
    table = batch_table([("one", REMOVALS), ("two", REMOVALS[:1])])
    assert joined([table, NONE_REMOVED, NONE_REMOVED]) is table
    assert _parquet(joined([table, NONE_REMOVED])) == _parquet(pa.concat_tables([table]).combine_chunks())
    chunked = pa.concat_tables([removed_table("one", REMOVALS), removed_table("two", REMOVALS[:1])])
    assert chunked.column(0).num_chunks == 2
    assert joined([NONE_REMOVED, chunked]).column(0).num_chunks == 1
    assert _parquet(joined([NONE_REMOVED, chunked])) == _parquet(table)


def test_no_removal_is_an_empty_table_of_the_schema() -> None:
    assert removed_table("x", []).num_rows == 0
    assert joined([]).schema == REMOVED_SCHEMA


def test_a_lone_surrogate_is_written_escaped() -> None:
    """UTF-8 cannot hold a lone surrogate (a JSON record's text may carry one): it is written
    `\\udcNN`, as in the metadata rows, instead of failing the batch."""
    bad = Removal(1, 0, 3, "a\udcff", "ui_tokens", "ui_tokens.token", "rules/_default.yaml")
    assert removed_table("x\udc80", [bad]).to_pylist()[0]["text"] == "a\\udcff"
    assert removed_table("x\udc80", [bad]).to_pylist()[0]["id"] == "x\\udc80"
