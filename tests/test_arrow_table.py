"""Tables built column by column from buffers (no pandas import) hold what pyarrow's own
converter would put there, down to the Parquet bytes; a value of the wrong type is an error."""

from __future__ import annotations

import io
import math

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from dechaff.io.arrow_table import table_of
from dechaff.io.tables import METADATA_SCHEMA, REMOVED_SCHEMA, empty_row

SCHEMA = pa.schema(
    [
        ("s", pa.string()),
        ("i", pa.int32()),
        ("j", pa.int64()),
        ("f", pa.float32()),
        ("d", pa.float64()),
        ("l", pa.list_(pa.string())),
    ]
)
ROWS = [
    {"s": "Le café", "i": 3, "j": 2**40, "f": 0.1, "d": 1 / 3, "l": ["a", "é"]},
    {"s": None, "i": None, "j": -1, "f": None, "d": math.inf, "l": None},
    {"s": "", "i": -(2**31), "j": 0, "f": 3, "d": -0.0, "l": []},
    {"s": "東京 \u0000 x", "i": 2**31 - 1, "f": 1e-40, "d": 2.5, "l": ("x", "")},  # "j" missing: null
    {"s": "🙂" * 300, "i": 0, "j": 7, "f": 123456.789, "d": math.nan, "l": ["1", "2", "3"]},
]


def _parquet(table: pa.Table) -> bytes:
    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("rows", [ROWS, ROWS[1:2], ROWS[:1], []])
def test_same_table_as_from_pylist(rows: list[dict[str, object]]) -> None:
    ours, theirs = table_of(rows, SCHEMA), pa.Table.from_pylist(rows, schema=SCHEMA)
    assert ours.schema == theirs.schema
    assert _parquet(ours) == _parquet(theirs)


def test_our_schemas() -> None:
    meta = empty_row("doc", "in/doc.txt")
    meta.update(lang="fr", lang_prob=0.8571428571428571, categories=["Monde"], chars_in=10, lines_in=2)
    removed = {"id": "doc", "line_no": 1, "char_start": 0, "char_end": 4, "text": "Menu", "cleaner": "x"}
    for rows, schema in (([meta, empty_row("b", "b")], METADATA_SCHEMA), ([removed] * 3, REMOVED_SCHEMA)):
        assert _parquet(table_of(rows, schema)) == _parquet(pa.Table.from_pylist(rows, schema=schema))


WRONG = [("s", 3), ("s", b"bytes"), ("i", 1.5), ("i", "3"), ("i", True), ("f", "0.5"), ("l", "ab")]


@pytest.mark.parametrize(("name", "value"), WRONG)
def test_a_value_of_the_wrong_type_is_an_error(name: str, value: object) -> None:
    with pytest.raises(TypeError):
        table_of([{name: value}], SCHEMA)


def test_an_integer_out_of_range_is_an_error() -> None:
    with pytest.raises(OverflowError):
        table_of([{"i": 2**31}], SCHEMA)
