"""Short UI leftovers: counters ("0"), lone punctuation, widget words ("loader", "S'abonner"),
source lines ("Via:: ..."), and inline trailing markers (" Voir l'article en entier")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dechaff.cleaners.base import Origin, first_match, patterns, phrase_hit
from dechaff.core.document import Context, Line
from dechaff.core.outcome import Hit, Outcome, Removal, cut_edge, drop_lines
from dechaff.ruleset.patterns import PhraseSet
from dechaff.text.normalise import fold

NAME = "ui_tokens"


@dataclass(frozen=True, slots=True)
class Params:
    enabled: bool = True
    tokens: tuple = patterns("line")  # whole-line UI words: "Menu", "Partager", "loader"
    shapes: tuple = patterns("regex")  # whole-line shapes: counters, lone punctuation, "Via:: ..."
    trailing: tuple = patterns("regex")  # markers trimmed from the end of a line ("Read more")


class UiTokens:
    name = NAME

    def __init__(self, params: Params, origin: Origin) -> None:
        self.params = params
        self.tokens = PhraseSet(params.tokens)
        self.shapes = PhraseSet(params.shapes)
        self.trailing = PhraseSet(params.trailing)
        self.origin = origin

    def clean(self, lines: Sequence[Line], ctx: Context) -> Outcome:
        hits: dict[int, Hit] = {}
        for i, line in enumerate(lines):
            for kind, phrases in (("token", self.tokens), ("shape", self.shapes)):
                phrase = first_match(phrases, line.text)
                if phrase is not None:
                    hits[i] = phrase_hit(NAME, kind, phrase)
                    break
        out = drop_lines(lines, hits, NAME)
        return self._trim(out) if self.trailing else out

    def _trim(self, out: Outcome) -> Outcome:
        """Cut a trailing marker off the end of a line; the rest of the line stays."""
        kept: list[Line] = []
        removed: list[Removal] = list(out.removed)
        for line in out.lines:
            folded = fold(line.text)
            phrase = self.trailing.first(folded)
            m = phrase.regex.search(folded) if phrase is not None else None
            if phrase is None or m is None or m.end() != len(folded) or m.start() == 0:
                kept.append(line)
                continue
            rest, removal = cut_edge(line, m.start(), m.end(), NAME, phrase_hit(NAME, "trailing", phrase))
            kept.append(rest)
            removed.append(removal)
        return Outcome(tuple(kept), tuple(removed), out.fields)


def build(params: Params, origin: Origin) -> UiTokens:
    return UiTokens(params, origin)
