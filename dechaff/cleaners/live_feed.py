"""Live-feed widgets ("Fil d'actu", "En direct", "Live") left at the bottom of a page.

Cut from the marker to the end, but only when what follows is a short trailing widget, so a
live-blog article that has "En direct" as a heading keeps its body.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dechaff.cleaners.base import Origin, PhraseCleaner, Phrases, patterns, words
from dechaff.core.document import Context, Line
from dechaff.core.outcome import Outcome, drop_lines
from dechaff.ruleset.schema import Rule

NAME = "live_feed"


@dataclass(frozen=True, slots=True)
class Params:
    enabled: bool = True
    markers: Phrases = patterns("line")  # the widget's heading, as a whole line
    min_position: float = 0.5  # the marker sits in the last half of the lines
    max_tail_share: float = 0.35  # the cut part is at most this share of the characters
    max_tail_words: int = 30  # no line after the marker looks like a real paragraph


class LiveFeed(PhraseCleaner):
    name = NAME
    LISTS = (("marker", "markers"),)

    def clean(self, lines: Sequence[Line], ctx: Context) -> Outcome:
        total = sum(len(line.text) for line in lines) or 1
        start = int(len(lines) * self.params.min_position)
        for i in range(start, len(lines)):
            hit = None if lines[i].text in ctx.quiet else self.hit("marker", lines[i].text)
            if hit is None:
                continue
            tail = lines[i + 1 :]
            if sum(len(t.text) for t in tail) / total > self.params.max_tail_share:
                continue
            if any(words(t.text) > self.params.max_tail_words for t in tail):
                continue
            return drop_lines(lines, dict.fromkeys(range(i, len(lines)), hit), NAME)
        return drop_lines(lines, {}, NAME)


def build(params: Params, origin: Origin, rules: Sequence[Rule]) -> LiveFeed:
    return LiveFeed(params, origin)
