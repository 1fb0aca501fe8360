"""WARC files (plain or gzip, read with warcio): HTML responses become documents, lazily.

Every other record (request, metadata, warcinfo, a response that is not HTML) is counted in
`skipped` and left. A broken record (bad header, a Content-Length that does not match its block, a
corrupt gzip member, a file cut short) gets a metadata row naming the file and its byte offset,
and reading goes on at the next record: warcio cannot find it by itself, so it is handed a stream
positioned there (`_next_record`). The batch goes on in every case.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING

from dechaff.io.decode import charset_param
from dechaff.io.source import InputFile, Source, record_id

HTML_TYPES = ("text/html", "application/xhtml+xml")
RECORD_START = b"\nWARC/1."  # a record begins on a line of its own with its version
GZIP_MEMBER = b"\x1f\x8b\x08"  # gzip magic and deflate: where a member may begin
SCAN_CHUNK = 1 << 20

if TYPE_CHECKING:  # warcio is imported when a WARC file is read: other runs do not pay for it
    from warcio.recordloader import ArcWarcRecord


def is_html(content_type: str | None, head: bytes) -> bool:
    """HTML by its Content-Type, or by its first bytes when the server sent none.

    >>> is_html("text/html; charset=utf-8", b""), is_html("image/png", b"")
    (True, False)
    >>> is_html(None, b"  <!DOCTYPE html><html>")
    True
    """
    if content_type:
        return content_type.split(";")[0].strip().lower() in HTML_TYPES
    start = head[:1024].lstrip().lower()
    return start.startswith((b"<!doctype html", b"<html"))


def record_name(warc_record_id: str | None, offset: int) -> str:
    """A record's id inside its file: the uuid of its WARC-Record-ID (`<urn:uuid:...>`, what Common
    Crawl's indexes and FineWeb's `id` name it by), another URI as written, or, for a record
    without one, its byte offset in the file as stored (as a CDX index addresses it).

    >>> record_name("<urn:uuid:7a9d6f3e-1b2c-4d5e-8f90-0a1b2c3d4e5f>", 0)
    '7a9d6f3e-1b2c-4d5e-8f90-0a1b2c3d4e5f'
    >>> record_name(None, 1234), record_name("  ", 9)
    ('offset-1234', 'offset-9')
    """
    uri = (warc_record_id or "").strip().removeprefix("<").removesuffix(">").strip()
    if not uri:
        return f"offset-{offset}"
    return uri[len("urn:uuid:") :] if uri.lower().startswith("urn:uuid:") else uri


@dataclass(frozen=True, slots=True)
class _Break:
    """Where reading stopped: the broken record's offset in the file as stored (in a gzip file,
    the offset of its member, as in a CDX index), which names it, since its header cannot be trusted."""

    offset: int
    reason: str


def read_warc(file: InputFile, skipped: Counter[str], max_bytes: int) -> Iterator[Source]:
    """One Source per HTML response, with the target URL and the WARC-Date; ids are
    `<file id>/<WARC-Record-ID uuid>` (stable whatever else the file holds), a broken record's
    `<file id>/offset-<byte offset>`."""
    with file.path.open("rb") as fh:
        gzipped = fh.read(len(GZIP_MEMBER)) == GZIP_MEMBER
        start: int | None = 0
        while start is not None:
            fh.seek(start)
            broken = yield from _read_from(fh, file, skipped, max_bytes)
            if broken is None:
                return
            yield Source(
                record_id(file.id, record_name(None, broken.offset)),
                file.path,
                error=f"broken WARC record at byte {broken.offset} of {file.path.name}: {broken.reason}",
            )
            start = _next_record(fh, broken.offset, gzipped)


def _read_from(
    fh: IO[bytes], file: InputFile, skipped: Counter[str], max_bytes: int
) -> Generator[Source, None, _Break | None]:
    """Records from the stream's position on, until the end (None) or a broken record."""
    start = fh.tell()
    from warcio.archiveiterator import ArchiveIterator

    records = ArchiveIterator(fh)
    try:
        for record in records:
            warnings = records.err_count
            body = record.content_stream().read(max_bytes + 1) if record.rec_type == "response" else b""
            records.read_to_end()  # now, to see whether the record ends where its Content-Length says
            offset = max(start, records.get_record_offset())
            problem = _length_problem(record, records.err_count > warnings)
            if problem is not None:
                return _Break(offset, problem)
            source = _source_of(file, offset, record, body, skipped)
            if source is not None:
                yield source
    except Exception as exc:  # warcio raises many kinds on bad bytes; any of them ends this span only
        message = " ".join(f"{type(exc).__name__}: {exc}".split())  # warcio's gzip message has newlines
        # warcio's offsets inside a whole-file gzip are meaningless (negative): the member's start it is
        return _Break(max(start, records.offset), message)
    return None


