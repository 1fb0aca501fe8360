"""Short UI leftovers: counters ("0"), lone punctuation, widget words ("loader", "S'abonner"),
source lines ("Via:: ..."), and inline trailing markers (" Voir l'article en entier")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dechaff.cleaners.base import Origin, PhraseCleaner, Phrases, patterns, phrase_hit
from dechaff.core.document import Context, Line
from dechaff.core.outcome import Outcome, Removal, cut_edge, drop_lines
from dechaff.ruleset.schema import Rule
from dechaff.text.normalise import fold

NAME = "ui_tokens"


@dataclass(frozen=True, slots=True)
class Params:
    enabled: bool = True
    tokens: Phrases = patterns("line")  # whole-line UI words: "Menu", "Partager", "loader"
    shapes: Phrases = patterns("regex")  # whole-line shapes: counters, lone punctuation, "Via:: ..."
    trailing: Phrases = patterns("regex")  # markers trimmed from the end of a line ("Read more")


class UiTokens(PhraseCleaner):
    name = NAME
    text_local = True
    LISTS = (("token", "tokens"), ("shape", "shapes"), ("trailing", "trailing"))

    def clean(self, lines: Sequence[Line], ctx: Context) -> Outcome:
        out = drop_lines(lines, self.line_hits(lines, ctx, ("token", "shape"), None), NAME)
        return self._trim(out, ctx.quiet) if self.lists["trailing"] else out

    def _trim(self, out: Outcome, quiet: frozenset[str]) -> Outcome:
        """Cut a trailing marker off the end of a line; the rest of the line stays."""
        kept: list[Line] = []
        removed: list[Removal] = list(out.removed)
        for line in out.lines:
            if line.text in quiet:
                kept.append(line)
                continue
            folded = fold(line.text)
            phrase = self.lists["trailing"].first(folded)
            m = phrase.regex.search(folded) if phrase is not None else None
            if phrase is None or m is None or m.end() != len(folded) or m.start() == 0:
                kept.append(line)
                continue
            rest, removal = cut_edge(line, m.start(), m.end(), NAME, phrase_hit(NAME, "trailing", phrase))
            kept.append(rest)
            removed.append(removal)
        return Outcome(tuple(kept), tuple(removed), out.fields)


def build(params: Params, origin: Origin, rules: Sequence[Rule]) -> UiTokens:
    return UiTokens(params, origin)
