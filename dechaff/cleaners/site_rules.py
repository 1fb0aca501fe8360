"""The directives written in rule files (default, language pack, site): drop a line, a prefix or a
regex match, trim a span or cut one out (a `cut` group), cut from or up to a marker, drop a pair,
extract a metadata field, keep a line (or everything from or up to a marker) whatever comes later."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from dechaff.cleaners.base import Origin, extract_value, words
from dechaff.core.document import Context, Line
from dechaff.core.outcome import Hit, Outcome, Removal, cut_edge, cut_spans, removal_of
from dechaff.ruleset.patterns import RegexSet
from dechaff.ruleset.schema import KEEP_ACTIONS, Rule
from dechaff.text.normalise import fold

NAME = "site_rules"

Pieces = tuple[tuple[Line, ...], tuple[Removal, ...]]  # what is left of a line, and what was cut out


@dataclass(frozen=True, slots=True)
class Params:
    enabled: bool = True


class SiteRules:
    """Keep rules are applied first: a line they protect is left to the other rules only for the
    fields it holds, and carries `kept_by` so that no later cleaner removes it (see Pipeline)."""

    name = NAME
    phrase_sets = ()  # rules are matched in one RE2 set of their own
    text_local = False  # top/bottom, drop_from, pairs and keeps depend on where a line is
    gate_sets = None

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.keepers = tuple(rule for rule in rules if rule.action in KEEP_ACTIONS)
        self.rules = tuple(rule for rule in rules if rule.action not in KEEP_ACTIONS)
        self._keep_set = RegexSet([rule.regex for rule in self.keepers])
        self._set = RegexSet([rule.regex for rule in self.rules])

    @staticmethod
    def _applicable(
        rules: Sequence[Rule], regexes: RegexSet, i: int, n: int, line: Line, folded: str
    ) -> Rule | None:
        for k in regexes.matches(folded):
            rule = rules[k]
            if rule.top is not None and i >= rule.top:
                continue
            if rule.bottom is not None and i < n - rule.bottom:
                continue
            if rule.max_words is not None and words(line.text) > rule.max_words:
                continue
            return rule
        return None

    def _protected(self, lines: Sequence[Line], fields: dict[str, str]) -> dict[int, Hit]:
        """The lines keep rules protect (and those an earlier round protected), by index."""
        n = len(lines)
        kept: dict[int, Hit] = {i: Hit(*line.kept_by) for i, line in enumerate(lines) if line.kept_by}
        if not self.keepers:
            return kept
        for i, line in enumerate(lines):
            folded = fold(line.text)
            rule = self._applicable(self.keepers, self._keep_set, i, n, line, folded)
            if rule is None:
                continue
            hit = Hit(rule.id, rule.file)
            if rule.extract:
                fields.setdefault(rule.extract, extract_value(rule.regex, line.text, folded))
            span = {"keep": range(i, i + 1), "keep_from": range(i, n), "keep_until": range(i)}[rule.action]
            for j in span:
                kept.setdefault(j, hit)
        return kept

    def clean(self, lines: Sequence[Line], ctx: Context) -> Outcome:
        if not self.rules and not self.keepers:
            return Outcome(tuple(lines))
        n = len(lines)
        fields: dict[str, str] = {}
        kept = self._protected(lines, fields)
        hits: dict[int, Hit] = {}
        trimmed: dict[int, Pieces] = {}
        for i, line in enumerate(lines):
            if i in hits:
                continue
            folded = fold(line.text)
            rule = self._applicable(self.rules, self._set, i, n, line, folded)
            if rule is None:
                continue
            hit = Hit(rule.id, rule.file)
            if rule.extract:
                fields.setdefault(rule.extract, extract_value(rule.regex, line.text, folded))
            if rule.action == "extract" or i in kept:
                continue
            if rule.action == "strip":
                self._strip(line, folded, rule, hit, i, hits, trimmed)
            elif rule.action == "drop" and rule.cut is not None:
                self._cut(line, folded, rule, hit, i, hits, trimmed)
            elif rule.action == "drop_from":
                hits.update({j: hit for j in range(i, n) if j not in hits and j not in kept})
                break
            elif rule.action == "drop_until":
                hits.update({j: hit for j in range(i) if j not in hits and j not in kept})  # trimmed ones too
            else:
                hits[i] = hit
                if rule.action == "drop_pair" and i + 1 < n and i + 1 not in kept:
                    hits[i + 1] = hit
                    if rule.extract_next:
                        fields.setdefault(rule.extract_next, lines[i + 1].text)
        marked = [
            replace(line, kept_by=(kept[i].rule_id, kept[i].rule_file)) if i in kept else line
            for i, line in enumerate(lines)
        ]
        return _outcome(marked, hits, trimmed, fields)

    @staticmethod
    def _strip(
        line: Line,
        folded: str,
        rule: Rule,
        hit: Hit,
        i: int,
        hits: dict[int, Hit],
        trimmed: dict[int, Pieces],
    ) -> None:
        """Trim the match (or its `cut` group) if it touches an edge of the line; a span in the
        middle is left alone."""
        m = rule.regex.search(folded)
        start, end = rule.span(m) if m is not None else (-1, -1)
        if end <= start or (start != 0 and end != len(folded)):
            return
        if start == 0 and end == len(folded):
            hits[i] = hit
            return
        rest, removal = cut_edge(line, start, end, NAME, hit)
        trimmed[i] = ((rest,), (removal,))

    @staticmethod
    def _cut(
        line: Line,
        folded: str,
        rule: Rule,
        hit: Hit,
        i: int,
        hits: dict[int, Hit],
        trimmed: dict[int, Pieces],
    ) -> None:
        """Cut the `cut` group of every match out of the line, wherever it is; the text around a cut
        in the middle stays, as two lines."""
        spans = [span for m in rule.regex.finditer(folded) if (span := rule.span(m))[1] > span[0]]
        if not spans:
            return
        pieces, removed = cut_spans(line, spans, NAME, hit)
        if pieces:
            trimmed[i] = (pieces, removed)
        else:
            hits[i] = hit


def _outcome(
    lines: Sequence[Line],
    hits: dict[int, Hit],
    trimmed: dict[int, Pieces],
    fields: dict[str, str],
) -> Outcome:
    kept: list[Line] = []
    removed: list[Removal] = []
    for i, line in enumerate(lines):
        if i in hits:
            removed.append(removal_of(line, NAME, hits[i]))
        elif i in trimmed:
            pieces, removals = trimmed[i]
            kept.extend(pieces)
            removed.extend(removals)
        else:
            kept.append(line)
    return Outcome(tuple(kept), tuple(removed), fields)


def build(params: Params, origin: Origin, rules: Sequence[Rule]) -> SiteRules:
    return SiteRules(rules)
