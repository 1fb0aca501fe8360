"""The author search asks only the elements that can be the author, and answers what trafilatura's
`extract_author` answers: on generated pages full of author words, pruned blocks and tails, on
fragments, and when trafilatura's XPaths take a shape the reading does not know."""

from __future__ import annotations

import re
from html import escape

import pytest
import trafilatura.metadata
from hypothesis import given, settings
from hypothesis import strategies as st
from trafilatura.xpaths import AUTHOR_XPATHS

from dechaff.io import html_author, html_extract
from dechaff.io.html_author import AUTHOR_ATTRIBUTES, AUTHOR_WORDS, author

# words that make an element an author candidate, a pruned block, or neither
_VALUES = (
    "author", "Author", "author-name", "byline", "byl", "username", "writer", "post-author",
    "comments", "title", "date", "sidebar", "quote", "print", "category", "meta-date", "Figure",
    "comments-list", "author quote", "byline date", "main", "x",
)  # fmt: skip
_TAGS = (
    "div",
    "span",
    "a",
    "p",
    "section",
    "time",
    "figure",
    "h3",
    "strong",
    "address",
    "author",
    "rel",
    "li",
)
_TEXTS = ("", " ", "Anna Smith", "By", "Jean", "Martin", "me", "2024-01-02", ",", "\n")


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    attributes = st.dictionaries(st.sampled_from(AUTHOR_ATTRIBUTES), st.sampled_from(_VALUES), max_size=3)

    def html(tag: str, attrs: dict[str, str], text: str, inner: list[str], tail: str) -> str:
        shown = "".join(f' {name}="{escape(value)}"' for name, value in attrs.items())
        return f"<{tag}{shown}>{escape(text)}{''.join(inner)}</{tag}>{escape(tail)}"

    return st.builds(
        html,
        st.sampled_from(_TAGS),
        attributes,
        st.sampled_from(_TEXTS),
        st.lists(children, max_size=3),
        st.sampled_from(_TEXTS),
    )


_PAGES = st.recursive(st.sampled_from(_TEXTS).map(escape), _element, max_leaves=12)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PAGES, min_size=1, max_size=4), st.booleans())
def test_the_answer_is_extract_authors(blocks: list[str], whole_page: bool) -> None:
    body = "".join(blocks) + "<p>A paragraph of the article about the valley.</p>"
    markup = f"<html><head></head><body>{body}</body></html>" if whole_page else f"<div>{body}</div>"
    tree = html_extract.parse(markup)
    assert tree is not None
    expected = trafilatura.metadata.extract_author(tree)
    assert author(tree) == expected


def test_the_reading_is_used_and_not_trafilaturas(monkeypatch: pytest.MonkeyPatch) -> None:
    """Equal answers prove nothing if the reading gave up and asked trafilatura every time."""
    tree = html_extract.parse(
        '<html><body><div class="author-box"><span class="date">May 2</span>By <a rel="author">Anna '
        'Smith</a><time>today</time></div><div class="comments"><p class="byline">Troll</p></div>'
        "</body></html>"
    )
    expected = trafilatura.metadata.extract_author(tree)
    assert expected

    def refused(tree: object) -> str:
        raise AssertionError("extract_author was asked")

    monkeypatch.setattr(trafilatura.metadata, "extract_author", refused)
    assert html_author._asks() is not None
    assert author(tree) == expected


def test_a_pruned_block_inside_the_author_joins_its_tail_as_trafilatura_does() -> None:
    # trafilatura deletes <time> and the span of class "date", and their tails join the text before
    tree = html_extract.parse(
        '<html><body><div class="byline">By<time>x</time>Anna<span class="date">2 May</span>'
        "Smith</div></body></html>"
    )
    assert author(tree) == trafilatura.metadata.extract_author(tree) == "ByAnnaSmith"


def test_an_xpath_of_an_unknown_shape_is_left_to_trafilatura(monkeypatch: pytest.MonkeyPatch) -> None:
    assert html_author._element_test("//*[position()=1][@class='author']", below_root=False) is None
    assert html_author._element_test("//div/span[@class='author']", below_root=False) is None
    assert html_author._element_test(".//*[@class='author']", below_root=False) is None
    for reads_its_text in ("//*[contains(., 'By')]", "//p[text()='By']", "//p[normalize-space()='By']"):
        assert html_author._element_test(reads_its_text, below_root=False) is None
    assert html_author._element_test("//p[@class='a.b' or contains(@id, '.')]", below_root=False) is not None
    tree = html_extract.parse('<html><body><p class="author">Anna Smith</p></body></html>')
    monkeypatch.setattr(html_author, "_asks", lambda: None)
    monkeypatch.setattr(trafilatura.metadata, "extract_author", lambda tree: "asked trafilatura")
    assert author(tree) == "asked trafilatura"


