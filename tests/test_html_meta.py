"""The page metadata pass gives trafilatura's answers (`extract_metadata`) for the fields a row
keeps, though it skips searches that cannot find anything."""

from __future__ import annotations

from pathlib import Path

import pytest
from trafilatura.metadata import extract_metadata

from dechaff.io import html_extract
from dechaff.io.html_meta import PageMeta, page_meta


def trafilatura_meta(tree: object, url: str | None) -> PageMeta:
    doc = extract_metadata(tree, default_url=url, extensive=False)
    cats = tuple(c for c in doc.categories or () if c)
    fields = (doc.title, doc.author, doc.date, doc.sitename, doc.url)
    return PageMeta(*(value or None for value in fields), cats)


def ours(tree: object, url: str | None) -> PageMeta:
    found = page_meta(tree, url)
    return PageMeta(found.title, found.author, found.date, found.sitename, found.url, found.categories)


BODY = "<p>A paragraph of the article that says something about the weather in the valley.</p>"


def page(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}{BODY}</body></html>"


PAGES = {
    "byline class": page('<div class="post-byline">By Anna Smith</div>'),
    "author id": page('<span id="articleAuthor">Jean Martin</span>'),
    "itemprop": page('<p itemprop="author">Li Wei Zhang</p>'),
    "author element": page("<author>Maria Rossi</author>"),
    "rel child": page("<div><rel>me</rel>Ola Nordmann</div>"),
    "writer class": page('<div class="writer-box">Piet de Vries</div>'),
    "no candidate": page("<h1>Weather</h1>", "<title>Weather - Valley News</title>"),
    "category link": page('<div class="entry-meta"><a href="/category/news/">News</a></div>'),
    "category meta": page("", '<meta property="article:section" content="Sport">'),
    "icon category link": page(
        '<div class="row"><a href="/category/sport/"><img src="s.jpg"></a></div>',
        '<meta property="article:section" content="Sport">',
    ),
    "meta author": page(
        "",
        '<meta name="author" content="Karl Weber"><meta property="og:url" content="https://news.example.org/a">',
    ),
}


def test_an_author_element_at_the_root_is_found() -> None:
    tree = html_extract.parse("<author><span>Maria</span> <span>Rossi</span></author>")
    assert tree is not None and tree.tag == "author"
    assert ours(tree, None) == trafilatura_meta(tree, None) and ours(tree, None).author


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_meta_is_trafilaturas(name: str) -> None:
    tree = html_extract.parse(PAGES[name])
    expected = trafilatura_meta(tree, "https://example.org/x")
    assert ours(tree, "https://example.org/x") == expected
    if name not in (
        "no candidate",
        "category meta",
        "meta author",
        "icon category link",
    ):  # what it is named for
        assert expected.author or expected.categories


def test_page_meta_is_trafilaturas_on_the_dev_set(shared: Path) -> None:
    pages = sorted((shared / "devset" / "html").glob("*.html"))
    if not pages:
        pytest.skip("no dev-set pages")
    differ = []
    for path in pages:
        tree = html_extract.parse(path.read_text(encoding="utf-8", errors="replace"))
        if tree is not None and ours(tree, None) != trafilatura_meta(tree, None):
            differ.append(path.name)
    assert differ == []


@pytest.mark.parametrize("written", ["2007/12", "2007-12"])
def test_a_date_without_a_day_does_not_take_the_day_of_the_run(
    written: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """dateutil, under htmldate, fills a missing day from today's date: with the clock on the 17th,
    the page's date must still be the 1st, as on any other day."""
    import datetime as real
    import types

    from dateutil.parser import _parser
    from htmldate import extractors

    class Clock(real.datetime):
        @classmethod
        def now(cls, tz: real.tzinfo | None = None) -> Clock:
            return cls(2031, 5, 17, 9, 30, tzinfo=tz)

    monkeypatch.setattr(_parser, "datetime", types.SimpleNamespace(datetime=Clock, timedelta=real.timedelta))
    extractors.try_date_expr.cache_clear()  # an answer given on another test's clock
    tree = html_extract.parse(page(f'<span id="Article_publishDate" class="ArticleText">{written}</span>'))
    assert ours(tree, None).date == "2007-12-01"
