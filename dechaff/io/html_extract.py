"""HTML to main text: trafilatura on the pruned tree, jusText when it finds too little. What comes
out then goes through the same text cascade as a dump (the engine's time limit covers both).

trafilatura, jusText and lxml are imported by the functions that use them: a run of text dumps
never loads them (0.2 s and 25 MB per process).
"""

from __future__ import annotations

import contextlib
import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dechaff.core.sections import HtmlParams

if TYPE_CHECKING:
    import lxml.html

TRAFILATURA = "trafilatura"
JUSTEXT = "justext"


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


@dataclass(frozen=True, slots=True)
class Extracted:
    text: str
    extractor: str  # trafilatura | justext


def parse(html: str) -> lxml.html.HtmlElement | None:
    """The page's tree, or None when there is no markup at all. Fragments that trafilatura's
    loader refuses (a page inside a `<text>` wrapper, no `<html>`) are parsed as a document body."""
    import lxml.html
    from lxml import etree
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None and "<" in html:
        with contextlib.suppress(etree.ParserError):
            tree = lxml.html.document_fromstring(html)
    return tree


def _declared_lang(tree: lxml.html.HtmlElement) -> str | None:
    return (tree.get("lang") or "").split("-")[0].strip().lower() or None


def page_basics(tree: lxml.html.HtmlElement, url: str | None) -> PageMeta:
    """Only what choosing the rules needs, cheaply: the page's canonical URL and `<html lang>`.

    trafilatura's whole metadata pass costs about 40% of its extraction (the author search copies
    the tree), so it runs only when the `html:` options ask for metadata.
    """
    from trafilatura.metadata import extract_url

    return PageMeta(url=extract_url(tree, url), lang=_declared_lang(tree))


def page_meta(tree: lxml.html.HtmlElement, url: str | None) -> PageMeta:
    """trafilatura's metadata of the page (it reads the tree, it does not change it)."""
    from trafilatura.metadata import extract_metadata

    doc = extract_metadata(tree, default_url=url, extensive=False)
    lang = _declared_lang(tree)
    return PageMeta(
        doc.title or None,
        doc.author or None,
        doc.date or None,
        doc.sitename or None,
        doc.url or None,
        tuple(c for c in doc.categories or () if c),
        lang,
    )


def prune(tree: lxml.html.HtmlElement, xpaths: tuple[str, ...]) -> lxml.html.HtmlElement:
    """A copy of the tree without the elements the rule files name (site menus, widgets...)."""
    if not xpaths:
        return tree
    import lxml.html

    pruned = copy.deepcopy(tree)
    for xpath in xpaths:
        for node in pruned.xpath(xpath):
            if isinstance(node, lxml.html.HtmlElement) and node.getparent() is not None:
                node.drop_tree()
    return pruned


def extract(
    tree: lxml.html.HtmlElement,
    params: HtmlParams,
    stopwords_for: Callable[[str], frozenset[str]],
) -> Extracted:
    """Main text by trafilatura; when shorter than `min_extracted_chars`, jusText gets a try with
    the stop words of the page's language (`stopwords_for(text)`) and the longer text wins."""
    import justext
    import lxml.html
    import trafilatura

    doc = trafilatura.bare_extraction(
        tree,
        fast=params.fast,
        favor_precision=params.favor == "precision",
        favor_recall=params.favor == "recall",
        include_comments=params.include_comments,
        include_tables=params.include_tables,
        with_metadata=False,
    )
    text = (doc.text if doc is not None else None) or ""
    if len(text) >= params.min_extracted_chars:
        return Extracted(text, TRAFILATURA)
    stopwords = stopwords_for(text or tree.text_content())
    if stopwords:
        paragraphs = justext.justext(lxml.html.tostring(tree, encoding="utf-8"), stopwords, encoding="utf-8")
        fallback = "\n".join(p.text for p in paragraphs if not p.is_boilerplate)
        if len(fallback) > len(text):
            return Extracted(fallback, JUSTEXT)
    return Extracted(text, TRAFILATURA)
