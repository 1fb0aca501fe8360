"""Lines printed twice in one page (a title repeated under itself, a menu in header and footer):
the first occurrence stays, later ones go."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dechaff.cleaners.base import Origin
from dechaff.core.document import Context, Line
from dechaff.core.outcome import Hit, Outcome, drop_lines
from dechaff.ruleset.schema import Rule
from dechaff.text.normalise import fold

NAME = "repeated_lines"


@dataclass(frozen=True, slots=True)
class Params:
    enabled: bool = True
    min_chars: int = 2  # lone characters are left to ui_tokens


class RepeatedLines:
    name = NAME
    phrase_sets = ()
    text_local = False  # a line goes when an earlier one has its text

    def __init__(self, params: Params, origin: Origin) -> None:
        self.params = params
        self.origin = origin

    def clean(self, lines: Sequence[Line], ctx: Context) -> Outcome:
        seen: set[str] = set()
        hits: dict[int, Hit] = {}
        for i, line in enumerate(lines):
            if len(line.text) < self.params.min_chars:
                continue
            key = fold(line.text).casefold()
            if key in seen:
                hits[i] = self.origin.hit(f"{NAME}.duplicate")
            seen.add(key)
        return drop_lines(lines, hits, NAME)


def build(params: Params, origin: Origin, rules: Sequence[Rule]) -> RepeatedLines:
    return RepeatedLines(params, origin)