def _source_of(
    file: InputFile, offset: int, record: ArcWarcRecord, body: bytes, skipped: Counter[str]
) -> Source | None:
    """The document of an HTML response (`body`: its payload, up to the size limit); None otherwise."""
    if record.rec_type != "response":
        skipped[f"warc {record.rec_type or 'record without a type'}"] += 1
        return None
    http = record.http_headers
    content_type = http.get_header("Content-Type") if http is not None else None
    if http is None or not is_html(content_type, body):
        skipped["warc response (not HTML)"] += 1
        return None
    return Source(
        record_id(file.id, record_name(record.rec_headers.get_header("WARC-Record-ID"), offset)),
        file.path,
        url=record.rec_headers.get_header("WARC-Target-URI"),
        kind="html",
        content=body,  # over the size limit: the engine refuses it
        charset=charset_param(content_type),
        fetched=record.rec_headers.get_header("WARC-Date"),
    )


def _length_problem(record: ArcWarcRecord, not_followed_by_blank_line: bool) -> str | None:
    """Why a record warcio read without complaint is broken: warcio takes a bad Content-Length
    as 0 and a short block as complete, and only warns when the next record does not follow."""
    declared = record.rec_headers.get_header("Content-Length") if record.format == "warc" else "0"
    if declared is None or not declared.strip().isdigit():
        return f"bad Content-Length {declared!r}"
    missing = getattr(record.raw_stream, "limit", 0)
    if missing:
        return f"its block ends {missing} bytes short of its Content-Length {declared.strip()}"
    if not_followed_by_blank_line:
        return f"no blank line after its block: its Content-Length {declared.strip()} is wrong"
    return None


def _next_record(fh: IO[bytes], broken: int, gzipped: bool) -> int | None:
    """Offset of the first record after the broken one at `broken`, or None at the end of the file.

    Plain: the next line starting with `WARC/1.`. Gzip: the next member whose data starts with
    `WARC/1.`, as crawlers write one member per record. A whole-file gzip has no such member
    (finding a record inside it would mean decompressing again from the start), so its first
    broken record ends the file, as warcio's own error about it says.
    """
    if not gzipped:
        found = _find(fh, broken, RECORD_START)
        return None if found is None else found + 1
    at = broken
    while (at := _find(fh, at + 1, GZIP_MEMBER)) is not None:
        if _member_starts_record(fh, at):
            return at
    return None


def _find(fh: IO[bytes], start: int, pattern: bytes) -> int | None:
    """Offset of the first `pattern` at or after `start`, reading a chunk at a time.

    >>> import io
    >>> _find(io.BytesIO(b"abcabc"), 1, b"ca"), _find(io.BytesIO(b"abc"), 0, b"x")
    (2, None)
    """
    fh.seek(start)
    base, data = start, b""
    while chunk := fh.read(SCAN_CHUNK):
        data += chunk
        hit = data.find(pattern)
        if hit >= 0:
            return base + hit
        keep = min(len(data), len(pattern) - 1)  # a match may straddle two chunks
        base += len(data) - keep
        data = data[len(data) - keep :]
    return None


def _member_starts_record(fh: IO[bytes], at: int) -> bool:
    """Whether a gzip member begins at `at` and its data with `WARC/1.` (a few KB read at most)."""
    fh.seek(at)
    inflate = zlib.decompressobj(zlib.MAX_WBITS | 16)
    head = b""
    try:
        for _ in range(16):
            chunk = fh.read(256)
            if not chunk:
                break
            head += inflate.decompress(chunk)
            if len(head) >= len(RECORD_START) or inflate.eof:
                break
    except zlib.error:
        return False
    return head.startswith(RECORD_START[1:])
