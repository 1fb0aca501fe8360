"""A word count that means something in every script: Chinese and Japanese put no space between
words, so each han or kana character counts as one (as in `dechaff.quality.signals`)."""

from __future__ import annotations

import re

from dechaff.core.compiled import twin

# kana and han: the scripts that write words without spaces between them (a class for a regex)
KANA_HAN = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
KANA_HAN_CHAR = re.compile(f"[{KANA_HAN}]")  # one such character
_WORD = re.compile(f"[{KANA_HAN}]|[^\\W{KANA_HAN}]+")
WORD_CHAR, KANA_HAN_FLAG = 1, 2  # a character's class for the C count (`word_flags`)


def word_count(text: str) -> int:
    """Runs of letters and digits, every han or kana character a word of its own.

    >>> word_count("Le chat, noir."), word_count("中国的经济 GDP")
    (3, 6)
    """
    if _c is not None:
        return _c.count(text)  # type: ignore[no-any-return]
    return _count(text)


def _count(text: str) -> int:
    """`word_count` by the regex (the C twin's reference; it also lists every word)."""
    return len(_WORD.findall(text))


def word_flags(char: str) -> int:
    """The class of one character, from the regex `word_count` runs: a word of its own (han or
    kana), part of a run, or neither. The C count (_wordcount.c) asks it once a code point."""
    return KANA_HAN_FLAG if KANA_HAN_CHAR.match(char) else WORD_CHAR if _WORD.match(char) else 0


# the C twin (_wordcount.c, built at install): one pass, no list of words; the HTML path counts
# the words of each page's whole text with it
_c = twin("dechaff.text._wordcount")
if _c is not None:
    _c.setup(word_flags)


def tokens(text: str) -> list[str]:
    """The words `word_count` counts, lower-cased.

    >>> tokens("Le Chat, 中国")
    ['le', 'chat', '中', '国']
    """
    return _WORD.findall(text.lower())
