"""Clean a column of a pandas DataFrame or of a Hugging Face `datasets.Dataset` (through
`Dataset.map(..., batched=True)`): the column becomes the clean text, and chosen metadata
columns are added beside it."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dechaff.api.cleaner import Cleaner, shared_cleaner
from dechaff.io.tables import METADATA_SCHEMA

if TYPE_CHECKING:
    import pandas as pd

COLUMNS = ("status", "lang", "lang_prob", "domain", "chars_in", "chars_out")
"""The metadata columns added by default; any column of `metadata.parquet` may be asked for."""


@dataclass(frozen=True, slots=True)
class ColumnCleaner:
    """Cleans the values of one column, row by row, and reads the wanted metadata off each result.

    Called with a batch (`{column: [values], ...}`, what `Dataset.map(batched=True)` passes), it
    returns the clean column and the metadata columns, so it is the function to give to `map`. It
    pickles, so `map(num_proc=N)` works.
    """

    cleaner: Cleaner
    column: str = "text"
    url_column: str | None = None
    html: bool = False
    columns: tuple[str, ...] = COLUMNS

    def __post_init__(self) -> None:
        unknown = [name for name in self.columns if name not in METADATA_SCHEMA.names]
        if unknown:
            known = ", ".join(METADATA_SCHEMA.names)
            raise ValueError(f"unknown metadata column(s) {unknown}; known: {known}")

    def clean_values(
        self, values: Sequence[object], urls: Sequence[object] | None
    ) -> dict[str, list[object]]:
        """The clean column and the metadata columns for these values (a missing value, None or
        NaN, is an empty document)."""
        results = [
            self.cleaner.clean(
                _content(value),
                html=self.html,
                url=None if urls is None or _missing(urls[i]) else str(urls[i]),
                doc_id=str(i),
            )
            for i, value in enumerate(values)
        ]
        out: dict[str, list[object]] = {self.column: [r.text for r in results]}
        for name in self.columns:
            out[name] = [r.metadata[name] for r in results]
        return out

    def __call__(self, batch: dict[str, list[object]]) -> dict[str, list[object]]:
        return self.clean_values(batch[self.column], batch[self.url_column] if self.url_column else None)


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _content(value: object) -> str | bytes:
    if _missing(value):
        return ""
    if not isinstance(value, str | bytes):
        raise TypeError(f"a document must be str or bytes, not {type(value).__name__}: {value!r:.60}")
    return value


def dataset_map(
    column: str = "text",
    *,
    url_column: str | None = None,
    html: bool = False,
    columns: Sequence[str] = COLUMNS,
    cleaner: Cleaner | None = None,
) -> ColumnCleaner:
    """The function for `dataset.map(dataset_map("text"), batched=True)`: `column` (HTML with
    `html=True`) becomes the clean text and `columns` are added (a column of that name is
    replaced). `cleaner`: None for the shipped rules."""
    return ColumnCleaner(cleaner or shared_cleaner(), column, url_column, html, tuple(columns))


def clean_frame(
    frame: pd.DataFrame,
    column: str = "text",
    *,
    url_column: str | None = None,
    html: bool = False,
    columns: Sequence[str] = COLUMNS,
    cleaner: Cleaner | None = None,
) -> pd.DataFrame:
    """A copy of `frame` whose `column` (HTML with `html=True`) is the clean text, with the
    metadata `columns` added (a column of that name is replaced); the index is kept."""
    mapper = dataset_map(column, url_column=url_column, html=html, columns=columns, cleaner=cleaner)
    cleaned = mapper.clean_values(frame[column].tolist(), frame[url_column].tolist() if url_column else None)
    out = frame.copy()
    for name, values in cleaned.items():
        out[name] = values
    return out
