"""A naive, block-aware text dump of an HTML page: its visible text, one line per block element
(p, div, li, h1-h6, tr, td, br...), scripts, styles and hidden elements left out. No choice of
main content: that is left to the text cascade, as for any dump.

The HTML path measures an extraction against it (a main text that is a sliver of the page's
words is suspect) and, when the extraction looks wrong, cleans it with the text cascade as
another candidate: where an extractor takes the wrong block (a footer, a teaser list), the
cascade over the whole page's text often finds the article.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

_SKIP = frozenset(
    "script style noscript template head title svg math iframe object embed canvas select option "  # noqa: SIM905
    "button input textarea audio video picture source map area meta link".split()
)
_BLOCK = frozenset(
    "address article aside blockquote body br center dd details dialog dir div dl dt fieldset "  # noqa: SIM905
    "figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 header hgroup hr html legend "
    "li main menu nav ol p pre section summary table tbody thead tfoot tr td th ul caption".split()
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\n\r\f\v\u00a0\u2000-\u200b\u3000]+")


_INLINE, _BLOCKING, _SKIPPED = 0, 1, 2
# what a tag does to the dump, for the tags lxml's HTML parser gives (lower case, no namespace)
_KINDS = {name: _SKIPPED for name in _SKIP} | {name: _BLOCKING for name in _BLOCK}
_KINDS |= dict.fromkeys(
    "a span b i em strong img small sup sub u abbr time label cite code q s font".split(),  # noqa: SIM905
    _INLINE,
)


def _tag(el: etree._Element) -> str:
    return el.tag.lower().rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""


def _kind(el: etree._Element) -> int:
    """`_SKIPPED`, `_BLOCKING` or `_INLINE`; the tag's name is worked out only for a tag the
    table does not hold (a custom element, an upper-case or namespaced name from another parser)."""
    kind = _KINDS.get(el.tag)
    if kind is not None:
        return kind
    tag = _tag(el)
    return _SKIPPED if not tag or tag in _SKIP else _BLOCKING if tag in _BLOCK else _INLINE


def _hidden(el: etree._Element) -> bool:
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = el.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def dump(tree: lxml.html.HtmlElement) -> str:
    """The visible text of the page's body, one line per block, whitespace collapsed in a line.
    Walked by lxml without recursion, so a page nested thousands of levels deep is no problem.

    >>> dump(lxml.html.fromstring("<div><p>One <b>two</b></p><script>x()</script>three<br>four</div>"))
    'One two\\nthree\\nfour'
    """
    out: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = _SPACES.sub(" ", "".join(current)).strip()
        if line:
            out.append(line)
        current.clear()

    body = tree.find(".//body")
    root = body if body is not None else tree
    # a root that shows nothing (a comment, which iterwalk refuses, a script, a hidden block)
    if not _tag(root) or _tag(root) in _SKIP or _hidden(root):
        return ""
    # lxml walks the tree in C; a skipped element's subtree is never entered, and its end comes
    # right after its start. Comments and processing instructions: only their tail is text.
    walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    skipped = None
    kinds, add = _KINDS, current.append  # the loop runs once or twice an element: names bound
    for event, el in walker:
        if event == "start":
            kind = kinds.get(el.tag)
            if kind is None:
                kind = _kind(el)
            if kind == _SKIPPED or _hidden(el):
                walker.skip_subtree()
                skipped = el
                continue
            if kind == _BLOCKING and current:  # most block boundaries follow another: nothing to join
                flush()
            if text := el.text:  # lxml makes a new string each time it is asked
                add(text)
            continue
        if event == "end" and el is not skipped and current:
            kind = kinds.get(el.tag)
            if kind is None:
                kind = _kind(el)
            if kind == _BLOCKING:
                flush()
        if (tail := el.tail) and el is not root:
            add(tail)
    if current:
        flush()
    return "\n".join(out)
