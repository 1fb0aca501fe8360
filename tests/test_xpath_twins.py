"""The twins of trafilatura's XPath expressions give the XPath's elements, in its order.

Checked three ways: the compiler on expressions that use each construct it reads, over random
trees whose attributes come in every order (the string value of `@a|@b` is the first in the
element's order); each of trafilatura's own twins on such trees and on the dev set's pages; and
the expressions it must refuse.
"""

from __future__ import annotations

import pytest
import trafilatura
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from dechaff.io import xpath_twins
from dechaff.io.html_extract import parse
from dechaff.io.xpath_twins import Twin, Unsupported, compile_twin, swapped

_NS = {"re": "http://exslt.org/regular-expressions"}

EXPRESSIONS = (
    ".//*[self::div or self::p][re:test(@id|@class, '^a')]",
    ".//*[@x or contains(translate(@role, 'NAA', 'n'), 'nav') or starts-with(@class|@id, 'b')]",
    ".//*[@class='a b' and not(.//h1)]",
    ".//p[re:test(@class, 'X', 'i')]",
    ".//*[not(self::ul or self::ol) or re:test(@style|@id, 'hidden')][re:test(@class, 'a')]",
    ".//*[contains(@data-c, '')]",
    ".//*[re:test(@id, '^$')]",
    ".//*[starts-with(@role, '')][not(@x)]",
    ".//*[self::span][(re:test(@class, 'a') and @x) or @role='nav']",
    ".//*[@x or @role='nav' and re:test(@class, 'a') or not(@id) and @style]",  # and binds tighter
    ".//*[re:test(@id, 'b(?!x)') or re:test(translate(@class, 'aba', 'Bc'), 'B')]",
    ".//*[self::div or self::section][re:test(@class, 'a')][1]",  # each parent's first that passes
    ".//p[1]",
    "(.//*[self::div or self::p][re:test(@id|@class, 'b')])[1]",  # the first of all
    "(.//span)[1]",
    "//*[self::h1 or self::p][re:test(@class, 'a')]",  # from the document's root
    "//*[@class='a b' or contains(@id, 'x')]",
    "(//span)[1]",
    "//p[1]",
)
TAGS = ("div", "p", "span", "ul", "ol", "h1", "section", "list", "item", "article", "header", "aside", "main")
NAMES = ("id", "class", "style", "role", "x", "data-c", "aria-hidden")
VALUES = (
    "", "a", "a b", "b-x", "nav", "Nav", "NAV", "hidden", "X", "xa", " a", "true", "comment",
    "comments-title", "share-box", "reply-1", "display:none", "cookie", "menu bar", "bottom",
    "Teaser", "caption", "social-x", "respond", "elementor-share-buttons", "article-body",
)  # fmt: skip


@st.composite
def trees(draw: st.DrawFn) -> etree._Element:
    """A tree of up to 12 elements (and comments), each with attributes drawn in any order."""
    root = etree.Element("body")
    nodes = [root]
    for _ in range(draw(st.integers(0, 12))):
        parent = nodes[draw(st.integers(0, len(nodes) - 1))]
        if draw(st.integers(0, 5)) == 0:
            parent.append(etree.Comment("c"))
            continue
        names = draw(st.lists(st.sampled_from(NAMES), unique=True, max_size=4))
        child = etree.SubElement(parent, draw(st.sampled_from(TAGS)))
        for name in names:  # the order drawn is the element's attribute order
            child.set(name, draw(st.sampled_from(VALUES)))
        nodes.append(child)
    return root


def _same(twin: Twin, tree: etree._Element) -> None:
    """The same elements from the root and from an element below it (`//` reads the whole
    document from either, `.//` what is below the element)."""
    for context in (tree, next(tree.iterdescendants(etree.Element), tree)):
        assert twin(context) == twin.xpath(context), (twin.path, etree.tostring(tree))


@settings(max_examples=300, deadline=None)
@given(trees())
def test_compiled_expressions_match_lxml(tree: etree._Element) -> None:
    for source in EXPRESSIONS:
        _same(compile_twin(etree.XPath(source, namespaces=_NS)), tree)


@settings(max_examples=300, deadline=None)
@given(trees())
def test_trafilatura_twins_match_their_xpaths(tree: etree._Element) -> None:
    for _, _, twin in xpath_twins._twins():
        _same(twin, tree)


def test_attribute_order_decides_a_union() -> None:
    """`@id|@class` is the first of the two in the element's order, whichever it is."""
    twin = compile_twin(etree.XPath(".//*[starts-with(@id|@class, 'x')]"))
    tree = etree.fromstring('<r><a class="x" id="y"/><b id="y" class="x"/><c class="x"/></r>')
    assert [e.tag for e in twin(tree)] == [e.tag for e in twin.xpath(tree)] == ["a", "c"]