def test_a_comment_in_a_candidate_read_through_asks_trafilatura(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A candidate with nothing pruned in it is read as it is (comments and all, as trafilatura's
    copy has them); one read through, element by element, asks trafilatura if it holds a comment."""
    from lxml import etree

    plain = html_extract.parse('<html><body><p class="author">Anna Smith</p></body></html>')
    plain.find(".//p").append(etree.Comment("note"))
    pruned = html_extract.parse('<html><body><p class="author">Anna <time>now</time>Smith</p></body></html>')
    pruned.find(".//p").append(etree.Comment("note"))
    expected = [trafilatura.metadata.extract_author(tree) for tree in (plain, pruned)]
    monkeypatch.setattr(trafilatura.metadata, "extract_author", lambda tree: "asked trafilatura")
    assert [author(plain), author(pruned)] == [expected[0], "asked trafilatura"]


def test_the_union_is_split_at_its_top_level_only() -> None:
    assert html_author._union_terms("//a[@x='1|2' or (@y|@z)]|//author") == [
        "//a[@x='1|2' or (@y|@z)]",
        "//author",
    ]


def test_every_attribute_and_word_trafilatura_asks_for_is_in_the_candidates_net() -> None:
    """The candidates are a superset only while the author XPaths test these attributes for these
    words: a later trafilatura that asks another attribute or word fails here, not silently."""
    for xpath in AUTHOR_XPATHS:
        path = " ".join(xpath.path.split())
        assert set(re.findall(r"@([\w-]+)", path)) <= set(AUTHOR_ATTRIBUTES), path
        elements = {e for e in re.findall(r"(?:self::|//)([\w-]+)", path)} - set(_TAGS) - {"link", "h4"}
        assert elements <= {"author"}, path
        for literal in re.findall(r"'([^']*)'", path):
            if literal == "me":  # rel='me': the <rel> child, a candidate's parent by its tag
                continue
            for alternative in literal.split("|"):
                word = re.sub(r"\[(.)[^]]*\]", r"\1", alternative.lstrip("^").replace("-?", ""))
                assert AUTHOR_WORDS.search(word), (path, alternative)


@pytest.mark.parametrize(
    "body",
    [
        # document order, not the order of the attribute names asked
        '<p id="author">Jean Martin</p><p class="author">Anna Smith</p>',
        # each match is the element of its own value
        '<p class="writer-x">Jean Martin</p><span class="author">Anna Smith</span>',
        # a <rel> child makes its parent a candidate (rel='me')
        '<p class="x">Jean</p><div><rel>me</rel>Ola Nordmann</div>',
    ],
)
def test_which_candidate_is_first(body: str) -> None:
    tree = html_extract.parse(f"<html><body>{body}</body></html>")
    expected = trafilatura.metadata.extract_author(tree)
    assert expected and author(tree) == expected


def test_a_subtree_is_read_alone_as_trafilatura_copies_it() -> None:
    """trafilatura copies the element it is given: what is above it is not there to prune, and
    the element itself is never pruned (its XPaths ask the elements below)."""
    tree = html_extract.parse(
        '<html><body><div class="comments"><div class="sidebar"><p class="author">Anna Smith</p>'
        "</div></div></body></html>"
    )
    root = tree.find(".//div[@class='sidebar']")  # pruned in the page, not as the root
    assert trafilatura.metadata.extract_author(root) == "Anna Smith" == author(root)
    above = tree.find(".//div[@class='comments']")  # the sidebar is below it now
    assert author(above) is None is trafilatura.metadata.extract_author(above)
    assert author(tree) is None is trafilatura.metadata.extract_author(tree)
    both = html_extract.parse('<html><body><div class="author sidebar">Anna Smith</div></body></html>')
    root = both.find(".//div")  # an author and a pruned block: as the root, only an author
    assert trafilatura.metadata.extract_author(root) == "Anna Smith" == author(root)


def test_no_attribute_value_holds_a_nul() -> None:
    """The candidates' values are joined with NULs to be searched at once, and a match is mapped to
    its value by the NULs before it: a NUL inside a value would name the wrong element."""
    page = '<html><body><p class="a\x00b &#0; &#x0;">One</p><p class="author">Anna Smith</p></body></html>'
    tree = html_extract.parse(page)
    assert all("\0" not in value for value in tree.xpath("//@class"))
    assert author(tree) == trafilatura.metadata.extract_author(tree) == "Anna Smith"


@pytest.mark.parametrize(
    ("page", "root"),
    [
        # the root is the candidate: what is above it is not in trafilatura's copy to prune it
        ('<html><body><div class="comments"><p class="author">Anna Smith</p></div></body></html>', ".//p"),
        ("<html><body><time><p class='byline'>Anna Smith</p></time></body></html>", ".//p"),
        # a <rel> root: its parent is not in the copy
        ("<html><body><div><rel>me</rel>Ola Nordmann</div></body></html>", ".//rel"),
        # rel='me' reads the <rel>'s text, which pruning inside it changes
        ("<html><body><div><rel>me<time>1</time></rel>Ola Nordmann</div></body></html>", "."),
        ("<html><body><div><rel>m<time>e</time></rel>Ola Nordmann</div></body></html>", "."),
        ("<html><body><div><rel>m<time>x</time>e</rel>Ola Nordmann</div></body></html>", "."),
        ("<div><rel>me<figure>x</figure></rel>Ola Nordmann</div>", "."),
        # a <rel> inside a <rel>: the outer one is asked for what is pruned in either
        ("<div><rel>me</rel><p><rel>me<rel>x<time>1</time></rel></rel>Ola Nordmann</p></div>", "."),
        ("<div><rel>me<rel>me</rel></rel>Ola Nordmann</div>", ".//rel"),
    ],
)
def test_a_subtree_or_a_pruned_rel_is_read_as_trafilatura_reads_it(page: str, root: str) -> None:
    tree = html_extract.parse(page)
    element = tree if root == "." else tree.find(root)
    assert author(element) == trafilatura.metadata.extract_author(element)


@pytest.mark.parametrize(
    "body",
    [
        '<span class="author"></span>' * 150,  # more candidates than asking each is worth
        "<author>x</author>" * 150,
        "<div class='author'>x " * 60
        + "<span>w</span>" * 400
        + "</div>" * 60,  # nested boxes, read again and again
    ],
)
def test_a_page_that_would_cost_more_than_trafilaturas_scans_is_left_to_them(
    body: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree = html_extract.parse(f"<html><body>{body}</body></html>")
    expected = trafilatura.metadata.extract_author(tree)
    monkeypatch.setattr(trafilatura.metadata, "extract_author", lambda tree: f"asked trafilatura: {expected}")
    assert author(tree) == f"asked trafilatura: {expected}"


def test_a_chain_thousands_deep_is_left_to_trafilatura(monkeypatch: pytest.MonkeyPatch) -> None:
    """The parser stops at 256 levels; a program may build more: ordering the candidates by their
    paths would cost more than trafilatura's scans."""
    from lxml.etree import SubElement

    root = html_extract.parse("<html><body></body></html>")
    node = root.find("body")
    for _ in range(300):
        node = SubElement(node, "b")
    for _ in range(20):
        SubElement(node, "span", {"class": "author"}).text = "Anna Smith"
    expected = trafilatura.metadata.extract_author(root)
    monkeypatch.setattr(trafilatura.metadata, "extract_author", lambda tree: f"asked: {expected}")
    assert author(root) == f"asked: {expected}"


def test_one_search_a_value_however_often_its_words_recur(monkeypatch: pytest.MonkeyPatch) -> None:
    class Counted:
        searches = 0

        def search(self, text: str, at: int = 0) -> re.Match[str] | None:
            Counted.searches += 1
            return AUTHOR_WORDS.search(text, at)

    tree = html_extract.parse(
        '<html><body><b id="x" data-testid="' + "byl" * 5000 + '">Anna</b></body></html>'
    )
    monkeypatch.setattr(html_author, "AUTHOR_WORDS", Counted())
    assert [e.tag for e in html_author._candidates(tree)] == ["b"]
    assert Counted.searches <= 2  # the one value that holds the words, and none after it
