"""WARC files (plain or gzip, read with warcio): HTML responses become documents, lazily.

Every other record (request, metadata, warcinfo, a response that is not HTML) is counted in
`skipped` and left. warcio cannot find the next record after a broken one, so a broken record
gets a metadata row with its error and the rest of that file is skipped; the batch goes on.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator

from cleaner.io.decode import charset_param
from cleaner.io.source import InputFile, Source, record_id

HTML_TYPES = ("text/html", "application/xhtml+xml")


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


def read_warc(file: InputFile, skipped: Counter[str], max_bytes: int) -> Iterator[Source]:
    """One Source per HTML response, with the target URL and the WARC-Date; ids are record numbers."""
    no = 0
    try:
        with file.path.open("rb") as fh:
            for no, record in enumerate(ArchiveIterator(fh), 1):
                if record.rec_type != "response":
                    skipped[f"warc {record.rec_type or 'record without a type'}"] += 1
                    continue
                http = record.http_headers
                content_type = http.get_header("Content-Type") if http is not None else None
                body = record.content_stream().read(max_bytes + 1)  # over the limit: the engine refuses it
                if http is None or not is_html(content_type, body):
                    skipped["warc response (not HTML)"] += 1
                    continue
                yield Source(
                    record_id(file.id, no),
                    file.path,
                    url=record.rec_headers.get_header("WARC-Target-URI"),
                    kind="html",
                    content=body,
                    charset=charset_param(content_type),
                    fetched=record.rec_headers.get_header("WARC-Date"),
                )
    except Exception as exc:  # warcio raises many kinds on bad bytes; any of them ends this file only
        yield Source(
            record_id(file.id, no + 1),
            file.path,
            error=f"broken WARC record after record {no}: {type(exc).__name__}: {exc}",
        )
