"""The page's author as trafilatura's `extract_author` finds it, asking only the elements that can
be it.

`extract_author` copies the tree, prunes the copy with `AUTHOR_DISCARD_XPATHS` and asks the copy
`AUTHOR_XPATHS` in turn: up to four scans of every element, 7 ms on a dev-set page that has a
candidate at all. An author XPath can only select an `<author>` element, the parent of a `<rel>`,
or an element one of six attributes of which holds one of a few words; those few are found from
the attribute values (one C XPath per attribute name). Each is asked the XPath's own test (its
text with `//*` made `self::*`) and the pruning's tests are asked of what is above it, up to the
root (trafilatura's copy holds nothing above). Its text is the element's own when the pruning
selects nothing below it (one C scan), else it is read the way the pruned copy gives it.

The answers are `extract_author`'s: `tests/test_html_author.py` compares them on generated pages
and subtrees. trafilatura itself answers where this reading cannot vouch for its answer (an XPath
of a shape it does not know, a later trafilatura; a `<rel>` whose text pruning changes; a comment
in a text read element by element) or would cost more than its scans (over `_MOST` candidates;
their paths to the root, or the texts read through, longer than the tree has elements). Two
helpers' reviews measured the worst pages they could build at up to 3 times trafilatura's time.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import lxml.etree
    import lxml.html

# Every word trafilatura's author XPaths test an attribute for, as a case-sensitive superset:
# '[Aa]uthor' holds 'author-name', 'AuthorCard', 'authorName'; 'byl' holds 'byline'. Besides
# attributes they select only <author> elements and the parent of a <rel> child.
AUTHOR_WORDS = re.compile(
    r"[Aa]uthor|[Bb]yl|BBL|username|screenname|writer|zuozhe|bianji|xiaobian|channel-name|"
    r"submitted-by|posted-by|journalist-name"
)
AUTHOR_ATTRIBUTES = ("class", "id", "rel", "itemprop", "data-testid", "data-component")
_LONGEST = 120  # `extract_author`'s length limit
# candidates past which trafilatura's own four scans cost less than asking each one (a page of
# thousands of author spans, nested author boxes)
_MOST = 100

Test = Callable[["lxml.etree._Element"], bool]


class _Unsure(Exception):
    """A page this reading cannot vouch for, or that would cost it more than trafilatura's own
    scans: ask trafilatura."""


@dataclass(frozen=True, slots=True)
class _Asks:
    find: tuple[Test, ...]  # AUTHOR_XPATHS in order, each as a test of one element
    drop: tuple[Test, ...]  # AUTHOR_DISCARD_XPATHS, each as a test of one element below the root
    inside: lxml.etree.XPath  # whether the pruning selects an element below this one: one C scan
    outermost: Callable[[lxml.etree._Element], list[lxml.etree._Element]]  # the `children` below, not in one
    # the child elements a find test reads (`rel='me'`): pruning inside one may change its answer
    children: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Read:
    """One XPath read element by element (`_element_test`)."""

    test: Test
    children: frozenset[str]  # the child elements its tests read
    below: str  # the XPath of the elements it selects below the context element


def _union_terms(path: str) -> list[str]:
    """`path` split at its top-level `|` (not inside brackets, parentheses or quotes)."""
    terms, depth, quote, start = [], 0, "", 0
    for i, char in enumerate(path):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in "[(":
            depth += 1
        elif char in "])":
            depth -= 1
        elif char == "|" and depth == 0:
            terms.append(path[start:i])
            start = i + 1
    return [*terms, path[start:]]


_TERM = re.compile(r"(\.?)//(\*|[a-z][\w-]*)((?:\[.*\])?)", re.DOTALL)
_TAG_FILTER = re.compile(r"\[((?:self::[a-z]\w*(?: or )?)+)\]")
_POSITIONAL = re.compile(r"position\(|last\(|\[\s*\d")


_LITERAL = re.compile(r"'[^']*'|\"[^\"]*\"")
# a test of the element's own text (`.`, `text()`, `string()`...): pruning below changes it
_READS_TEXT = re.compile(r"text\(\)|(?<![\w.])\.(?![\w.])|\b(?:string|normalize-space|string-length)\(\s*\)")
_NOT_CHILDREN = re.compile(r"@[\w:-]+|self::[\w-]+|[\w:-]+\s*\(|\b(?:or|and|div|mod)\b")


def _element_test(path: str, below_root: bool) -> _Read | None:
    """The XPath `path` (a union of `//name[tests]`) as a test of one element; None when its
    tests could depend on more than the element's attributes and children (a position, a path,
    its text). `below_root`: the test only asks elements under the root, as `.//` would."""
    from lxml.etree import XPath
    from trafilatura.xpaths import REGEXP_NS

    parts, below, tags, children = [], [], set(), set()
    for term in _union_terms(" ".join(path.split())):
        found = _TERM.fullmatch(term.strip())
        if found is None or "/" in found[3] or _POSITIONAL.search(found[3]) or (found[1] and not below_root):
            return None
        name, tests = found[2], found[3]
        if _READS_TEXT.search(_LITERAL.sub(" ", tests)):
            return None
        if name == "*" and (only := _TAG_FILTER.match(tests)):
            tags.update(word.removeprefix("self::") for word in only[1].split(" or "))
        elif name == "*":
            tags.add("*")
        else:
            tags.add(name)
        children.update(re.findall(r"[A-Za-z_][\w-]*", _NOT_CHILDREN.sub(" ", _LITERAL.sub(" ", tests))))
        parts.append(f"self::{name}{tests}")
        below.append(f"descendant::{name}{tests}")
    xpath = XPath(f"boolean({' | '.join(parts)})", namespaces={"re": REGEXP_NS})
    if "*" in tags:
        return _Read(xpath, frozenset(children), " | ".join(below))
    names = frozenset(tags)
    return _Read(
        lambda element: element.tag in names and xpath(element), frozenset(children), " | ".join(below)
    )


@functools.cache
def _asks() -> _Asks | None:
    """trafilatura's author XPaths as tests of one element, or None when one has a shape this
    reading does not know, or a pruning test reads an element's children (what pruning removes
    first would then change what it removes next)."""
    from lxml.etree import XPath
    from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS, AUTHOR_XPATHS, REGEXP_NS

    found = [_element_test(x.path, below_root=False) for x in AUTHOR_XPATHS]
    pruned = [_element_test(x.path, below_root=True) for x in AUTHOR_DISCARD_XPATHS]
    find = [read for read in found if read is not None]
    drop = [read for read in pruned if read is not None and not read.children]
    if len(find) < len(found) or len(drop) < len(pruned):
        return None
    inside = XPath(f"boolean({' | '.join(read.below for read in drop)})", namespaces={"re": REGEXP_NS})
    children = tuple(sorted({name for read in find for name in read.children}))
    named = " or ".join(f"self::{name}" for name in children) or "false()"
    outermost = XPath(f"descendant::*[{named}][not(ancestor::*[{named}])]")
    return _Asks(tuple(r.test for r in find), tuple(r.test for r in drop), inside, outermost, children)


@functools.cache
def _values(name: str) -> lxml.etree.XPath:
    from lxml.etree import XPath

    return XPath(f"descendant-or-self::*/@{name}")  # smart strings: each knows its element


def _candidates(tree: lxml.html.HtmlElement) -> list[lxml.etree._Element]:
    """The elements of `tree` an author XPath may select, in no order. `tree` may be an element
    inside its document (a fragment's): trafilatura asks a copy of it alone, so nothing above it
    is asked. Raises _Unsure past `_MOST` of them."""
    found: dict[lxml.etree._Element, None] = {}
    for element in tree.iter("author", "rel"):
        if element.tag == "author":
            found[element] = None
        elif element is not tree:
            found[element.getparent()] = None
        if len(found) > _MOST:
            raise _Unsure
    for name in AUTHOR_ATTRIBUTES:
        values = _values(name)(tree)
        if not values:
            continue
        joined = "\0".join(values)  # the parser drops a NUL and makes &#0; U+FFFD: none in a value
        at, index, counted = 0, 0, 0
        while (match := AUTHOR_WORDS.search(joined, at)) is not None:
            index += joined.count("\0", counted, match.start())  # the value it is in: NULs before it
            counted = match.start()
            found[values[index].getparent()] = None
            if len(found) > _MOST:
                raise _Unsure
            at = joined.find("\0", counted)  # one match a value: on to the next value
            if at < 0:
                break
    return list(found)


def _in_order(elements: list[lxml.etree._Element], tree: lxml.html.HtmlElement, size: int) -> list:
    """`elements` (of `tree`, which holds `size` elements) in document order, each by its path of
    sibling indices from the root; raises _Unsure when the paths would take more steps than the
    tree has elements (a chain thousands deep, built by a program: the parser stops at 256)."""
    keys: dict[lxml.etree._Element, list[int]] = {}
    steps = 0
    for element in elements:
        key, node = [], element
        while (parent := node.getparent()) is not None:
            key.append(parent.index(node))
            node = parent
            steps += 1
        if steps > size:
            raise _Unsure
        keys[element] = key[::-1]
    return sorted(elements, key=keys.__getitem__)


class _Pruning:
    """What trafilatura's pruning of a copy of `tree` removes, asked element by element and
    remembered; `budget`: the elements the candidates' texts may still be read through before
    trafilatura's own scans are cheaper (the tree's size: nested author boxes read each other's)."""

    def __init__(self, tree: lxml.html.HtmlElement, asks: _Asks, size: int) -> None:
        self.tree, self.drop = tree, asks.drop
        self.dropped_memo: dict[lxml.etree._Element, bool] = {}
        self.gone_memo: dict[lxml.etree._Element, bool] = {tree: False}
        self.budget = size

    def dropped(self, element: lxml.etree._Element) -> bool:
        """Whether a pruning XPath selects `element` itself (never the root)."""
        found = self.dropped_memo.get(element)
        if found is None:
            found = self.dropped_memo[element] = element is not self.tree and any(
                t(element) for t in self.drop
            )
        return found

    def gone(self, element: lxml.etree._Element) -> bool:
        """Whether `element` is not in the pruned copy: it or an element above it, up to the root,
        is pruned."""
        chain = []
        while (known := self.gone_memo.get(element)) is None:
            chain.append(element)
            parent = element.getparent()
            if parent is None:  # not under the root: cannot happen for an element of the tree
                raise _Unsure
            element = parent
        for below in reversed(chain):
            known = known or self.dropped(below)
            self.gone_memo[below] = known
        return known

    def spend(self, elements: int) -> None:
        """Account for reading through this many elements."""
        self.budget -= elements
        if self.budget < 0:
            raise _Unsure


def _kept_text(element: lxml.etree._Element, pruning: _Pruning) -> list[str]:
    """`element.itertext()` of the pruned copy: a dropped element's text is gone and its tail
    joins the text before it (the previous kept sibling's tail, else the parent's text), as
    trafilatura's `delete_element` leaves it. Walked without recursion."""
    out: list[str] = []
    stack: list[tuple[lxml.etree._Element, object]] = [(element, iter(element))]
    buffers: list[str | None] = [element.text]
    while stack:
        node, children = stack[-1]
        child = next(children, None)  # type: ignore[call-overload]
        if child is None:
            if buffers[-1]:
                out.append(buffers[-1])  # type: ignore[arg-type]
            stack.pop()
            buffers.pop()
            if buffers:
                buffers[-1] = node.tail
            continue
        if not isinstance(child.tag, str):
            raise _Unsure
        if pruning.dropped(child):
            if child.tail:
                buffers[-1] = (buffers[-1] or "") + child.tail
            continue
        if buffers[-1]:
            out.append(buffers[-1])  # type: ignore[arg-type]
        stack.append((child, iter(child)))
        buffers[-1] = None
        buffers.append(child.text)
    return out


def author(tree: lxml.html.HtmlElement) -> str | None:
    """`trafilatura.metadata.extract_author(tree)`: the first element the author XPaths select
    in the pruned tree (XPath by XPath, in document order) whose text has 3 to 119 characters."""
    from trafilatura.metadata import extract_author

    asks = _asks()
    if asks is None:
        return extract_author(tree)
    try:
        return _read(tree, asks)
    except _Unsure:
        return extract_author(tree)


def _read(tree: lxml.html.HtmlElement, asks: _Asks) -> str | None:
    from trafilatura.json_metadata import normalize_authors
    from trafilatura.utils import trim

    found = _candidates(tree)
    if not found:
        return None
    size = int(tree.xpath("count(descendant-or-self::*)"))
    pruning = _Pruning(tree, asks, size)
    if asks.children:  # `rel='me'` reads the <rel>'s text: pruned inside, trafilatura's answer
        if tree.tag in asks.children or any(e.tag in asks.children for e in tree.iterancestors()):
            raise _Unsure  # the subtree of a <rel>, or one inside it: rare, left to trafilatura
        for child in asks.outermost(tree):  # one nested in another is inside what that was asked
            if pruning.dropped(child) or asks.inside(child):
                raise _Unsure
    candidates = _in_order(found, tree, size)
    for find in asks.find:
        for element in candidates:
            if not find(element) or pruning.gone(element):
                continue
            pruning.spend(int(element.xpath("count(descendant::*)")))
            # nothing pruned below it: its text is the copy's (two C scans, not a walk in Python)
            pieces = _kept_text(element, pruning) if asks.inside(element) else element.itertext()
            content = trim(" ".join(pieces))
            if content and 2 < len(content) < _LONGEST:
                return normalize_authors(None, content)
    return None
