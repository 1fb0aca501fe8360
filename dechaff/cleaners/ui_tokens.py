"""Short UI leftovers: counters ("0"), lone punctuation, widget words ("loader", "S'abonner"),
source lines ("Via:: ..."), and inline trailing markers (" Voir l'article en entier")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

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
    # whole-line shapes that belong to the line above (an encyclopedia's "[modifier | modifier le
    # code]" under its heading): they go, and the heading is still right above its text
    anchors: Phrases = patterns("regex")
    # an ad slot's label ("Publicité", "Advertisement"): it goes and parts nothing, so the
    # article's text on both sides of the slot is read as one (as `anchors`, no gap is left)
    ad_labels: Phrases = patterns("line")
    trailing: Phrases = patterns("regex")  # markers trimmed from the end of a line ("Read more")


class UiTokens(PhraseCleaner):
    name = NAME
    text_local = True
    LISTS = (
        ("token", "tokens"),
        ("shape", "shapes"),
        ("anchor", "anchors"),
        ("ad_label", "ad_labels"),
        ("trailing", "trailing"),
    )
    GATES = ("ad_label", "token", "shape", "anchor", "trailing")  # every list: a line goes or is cut by one
    _SEAMLESS = (f"{NAME}.anchor@", f"{NAME}.ad_label@")  # what they remove leaves no gap

    def clean(self, lines: Sequence[Line], ctx: Context) -> Outcome:
        hits = self.line_hits(lines, ctx, ("ad_label", "token", "shape", "anchor"), None)
        out = drop_lines(lines, hits, NAME)
        anchored = frozenset(lines[i].no for i, hit in hits.items() if hit.rule_id.startswith(self._SEAMLESS))
        out = replace(out, attached=anchored) if anchored else out
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
        return Outcome(tuple(kept), tuple(removed), out.fields, attached=out.attached)


def build(params: Params, origin: Origin, rules: Sequence[Rule]) -> UiTokens:
    return UiTokens(params, origin)
