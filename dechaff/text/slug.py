"""The words of a URL's slug ("/2012/07/a-visionary-in-the-true-meaning-of-the-word/"): most news
and blog addresses spell the headline, which tells the line classifier where the article starts
(the line that spells the same words), whatever the language's stop words or the page's layout.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote, urlsplit

from dechaff.core.memo import on_clear

_SEGMENT_END = re.compile(r"\.(?:s?html?|php\d?|aspx?|jsp|cms|shtml)$", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]{2,}")
# letters that NFKD does not split into a base letter and a mark
_FOLD = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th"})
MIN_SLUG_WORDS = 3  # fewer words are a section name ("/sport/", "/news/world"), not a headline


class _NoMarks(dict[int, int | None]):
    """`str.translate` table that deletes combining marks, each code point looked up once (at
    most `_MAX_CODES` kept: a page of every code point does not grow it for good)."""

    def __missing__(self, code: int) -> int | None:
        if len(self) >= _MAX_CODES:
            self.clear()
        value = self[code] = None if unicodedata.combining(chr(code)) else code
        return value


_MAX_CODES = 1 << 14
_NO_MARKS = _NoMarks()
on_clear(_NO_MARKS.clear)


def ascii_fold(text: str) -> str:
    """Lower case without accents: a slug is written in ASCII ("zostal" for "został"). Not
    `text.normalise.fold`, which only folds typographic punctuation for phrase matching.

    >>> ascii_fold("Został Kraków Straße")
    'zostal krakow strasse'
    """
    lowered = text.lower()
    if lowered.isascii():  # most lines of most pages: nothing to decompose
        return lowered
    return unicodedata.normalize("NFKD", lowered.translate(_FOLD)).translate(_NO_MARKS)


def words_of(text: str) -> list[str]:
    """Folded words of two letters or more (digits and single letters say nothing of a headline)."""
    return _WORD.findall(ascii_fold(text))


def slug_words(url: str | None) -> frozenset[str]:
    """The headline words of the URL's longest path segment, or nothing when it has fewer than
    `MIN_SLUG_WORDS` (an id, a section, a query).

    >>> sorted(slug_words("http://x.pl/pilka/grzegorz-lato-zostal-czlonkiem-fifa_220639.html"))
    ['czlonkiem', 'fifa', 'grzegorz', 'lato', 'zostal']
    >>> slug_words("https://example.com/news/world/123456")
    frozenset()
    """
    if not url:
        return frozenset()
    try:
        path = urlsplit(url).path
    except ValueError:
        return frozenset()
    segments = [_SEGMENT_END.sub("", unquote(s)) for s in path.split("/")]
    best = max(map(words_of, segments), key=len, default=[])  # "-", "_", "+" part words
    return frozenset(best) if len(set(best)) >= MIN_SLUG_WORDS else frozenset()
