"""HTML to main text: trafilatura on the pruned tree, jusText when it finds too little. What comes
out then goes through the same text cascade as a dump (the engine's time limit covers both).

trafilatura, jusText and lxml are imported by the functions that use them: a run of text dumps
never loads them (0.2 s and 25 MB per process).
"""

from __future__ import annotations

import contextlib
import copy
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dechaff.core.sections import HtmlParams
from dechaff.text.words import word_count

if TYPE_CHECKING:
    import lxml.html

TRAFILATURA = "trafilatura"
JUSTEXT = "justext"
PAGE_DUMP = "page_dump"  # the text cascade over the page's naive dump (chosen by the engine)
# Why the main text is the one kept:
FIRST = "first"  # the extraction the html: options ask for
COLLAPSED = "precision_collapsed"  # precision mode kept a sliver of what balanced mode finds
SHORT = "short"  # shorter than min_extracted_chars, and jusText found more
NO_PROSE = "no_prose"  # a sliver of the page with no prose in it: the page dump's cascade found prose
AGREES = "agrees_with_page"  # of the two texts SHORT chose between, the one the page dump's cascade confirms


@dataclass(frozen=True, slots=True)
class Extracted:
    """The main text of a page, who found it and why that one (the row's `extractor` and
    `extractor_reason`), with the page's naive dump to measure it against."""

    text: str
    extractor: str  # trafilatura | justext | page_dump
    reason: str  # first | precision_collapsed | short | agrees_with_page | no_prose (the constants)
    page: str = ""  # the whole page's visible text (`html_dump.dump`)
    # set when the text is a sliver of the page: the engine then cleans the page dump too, and
    # takes it when it keeps this many times the words (`html.page_dump_gain`)
    dump_gain: float = 0.0
    # trafilatura's text when jusText's longer one replaced it (SHORT): the engine asks the page
    # dump's cascade which of the two it agrees with
    first: str = ""


@functools.cache
def _parser() -> lxml.html.HTMLParser:
    """trafilatura's parser (same options, same tree), with lxml.html's element classes chosen in
    C: lxml.html's own lookup calls a Python method for every element object lxml makes (1.5
    million calls on the dev set's 265 pages). Every element is an `HtmlElement` (forms and
    inputs lose lxml.html's form helpers, which nothing here uses)."""
    import lxml.html
    from lxml import etree

    parser = lxml.html.HTMLParser(
        collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True, remove_pis=True
    )
    lookup = etree.ElementDefaultClassLookup(
        element=lxml.html.HtmlElement,
        comment=lxml.html.HtmlComment,
        pi=lxml.html.HtmlProcessingInstruction,
        entity=lxml.html.HtmlEntity,
    )
    parser.set_element_class_lookup(lookup)
    return parser


def _load_html(html: str) -> lxml.html.HtmlElement | None:
    """trafilatura.utils.load_html for a decoded page, step for step, on `_parser()`."""
    import lxml.html
    from trafilatura.utils import is_dubious_html, repair_faulty_html

    beginning = html[:50].lower()
    dubious = is_dubious_html(beginning)
    html = repair_faulty_html(html, beginning)
    try:
        tree = lxml.html.fromstring(html, parser=_parser())
    except Exception:  # as trafilatura: a string with an encoding declaration...
        tree = None
    if tree is None or len(tree) < 1:  # ... or no tree: the bytes, once
        tree = None
        with contextlib.suppress(Exception):
            tree = lxml.html.fromstring(html.encode("utf8", "surrogatepass"), parser=_parser())
    if tree is not None and dubious and len(tree) < 2:
        tree = None
    return tree


def parse(html: str) -> lxml.html.HtmlElement | None:
    """The page's tree, or None when there is no markup at all. Fragments that trafilatura's
    loader refuses (a page inside a `<text>` wrapper, no `<html>`) are parsed as a document body."""
    import lxml.html
    from lxml import etree

    tree = _load_html(html)
    if tree is None and "<" in html:
        with contextlib.suppress(etree.ParserError):
            tree = lxml.html.document_fromstring(html)
    return tree


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
    """Main text by trafilatura as `params` configure it, looked at again when it is a sliver of
    the page (see Extracted.reason); when shorter than `min_extracted_chars`, jusText gets a try
    with the stop words of the page's language (`stopwords_for(text)`) and the longer text wins
    (`Extracted.first` keeps the other for the engine's referee, see `AGREES`)."""
    import justext
    import lxml.html

    from dechaff.io.html_dump import dump

    page = dump(tree)
    page_words = word_count(page)
    text = _trafilatura(tree, params, params.favor)
    first = ""
    extractor, reason = TRAFILATURA, FIRST
    words = word_count(text)
    if params.favor == "precision" and words < params.recheck_share * page_words:
        balanced = _trafilatura(tree, params, "balanced")
        if words < params.collapsed_share * word_count(balanced):
            text, reason = balanced, COLLAPSED
    if len(text) < params.min_extracted_chars:
        stopwords = stopwords_for(text or page)
        if stopwords:
            markup = lxml.html.tostring(tree, encoding="utf-8")
            paragraphs = justext.justext(markup, stopwords, encoding="utf-8")
            fallback = "\n".join(p.text for p in paragraphs if not p.is_boilerplate)
            if len(fallback) > len(text):
                first = table_cells(text) if params.table_cells else text
                text, extractor, reason = fallback, JUSTEXT, SHORT
    if extractor == TRAFILATURA and params.table_cells:
        text = table_cells(text)
    if params.headline:
        title = headline(tree, page)
        text, first = with_headline(text, title), with_headline(first, title) if first else first
    sliver = word_count(text) < params.recheck_share * page_words
    return Extracted(text, extractor, reason, page, params.page_dump_gain if sliver else 0.0, first)


