"""Cookie and consent banners, in any language, and the button lines printed next to them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dechaff.cleaners.base import Origin, first_match, patterns, phrase_hit, words
from dechaff.core.document import Context, Line
from dechaff.core.outcome import Hit, Outcome, drop_lines
from dechaff.ruleset.patterns import PhraseSet

NAME = "cookies"


@dataclass(frozen=True, slots=True)
class Params:
    enabled: bool = True
    phrases: tuple = patterns("regex")  # wording only a consent banner uses ("we use cookies")
    buttons: tuple = patterns("line")  # "Accept", "Close", "Tout accepter"...
    max_words: int = 90  # a longer line is an article about cookies, not a banner
    window: int = 2  # how far from a banner line a button line may sit


class CookieBanners:
    name = NAME

    def __init__(self, params: Params, origin: Origin) -> None:
        self.params = params
        self.phrases = PhraseSet(params.phrases)
        self.buttons = PhraseSet(params.buttons)
        self.origin = origin

    def clean(self, lines: Sequence[Line], ctx: Context) -> Outcome:
        hits: dict[int, Hit] = {}
        for i, line in enumerate(lines):
            if words(line.text) <= self.params.max_words:
                phrase = first_match(self.phrases, line.text)
                if phrase is not None:
                    hits[i] = phrase_hit(NAME, "phrase", phrase)
        for i in sorted(hits):
            for step in (1, -1):
                j, gap = i + step, 0
                while 0 <= j < len(lines) and gap < self.params.window:
                    button = first_match(self.buttons, lines[j].text)
                    if button is not None and j not in hits:
                        hits[j] = phrase_hit(NAME, "button", button)
                    elif j not in hits:
                        gap += 1
                    j += step
        return drop_lines(lines, hits, NAME)


def build(params: Params, origin: Origin) -> CookieBanners:
    return CookieBanners(params, origin)
