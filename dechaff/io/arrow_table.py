"""Arrow tables from rows of Python values, built column by column from numpy buffers.

pyarrow's own converters (`Table.from_pylist`, `pa.array(list)`, `pq.read_table`) import pandas
whenever it is installed: 0.2 s and 40 MB in every process that writes a shard, for nothing a run
uses. The arrays built here hold the same values (tested against `Table.from_pylist`), for the
column types of our schemas: strings, lists of strings, integers and floats.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import repeat
from operator import is_not
from pathlib import Path
from types import NoneType

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

_INTS = {pa.int32(): np.int32, pa.int64(): np.int64}
_FLOATS = {pa.float32(): np.float32, pa.float64(): np.float64}


def table_of(rows: Sequence[Mapping[str, object]], schema: pa.Schema) -> pa.Table:
    """`pa.Table.from_pylist(rows, schema=schema)`: a missing key is a null."""
    columns = [column([row.get(f.name) for row in rows], f.type) for f in schema]
    return pa.Table.from_arrays(columns, schema=schema)


def column(values: Sequence[object], kind: pa.DataType) -> pa.Array:
    """`pa.array(values, kind)` for the types our tables use; a value of another type is an error."""
    if kind == pa.string():
        return _strings(values)
    if kind == pa.list_(pa.string()):
        return _string_lists(values)
    if kind in _INTS:
        return _numbers(values, kind, _INTS[kind], int)
    if kind in _FLOATS:
        return _numbers(values, kind, _FLOATS[kind], float)
    raise TypeError(f"no column builder for {kind}")


def encodable(value: object) -> object:
    """The value with each lone surrogate of its strings written `\\udcNN` (UTF-8 cannot hold it;
    a JSON record's text or id may carry one), lists item by item.

    >>> encodable(["a\\udcff", 3])
    ['a\\\\udcff', 3]
    """
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    return [encodable(v) for v in value] if isinstance(value, list) else value


def read_columns(path: Path, columns: Sequence[str] | None = None) -> pa.Table:
    """One Parquet file (or some of its columns): `ParquetFile.read`, which, unlike
    `pq.read_table`, does not import pandas."""
    with pq.ParquetFile(path) as file:
        return file.read(columns=list(columns) if columns is not None else None, use_threads=False)


def _validity(values: Sequence[object]) -> pa.Buffer | None:
    valid = np.fromiter(map(is_not, values, repeat(None)), dtype=bool, count=len(values))
    return None if valid.all() else pa.py_buffer(np.packbits(valid, bitorder="little"))


def _offsets(lengths: list[int]) -> pa.Buffer:
    offsets = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    if offsets[-1] > np.iinfo(np.int32).max:
        raise OverflowError("over 2 GiB in one string column of one batch")
    return pa.py_buffer(offsets.astype(np.int32))


def _strings(values: Sequence[object]) -> pa.Array:
    try:  # every value a str, the usual column: encoded without a Python step per value
        encoded: list[bytes] | None = list(map(str.encode, values))  # type: ignore[arg-type]
    except TypeError:  # a null, or a value of another type (an error): looked at one by one
        encoded = None
    validity = None
    if encoded is None:
        encoded = []
        for value in values:
            if value is None:
                encoded.append(b"")
            elif isinstance(value, str):
                encoded.append(value.encode("utf-8"))
            else:
                raise TypeError(f"expected a str, got {type(value).__name__}: {value!r}")
        validity = _validity(values)
    buffers = [validity, _offsets(list(map(len, encoded))), pa.py_buffer(b"".join(encoded))]
    return pa.Array.from_buffers(pa.string(), len(values), buffers)


def _string_lists(values: Sequence[object]) -> pa.Array:
    items: list[object] = []
    lengths = []
    for value in values:
        if value is None:
            lengths.append(0)
        elif isinstance(value, list | tuple):
            items.extend(value)
            lengths.append(len(value))
        else:
            raise TypeError(f"expected a list, got {type(value).__name__}: {value!r}")
    kind = pa.list_(pa.string())
    buffers = [_validity(values), _offsets(lengths)]
    return pa.Array.from_buffers(kind, len(values), buffers, children=[_strings(items)])


def _numbers(values: Sequence[object], kind: pa.DataType, dtype: type, python: type) -> pa.Array:
    types = set(map(type, values))
    if not types <= {int, python, NoneType}:  # else each value is looked at
        for value in values:
            if value is not None and (isinstance(value, bool) or not isinstance(value, int | python)):
                raise TypeError(f"expected a number, got {type(value).__name__}: {value!r}")
    nulls = NoneType in types
    wide = [0 if v is None else v for v in values] if nulls else values
    wide = np.array(wide, dtype=np.int64 if python is int else np.float64)
    if python is int and len(wide) and (wide.min() < np.iinfo(dtype).min or wide.max() > np.iinfo(dtype).max):
        raise OverflowError(f"a value does not fit {kind}")
    validity = _validity(values) if nulls else None
    return pa.Array.from_buffers(kind, len(values), [validity, pa.py_buffer(wide.astype(dtype))])
