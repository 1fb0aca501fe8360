"""Read YAML into plain values while remembering the line of every key and item.

PyYAML's safe loader forgets positions and silently accepts duplicate keys; composing the node
tree ourselves gives both, so every schema error can name its line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from cleaner.ruleset.errors import RuleFileError


@dataclass(frozen=True, slots=True)
class Located:
    """A value with the 1-based line it was written on."""

    value: Any
    line: int


def load_located(text: str, path: str) -> Located:
    """Parse `text`; mappings become dict[str, Located], sequences list[Located], scalars stay typed."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc)
        raise RuleFileError(path, line, f"not valid YAML: {problem}") from None
    if node is None:
        return Located({}, 1)
    return _convert(node, path, yaml.SafeLoader(""))


def _convert(node: yaml.Node, path: str, scalars: yaml.SafeLoader) -> Located:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Located] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if not isinstance(key_node, yaml.ScalarNode) or not isinstance(key, str):
                raise RuleFileError(path, key_node.start_mark.line + 1, "keys must be plain words")
            if key in out:
                raise RuleFileError(path, key_node.start_mark.line + 1, f"duplicate key '{key}'")
            value = _convert(value_node, path, scalars)
            out[key] = Located(value.value, key_node.start_mark.line + 1)
        return Located(out, line)
    if isinstance(node, yaml.SequenceNode):
        return Located([_convert(item, path, scalars) for item in node.value], line)
    return Located(scalars.construct_object(node, deep=True), line)
