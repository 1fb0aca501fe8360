"""Hostile inputs and hostile neighbours, each built in a temp dir and run through the real CLI.

One test per defect of the reliability and security audit, named after what it protects.
"""

from __future__ import annotations

from pathlib import Path

from lxml import html as lhtml

from cleaner.cli import main

# Long enough French prose for the cascade to keep.
PROSE = (
    "Le conseil municipal a voté mardi soir le budget de la ville pour l'année prochaine, après un "
    "long débat entre la majorité et l'opposition sur les investissements prévus dans les écoles."
)

# Every element our report and explain pages are made of; anything else came from a page.
OUR_ELEMENTS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "main", "p", "span",
    "b", "ul", "li", "a", "table", "tr", "th", "td", "section", "div",
}  # fmt: skip


def hostile_page(tmp_path: Path) -> Path:
    """An HTML page whose metadata carries markup once its entities are decoded."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "page.html").write_text(
        '<html><head><meta property="og:site_name" content="&lt;Img Src=X Onerror=alert(1)&gt;">'
        "<title>T &lt;script&gt;alert(2)&lt;/script&gt;</title></head>"
        f"<body><article><p>{PROSE}</p><p>{PROSE}</p></article></body></html>",
        encoding="utf-8",
    )
    # An unreadable WARC: its error message quotes the file's first line.
    (folder / "bad.warc").write_text("<svg/onload=alert(document.domain)>\nrest\n", encoding="utf-8")
    return folder


def assert_inert(page: Path) -> None:
    """No handler attribute, no element the page supplied, no script allowed by the page's policy."""
    tree = lhtml.fromstring(page.read_text(encoding="utf-8"))
    handlers = [(e.tag, a) for e in tree.iter() for a in e.attrib if a.lower().startswith("on")]
    assert handlers == []
    assert {e.tag for e in tree.iter() if isinstance(e.tag, str)} <= OUR_ELEMENTS
    policy = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert policy and "default-src 'none'" in policy[0] and "script-src" not in policy[0]


def test_report_escapes_page_metadata_and_error_text(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["run", str(hostile_page(tmp_path)), "--out", str(out), "--workers", "1"]) == 0
    report = tmp_path / "report.html"
    assert main(["report", str(out), "--html", str(report)]) == 0
    assert_inert(report)
    text = report.read_text(encoding="utf-8").lower()
    assert "&lt;img src=x onerror=alert(1)&gt;" in text  # shown as text, not dropped
    assert "&lt;svg/onload=alert(document.domain)&gt;" in text


def test_explain_html_escapes_page_metadata(tmp_path: Path) -> None:
    page = hostile_page(tmp_path) / "page.html"
    out = tmp_path / "explain.html"
    assert main(["explain", str(page), "--html", str(out)]) == 0
    assert_inert(out)