@pytest.mark.parametrize(
    "source",
    [
        ".//*[1][@x]",  # a position before a test
        ".//p[2]",
        "(.//p[1])[1]",
        "(.//p)[1]|(.//main)[1]",
        "(.//p)",
        "//div//a[@href]",  # a path of two steps
        "//time|//figure",
        ".//*[//h1]",
        ".//re:x",  # a prefixed name: XPath resolves it to a namespace
        ".//*[self::fb:like]",
        ".//*[.//q:p]",
        ".//*[rel='me']",  # a child element's text
        ".//*[re:test(@class, 'a', 'g')]",  # flags other than i
        ".//*[string-length(@class) > 2]",
        ".//*[contains(text(), 'a')]",
        ".//*[@class!='a']",
        ".//*[translate(@class, 'a', 'b')]",  # a string as a test
        ".//div/p",
    ],
)
def test_refused_expressions_keep_their_xpath(source: str) -> None:
    with pytest.raises(Unsupported):
        compile_twin(etree.XPath(source, namespaces=_NS))


def test_what_follows_the_html_element_is_in_the_document() -> None:
    """libxml2 puts what follows `</html>` in a second top-level element: `//` reads it, and so
    the title trafilatura finds there is the same with the twins."""
    from trafilatura.metadata import extract_title

    page = (
        "<html><head><title>Site name | Section</title></head><body><p>Some article text.</p>"
        '</body></html><table><tr><td><h1 class="entry-title">Real headline</h1></td></tr></table>'
    )
    tree = parse(page)
    assert tree is not None and len(list(tree.itersiblings())) == 1
    for source in ("//table", "//*[self::h1 or self::h2][re:test(@class, 'title')]", "//td[1]", "(//h1)[1]"):
        twin = compile_twin(etree.XPath(source, namespaces=_NS))
        assert twin(tree) == twin.xpath(tree) != []
    with swapped():
        assert extract_title(tree) == "Real headline"


def test_a_context_that_is_no_element_goes_to_the_xpath() -> None:
    twin = compile_twin(etree.XPath("//p"))
    comment = etree.fromstring("<r><!--c--><p/></r>")[0]
    with pytest.raises(ValueError):
        twin.xpath(comment)
    with pytest.raises(ValueError):
        twin(comment)


def test_a_whole_document_goes_to_the_xpath() -> None:
    twin = compile_twin(etree.XPath(".//*[re:test(@class, 'a')]", namespaces=_NS))
    doc = etree.ElementTree(etree.fromstring('<r><p class="a"/></r>'))
    assert [e.tag for e in twin(doc)] == ["p"]


def test_swapped_only_inside_the_block() -> None:
    from trafilatura import xpaths

    twins = xpath_twins._twins()
    assert twins
    with swapped():
        assert all(listed[k] is twin for listed, k, twin in twins)
    assert all(listed[k] is twin.xpath for listed, k, twin in twins)
    with pytest.raises(RuntimeError), swapped():
        raise RuntimeError
    with swapped():
        with swapped():
            pass
        assert all(listed[k] is twin for listed, k, twin in twins)  # the outer block still holds
    assert all(isinstance(x, etree.XPath) for x in xpaths.OVERALL_DISCARD_XPATH)


@pytest.mark.skipif(trafilatura.__version__ != "2.3.1", reason="measured with trafilatura 2.3.1")
def test_the_measured_expressions_have_twins() -> None:
    """The expressions that took the time on the dev set (see docs/performance.md)."""
    from trafilatura import xpaths

    twinned = {(id(listed), k) for listed, k, _ in xpath_twins._twins()}
    for listed in (
        xpaths.OVERALL_DISCARD_XPATH,
        xpaths.REMOVE_COMMENTS_AND_LISTS_XPATH,
        xpaths.REMOVE_COMMENTS_XPATH,
    ):
        assert {(id(listed), k) for k in range(len(listed))} <= twinned


def test_twins_on_the_dev_pages(shared) -> None:  # type: ignore[no-untyped-def]
    pages = sorted((shared / "devset" / "html").glob("*.html"))
    if not pages:
        pytest.skip("no dev pages")
    for page in pages:
        tree = parse(page.read_text(encoding="utf-8", errors="replace"))
        if tree is not None:
            for _, _, twin in xpath_twins._twins():
                _same(twin, tree)


def test_the_html_path_runs_the_twins_and_leaves_the_xpaths(tmp_path, book, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A page through the engine asks trafilatura's expressions of their twins (its extraction,
    and the headline search of a page with two h1), and trafilatura holds its XPaths again after."""
    from test_inputs import ARTICLE_EN, html_page
    from trafilatura import xpaths

    from dechaff.engine.engine import Engine
    from dechaff.io.source import Source

    asked: set[str] = set()
    for _, _, twin in xpath_twins._twins():

        def counted(tree, match=twin.match, path=twin.path):  # type: ignore[no-untyped-def]
            asked.add(path)
            return match(tree)

        monkeypatch.setattr(twin, "match", counted)
    path = tmp_path / "page.html"
    path.write_text(html_page("Budget vote", ARTICLE_EN, extra="<h1>Second heading</h1>"), encoding="utf-8")
    assert Engine(book).process(Source("page", path, kind="html")).row["status"] == "ok"
    expected = (xpaths.OVERALL_DISCARD_XPATH[0], xpaths.OVERALL_DISCARD_XPATH[1], xpaths.TITLE_XPATHS[0])
    assert {x.path for x in expected} <= asked
    assert all(listed[k] is twin.xpath for listed, k, twin in xpath_twins._twins())
