"""A page's own metadata (title, author, date, site name, categories): trafilatura's metadata pass
for the fields a row keeps, with the same answers for less work.

trafilatura's `extract_metadata` also finds tags and a licence, which no row holds (1.3 ms a
dev-set page). Its author search asks only the elements that can be the author
(`html_author.py`: 2 instead of 7 ms on a page with a candidate), and the category-link XPaths,
whose EXSLT regular expressions call Python's `re` once per element, run only when some link's
href holds what they keep (0.8 ms, on 89% of the dev set's pages no candidate).
`tests/test_html_meta.py` holds the answers to trafilatura's on the dev set's pages.
"""

from __future__ import annotations

import contextlib
import functools
import re
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from dechaff.io.html_author import author

if TYPE_CHECKING:
    import lxml.etree
    import lxml.html


@dataclass(frozen=True, slots=True)
class PageMeta:
    """The page's own metadata (title, byline, date...), used where the cascade found nothing."""

    title: str | None = None
    author: str | None = None
    date: str | None = None
    sitename: str | None = None
    url: str | None = None
    categories: tuple[str, ...] = ()
    lang: str | None = None  # <html lang>, a hint for the rule cascade before the text is known


def declared_lang(tree: lxml.html.HtmlElement) -> str | None:
    return (tree.get("lang") or "").split("-")[0].strip().lower() or None


def page_basics(tree: lxml.html.HtmlElement, url: str | None) -> PageMeta:
    """Only what choosing the rules needs, cheaply: the page's canonical URL and `<html lang>`."""
    from trafilatura.metadata import extract_url

    return PageMeta(url=extract_url(tree, url), lang=declared_lang(tree))


# `extract_catstags("category", ...)` keeps only links whose href holds this (its own pattern)
_CATEGORY_HREF = re.compile(r"/categor(?:y|ies|s)?/")


@functools.cache
def _xpath(expression: str) -> lxml.etree.XPath:
    from lxml.etree import XPath

    return XPath(expression, smart_strings=False)


def _may_link_category(tree: lxml.html.HtmlElement) -> bool:
    return _CATEGORY_HREF.search("\n".join(_xpath("//@href")(tree))) is not None


# what dateutil fills a date's missing parts from: a fixed day, not the day of the run
_NO_DAY = datetime(1, 1, 1)


@functools.cache
def dates_without_today() -> None:
    """htmldate reads a date that starts with its year ("2007/12", "2007-12") with dateutil, which
    fills the parts the text lacks from today's date: one page's date was 2007-12-07 on December 7
    and 2007-12-08 the next day. Fill them from a fixed date instead (the 1st of the month, as
    htmldate's own year-month pattern does), so that the output does not depend on the day of the
    run. It replaces htmldate's module global once per process, for trafilatura's own metadata
    pass too, and empties htmldate's cache of answers given before."""
    from htmldate import extractors

    parse = extractors.dateutil_parse

    def parse_with_fixed_default(timestr: str, default: datetime | None = None, **kwargs: Any) -> datetime:
        return parse(timestr, default=default or _NO_DAY, **kwargs)

    extractors.dateutil_parse = parse_with_fixed_default
    extractors.try_date_expr.cache_clear()


def page_meta(tree: lxml.html.HtmlElement, url: str | None) -> PageMeta:
    """`trafilatura.metadata.extract_metadata(tree, url, extensive=False)`'s title, author, date,
    site name, URL and categories, step for step (it reads the tree, it does not change it), but
    a date without a day does not take the day of the run (`dates_without_today`), and its
    expressions are run by their twins (`xpath_twins`)."""
    from dechaff.io.xpath_twins import swapped

    with swapped():
        return _page_meta(tree, url)


def _page_meta(tree: lxml.html.HtmlElement, url: str | None) -> PageMeta:
    from htmldate import find_date
    from trafilatura import metadata as tm

    dates_without_today()

    meta = tm.examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None
    with contextlib.suppress(Exception):  # as trafilatura: a bug of its JSON-LD reader loses that reader
        meta = tm.extract_meta_json(tree, meta)
    if not meta.title:
        meta.title = tm.extract_title(tree)
    if not meta.author:
        meta.author = author(tree)
    if not meta.url:
        meta.url = tm.extract_url(tree, url)
    date_config = tm.set_date_params(False)
    date_config["url"] = meta.url
    meta.date = find_date(tree, **date_config)
    if not meta.sitename:
        meta.sitename = tm.extract_sitename(tree)
    if meta.sitename:
        meta.sitename = meta.sitename.lstrip("@")
        if meta.sitename and "." not in meta.sitename and not meta.sitename[0].isupper():
            meta.sitename = meta.sitename.title()
    elif meta.url and (found := tm.META_URL.match(meta.url)):
        meta.sitename = found[1]
    if not meta.categories and _may_link_category(tree):
        meta.categories = tm.extract_catstags("category", tree)  # with its own fallback
    elif not meta.categories:  # its fallback when no link can name one
        meta.categories = [
            element.attrib["content"]
            for element in _xpath(
                './/head//meta[@property="article:section" or contains(@name, "subject")][@content]'
            )(tree)
        ]
        meta.categories = [r for r in dict.fromkeys(tm.line_processing(x) for x in meta.categories if x) if r]
    meta.clean_and_trim()
    return PageMeta(
        meta.title or None,
        meta.author or None,
        meta.date or None,
        meta.sitename or None,
        meta.url or None,
        tuple(c for c in meta.categories or () if c),
        declared_lang(tree),
    )
