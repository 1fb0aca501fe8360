"""Cookie and consent banners, in any language, and the button lines printed next to them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dechaff.cleaners.base import Origin, PhraseCleaner, Phrases, patterns
from dechaff.core.document import Context, Line
from dechaff.core.outcome import Outcome, drop_lines
from dechaff.ruleset.schema import Rule

NAME = "cookies"


@dataclass(frozen=True, slots=True)
class Params:
    enabled: bool = True
    phrases: Phrases = patterns("regex")  # wording only a consent banner uses ("we use cookies")
    buttons: Phrases = patterns("line")  # "Accept", "Close", "Tout accepter"...
    max_words: int = 90  # a longer line is an article about cookies, not a banner
    window: int = 2  # how far from a banner line a button line may sit


class CookieBanners(PhraseCleaner):
    name = NAME
    LISTS = (("phrase", "phrases"), ("button", "buttons"))
    GATES = ("phrase",)  # a button goes only beside a banner's line

    def clean(self, lines: Sequence[Line], ctx: Context) -> Outcome:
        hits = self.line_hits(lines, ctx, ("phrase",), self.params.max_words)
        for i in sorted(hits):
            for step in (1, -1):
                j, gap = i + step, 0
                while 0 <= j < len(lines) and gap < self.params.window:
                    button = self.hit("button", lines[j].text)
                    if button is not None and j not in hits:
                        hits[j] = button
                    elif j not in hits:
                        gap += 1
                    j += step
        return drop_lines(lines, hits, NAME)


def build(params: Params, origin: Origin, rules: Sequence[Rule]) -> CookieBanners:
    return CookieBanners(params, origin)
