"""Read YAML into plain values while remembering the line of every key and item.

PyYAML's safe loader forgets positions and silently accepts duplicate keys; composing the node
tree ourselves gives both, so every schema error can name its line. It also bounds what aliases
may cost: a few lines of nested `&a [*b, *b, ...]` expand to billions of values (an "alias bomb"),
and `&a [*a]` to an endless one.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml

from dechaff.ruleset.errors import RuleFileError


@dataclass(frozen=True, slots=True)
class Located:
    """A value with the 1-based line it was written on."""

    value: Any
    line: int


MAX_ALIAS_VALUES = 10_000  # values that aliases may add on top of those written out
MAX_DEPTH = 64  # nesting levels; a rule file needs five or six


class _TooDeep(yaml.scanner.ScannerError):
    """Flow nesting past `MAX_DEPTH`, said as the converter's own depth limit says it."""


class _Loader(yaml.SafeLoader):
    """The safe loader, refusing flow nesting (`[[[...`) as it scans: PyYAML's scanner takes time
    quadratic in the flow depth, a second for 5,000 levels, before its composer would overflow."""

    def fetch_flow_collection_start(self, TokenClass: type[yaml.Token]) -> None:
        if self.flow_level >= MAX_DEPTH:
            raise _TooDeep(problem=f"nested deeper than {MAX_DEPTH} levels", problem_mark=self.get_mark())
        super().fetch_flow_collection_start(TokenClass)


@lru_cache(maxsize=4)
def load_located(text: str, path: str) -> Located:
    """Parse `text`; mappings become dict[str, Located], sequences list[Located], scalars stay typed.

    Kept for the next calls with the same text (`rules lint` reads a file three ways, and PyYAML
    takes a second per 4,000 rules): the result is shared, never to be changed.
    """
    try:
        node = _compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc)
        raise RuleFileError(
            path, line, problem if isinstance(exc, _TooDeep) else f"not valid YAML: {problem}"
        ) from None
    except RecursionError:  # PyYAML's composer recurses once per nesting level
        raise RuleFileError(path, 1, f"nested deeper than {MAX_DEPTH} levels") from None
    if node is None:
        return Located({}, 1)
    return _Converter(path).convert(node)


def _compose(text: str) -> yaml.Node | None:
    """The node tree, by libyaml when PyYAML was built with it (a tenth of the pure-Python
    composer's time: the rules are read at every start); a text libyaml refuses is composed again
    by the pure-Python loader, so that the error says what PyYAML says, with our depth limit."""
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        with contextlib.suppress(yaml.YAMLError):
            return yaml.compose(text, Loader=fast)
    return yaml.compose(text, Loader=_Loader)


class _Converter:
    """Node tree to Located values, with aliases expanded under a budget and cycles refused."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.scalars = yaml.SafeLoader("")
        self.seen: set[int] = set()  # nodes converted at least once
        self.repeats = 0  # conversions of nodes seen before: what aliases add
        self.open: set[int] = set()  # nodes being converted (an alias to one of them is a cycle)

    def convert(self, node: yaml.Node, depth: int = 0) -> Located:
        line = node.start_mark.line + 1
        key = id(node)
        if key in self.open:
            raise RuleFileError(self.path, line, "an alias refers to the value that contains it")
        if depth > MAX_DEPTH:
            raise RuleFileError(self.path, line, f"nested deeper than {MAX_DEPTH} levels")
        if key in self.seen:
            self.repeats += 1
            if self.repeats > MAX_ALIAS_VALUES:
                raise RuleFileError(
                    self.path, line, f"aliases expand to more than {MAX_ALIAS_VALUES} values (an alias bomb?)"
                )
        self.seen.add(key)
        if isinstance(node, yaml.ScalarNode):
            try:
                return Located(self.scalars.construct_object(node, deep=True), line)
            except yaml.YAMLError as exc:  # a tag the safe loader does not know (`!x`, `!!python/...`)
                raise RuleFileError(self.path, line, f"not valid YAML: {exc.problem or exc}") from None
        self.open.add(key)
        try:
            if isinstance(node, yaml.MappingNode):
                return Located(self._mapping(node, depth), line)
            return Located([self.convert(item, depth + 1) for item in node.value], line)
        finally:
            self.open.discard(key)

    def _mapping(self, node: yaml.MappingNode, depth: int) -> dict[str, Located]:
        out: dict[str, Located] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if not isinstance(key_node, yaml.ScalarNode) or not isinstance(key, str):
                raise RuleFileError(self.path, key_node.start_mark.line + 1, "keys must be plain words")
            if key in out:
                raise RuleFileError(self.path, key_node.start_mark.line + 1, f"duplicate key '{key}'")
            value = self.convert(value_node, depth + 1)
            out[key] = Located(value.value, key_node.start_mark.line + 1)
        return out
