"""Reading a regex as tokens, shared by the translators of user rule patterns and of ftfy's badness
pattern (each rewrites classes for RE2, which reads `\\w` and `\\d` as ASCII only)."""

from __future__ import annotations

from collections.abc import Iterator


def regex_tokens(pattern: str) -> Iterator[tuple[str, bool]]:
    """A regex as escapes (`\\w`), class openers (`[`, `[^`, `[]`, `[^]`) and single characters,
    each with whether it sits inside a `[...]` class (its closing `]` does, its opener does not).

    >>> list(regex_tokens(r"a[^]\\d]"))
    [('a', False), ('[^]', False), ('\\\\d', True), (']', True)]
    """
    in_class = False
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            yield pattern[i : i + 2], in_class
            i += 2
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
