"""UI strings left in another script or language than the page (Cyrillic widget labels on a
French article, an English "Live updates" line on a German one)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dechaff.cleaners.base import Origin, words
from dechaff.core.document import Context, Line
from dechaff.core.outcome import Hit, Outcome, drop_lines
from dechaff.ruleset.schema import Rule
from dechaff.text.scripts import count_scripts, scripts, top_script
from dechaff.text.stoplists import stoplist

NAME = "foreign_script"


@dataclass(frozen=True, slots=True)
class Params:
    enabled: bool = True
    max_words: int = 12  # only short lines: a long foreign paragraph may be a real quotation
    min_doc_share: float = 0.6  # the page must have a clear main script
    min_letters: int = 2
    ui_languages: tuple[str, ...] = ()  # jusText stoplist names of languages UI leftovers come in
    lang_min_words: int = 3
    lang_max_words: int = 15


class ForeignScript:
    name = NAME
    phrase_sets = ()
    text_local = False  # a line's script is judged against the whole page's
    gate_sets = None

    def __init__(self, params: Params, origin: Origin) -> None:
        self.params = params
        self.origin = origin
        self.ui_stopwords = [stoplist(name) for name in params.ui_languages]
        # page stop words -> (words only the page's language has, words only a UI language has)
        self._pairs: dict[frozenset[str], list[tuple[frozenset[str], frozenset[str]]]] = {}

    def clean(self, lines: Sequence[Line], ctx: Context) -> Outcome:
        p = self.params
        # letters are letters, line by line or not
        total = count_scripts("\n".join(line.text for line in lines))
        letters = sum(total.values())
        if not letters:
            return drop_lines(lines, {}, NAME)
        main, main_count = top_script(total)
        hits: dict[int, Hit] = {}
        # a line in another script holds letters outside the main one: on most pages, none does
        if main_count / letters >= p.min_doc_share and main_count < letters:
            for i, line in enumerate(lines):
                if (main == "LATIN" and line.text.isascii()) or words(line.text) > p.max_words:
                    continue  # too long to be a UI string, or all its letters are the main script's
                counts = scripts(line.text)
                # a line without letters is in no script (whatever `min_letters` allows)
                if counts and sum(counts.values()) >= p.min_letters and top_script(counts)[0] != main:
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
            # a UI language whose list the page's holds (its own, a pack's words added) has no word to show
            pairs = self._pairs[own] = [(own - o, o - own) for o in self.ui_stopwords if not o <= own]
        if not pairs:  # no UI language other than the page's: nothing to look for
            return
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
