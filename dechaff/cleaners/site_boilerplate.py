"""Lines that repeat across many pages of one site within a batch (menus, footers, promos):
boilerplate whatever their wording. Off by default; a rule file turns it on.

The counts come from a survey of the whole batch before cleaning (`dechaff.run.survey`), so the
result does not depend on file order or worker count.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dechaff.cleaners.base import Origin, words
from dechaff.core.document import Context, Line
from dechaff.core.outcome import Hit, Outcome, drop_lines
from dechaff.ruleset.schema import Rule
from dechaff.text.normalise import line_key

NAME = "site_boilerplate"


@dataclass(frozen=True, slots=True)
class Params:
    enabled: bool = False
    min_docs: int = 3  # a line must appear in at least this many pages of the site in the batch
    min_share: float = 0.3  # ... and in at least this share of them
    max_words: int = 40  # a repeated long paragraph is more likely a syndicated quote than UI


class SiteBoilerplate:
    name = NAME
    phrase_sets = ()
    text_local = True
    gate_sets = None

    def __init__(self, params: Params, origin: Origin) -> None:
        self.params = params
        self.origin = origin

    def clean(self, lines: Sequence[Line], ctx: Context) -> Outcome:
        if not ctx.repeated:
            return drop_lines(lines, {}, NAME)
        hit = self.origin.hit(f"{NAME}.repeated")
        hits: dict[int, Hit] = {
            i: hit
            for i, line in enumerate(lines)
            if words(line.text) <= self.params.max_words and line_key(line.text) in ctx.repeated
        }
        return drop_lines(lines, hits, NAME)


def build(params: Params, origin: Origin, rules: Sequence[Rule]) -> SiteBoilerplate:
    return SiteBoilerplate(params, origin)
