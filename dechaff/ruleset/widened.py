r"""A pattern's Unicode classes widened for a shared set: `\p{Lu}` compiles to a UTF-8 automaton of
hundreds of ranges, and RE2 builds one per class written. The French cascade's set (816
patterns, a \p class in 146 of them) took 0.11 s to compile, 0.02 s widened: the largest part
of a one-file run's cleaning, and of each worker's first page in a new language.

A widened class keeps its ASCII members exactly and takes every other character: `\p{Lu}` is
`[A-Z\x{80}-\x{10FFFF}]`, `\p{Nd}` is `[0-9\x{80}-\x{10FFFF}]`. Inside a negated class it keeps
only its ASCII members (`[^()\p{Nd}]` is `[^()0-9]`), so the negation excludes less. Either way
the widened pattern matches every text the pattern matches, with or without `(?i)` (folding a
larger class gives a larger class); a set's hit of it is checked with the pattern itself
(`SharedSet.matches`), so the answers are the pattern's.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import re2

from dechaff.text.regex import re2_options, regex_tokens

_PROPERTY = ("\\p", "\\P")
_ASCII = "".join(map(chr, range(128)))
NON_ASCII = r"\x{80}-\x{10FFFF}"


@lru_cache(maxsize=256)
def ascii_members(escape: str) -> str | None:
    r"""The ASCII characters `escape` (`\p{Lu}`, `\P{Greek}`) matches, as class ranges
    (`\x{41}-\x{5A}`); None when RE2 knows no such class.

    >>> ascii_members(r"\p{Nd}"), ascii_members(r"\p{Greek}"), ascii_members(r"\p{Nope}")
    ('\\x{30}-\\x{39}', '', None)
    """
    try:
        found = re2.compile(f"[{escape}]", re2_options()).findall(_ASCII)
    except re2.error:
        return None
    points = sorted(ord(ch) for ch in found)
    ranges: list[tuple[int, int]] = []
    for point in points:
        if ranges and ranges[-1][1] == point - 1:
            ranges[-1] = (ranges[-1][0], point)
        else:
            ranges.append((point, point))
    return "".join(rf"\x{{{a:X}}}" if a == b else rf"\x{{{a:X}}}-\x{{{b:X}}}" for a, b in ranges)


def widened(pattern: str) -> str:
    r"""`pattern` with each braced `\p{..}` and `\P{..}` class widened (see the module), or the
    pattern itself where a class could not be widened safely (a dash beside it in a bracket,
    which would make a range of its neighbours; a negated bracket left with nothing in it).

    >>> print(widened(r"^\p{Lu}[\p{Ll}.-]+ [^()\p{Nd}]$"))
    ^[\x{41}-\x{5A}\x{80}-\x{10FFFF}][\x{61}-\x{7A}\x{80}-\x{10FFFF}.-]+ [^()\x{30}-\x{39}]$
    """
    if "\\p{" not in pattern and "\\P{" not in pattern:
        return pattern  # most patterns: nothing to read token by token
    tokens = list(regex_tokens(pattern))
    out: list[str] = []
    negated = False  # the bracket the tokens are in starts with `[^`
    kept = False  # ...and something is left in it (`[^]`: a bracket first)
    k = 0
    while k < len(tokens):
        token, inside = tokens[k]
        if not inside and token.startswith("["):
            negated, kept = token.startswith("[^"), token.endswith("]")
        end = _name_end(tokens, k)
        if token in _PROPERTY and end > k + 1:
            members = ascii_members("".join(t for t, _ in tokens[k:end]))
            if members is None or (inside and _dash_beside(tokens, k, end)):
                return pattern
            if not inside:
                out.append(f"[{members}{NON_ASCII}]")
            else:
                out.append(members if negated else members + NON_ASCII)
                kept = kept or bool(members)
            k = end
            continue
        if inside and token == "]" and negated and not kept:
            return pattern  # `[^\p{L}]`: nothing left to exclude
        kept = kept or inside
        out.append(token)
        k += 1
    return "".join(out)


def _name_end(tokens: Sequence[tuple[str, bool]], k: int) -> int:
    """Past the `{...}` after the escape at token `k`, or `k` when no brace follows it."""
    if k + 1 >= len(tokens) or tokens[k + 1][0] != "{":
        return k
    for j in range(k + 2, len(tokens)):
        if tokens[j][0] == "}":
            return j + 1
    return k


def _dash_beside(tokens: Sequence[tuple[str, bool]], k: int, end: int) -> bool:
    """Whether a dash stands right before or after the class escape `tokens[k:end]` in a bracket."""
    return (k > 0 and tokens[k - 1] == ("-", True)) or (end < len(tokens) and tokens[end] == ("-", True))
