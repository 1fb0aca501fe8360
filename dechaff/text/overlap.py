"""How much two texts say the same: the F1 of their bags of words (each han or kana character a
word, as in `text.words`), the measure the dev set is scored with, used here between two
candidate texts of one page, where no gold text exists."""

from __future__ import annotations

from collections import Counter

from dechaff.text.words import tokens


def agreement(a: str, b: str) -> float:
    """Bag-of-words F1 of `a` against `b` (symmetric), 0.0 when either has no word.

    >>> agreement("The cat sat.", "the cat sat down"), agreement("a b", "")
    (0.8571428571428571, 0.0)
    """
    x, y = Counter(tokens(a)), Counter(tokens(b))
    shared = sum((x & y).values())
    if not shared:
        return 0.0
    return 2 * shared / (sum(x.values()) + sum(y.values()))
