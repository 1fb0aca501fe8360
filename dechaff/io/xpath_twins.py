"""Python twins of trafilatura's XPath expressions, for our own extractions.

lxml runs EXSLT's `re:test` by calling back into Python for every element the expression visits,
through its XPath machinery: on the dev set's pages, trafilatura's expressions that use it took
about 9 ms a page of our HTML path (a third of trafilatura's own time), `OVERALL_DISCARD_XPATH`
alone 5. The same test as one Python loop over the elements, with the same regexes, gives the
same elements in the same order about three times faster; and lxml's own name and attribute
tests (`contains(@class, ...)`), run by libxml2, 1.3 to 3 times faster too, as a loop over the
elements of the names asked (`iterdescendants` picks them in C).

The twins are compiled from the expressions' own source, by a parser of the small part of XPath
they use: a descendant step from the element (`.//`) or from the document's root (`//`), a name
test, predicates of `or`, `and`, `not`, attribute tests, `contains`, `starts-with`, `translate`
and `re:test`, a last `[1]`, or the whole path in brackets then `[1]`. An expression outside
that part (another position, a path of more steps, a union of paths, another function) keeps its
XPath: a twin never guesses. `swapped()` puts the twins into trafilatura's lists for the length
of a block and puts the XPaths back, so trafilatura stays as it is everywhere else (`dechaff
bench` times it alone in the same process).

XPath's string value of `@id|@class` is the value of the first of those attributes in the
element's own order (a union is sorted in document order, then the first node is taken), which
is the order lxml lists attributes in; a missing attribute is the empty string.
"""

from __future__ import annotations

import contextlib
import functools
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from lxml import etree

_TOKEN = re.compile(
    r"""\s*(?:(?P<lit>'[^']*'|"[^"]*")|(?P<op>\.//|//|::|[\[\](),=|@*])|(?P<name>[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)|(?P<number>\d+))"""
)
_FUNCTIONS = {"contains", "starts-with", "re:test", "not"}
EXSLT_REGEXP = "http://exslt.org/regular-expressions"  # what `re:` must be bound to

Node = tuple[Any, ...]


class Unsupported(ValueError):
    """The expression uses XPath this module does not compile: it keeps its XPath."""


