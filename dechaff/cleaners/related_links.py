"""Related links and article navigation: "Lire aussi : ...", "À découvrir", "Read more",
"Article précédent<title>" (often glued to the next title with no space)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dechaff.cleaners.base import Origin, first_match, patterns, phrase_hit, words
from dechaff.core.document import Context, Line
from dechaff.core.outcome import Hit, Outcome, drop_lines
from dechaff.ruleset.patterns import PhraseSet

NAME = "related_links"


@dataclass(frozen=True, slots=True)
class Params:
    enabled: bool = True
    prefixes: tuple = patterns("regex")  # "Lire aussi", "Read more": the line is a teaser link
    navigation: tuple = patterns("prefix")  # "Article précédent": matches even glued to a title
    max_words: int = 30


class RelatedLinks:
    name = NAME

    def __init__(self, params: Params, origin: Origin) -> None:
        self.params = params
        self.prefixes = PhraseSet(params.prefixes)
        self.navigation = PhraseSet(params.navigation)
        self.origin = origin

    def clean(self, lines: Sequence[Line], ctx: Context) -> Outcome:
        hits: dict[int, Hit] = {}
        for i, line in enumerate(lines):
            if words(line.text) > self.params.max_words:
                continue
            for kind, phrases in (("prefix", self.prefixes), ("navigation", self.navigation)):
                phrase = first_match(phrases, line.text)
                if phrase is not None:
                    hits[i] = phrase_hit(NAME, kind, phrase)
                    break
        return drop_lines(lines, hits, NAME)


def build(params: Params, origin: Origin) -> RelatedLinks:
    return RelatedLinks(params, origin)
