"""A broken WARC record costs that record only: it gets its `error:read` row (file and byte offset)
and reading goes on at the next record, in a plain WARC and in a per-record gzip one."""

from __future__ import annotations

import gzip
import io
import re
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from test_inputs import ARTICLE_EN, ARTICLE_FR, html_page, record_uuid
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dechaff.cli import main

ARTICLE_DE = [
    "Der Stadtrat hat am Dienstag nach einer langen Debatte den neuen Haushalt der Stadt beschlossen.",
    "Die Opposition kritisierte, dass der Plan zu viel Geld bei den Schulen der Stadtteile einspart.",
    "Der Bürgermeister sagte, die Brücken müssten nach den Warnungen der Ingenieure saniert werden.",
    "Mehrere Anwohner meldeten sich in der Sitzung zu Wort und baten um mehr Zeit für die Prüfung.",
    "Über den Abschnitt zum Nahverkehr wird im nächsten Monat abgestimmt, wenn die Förderung feststeht.",
]
PAGES = [("Budget", ARTICLE_EN), ("Budget FR", ARTICLE_FR), ("Haushalt", ARTICLE_DE)]


def record_bytes() -> list[bytes]:
    """A warcinfo record, then three HTML responses: each record's bytes, blank lines included."""
    records = []
    for no, (title, lines) in enumerate([("", []), *PAGES]):
        buf = io.BytesIO()
        writer = WARCWriter(buf, gzip=False)
        if no == 0:
            writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "tests"}))
        else:
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            body = html_page(title, lines).encode()
            uri = f"https://example.org/{no}"
            record = writer.create_warc_record(
                uri,
                "response",
                payload=io.BytesIO(body),
                http_headers=http,
                warc_headers_dict={"WARC-Record-ID": f"<urn:uuid:{record_uuid(uri)}>"},
            )
            writer.write_record(record)
        records.append(buf.getvalue())
    return records


def garbage_version(record: bytes) -> bytes:
    return b"XARC/1.0" + record[len(b"WARC/1.0") :]


def content_length(change: Callable[[int], bytes]) -> Callable[[bytes], bytes]:
    def corrupt(record: bytes) -> bytes:
        match = re.search(rb"Content-Length: (\d+)\r\n", record)
        assert match
        return record[: match.start(1)] + change(int(match.group(1))) + record[match.end(1) :]

    return corrupt


CORRUPTIONS = {
    "garbage first line": garbage_version,
    "Content-Length not a number": content_length(lambda n: b"abc"),
    "Content-Length too short": content_length(lambda n: str(n - 300).encode()),
    "Content-Length too long": content_length(lambda n: str(n + 300).encode()),
}


def write(path: Path, records: list[bytes]) -> list[int]:
    """Plain, or one gzip member per record as crawlers write; returns each record's offset."""
    parts = [gzip.compress(r) for r in records] if path.name.endswith(".gz") else records
    path.write_bytes(b"".join(parts))
    return [sum(len(p) for p in parts[:k]) for k in range(len(parts))]


def page(no: int) -> str:
    """The id of the response record of page `no` (1 to 3) of `crawl.warc[.gz]`."""
    return f"crawl/{record_uuid(f'https://example.org/{no}')}"


def broken_at(offset: int) -> str:
    return f"crawl/offset-{offset}"


def run(inputs: Path, out: Path) -> pd.DataFrame:
    assert main(["run", str(inputs), "--out", str(out), "--workers", "1"]) == 0
    return pd.read_parquet(out / "metadata.parquet").set_index("id")


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
@pytest.mark.parametrize("corruption", CORRUPTIONS)
def test_reading_goes_on_after_a_broken_record(tmp_path: Path, name: str, corruption: str) -> None:
    records = record_bytes()
    records[2] = CORRUPTIONS[corruption](records[2])  # the middle response
    offsets = write(tmp_path / name, records)
    meta = run(tmp_path / name, tmp_path / "out")
    broken = broken_at(offsets[2])
    assert meta["status"].to_dict() == {page(1): "ok", broken: "error:read", page(3): "ok"}
    error = meta.loc[broken, "error"]
    assert f"byte {offsets[2]} of {name}" in error and "\n" not in error
    assert meta.loc[broken, "source_path"].endswith(name)
    assert meta.loc[page(3), "url"] == "https://example.org/3"


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_a_truncated_last_record_is_an_error_not_a_short_page(tmp_path: Path, name: str) -> None:
    records = record_bytes()
    records[3] = records[3][: len(records[3]) // 2]  # a download cut in the last record
    offsets = write(tmp_path / name, records)  # .gz: a whole member holding half a record
    meta = run(tmp_path / name, tmp_path / "out")
    broken = broken_at(offsets[3])
    assert meta["status"].to_dict() == {page(1): "ok", page(2): "ok", broken: "error:read"}
    assert f"byte {offsets[3]} of {name}" in meta.loc[broken, "error"]


def test_garbage_between_records_costs_no_record(tmp_path: Path) -> None:
    records = record_bytes()
    records.insert(2, b"\x00\x01 a bad copy left this\r\nWARC-Type: response\r\n\r\n")
    offsets = write(tmp_path / "crawl.warc", records)
    meta = run(tmp_path / "crawl.warc", tmp_path / "out")
    broken = broken_at(offsets[2])
    assert meta["status"].to_dict() == {page(1): "ok", broken: "error:read", page(2): "ok", page(3): "ok"}
    assert f"byte {offsets[2]} of crawl.warc" in meta.loc[broken, "error"]


def test_a_gzip_member_with_corrupt_bytes_costs_that_record_only(tmp_path: Path) -> None:
    records = [gzip.compress(r) for r in record_bytes()]
    middle = bytearray(records[2])
    middle[40:60] = b"\xff" * 20  # inside the deflate stream: zlib fails on it
    records[2] = bytes(middle)
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(b"".join(records))
    meta = run(path, tmp_path / "out")
    offset = len(records[0]) + len(records[1])
    assert meta["status"].to_dict() == {page(1): "ok", broken_at(offset): "error:read", page(3): "ok"}
    assert f"byte {offset} of crawl.warc.gz" in meta.loc[broken_at(offset), "error"]


def test_a_whole_file_gzip_cannot_be_resynced_and_stops_at_the_break(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(gzip.compress(b"".join(record_bytes())))  # one member: no record boundary to find
    meta = run(path, tmp_path / "out")
    assert meta["status"].to_dict() == {broken_at(0): "error:read"}
    assert "gzip" in meta.loc[broken_at(0), "error"]