def _tokens(source: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    at = 0
    end = len(source.rstrip())
    while at < end:
        found = _TOKEN.match(source, at)
        if found is None or found.end() == at:
            raise Unsupported(f"cannot read {source[at : at + 20]!r}")
        kind = found.lastgroup
        assert kind is not None
        out.append((kind, found.group(kind)))
        at = found.end()
    return out


@dataclass(frozen=True, slots=True)
class _Path:
    """A path as read: its name test, its predicates, which elements it keeps (`all`,
    `first_child`: the first of each parent's children that pass, `first`: the first of all) and
    whether it starts from the document's root (`//`) rather than the element (`.//`)."""

    test: str
    predicates: list[Node]
    kept: str
    absolute: bool


class _Parser:
    """Recursive descent over the tokens; each method returns an AST node (a tuple)."""

    def __init__(self, source: str) -> None:
        self.tokens = _tokens(source)
        self.at = 0

    def peek(self, value: str | None = None) -> bool:
        return self.at < len(self.tokens) and (value is None or self.tokens[self.at][1] == value)

    def take(self, value: str | None = None, kind: str | None = None) -> str:
        if not self.peek(value) or (kind is not None and self.tokens[self.at][0] != kind):
            got = self.tokens[self.at][1] if self.peek() else "the end"
            raise Unsupported(f"expected {value or kind}, found {got!r}")
        self.at += 1
        return self.tokens[self.at - 1][1]

    def path(self) -> _Path:
        """`.//*` or `.//name` (`//` from the document's root), then predicates, the last of
        which may be `[1]`; or such a path in brackets, then `[1]`."""
        if self.peek("("):
            self.take("(")
            inner = self.path()
            self.take(")")
            self.position()
            if inner.kept != "all":
                raise Unsupported("a position inside brackets")
            return _Path(inner.test, inner.predicates, "first", inner.absolute)
        absolute = self.peek("//")
        self.take("//" if absolute else ".//")
        test = self.take("*") if self.peek("*") else self.element()
        predicates: list[Node] = []
        while self.peek("["):
            if self.at + 1 < len(self.tokens) and self.tokens[self.at + 1][0] == "number":
                self.position()
                return _Path(test, predicates, "first_child", absolute)
            self.take("[")
            predicates.append(self.disjunction())
            self.take("]")
        return _Path(test, predicates, "all", absolute)

    def position(self) -> None:
        """`[1]`, the only position read."""
        self.take("[")
        if self.take(kind="number") != "1":
            raise Unsupported("a position other than 1")
        self.take("]")

    def end(self) -> None:
        if self.peek():
            raise Unsupported(f"unexpected {self.tokens[self.at][1]!r}")

    def disjunction(self) -> Node:
        return self.joined("or", self.conjunction)

    def conjunction(self) -> Node:
        return self.joined("and", self.term)

    def joined(self, word: str, operand: Callable[[], Node]) -> Node:
        """Operands joined by `word` (`or`, `and`: `and` binds tighter, as `conjunction` is the
        operand of `or`), or the one operand alone."""
        terms = [operand()]
        while self.peek(word):
            self.take(word)
            terms.append(operand())
        return terms[0] if len(terms) == 1 else (word, *terms)

    def term(self) -> Node:
        if self.peek("("):
            self.take("(")
            inner = self.disjunction()
            self.take(")")
            return inner
        if self.peek(".//"):
            self.take(".//")
            return ("descendant", self.element())
        if self.peek("@"):
            name = self.attribute()
            if self.peek("="):
                self.take("=")
                return ("equals", name, self.literal())
            return ("has", name)
        name = self.take(kind="name")
        if name == "self":
            self.take("::")
            return ("self", self.element())
        if name not in _FUNCTIONS:
            raise Unsupported(f"unknown test {name!r}")
        self.take("(")
        if name == "not":
            node: Node = ("not", self.disjunction())
        else:
            value = self.value()
            self.take(",")
            node = (name, value, self.literal())
            if name == "re:test":
                flags = ""
                if self.peek(","):
                    self.take(",")
                    flags = self.literal()
                if flags not in ("", "i"):
                    raise Unsupported(f"re:test flags {flags!r}")
                node = (name, value, re.compile(node[2], re.IGNORECASE if flags else 0))
        self.take(")")
        return node

    def value(self) -> Node:
        """`@a`, `@a|@b`..., or `translate(` one of those `, 'from', 'to')`."""
        if self.peek("translate"):
            self.take("translate")
            self.take("(")
            inner = self.value()
            self.take(",")
            source = self.literal()
            self.take(",")
            table = str.maketrans(*_translation(source, self.literal()))
            self.take(")")
            return ("translate", inner, table)
        names = [self.attribute()]
        while self.peek("|"):
            self.take("|")
            names.append(self.attribute())
        return ("attributes", tuple(names))

    def element(self) -> str:
        return self.unprefixed("element")

    def attribute(self) -> str:
        self.take("@")
        return self.unprefixed("attribute")

    def unprefixed(self, what: str) -> str:
        """A name; one with a prefix is refused (XPath resolves it to a namespace, a twin would
        compare the name as written)."""
        name = self.take(kind="name")
        if ":" in name:
            raise Unsupported(f"namespaced {what} {name!r}")
        return name

    def literal(self) -> str:
        return self.take(kind="lit")[1:-1]


def _translation(source: str, target: str) -> tuple[str, str, str]:
    """XPath's translate() as str.maketrans arguments: a character's first place in `source`
    counts, and one with no partner in `target` is removed."""
    pairs: dict[str, str | None] = {}
    for k, char in enumerate(source):
        pairs.setdefault(char, target[k] if k < len(target) else None)
    kept = [(a, b) for a, b in pairs.items() if b is not None]
    return (
        "".join(a for a, _ in kept),
        "".join(b for _, b in kept),
        "".join(a for a, b in pairs.items() if b is None),
    )


def first_of(element: etree._Element, names: tuple[str, ...]) -> str:
    """The string value of the union `@a|@b...`: the first such attribute in the element's order."""
    for key in element.keys():  # noqa: SIM118 - iterating an element gives its children
        if key in names:
            return element.get(key)  # type: ignore[no-any-return]
    return ""


def in_document(element: etree._Element, *names: Any) -> Iterator[etree._Element]:
    """The elements of `element`'s document with these names (`iter`'s arguments), in document
    order: those of each of its top-level elements in turn. libxml2's HTML parser puts what
    follows `</html>` (a script, a table) in a second top-level element, which `//` reads too."""
    root = element.getroottree().getroot()
    for top in (*reversed(list(root.itersiblings(preceding=True))), root, *root.itersiblings()):
        if isinstance(top.tag, str):
            yield from top.iter(*names)


class _Compiler:
    """An AST to the text of one Python expression over `el` (the element), `tag` (its tag) and
    `get` (its `get`); regexes and tables are bound as names of the generated function."""

    def __init__(self) -> None:
        self.bound: dict[str, object] = {"first_of": first_of, "in_document": in_document}
        self.attributes: dict[str, str] = {}  # attribute name -> the local that holds its value

    def attribute(self, name: str) -> str:
        """The local holding `get(name)`, read once an element (`reads`)."""
        return self.attributes.setdefault(name, f"a{len(self.attributes)}")

    def reads(self) -> str:
        """The statement that reads every attribute the tests ask for."""
        return "; ".join(f"{local} = get({name!r})" for name, local in self.attributes.items())

    def bind(self, value: object) -> str:
        name = f"_k{len(self.bound)}"
        self.bound[name] = value
        return name

    def test(self, node: Node) -> str:
        kind = node[0]
        if kind in ("or", "and"):
            return "(" + f" {kind} ".join(self.test(n) for n in node[1:]) + ")"
        if kind == "not":
            return f"(not {self.test(node[1])})"
        if kind == "self":
            return f"(tag == {node[1]!r})"
        if kind == "descendant":
            return f"(next(el.iterdescendants({node[1]!r}), None) is not None)"
        if kind == "has":
            return f"({self.attribute(node[1])} is not None)"
        if kind == "equals":
            return f"({self.attribute(node[1])} == {node[2]!r})"
        value = self.value(node[1])
        if kind == "contains":
            return f"({node[2]!r} in {value})"
        if kind == "starts-with":
            return f"{value}.startswith({node[2]!r})"
        return f"({self.bind(node[2].search)}({value}) is not None)"  # re:test, its regex compiled

    def value(self, node: Node) -> str:
        if node[0] == "translate":
            return f"{self.value(node[1])}.translate({self.bind(node[2])})"
        names = node[1]
        if len(names) == 1:
            return f"({self.attribute(names[0])} or '')"
        if len(names) == 2:  # the element's order decides only when it has both
            a, b = (self.attribute(name) for name in names)
            return f"(({b} or '') if {a} is None else {a} if {b} is None else first_of(el, {names!r}))"
        return f"first_of(el, {names!r})"


def _without_attributes(node: Node) -> bool | None:
    """What a test gives on an element with no attributes: True, False, or None when it depends
    on the element (its name, its descendants). Three-valued logic (Kleene's)."""
    kind = node[0]
    if kind == "or":
        values = [_without_attributes(n) for n in node[1:]]
        return True if True in values else None if None in values else False
    if kind == "and":
        values = [_without_attributes(n) for n in node[1:]]
        return False if False in values else None if None in values else True
    if kind == "not":
        inner = _without_attributes(node[1])
        return None if inner is None else not inner
    if kind in ("self", "descendant"):
        return None
    if kind in ("has", "equals"):
        return False
    empty = ""
    if node[1][0] == "translate":
        empty = "".translate(node[1][2])
    if kind == "contains":
        return node[2] in empty
    if kind == "starts-with":
        return empty.startswith(node[2])
    return node[2].search(empty) is not None


def _names(node: Node) -> tuple[str, ...] | None:
    """The names of a test that is `self::a or self::b...` (or one of them), else None."""
    if node[0] == "self":
        return (node[1],)
    if node[0] == "or" and all(n[0] == "self" for n in node[1:]):
        return tuple(n[1] for n in node[1:])
    return None


class Twin:
    """An XPath's twin: called on an element as the XPath is, it gives the same elements in the
    same order. Anything else (a whole document) is left to the XPath (`xpath`)."""

    __slots__ = ("match", "path", "xpath")

    def __init__(self, xpath: etree.XPath, match: Callable[[etree._Element], list[etree._Element]]) -> None:
        self.xpath = xpath
        self.path = xpath.path
        self.match = match

    def __call__(self, tree: Any, **variables: Any) -> Any:
        if variables or not isinstance(tree, etree._Element) or not isinstance(tree.tag, str):
            return self.xpath(tree, **variables)  # a document, a comment...: as lxml answers
        return self.match(tree)


def compile_twin(xpath: etree.XPath) -> Twin:
    """The twin of `xpath`; raises Unsupported when its source is outside the part of XPath this
    module reads. `re:` is read as EXSLT's regular expressions: the XPath must bind it so."""
    parser = _Parser(xpath.path)
    path = parser.path()
    parser.end()
    test, predicates, kept = path.test, path.predicates, path.kept
    names: tuple[str, ...] | object = (test,) if test != "*" else etree.Element
    if test == "*" and predicates and (found := _names(predicates[0])) is not None:
        names, predicates = found, predicates[1:]
    compiler = _Compiler()
    arguments = ("*" if isinstance(names, tuple) else "") + compiler.bind(names)  # names spread out
    # `//`: every element of the document (`in_document`); `.//`: those below the element
    walk = f"in_document(tree, {arguments})" if path.absolute else f"tree.iterdescendants({arguments})"
    lines = ["def match(tree):", "    out = []"]
    if kept == "first_child":
        lines.append("    parents = set()")
    lines.append(f"    for el in {walk}:")
    if any(_without_attributes(p) is False for p in predicates):
        lines.append("        if not el.keys():\n            continue")
    lines.append("        tag, get = el.tag, el.get")
    tests = [f"        if not {compiler.test(predicate)}:\n            continue" for predicate in predicates]
    if compiler.attributes:
        lines.append(f"        {compiler.reads()}")
    lines += tests
    if kept == "first":
        lines += ["        return [el]", "    return out"]
    elif kept == "first_child":  # `.//x[1]`: the first of its parent's children that pass
        lines += [
            "        parent = el.getparent()",
            "        if parent in parents:\n            continue",
            "        parents.add(parent)",
            "        out.append(el)",
            "    return out",
        ]
    else:
        lines += ["        out.append(el)", "    return out"]
    namespace = dict(compiler.bound)
    # our own text, built from the library's constant expressions (literals written with repr)
    exec("\n".join(lines), namespace)
    return Twin(xpath, namespace["match"])


@functools.cache
def _twins() -> tuple[tuple[list[Any], int, Twin], ...]:
    """(trafilatura's list, index, twin) for each of its listed expressions that compiles. A twin
    reads `re:` as EXSLT's regular expressions, the namespace trafilatura binds it to: with
    another binding, those that call it keep their XPath."""
    from trafilatura import xpaths

    exslt = getattr(xpaths, "REGEXP_NS", None) == EXSLT_REGEXP
    out = []
    for value in vars(xpaths).values():
        if not isinstance(value, list):
            continue
        for k, xpath in enumerate(value):
            if isinstance(xpath, etree.XPath) and (exslt or "re:" not in xpath.path):
                with contextlib.suppress(Unsupported, re.error):
                    out.append((value, k, compile_twin(xpath)))
    return tuple(out)


_DEPTH = [0]  # blocks of `swapped` open
# around the count and the swaps, for threads that open blocks at once (a Dask worker's); under the
# GIL an item's += is not interrupted, so this guards builds without it (free-threaded Python)
_LOCK = threading.Lock()


@contextlib.contextmanager
def swapped() -> Iterator[None]:
    """trafilatura's expressions replaced by their twins inside the block, and back after it
    (an exception, a time limit's included), the outermost block doing both. Both give the same
    answers, so a thread that sees either gives the same result."""
    with _LOCK:  # the twins made under it too: a thread that finds a list swapped makes none for it
        twins = _twins()
        _DEPTH[0] += 1
        if _DEPTH[0] == 1:  # a block inside another leaves the swap to the outer one
            for listed, k, twin in twins:
                listed[k] = twin
    try:
        yield
    finally:
        with _LOCK:
            _DEPTH[0] -= 1
            if _DEPTH[0] == 0:
                for listed, k, twin in twins:
                    listed[k] = twin.xpath
