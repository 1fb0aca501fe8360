"""Sharded, atomic, resumable output tables.

`OUT/metadata.parquet/` and `OUT/removed.parquet/` are folders of shard files that read as one
table (`pandas.read_parquet(OUT / "metadata.parquet")`). A shard is written as a hidden temp file
(row group by row group, so memory stays at one batch, or `ROW_GROUP` metadata rows) and
renamed into place when complete: first its text files, then its removed-lines part, then its
metadata part. The metadata part is the commit mark: a document is done exactly when its row is
in a metadata part, so `--resume` skips those, drops what an interrupted shard left behind, and
writes the rest as new shards.
"""

from __future__ import annotations

import errno
import shutil
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass, replace
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from dechaff.io.arrow_table import encodable, read_columns, table_of
from dechaff.io.atomic import AtomicFile, is_temp, named
from dechaff.io.removed_table import joined
from dechaff.io.tables import METADATA_SCHEMA, REMOVED_SCHEMA
from dechaff.io.writers import place_text

METADATA = "metadata.parquet"
REMOVED = "removed.parquet"
SCHEMAS = {METADATA: METADATA_SCHEMA, REMOVED: REMOVED_SCHEMA}


@dataclass(frozen=True, slots=True)
class DocOutput:
    """One cleaned document as the writer needs it: its metadata row, text (None: no file), removed rows."""

    id: str
    row: dict[str, object]
    text: str | None
    # rows of removed.parquet it carries: its own (`removed_table`), or, on the first output of
    # a worker's batch, the whole batch's (`batch_table`, the others then carry none). The writer
    # joins a batch's outputs in their order, so the rows written are the same either way.
    removed: pa.Table
    # quality.dedup.Signature, for the duplicate post-pass, computed where the text is (io never looks in)
    signature: object | None = None
    text_placed: bool = False  # a local worker already wrote (or removed) the text file itself

    @property
    def status(self) -> str:
        return str(self.row["status"])


WRITE_ERROR = "error:write"
ROW_GROUP = 256  # metadata rows per row group (a shard's last group may hold fewer)...
ROW_GROUP_BYTES = 32 << 20  # ...or fewer when their strings pass this (rows carry a record's `extra`)
_WHOLE_RUN = (errno.ENOSPC, errno.EDQUOT)  # no document can be written: not one document's fault


def placed(out_dir: Path, doc: DocOutput) -> DocOutput:
    """The document with its text file written (or a stale one removed), its text no longer carried.

    A file that cannot be written (a name the file system refuses, a folder in the way...) costs
    that document only: its row says `error:write` and why. A full disk stops the run.
    """
    try:
        place_text(out_dir, doc.id, doc.text)
    except OSError as exc:
        if exc.errno in _WHOLE_RUN:
            raise
        row = {**doc.row, "status": WRITE_ERROR, "error": f"{type(exc).__name__}: {exc}"}
        return replace(doc, row=row, text=None, text_placed=True, signature=None)
    return replace(doc, text=None, text_placed=True)


def part_name(index: int) -> str:
    """
    >>> part_name(7)
    'part-00007.parquet'
    """
    return f"part-{index:05d}.parquet"


def finished_parts(out_dir: Path, table: str = METADATA) -> list[Path]:
    """A table's complete shards, in order (temp files are hidden, so never among them): for the
    metadata table, the commit marks of the documents done."""
    folder = out_dir / table
    return sorted(folder.glob("part-*.parquet")) if folder.is_dir() else []


def _index(path: Path) -> int:
    return int(path.name.removeprefix("part-").removesuffix(".parquet"))


@dataclass(frozen=True, slots=True)
class Resumed:
    """What earlier runs into the same folder finished: their ids and the next free shard number."""

    done: frozenset[str]
    next_shard: int


def prepare(out_dir: Path, resume: bool) -> Resumed:
    """Clear the tables for a fresh run, or keep complete shards (and nothing else) to resume one."""
    if not resume:
        for name in SCHEMAS:
            path = out_dir / name
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink(missing_ok=True)
        return Resumed(frozenset(), 0)
    complete = finished_parts(out_dir)
    kept = {p.name for p in complete}
    for name in SCHEMAS:
        folder = out_dir / name
        if not folder.is_dir():
            continue
        for path in folder.iterdir():
            if is_temp(path.name) or path.name not in kept:
                path.unlink()
    done: set[str] = set()
    for path in complete:
        done.update(read_columns(path, ["id"]).column("id").to_pylist())
    return Resumed(frozenset(done), max((_index(p) for p in complete), default=-1) + 1)


def _encodable(row: dict[str, object]) -> dict[str, object]:
    """The row with each lone surrogate of its strings written `\\udcNN` (`encodable`)."""
    return {key: encodable(value) for key, value in row.items()}


