"""Live-feed widgets ("Fil d'actu", "En direct", "Live"): left at the bottom of a page, or inside it.

At the bottom: cut from the marker to the end, but only when what follows is a short trailing
widget, so a live-blog article that has "En direct" as a heading keeps its body. Inside the page:
the marker and the feed's items under it (a time such as "10:42" or "Il y a 5 min" before its
headline, or alone on a line with the headline on the next) up to the first line that is neither,
when `min_items` items are there; a live blog's entries are sentences, and its first one ends
the run.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dechaff.cleaners.base import Origin, PhraseCleaner, Phrases, ends_sentence, patterns, words
from dechaff.core.document import Context, Line
from dechaff.core.outcome import Hit, Outcome, drop_lines
from dechaff.ruleset.schema import Rule

NAME = "live_feed"


@dataclass(frozen=True, slots=True)
class Params:
    enabled: bool = True
    markers: Phrases = patterns("line")  # the widget's heading, as a whole line
    min_position: float = 0.5  # the marker sits in the last half of the lines
    max_tail_share: float = 0.35  # the cut part is at most this share of the characters
    max_tail_words: int = 30  # no line after the marker looks like a real paragraph
    # a feed inside the page: its items' times ("10:42", "Il y a 5 min"), before the headline or
    # alone on a line with the headline (at most `max_item_words` words, no final stop) on the
    # next; at least `min_items` of them under the marker (0: widgets inside the page stay)
    item_times: Phrases = patterns("regex")
    min_items: int = 2
    max_item_words: int = 25


class LiveFeed(PhraseCleaner):
    name = NAME
    LISTS = (("marker", "markers"), ("time", "item_times"))
    GATES = ("marker",)  # a feed, at the end or inside the page, starts at its marker

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
        return drop_lines(lines, self._inside(lines, ctx), NAME)

    def _inside(self, lines: Sequence[Line], ctx: Context) -> dict[int, Hit]:
        """Each marker inside the page with the feed's items under it (see the module's doc)."""
        p = self.params
        hits: dict[int, Hit] = {}
        if not p.min_items or not self.lists["time"]:
            return hits
        for i, line in enumerate(lines):
            hit = None if i in hits or line.text in ctx.quiet else self.hit("marker", line.text)
            if hit is None:
                continue
            end, times, headline_next = i + 1, 0, False
            while end < len(lines):
                text = lines[end].text
                rest = None if text in ctx.quiet else self.rest_after("time", text)
                if rest is not None:
                    times += 1
                    headline_next = not rest  # a time alone on its line: its headline is the next
                elif headline_next and words(text) <= p.max_item_words and not ends_sentence(text):
                    headline_next = False
                else:
                    break
                end += 1
            if times >= p.min_items:
                hits.update(dict.fromkeys(range(i, end), hit))
        return hits


def build(params: Params, origin: Origin, rules: Sequence[Rule]) -> LiveFeed:
    return LiveFeed(params, origin)
