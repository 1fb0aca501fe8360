"""Every input format, built as small real files in a temp dir: text and metadata come out right,
and a broken container or record becomes a metadata row while the batch goes on."""

from __future__ import annotations

import gzip
import io
import json
import uuid
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dechaff.cli import main

# Written for these tests: distinct sentences, so no repetition or length filter drops them.
ARTICLE_EN = [
    "The city council approved the new budget on Tuesday after a debate that lasted most of the night.",
    "Members of the opposition argued that the plan cuts too deeply into the money set aside for schools.",
    "The mayor said the savings were needed to repair bridges that engineers had warned about for years.",
    "Several residents spoke during the public session and asked for more time to study the proposals.",
    "A final vote on the transport section is expected next month, once the regional grant is confirmed.",
    "Local businesses welcomed the decision, although some of them said the new parking fees are too high.",
]
ARTICLE_FR = [
    "Le conseil municipal a adopté le budget de la ville après un débat qui a duré toute la soirée.",
    "L'opposition estime que les économies prévues pèsent trop lourdement sur les écoles du quartier.",
    "Le maire a répondu que la rénovation des ponts ne pouvait plus attendre après cet été très chaud.",
    "Plusieurs habitants ont pris la parole pour demander davantage de temps avant le vote définitif.",
    "Les commerçants saluent la décision, même si certains trouvent le nouveau tarif du stationnement élevé.",
    "Un dernier vote sur les transports aura lieu le mois prochain, après la subvention régionale.",
]


def article(lines: list[str]) -> str:
    return "\n\n".join(lines) + "\n"


def html_page(title: str, lines: list[str], extra: str = "", charset: str = "utf-8") -> str:
    paragraphs = "".join(f"<p>{line}</p>" for line in lines)
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="{charset}"><title>{title}</title></head>'
        f"<body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>{title}</h1>{extra}{paragraphs}</article>"
        f"<footer>Copyright 2024 Example Media</footer></body></html>"
    )


