"""Reading a regex as tokens, and RE2's options, shared by the translators of user rule patterns and
of ftfy's badness pattern (each rewrites classes for RE2, which reads `\\w` and `\\d` as ASCII
only) and by the RE2 sets of the cascade and of lint."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

import re2


def re2_options(max_mem: int | None = None) -> Any:
    """RE2 options that leave errors to the caller (no logging), with RE2's default memory budget
    or `max_mem` (bytes)."""
    options = re2.Options()
    options.log_errors = False
    if max_mem is not None:
        options.max_mem = max_mem
    return options


_POSIX = re.compile(r"\[:\^?[a-z]+:\]")


def braced_end(tokens: Sequence[tuple[str, bool]], k: int) -> int:
    """Past the `{...}` that starts at token `k` of `regex_tokens` (the name after `\\p`, `\\P`
    or `\\x`, no counter), or `k` when none starts there.

    >>> braced_end(list(regex_tokens(r"\\p{Lu}x")), 1), braced_end(list(regex_tokens(r"\\pL")), 1)
    (5, 1)
    """
    if k < len(tokens) and tokens[k][0] == "{":
        while k < len(tokens) and tokens[k][0] != "}":
            k += 1
        return k + 1
    return k


def regex_tokens(pattern: str) -> Iterator[tuple[str, bool]]:
    """A regex as escapes (`\\w`), class openers (`[`, `[^`, `[]`, `[^]`), POSIX classes inside a
    class (`[:alpha:]`) and single characters, each with whether it sits inside a `[...]` class
    (its closing `]` does, its opener does not).

    >>> list(regex_tokens(r"a[^]\\d]"))
    [('a', False), ('[^]', False), ('\\\\d', True), (']', True)]
    >>> [t for t, inside in regex_tokens(r"[[:space:]\\w]x") if inside]
    ['[:space:]', '\\\\w', ']']
    """
    in_class = False
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            yield pattern[i : i + 2], in_class
            i += 2
        elif in_class and (posix := _POSIX.match(pattern, i)) is not None:
            yield posix.group(), True  # `[:space:]` inside a class: its `]` ends nothing
            i = posix.end()
        elif ch == "[" and not in_class:
            end = i + 1 + (pattern[i + 1 : i + 2] == "^")
            end += pattern[end : end + 1] == "]"
            yield pattern[i:end], False
            in_class = True
            i = end
        else:
            yield ch, in_class
            in_class = in_class and ch != "]"
            i += 1