class _Part:
    """One table's shard being written: a hidden temp file (pyarrow datasets skip hidden files, so a
    half-written shard is never read) renamed into place by `commit`."""

    def __init__(self, out_dir: Path, name: str, index: int) -> None:
        self.schema = SCHEMAS[name]
        self._file = AtomicFile(out_dir, out_dir / name / part_name(index))
        self._writer = pq.ParquetWriter(self._file.file, self.schema, memory_pool=pa.system_memory_pool())

    def write(self, rows: Sequence[dict[str, object]]) -> None:
        try:
            table = table_of(rows, self.schema)
        except UnicodeEncodeError:  # a lone surrogate somewhere (a record's URL, a carried field)
            table = table_of([_encodable(row) for row in rows], self.schema)
        self.write_table(table)

    def write_table(self, table: pa.Table) -> None:
        try:
            self._writer.write_table(table)
        except OSError as exc:  # a full disk: say which file
            raise named(exc, self._file.path) from None

    def commit(self) -> None:
        try:
            self._writer.close()
        except OSError as exc:
            raise named(exc, self._file.path) from None
        self._file.commit()

    def discard(self) -> None:
        with suppress(OSError):  # the footer may not fit on a full disk: the file is thrown away
            self._writer.close()
        self._file.discard()


class ShardWriter:
    """Writes documents batch by batch; starts a new shard after `shard_size` documents."""

    def __init__(self, out_dir: Path, first_shard: int, shard_size: int) -> None:
        self.out_dir = out_dir
        self.shard_size = max(1, shard_size)
        self._next = first_shard
        self._parts: dict[str, _Part] | None = None
        self._docs = 0
        self._rows: list[dict[str, object]] = []  # metadata rows not yet in the open shard's part
        self._bytes = 0  # their strings' length

    def add(self, docs: Sequence[DocOutput]) -> None:
        """Write the batch's text files and removed lines now; its metadata rows go into the open
        shard `ROW_GROUP` at a time, or `ROW_GROUP_BYTES` of strings (a table of 80-odd columns
        has a fixed cost of about 2.5 ms, paid by the parent, whose time a busy machine takes
        from a worker: 32 tables for 1,024 rows cost over twice one table; 256 rows cost 0.01 ms
        a row more than 1,024 and hold 2 MiB of the parent's memory instead of 9: a row held is
        a dict of 80-odd values, about 8.7 KB). Nothing of a shard is readable before
        `_commit`, so holding rows back changes no outcome."""
        if not docs:
            return
        docs = [doc if doc.text_placed else placed(self.out_dir, doc) for doc in docs]
        if self._parts is None:
            self._parts = {name: _Part(self.out_dir, name, self._next) for name in SCHEMAS}
            self._next += 1
        self._parts[REMOVED].write_table(joined([doc.removed for doc in docs]))
        self._rows.extend(doc.row for doc in docs)
        self._bytes += sum(len(v) for doc in docs for v in doc.row.values() if isinstance(v, str))
        if len(self._rows) >= ROW_GROUP or self._bytes >= ROW_GROUP_BYTES:
            self._flush()
        self._docs += len(docs)
        if self._docs >= self.shard_size:
            self._commit()

    def _flush(self) -> None:
        """The rows held back, as one row group of the open shard's metadata part."""
        if self._rows:
            assert self._parts is not None, "rows are only held while a shard is open"
            self._parts[METADATA].write(self._rows)
        self._rows, self._bytes = [], 0

    def _commit(self) -> None:
        """The removed-lines part first, the metadata part last: a document is done exactly when its
        row is in a metadata part, so a run stopped between the two renames cleans the shard again.
        The parts leave the writer before they are renamed: `abandon` never touches a renamed one."""
        self._flush()
        parts, self._parts, self._docs = self._parts, None, 0
        if parts is None:
            return
        try:
            parts[REMOVED].commit()
        except BaseException:
            parts[METADATA].discard()
            raise
        parts[METADATA].commit()

    def close(self) -> None:
        """Commit the last shard; a run with no document at all still leaves two readable empty tables."""
        self._commit()
        for name in SCHEMAS:
            if not finished_parts(self.out_dir, name):
                part = _Part(self.out_dir, name, 0)
                part.write([])
                part.commit()

    def abandon(self) -> None:
        """Remove the open shard's temp files (an error, an interrupt): `--resume` redoes its documents.
        Any other temp file in the tables is this run's too (one run at a time: `lock`), left by an
        interrupt as a part was being opened: it goes as well."""
        for part in (self._parts or {}).values():
            part.discard()
        self._parts, self._rows, self._bytes = None, [], 0
        for name in SCHEMAS:
            for path in (self.out_dir / name).glob(".*"):
                if is_temp(path.name):
                    path.unlink(missing_ok=True)
