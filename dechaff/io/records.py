"""JSONL (plain or gzip) and Parquet containers: one document per record, read lazily.

A record that cannot be used (a line that is not JSON, no text field) and a container that breaks
half-way (truncated gzip, corrupt Parquet) each yield a Source with `error` set, so they get a
metadata row; the records before the break are kept and the batch goes on.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from dataclasses import replace
from typing import IO

import pyarrow as pa
import pyarrow.parquet as pq

from dechaff.io.source import InputFile, RecordFields, Source, record_id

PARQUET_BATCH = 256  # rows per read: memory stays at one batch whatever the file size


def _open(file: InputFile) -> IO[bytes]:
    if file.path.name.lower().endswith(".gz"):
        return gzip.open(file.path, "rb")
    return file.path.open("rb")


def read_jsonl(file: InputFile, fields: RecordFields) -> Iterator[Source]:
    """One Source per non-blank line; ids fall back to the line number."""
    no = 0
    try:
        with _open(file) as fh:
            for no, raw in enumerate(fh, 1):
                if not raw.strip():
                    continue
                try:
                    obj = json.loads(raw.decode("utf-8", errors="replace"))
                except json.JSONDecodeError as exc:
                    yield _broken(file, no, f"line {no} is not JSON: {exc.msg} (column {exc.colno})")
                    continue
                yield record_source(file, no, obj, fields)
    except (OSError, EOFError, zlib.error) as exc:
        yield _broken(file, None, f"unreadable after line {no}: {type(exc).__name__}: {exc}")


def read_parquet(file: InputFile, fields: RecordFields) -> Iterator[Source]:
    """One Source per row, read batch by batch; ids fall back to the row number."""
    no = 0
    try:
        for batch in pq.ParquetFile(file.path).iter_batches(batch_size=PARQUET_BATCH):
            for obj in batch.to_pylist():
                no += 1
                yield record_source(file, no, obj, fields)
    except (OSError, pa.ArrowException) as exc:
        yield _broken(file, None, f"unreadable after row {no}: {type(exc).__name__}: {exc}")


def fields_found(file: InputFile, wanted: tuple[str, ...]) -> tuple[bool, tuple[str, ...]] | None:
    """Whether some record of a JSONL or Parquet file has one of the `wanted` fields, and the
    fields its records have (up to that record); None when no record could be read (the reader
    reports why, record by record). Reads one record in the common case, all of a file that lacks
    the field: a setup check, so that a wrong `--text-field` is one error, not one per record."""
    if file.format == "parquet":
        try:
            names = tuple(pq.ParquetFile(file.path).schema_arrow.names)
        except (OSError, pa.ArrowException):
            return None
        return any(name in names for name in wanted), names
    seen: dict[str, None] = {}
    read = False
    try:
        with _open(file) as fh:
            for raw in fh:
                try:
                    obj = json.loads(raw.decode("utf-8", errors="replace")) if raw.strip() else None
                except json.JSONDecodeError:
                    continue
                if isinstance(obj, dict):
                    read = True
                    seen.update(dict.fromkeys(obj))
                    if any(isinstance(obj.get(name), str) for name in wanted):
                        return True, tuple(seen)
    except (OSError, EOFError, zlib.error):
        pass  # a break is the reader's to report; judge by the records before it
    return (False, tuple(seen)) if read else None


def record_source(file: InputFile, no: int, obj: object, fields: RecordFields) -> Source:
    """The Source of one record: text or HTML from its fields, the rest carried as `extra`."""
    if not isinstance(obj, dict):
        return _broken(file, no, f"record {no} is a JSON {type(obj).__name__}, not an object")
    rid = obj.get(fields.id)
    own = no if rid is None or rid == "" else rid
    doc_id = record_id(file.id, own)
    url = obj.get(fields.url)
    url = url if isinstance(url, str) and url else None
    used = {fields.id, fields.url, fields.text, fields.html}
    extra = {k: v for k, v in obj.items() if k not in used}
    given = None if doc_id == f"{file.id}/{own}" else str(own)  # made safe: the row keeps it as given
    if given is not None:
        extra[fields.id] = own
    html = obj.get(fields.html) if fields.html else None
    text = obj.get(fields.text)
    source = Source(doc_id, file.path, url=url, extra=extra, given_id=given)
    if isinstance(html, str):
        return replace(source, kind="html", content=html)
    if isinstance(text, str):
        return replace(source, content=text)
    wanted = " or ".join(repr(f) for f in (fields.html, fields.text) if f)
    return replace(source, error=f"record {no} has no text in field {wanted}")


def _broken(file: InputFile, no: int | None, message: str) -> Source:
    """A row for what could not be read: record `no`, or the container itself when None."""
    doc_id = file.id if no is None else record_id(file.id, no)
    return Source(doc_id, file.path, error=message)
