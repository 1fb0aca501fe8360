r"""A pattern's Unicode classes widened for a shared set: `\p{Lu}` compiles to a UTF-8 automaton of
hundreds of ranges, and RE2 builds one per class written. The French cascade's set (816
patterns, a \p class in 147 of them) took 0.03 s to add and 0.11 s to compile, 0.026 and 0.04 s
widened (and some 0.02 s to widen, once a process): the largest part of a one-file run's
cleaning, and of each worker's first page in a new language.

A widened class keeps its members exactly in ASCII and in the large blocks of letters of the main
scripts (`_BLOCKS`), where it has at most a few (`_FEW`); a block where it has more (the Cyrillic
letters of `\p{L}`, the Arabic, Devanagari and Thai digits of `\p{Nd}`) and every character
outside the blocks, it takes whole. So a line of Chinese, Russian or Greek letters hits no widened
class of digits or punctuation (its punctuation outside the blocks, 。 « », still may). (Taking
every non-ASCII character compiled in 0.02 s, but then 3,512 of the dev dumps' 36,608 lines, each
under its page's cascade, hit only widened patterns that the check rejected; 217 now.)

Inside a negated class only the members known exactly are kept (`[^()\p{Nd}]` excludes ASCII
digits only), so the negation excludes less; but a negated class
there (`[^\P{Lu}]`) stays as written, since under `(?i)` RE2 takes `\P{Lu}` as the complement of
the folded `\p{Lu}` (no letter at all), which the ASCII members of `\P{Lu}` (a-z), folded, would
not be. Either way the widened pattern matches every text the pattern matches, with or without
`(?i)` (folding a larger class gives a larger class); a set's hit of it is checked with the
pattern itself (`SharedSet.matches`), so the answers are the pattern's.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

import re2

from dechaff.text.regex import braced_end, re2_options, regex_tokens

_PROPERTY = ("\\p", "\\P")
_ASCII = "".join(map(chr, range(128)))
# Latin-1 and Latin Extended letters, Greek, Cyrillic, Hebrew, Arabic, Devanagari, Thai, kana,
# CJK ideographs, Hangul syllables: sorted, above U+0080, none touching the next or a surrogate
_BLOCKS = (
    (0x00C0, 0x024F),
    (0x0370, 0x052F),
    (0x0590, 0x06FF),
    (0x0900, 0x097F),
    (0x0E00, 0x0E7F),
    (0x3040, 0x30FF),
    (0x4E00, 0x9FFF),
    (0xAC00, 0xD7AF),
)
_FEW = 8  # members of a class in a block kept one by one, at most; more: the block is taken whole
_LAST = 0x10FFFF

Ranges = list[tuple[int, int]]


@lru_cache(maxsize=1)
def _block_texts() -> tuple[str, ...]:
    """Each block's characters, made on first use (3 ms: not at every import)."""
    return tuple("".join(map(chr, range(lo, hi + 1))) for lo, hi in _BLOCKS)


@lru_cache(maxsize=256)
def class_ranges(escape: str) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]] | None:
    r"""The code points `escape` (`\p{Lu}`, `\P{Greek}`) matches, known exactly (ASCII, the few in
    a listed block), and those taken whole (the rest); None when RE2 knows no such class.

    >>> exact, _ = class_ranges(r"\p{Sm}")  # math symbols: ASCII, and × ÷ ϶ among Latin and Greek letters
    >>> [chr(a) for a, b in exact if a == b][:7], class_ranges(r"\p{Nope}")
    (['+', '|', '~', '×', '÷', '϶'], None)
    """
    try:
        inside = re2.compile(f"[{escape}]", re2_options())
        outside = re2.compile(f"[^{escape}]", re2_options())
    except re2.error:
        return None
    exact = _ranges(ord(ch) for ch in inside.findall(_ASCII))
    whole: Ranges = []
    start = 0x80
    for (lo, hi), text in zip(_BLOCKS, _block_texts(), strict=True):
        if start < lo:
            whole.append((start, lo - 1))
        start = hi + 1
        if outside.search(text) is None:
            whole.append((lo, hi))  # all of the block
            continue
        found = []
        for match in inside.finditer(text):
            found.append(ord(match.group()))
            if len(found) > _FEW:
                break
        if len(found) > _FEW:
            whole.append((lo, hi))
        else:
            exact += _ranges(found)
    whole.append((start, _LAST))
    return tuple(exact), tuple(whole)  # memoised: never to be changed by a caller


def _ranges(points: Iterable[int]) -> Ranges:
    """Code points as ranges of consecutive ones."""
    return _merged([(point, point) for point in points])


def _merged(ranges: Iterable[tuple[int, int]]) -> Ranges:
    """Ranges sorted, those that overlap or touch made one."""
    out: Ranges = []
    for lo, hi in sorted(ranges):
        if out and lo <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(hi, out[-1][1]))
        else:
            out.append((lo, hi))
    return out


def _written(ranges: Sequence[tuple[int, int]]) -> str:
    r"""Ranges as a bracket's members: ASCII as `\xHH`, the rest as the characters themselves (no
    `\x{..}`: a brace before a digit sends `largest_count` and `quick_bound` to their slow
    readings, an RE2 substitution and a token-by-token bound, for every widened source)."""

    def one(point: int) -> str:
        return rf"\x{point:02X}" if point < 0x80 else chr(point)

    return "".join(one(lo) if lo == hi else f"{one(lo)}-{one(hi)}" for lo, hi in _merged(ranges))


def widened(pattern: str) -> str:
    r"""`pattern` with each braced `\p{..}` and `\P{..}` class widened (see the module), or the
    pattern itself where a class could not be widened safely (a dash beside it in a bracket,
    which would make a range of its neighbours; a negated bracket left with nothing in it; a
    negated class in a negated bracket).

    >>> print(widened(r"^[^()\p{Nd}]+$"))
    ^[^()\x30-\x39]+$
    >>> digit = re2.compile(widened(r"^\p{Nd}$"))  # not a Chinese character, any one elsewhere
    >>> [bool(digit.search(ch)) for ch in ("7", "x", "漢", "Ж", "ꙮ")]
    [True, False, False, False, True]
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
        end = braced_end(tokens, k + 1)
        if token in _PROPERTY and end > k + 1:
            escape = "".join(t for t, _ in tokens[k:end])
            found = class_ranges(escape)
            if found is None or (inside and _dash_beside(tokens, k, end)):
                return pattern
            if inside and negated and (token == "\\P" or escape.startswith("\\p{^")):
                return pattern  # under (?i), RE2 folds the class before it complements it
            exact, whole = found
            members = _written(list(exact) if inside and negated else [*exact, *whole])
            out.append(members if inside else f"[{members}]")
            kept = kept or bool(members)
            k = end
            continue
        if inside and token == "]" and negated and not kept:
            return pattern  # `[^\p{Greek}]`: nothing left to exclude
        kept = kept or inside
        out.append(token)
        k += 1
    return "".join(out)


def _dash_beside(tokens: Sequence[tuple[str, bool]], k: int, end: int) -> bool:
    """Whether a dash stands right before or after the class escape `tokens[k:end]` in a bracket."""
    return (k > 0 and tokens[k - 1] == ("-", True)) or (end < len(tokens) and tokens[end] == ("-", True))
