"""UI strings left in another script or language than the page (Cyrillic widget labels on a
French article, an English "Live updates" line on a German one)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from dechaff.cleaners.base import Origin, words
from dechaff.core.document import Context, Line
from dechaff.core.memo import TEXTS, on_clear
from dechaff.core.outcome import Hit, Outcome, drop_lines
from dechaff.ruleset.schema import Rule
from dechaff.text.stoplists import stoplist

NAME = "foreign_script"

_CJK = {"CJK", "HIRAGANA", "KATAKANA", "HANGUL", "BOPOMOFO", "IDEOGRAPHIC"}


@dataclass(frozen=True, slots=True)
class Params:
    enabled: bool = True
    max_words: int = 12  # only short lines: a long foreign paragraph may be a real quotation
    min_doc_share: float = 0.6  # the page must have a clear main script
    min_letters: int = 2
    ui_languages: tuple[str, ...] = ()  # jusText stoplist names of languages UI leftovers come in
    lang_min_words: int = 3
    lang_max_words: int = 15


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
def scripts(line: str) -> Counter[str]:
    """Letters per script in one line, memoised (the fixpoint round counts the same lines again),
    so callers must not change the Counter they get.

    >>> sorted(scripts("Paris: Москва, été").items())
    [('CYRILLIC', 6), ('LATIN', 8)]
    """
    return _count(line)


def _count(text: str) -> Counter[str]:
    """Letters per script in `text`: ASCII letters counted on bytes, each other character's script
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


on_clear(scripts.cache_clear)


class ForeignScript:
    name = NAME
    phrase_sets = ()

    def __init__(self, params: Params, origin: Origin) -> None:
        self.params = params
        self.origin = origin
        self.ui_stopwords = [stoplist(name) for name in params.ui_languages]
        # page stop words -> (words only the page's language has, words only a UI language has)
        self._pairs: dict[frozenset[str], list[tuple[frozenset[str], frozenset[str]]]] = {}

    def clean(self, lines: Sequence[Line], ctx: Context) -> Outcome:
        p = self.params
        total = _count("\n".join(line.text for line in lines))  # letters are letters, line by line or not
        letters = sum(total.values())
        if not letters:
            return drop_lines(lines, {}, NAME)
        main, main_count = total.most_common(1)[0]
        hits: dict[int, Hit] = {}
        if main_count / letters >= p.min_doc_share:
            for i, line in enumerate(lines):
                if words(line.text) > p.max_words or (main == "LATIN" and line.text.isascii()):
                    continue  # too long to be a UI string, or all its letters are the main script's
                counts = scripts(line.text)
                if sum(counts.values()) >= p.min_letters and counts.most_common(1)[0][0] != main:
                    hits[i] = self.origin.hit(f"{NAME}.script")
        if main == "LATIN" and ctx.stopwords:
            self._other_language(lines, ctx.stopwords, hits)
        return drop_lines(lines, hits, NAME)

    def _other_language(self, lines: Sequence[Line], own: frozenset[str], hits: dict[int, Hit]) -> None:
        """A short line with none of the page language's own stop words but several of a UI language's.

        Stoplists overlap (jusText's French list has "the" and "and"), so only words proper to
        one language count as evidence.
        """
        p = self.params
        pairs = self._pairs.get(own)
        if pairs is None:
            pairs = self._pairs[own] = [(own - o, o - own) for o in self.ui_stopwords if o != own]
        for i, line in enumerate(lines):
            n = words(line.text)
            if i in hits or not p.lang_min_words <= n <= p.lang_max_words:
                continue
            raw = [t.strip(".,:;!?()\"'«»") for t in line.text.split(" ")]
            if all(t[:1].isupper() for t in raw if t):
                continue  # a name or a title in title case ("New York Times"), not a UI sentence
            tokens = [t.lower() for t in raw]
            for own_only, other_only in pairs:
                if not any(t in own_only for t in tokens) and sum(t in other_only for t in tokens) >= 2:
                    hits[i] = self.origin.hit(f"{NAME}.language")
                    break


def build(params: Params, origin: Origin, rules: Sequence[Rule]) -> ForeignScript:
    return ForeignScript(params, origin)
