"""Which script a text's letters are written in (Latin, Cyrillic, CJK...), counted per letter.

Shared by the language detection (a page's main script settles some misdetections), the line
classifier (a line in another script than its stoplist's is judged without it) and the
foreign-script cleaner.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from operator import itemgetter

from dechaff.core.compiled import twin
from dechaff.core.memo import TEXTS, on_clear

_CJK = {"CJK", "HIRAGANA", "KATAKANA", "HANGUL", "BOPOMOFO", "IDEOGRAPHIC"}


@lru_cache(maxsize=4096)
def script_of(ch: str) -> str | None:
    """The script of a letter ('LATIN', 'CYRILLIC', 'CJK'...), None for anything else.

    >>> script_of("é"), script_of("Ж"), script_of("語"), script_of("1")
    ('LATIN', 'CYRILLIC', 'CJK', None)
    """
    if not ch.isalpha():
        return None
    name = unicodedata.name(ch, "")
    head = name.split(" ", 1)[0]
    return "CJK" if head in _CJK else head or None


# Every byte but the ASCII letters: deleting them from the UTF-8 bytes leaves the ASCII letters.
_NOT_ASCII_LETTERS = bytes(b for b in range(256) if not chr(b).isascii() or not chr(b).isalpha())
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


@lru_cache(maxsize=TEXTS)
def scripts(line: str) -> dict[str, int]:
    """Letters per script in one line, memoised (the fixpoint round counts the same lines again),
    so callers must not change the dict they get.

    >>> sorted(scripts("Paris: Москва, été").items())
    [('CYRILLIC', 6), ('LATIN', 8)]
    """
    return count_scripts(line)


on_clear(scripts.cache_clear)


def count_scripts(text: str) -> dict[str, int]:
    """Letters per script in `text` (a new dict; a script with none is not in it), in the order
    `_count_scripts` gives them (`top_script` breaks a tie by it): in C where `_scriptcount` is
    built, with each character's script from `script_of`. A plain dict, not a Counter: building a
    Counter from the C's dict and asking its `most_common` cost more than counting a short line."""
    if COMPILED:
        return _c.count(text)  # type: ignore[no-any-return,union-attr]
    return dict(_count_scripts(text))


def top_script(counts: dict[str, int]) -> tuple[str, int]:
    """The script with the most letters in `counts` (not empty) and their number; of two with as
    many, the first (as `Counter.most_common(1)`).

    >>> top_script({"LATIN": 2, "CYRILLIC": 3, "GREEK": 3})
    ('CYRILLIC', 3)
    """
    return max(counts.items(), key=_second)


_second = itemgetter(1)


def _count_scripts(text: str) -> Counter[str]:
    """count_scripts in Python: ASCII letters counted on bytes, each other character's script
    looked up once."""
    counts: Counter[str] = Counter()
    if not text.isascii():
        for char, n in Counter("".join(_NON_ASCII.findall(text))).items():  # each distinct character once
            script = script_of(char)
            if script:
                counts[script] += n
    latin = len(text.encode("utf-8", "surrogatepass").translate(None, _NOT_ASCII_LETTERS))
    if latin:
        counts["LATIN"] += latin
    return counts


# the C twin (_scriptcount.c, built at install): one pass, scripts asked of script_of once each;
# None: the Python above
_c = twin("dechaff.text._scriptcount")
if _c is not None:
    _c.setup(script_of)
COMPILED = _c is not None  # tests turn it off to compare the two


# Letters a han, kana or hangul character is worth when scripts are weighed against each other: a
# Chinese word is one or two characters, an English one about five letters.
WORD_LETTERS = 3


def main_script(texts: Iterable[str], share: float = 0.5, cjk_weight: int = 1) -> str | None:
    """The script of more than `share` of the letters of `texts`, or None; with `cjk_weight`, a
    han, kana or hangul letter counts that many times (`WORD_LETTERS`: one carries about as much
    text as three Latin letters, so a Chinese page with code or an English menu is Chinese).

    >>> main_script(["Москва", "Paris"]), main_script(["Moscou", "Paris"])
    ('CYRILLIC', 'LATIN')
    >>> main_script(["数组的维 print(arr)"]), main_script(["数组的维 print(arr)"], cjk_weight=WORD_LETTERS)
    ('LATIN', 'CJK')
    """
    total = count_scripts("\n".join(texts))
    if cjk_weight != 1 and total.get("CJK"):
        total["CJK"] *= cjk_weight
    letters = sum(total.values())
    if not letters:
        return None
    best, n = top_script(total)
    return best if n > share * letters else None