def record_uuid(uri: str) -> str:
    """The uuid of the WARC-Record-ID the test WARCs give the record of `uri` (fixed, unlike
    warcio's random ones, so tests can name the document)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, uri))


def write_warc(path: Path, records: list[tuple[str, str, bytes, str | None]]) -> None:
    """(type, uri, body, content type) per record; a warcinfo record first, as crawlers write."""
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=path.name.endswith(".gz"))
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        for rec_type, uri, body, content_type in records:
            headers = [("Content-Type", content_type)] if content_type else []
            http = (
                StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1") if rec_type == "response" else None
            )
            record = writer.create_warc_record(
                uri,
                rec_type,
                payload=io.BytesIO(body),
                http_headers=http,
                warc_headers_dict={
                    "WARC-Date": "2024-05-01T10:00:00Z",
                    "WARC-Record-ID": f"<urn:uuid:{record_uuid(uri)}>",
                },
            )
            writer.write_record(record)


def run(tmp_path: Path, *args: str) -> tuple[pd.DataFrame, Path]:
    out = tmp_path / "out"
    assert main(["run", *args, "--out", str(out)]) == 0
    return pd.read_parquet(out / "metadata.parquet").set_index("id"), out


def text_of(out: Path, doc_id: str) -> str:
    return (out / "text" / f"{doc_id}.txt").read_text(encoding="utf-8")


@pytest.fixture()
def inputs(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    (src / "plain.txt").write_text(article(ARTICLE_EN), encoding="utf-8")
    (src / "utf16.txt").write_bytes(article(ARTICLE_FR).encode("utf-16"))  # with its BOM
    mangled = article(ARTICLE_FR).encode("utf-8").decode("cp1252", errors="replace")
    (src / "mojibake.txt").write_text(mangled, encoding="utf-8")  # "été" read as "Ã©tÃ©"
    page = html_page("Le budget de la ville adopté", ARTICLE_FR, charset="windows-1252")
    (src / "page.html").write_bytes(page.encode("cp1252"))
    records = [
        {"id": "a", "text": article(ARTICLE_EN), "url": "https://www.example.org/a", "source": "crawl-1"},
        {"id": "b", "text": article(ARTICLE_FR), "url": "https://news.example.fr/b", "score": 0.5},
    ]
    with gzip.open(src / "shard.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write("".join(json.dumps(r) + "\n" for r in records))
    table = pa.table(
        {
            "id": ["p1", "p2"],
            "text": [article(ARTICLE_EN), article(ARTICLE_FR)],
            "url": ["https://example.org/p1", None],
            "year": [2023, 2024],
        }
    )
    pq.write_table(table, src / "table.parquet")
    write_warc(
        src / "crawl.warc.gz",
        [
            ("request", "https://example.org/a", b"GET /a HTTP/1.1\r\n\r\n", None),
            (
                "response",
                "https://example.org/article",
                html_page("City budget approved", ARTICLE_EN).encode(),
                "text/html; charset=utf-8",
            ),
            ("response", "https://example.org/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"),
        ],
    )
    return src


ARTICLE_ID = f"crawl/{record_uuid('https://example.org/article')}"


def test_every_format_gives_text_and_metadata(
    inputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meta, out = run(tmp_path, str(inputs))
    assert set(meta.index) == {
        "plain", "utf16", "mojibake", "page", "shard/a", "shard/b", "table/p1", "table/p2", ARTICLE_ID,
    }  # fmt: skip
    assert (meta["status"] == "ok").all(), meta["status"].to_dict()
    assert (
        "records skipped: warc request 1, warc response (not HTML) 1, warc warcinfo 1"
        in capsys.readouterr().out
    )

    assert text_of(out, "plain") == article(ARTICLE_EN)
    assert meta.loc["utf16", "encoding"] == "utf-16"
    assert text_of(out, "utf16") == article(ARTICLE_FR)

    page = text_of(out, "page")
    assert "après cet été très chaud" in page and "Copyright" not in page and "Home" not in page
    assert meta.loc["page", "encoding"] == "cp1252"
    assert meta.loc["page", "extractor"] == "trafilatura"
    assert meta.loc["page", "title"] == "Le budget de la ville adopté"

    assert text_of(out, "shard/a") == article(ARTICLE_EN)
    assert (
        meta.loc["shard/a", "domain"] == "example.org" and meta.loc["shard/b", "domain"] == "news.example.fr"
    )
    assert json.loads(meta.loc["shard/a", "extra"]) == {"source": "crawl-1"}
    assert json.loads(meta.loc["shard/b", "extra"]) == {"score": 0.5}

    assert text_of(out, "table/p2") == article(ARTICLE_FR)
    assert meta.loc["table/p1", "url"] == "https://example.org/p1" and pd.isna(meta.loc["table/p2", "url"])
    assert json.loads(meta.loc["table/p1", "extra"]) == {"year": 2023}

    assert "repair bridges" in text_of(out, ARTICLE_ID)
    assert meta.loc[ARTICLE_ID, "url"] == "https://example.org/article"
    assert meta.loc[ARTICLE_ID, "fetched"] == "2024-05-01T10:00:00Z"
    assert meta.loc[ARTICLE_ID, "domain"] == "example.org"
    assert pd.isna(meta.loc["plain", "fetched"]) and pd.isna(meta.loc["plain", "extractor"])


def test_mojibake_is_repaired_with_provenance(inputs: Path, tmp_path: Path) -> None:
    meta, out = run(tmp_path, str(inputs / "mojibake.txt"), str(inputs / "plain.txt"))
    assert text_of(out, "mojibake") == article(ARTICLE_FR)
    assert "Ã©" not in text_of(out, "mojibake")
    assert meta.loc["mojibake", "removed_mojibake"] == len(ARTICLE_FR)  # every line has an accent
    assert meta.loc["plain", "removed_mojibake"] == 0
    removed = pd.read_parquet(out / "removed.parquet")
    rows = removed[removed["cleaner"] == "mojibake"]
    assert set(rows["id"]) == {"mojibake"} and set(rows["rule_id"]) == {"mojibake.ftfy"}
    assert any("Ã©tÃ©" in text for text in rows["text"])


def test_html_field_and_format_option(tmp_path: Path) -> None:
    src = tmp_path / "pages.jsonl"
    record = {
        "doc": "x1",
        "body": html_page("City budget approved", ARTICLE_EN),
        "link": "https://example.net/x",
    }
    src.write_text(json.dumps(record) + "\n", encoding="utf-8")
    meta, out = run(tmp_path, str(src), "--html-field", "body", "--id-field", "doc", "--url-field", "link")
    assert meta.loc["pages/x1", "extractor"] == "trafilatura"
    assert meta.loc["pages/x1", "domain"] == "example.net"
    assert "Copyright" not in text_of(out, "pages/x1") and "repair bridges" in text_of(out, "pages/x1")
    # the same file read as text: the markup is not extracted, and nothing says HTML
    plain = tmp_path / "page.data"
    plain.write_text(html_page("City budget approved", ARTICLE_EN), encoding="utf-8")
    meta, _ = run(tmp_path, str(plain), "--format", "html")
    assert meta.loc["page", "extractor"] == "trafilatura"


def test_broken_containers_and_records_get_rows(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    lines = [json.dumps({"id": "ok1", "text": article(ARTICLE_EN)}), "{not json", json.dumps(["a", "list"])]
    lines.append(json.dumps({"id": "notext", "title": "no text field"}))
    lines.append(json.dumps({"id": "ok2", "text": article(ARTICLE_FR)}))
    (src / "mixed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    whole = gzip.compress(
        "".join(json.dumps({"id": f"r{i}", "text": article(ARTICLE_EN)}) + "\n" for i in range(40)).encode()
    )
    (src / "cut.jsonl.gz").write_bytes(whole[: len(whole) * 2 // 3])  # a truncated download
    warc = src / "bad.warc"
    write_warc(
        warc,
        [
            (
                "response",
                "https://example.org/p",
                html_page("City budget approved", ARTICLE_EN).encode(),
                "text/html",
            )
        ],
    )
    good_end = warc.stat().st_size
    warc.write_bytes(warc.read_bytes() + b"junk left by a bad copy\r\n\r\n")
    (src / "junk.parquet").write_bytes(b"PAR1 this is not a parquet file")
    (src / "after.txt").write_text(article(ARTICLE_EN), encoding="utf-8")

    meta, _ = run(tmp_path, str(src))
    status = meta["status"].to_dict()
    assert status["mixed/ok1"] == "ok" and status["mixed/ok2"] == "ok"
    assert status["mixed/2"] == "error:read" and "line 2 is not JSON" in meta.loc["mixed/2", "error"]
    assert status["mixed/3"] == "error:read" and "not an object" in meta.loc["mixed/3", "error"]
    assert status["mixed/notext"] == "error:read" and "'text'" in meta.loc["mixed/notext", "error"]
    assert status["cut"] == "error:read" and "EOFError" in meta.loc["cut", "error"]
    assert sum(1 for i in meta.index if i.startswith("cut/r")) > 0  # records before the cut are kept
    assert status[f"bad/{record_uuid('https://example.org/p')}"] == "ok"  # the record before the break
    broken = f"bad/offset-{good_end}"  # a broken record is named by where it starts
    assert status[broken] == "error:read" and "broken WARC record" in meta.loc[broken, "error"]
    assert status["junk"] == "error:read"
    assert status["after"] == "ok"


def test_record_ids_cannot_escape_the_output_folder(tmp_path: Path) -> None:
    src = tmp_path / "evil.jsonl"
    src.write_text(json.dumps({"id": "../../outside", "text": article(ARTICLE_EN)}) + "\n", encoding="utf-8")
    meta, out = run(tmp_path, str(src))
    assert list(meta.index) == ["evil/outside"]
    assert (out / "text" / "evil" / "outside.txt").exists()
    assert not (tmp_path / "outside.txt").exists()
