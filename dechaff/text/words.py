"""A word count that means something in every script: Chinese and Japanese put no space between
words, so each han or kana character counts as one (as in `dechaff.quality.signals`)."""

from __future__ import annotations

import re

# kana and han: the scripts that write words without spaces between them (a class for a regex)
KANA_HAN = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
KANA_HAN_CHAR = re.compile(f"[{KANA_HAN}]")  # one such character
_WORD = re.compile(f"[{KANA_HAN}]|[^\\W{KANA_HAN}]+")


def word_count(text: str) -> int:
    """Runs of letters and digits, every han or kana character a word of its own.

    >>> word_count("Le chat, noir."), word_count("中国的经济 GDP")
    (3, 6)
    """
    return len(_WORD.findall(text))


def tokens(text: str) -> list[str]:
    """The words `word_count` counts, lower-cased.

    >>> tokens("Le Chat, 中国")
    ['le', 'chat', '中', '国']
    """
    return _WORD.findall(text.lower())