def headline(tree: lxml.html.HtmlElement, page: str) -> str:
    """The page's headline as trafilatura finds it (the page's only <h1>, else its title
    metadata), when it is text of the page (part of a line of its dump `page`), else ''.
    trafilatura keeps the headline out of the main text, and the gold texts keep it."""
    from trafilatura.metadata import extract_title

    from dechaff.io.xpath_twins import swapped

    with swapped():
        title = " ".join((extract_title(tree) or "").split())
    return title if title and shown_in(title, page) else ""


def shown_in(title: str, page: str) -> bool:
    r"""Whether `title` (words joined by single spaces) is part of a line of `page` once that
    line's words are joined by single spaces. Found as it is, it lies in one line (it holds no
    line break) and stays in the joined words (each of its spaces is one between two non-spaces):
    only a title not found so needs each line's words.

    >>> shown_in("The budget", "Menu\nThe  budget\u2028plan"), shown_in("a b", "a\nb")
    (True, False)
    """
    return title in page or any(title in " ".join(line.split()) for line in page.split("\n"))


def with_headline(text: str, title: str) -> str:
    r"""`text` with `title` as its first line, unless it is empty or already one of its lines.

    >>> with_headline("Body.", "Title"), with_headline("Title\nBody.", "Title"), with_headline("B.", "")
    ('Title\nBody.', 'Title\nBody.', 'B.')
    """
    if not title or title in (" ".join(line.split()) for line in text.split("\n")):
        return text
    return f"{title}\n{text}"


_ROW = re.compile(r"^\|.*\|$")
_CELL_BREAK = re.compile(r"(?<!\\)\|")


def table_cells(text: str) -> str:
    r"""trafilatura's table rows (`| a | b |`) as one line per non-empty cell, each a substring of
    its row: a cell that holds a layout table's article is then judged as prose, a row of short
    cells as short lines, not as one line full of separators.

    >>> table_cells("Intro.\n| Name | Age |\n| Ann | 31 |")
    'Intro.\nName\nAge\nAnn\n31'
    """
    out = []
    for line in text.split("\n"):
        row = line.strip()
        if len(row) > 1 and _ROW.match(row):
            out.extend(cell.strip() for cell in _CELL_BREAK.split(row) if cell.strip())
        else:
            out.append(line)
    return "\n".join(out)


def _trafilatura(tree: lxml.html.HtmlElement, params: HtmlParams, favor: str) -> str:
    """trafilatura's main text, its XPath expressions run by their twins (`xpath_twins`)."""
    import trafilatura

    from dechaff.io.xpath_twins import swapped

    with swapped():
        doc = trafilatura.bare_extraction(
            tree,
            fast=params.fast,
            favor_precision=favor == "precision",
            favor_recall=favor == "recall",
            include_comments=params.include_comments,
            include_tables=params.include_tables,
            with_metadata=False,
        )
    return inline_breaks((doc.text if doc is not None else None) or "")


_SPACE = " \t\u00a0\u2009\u202f"  # what trafilatura leaves beside an inline element's line break
_ENDS = frozenset(".!?:;。！？．؟")
_CONTINUES = frozenset(",.;:)!?")


def inline_breaks(text: str) -> str:
    r"""trafilatura's text without the line breaks it puts around inline elements (a link, an
    emphasis) in the middle of a paragraph: a line that ends in a space without ending a sentence,
    or the next line starting with a space and a lower-case letter, is one paragraph with the
    next. Each joined line is the two joined by one space (the text the page shows). Table rows
    stay rows.

    >>> inline_breaks("Read the \nguide\n and enjoy.\nNext one.")
    'Read the guide and enjoy.\nNext one.'
    >>> inline_breaks("Ends here. \nNew paragraph\n| a | b |")
    'Ends here. \nNew paragraph\n| a | b |'
    """
    lines = text.split("\n")
    out = lines[:1]
    for line in lines[1:]:
        before, after = out[-1].strip(), line.strip()
        joined = (
            before
            and after
            and before[0] != "|"
            and after[0] != "|"
            and (
                (out[-1][-1] in _SPACE and before[-1] not in _ENDS)
                or (line[0] in _SPACE and (after[0].islower() or after[0] in _CONTINUES))
            )
        )
        if joined:
            out[-1] = f"{out[-1].rstrip(_SPACE)} {line.lstrip(_SPACE)}"
        else:
            out.append(line)
    return "\n".join(out)
