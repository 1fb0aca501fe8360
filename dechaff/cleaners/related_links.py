"""Related links and article navigation: "Lire aussi : ...", "À découvrir", "Read more",
"Article précédent<title>" (often glued to the next title with no space)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dechaff.cleaners.base import Origin, PhraseCleaner, Phrases, patterns
from dechaff.core.document import Context, Line
from dechaff.core.outcome import Outcome, drop_lines
from dechaff.ruleset.schema import Rule

NAME = "related_links"


@dataclass(frozen=True, slots=True)
class Params:
    enabled: bool = True
    prefixes: Phrases = patterns("regex")  # "Lire aussi", "Read more": the line is a teaser link
    navigation: Phrases = patterns("prefix")  # "Article précédent": matches even glued to a title
    max_words: int = 30


class RelatedLinks(PhraseCleaner):
    name = NAME
    text_local = True
    LISTS = (("prefix", "prefixes"), ("navigation", "navigation"))

    def clean(self, lines: Sequence[Line], ctx: Context) -> Outcome:
        return drop_lines(lines, self.line_hits(lines, ctx, self.lists, self.params.max_words), NAME)


def build(params: Params, origin: Origin, rules: Sequence[Rule]) -> RelatedLinks:
    return RelatedLinks(params, origin)
