"""The page's author as trafilatura's `extract_author` finds it, asking only the elements that can
be it.

`extract_author` copies the tree, prunes the copy with `AUTHOR_DISCARD_XPATHS` and asks the copy
`AUTHOR_XPATHS` in turn: up to four scans of every element, 7 ms on a dev-set page that has a
candidate at all. An author XPath can only select an `<author>` element, the parent of a `<rel>`,
or an element one of six attributes of which holds one of a few words; those few are found from
the attribute values (one C XPath per attribute name). Each is asked the XPath's own test (its
text with `//*` made `self::*`), and the pruning's tests are asked of its ancestors, and of its
descendants as its text is read the way the pruned copy would give it. The answers are
`extract_author`'s: `tests/test_html_author.py` compares them on generated pages, and where an
XPath has a shape this reading does not know (a later trafilatura), `extract_author` itself runs.
"""

from __future__ import annotations

import functools
import itertools
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

Test = Callable[["lxml.etree._Element"], bool]


class _Unsure(Exception):
    """A page this reading cannot vouch for (comments, entities in a candidate): ask trafilatura."""


@dataclass(frozen=True, slots=True)
class _Asks:
    find: tuple[Test, ...]  # AUTHOR_XPATHS in order, each as a test of one element
    drop: tuple[Test, ...]  # AUTHOR_DISCARD_XPATHS, each as a test of one element below the root


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


def _element_test(path: str, below_root: bool) -> Test | None:
    """The XPath `path` (a union of `//name[tests]`) as a test of one element, or None when its
    tests could depend on more than the element (a position, a path). `below_root`: the test
    only asks elements under the root, as `.//` would."""
    from lxml.etree import XPath
    from trafilatura.xpaths import REGEXP_NS

    parts, tags = [], set()
    for term in _union_terms(" ".join(path.split())):
        found = _TERM.fullmatch(term.strip())
        if found is None or "/" in found[3] or _POSITIONAL.search(found[3]) or (found[1] and not below_root):
            return None
        name, tests = found[2], found[3]
        if name == "*" and (only := _TAG_FILTER.match(tests)):
            tags.update(word.removeprefix("self::") for word in only[1].split(" or "))
        elif name == "*":
            tags.add("*")
        else:
            tags.add(name)
        parts.append(f"self::{name}{tests}")
    xpath = XPath(f"boolean({' | '.join(parts)})", namespaces={"re": REGEXP_NS})
    if "*" in tags:
        return lambda element: xpath(element)
    names = frozenset(tags)
    return lambda element: element.tag in names and xpath(element)


@functools.cache
def _asks() -> _Asks | None:
    from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS, AUTHOR_XPATHS

    find = [_element_test(x.path, below_root=False) for x in AUTHOR_XPATHS]
    drop = [_element_test(x.path, below_root=True) for x in AUTHOR_DISCARD_XPATHS]
    if any(test is None for test in find + drop):
        return None
    return _Asks(tuple(find), tuple(drop))  # type: ignore[arg-type]


@functools.cache
def _values(name: str) -> lxml.etree.XPath:
    from lxml.etree import XPath

    return XPath(f"descendant-or-self::*/@{name}")  # smart strings: each knows its element


def _candidates(tree: lxml.html.HtmlElement) -> list[lxml.etree._Element]:
    """The elements of `tree` an author XPath may select, in document order. `tree` may be an
    element inside its document (a fragment's): trafilatura asks a copy of it alone."""
    found = dict.fromkeys(tree.iter("author"))
    found.update(dict.fromkeys(rel.getparent() for rel in tree.iter("rel") if rel.getparent() is not None))
    for name in AUTHOR_ATTRIBUTES:
        values = _values(name)(tree)
        if not values:
            continue
        joined = "\0".join(values)  # the parser drops a NUL and makes &#0; U+FFFD: none in a value
        index, counted = 0, 0
        for match in AUTHOR_WORDS.finditer(joined):  # the value a match is in: NULs before it
            index += joined.count("\0", counted, match.start())
            counted = match.start()
            found[values[index].getparent()] = None
    return sorted(found, key=_document_order)


def _document_order(element: lxml.etree._Element) -> list[int]:
    key = []
    while (parent := element.getparent()) is not None:
        key.append(parent.index(element))
        element = parent
    return key[::-1]


def _kept_text(element: lxml.etree._Element, dropped: Test) -> list[str]:
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
        if dropped(child):
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
    from trafilatura.json_metadata import normalize_authors
    from trafilatura.metadata import extract_author
    from trafilatura.utils import trim

    asks = _asks()
    if asks is None:
        return extract_author(tree)

    def dropped(element: lxml.etree._Element) -> bool:
        return element is not tree and any(test(element) for test in asks.drop)

    candidates = _candidates(tree)
    try:
        for find in asks.find:
            for element in candidates:
                above = itertools.takewhile(lambda e: e is not tree, element.iterancestors())
                if not find(element) or any(dropped(e) for e in (element, *above)):
                    continue
                content = trim(" ".join(_kept_text(element, dropped)))
                if content and 2 < len(content) < _LONGEST:
                    return normalize_authors(None, content)
    except _Unsure:
        return extract_author(tree)
    return None
