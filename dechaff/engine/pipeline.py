"""Build the cascade for one combination of rule files once, then run it on documents.

The cascade runs again on its own output (with every line now a separate paragraph, as it will
be written) until a round that read every line as its own paragraph removes nothing, so cleaning a
clean output changes nothing.

Two kinds of cleaner are passed over where they would change nothing: a text-local one in a later
round where it has already left every line as it is (`Cleaner.text_local`), and a gated one where
none of its gate lists matches a line of its input (`Cleaner.gate_sets`: cookies, comments, the
live feed, related links, bylines and UI tokens; on the dev dumps the first five are passed over
on three pages in four, UI tokens on one in four: 3% of a dump's instructions).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from dechaff.cleaners import CASCADE
from dechaff.cleaners.base import Cleaner, Origin
from dechaff.core.document import Context, Line
from dechaff.core.outcome import Outcome, Removal, merge_fields
from dechaff.core.sections import defaults_of, merge_sections
from dechaff.ruleset.patterns import SharedSet
from dechaff.ruleset.schema import KEEP_ACTIONS, RuleFile

MAX_ROUNDS = 6


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The result of the whole cascade on one document; `removed` ends with the removals keep
    rules overruled (`kept_by` set), once each."""

    lines: tuple[Line, ...]
    removed: tuple[Removal, ...]
    fields: dict[str, str]
    measures: dict[str, float] = field(default_factory=dict)  # each as first measured: on the whole page


def merged_params(module: Any, files: Sequence[RuleFile]) -> tuple[Any, Origin]:
    """A cleaner's Params from its defaults and each file in turn: lists extend, scalars override."""
    sections = [(rule_file.cleaners or {}).get(module.NAME) for rule_file in files]
    origin = next(
        (f.path for f, s in zip(reversed(files), reversed(sections), strict=True) if s), files[0].path
    )
    return module.Params(**merge_sections(defaults_of(module.Params), sections)), Origin(origin)


class Pipeline:
    """The compiled cascade for one rule-file combination (default + language pack + site); `skip`
    names cleaners left out (those that HTML extraction already did the work of), `overrides`
    sets parameters of some cleaners over what the files say (cleaner name -> parameters)."""

    def __init__(
        self,
        files: Sequence[RuleFile],
        skip: frozenset[str] = frozenset(),
        overrides: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> None:
        self.files = tuple(files)
        self.labels = tuple(f.label for f in self.files)
        self.site_name = next((f.site_name for f in reversed(self.files) if f.site_name), None)
        self.stoplist_name = next((f.stoplist for f in reversed(self.files) if f.stoplist), None)
        self.stopwords = frozenset(word for f in self.files for word in f.stopwords)  # added to the list
        self.rules = tuple(rule for f in self.files for rule in f.rules)
        self.cleaners: list[Cleaner] = []
        for module in CASCADE:
            params, origin = merged_params(module, self.files)
            params = replace(params, **(overrides or {}).get(module.NAME, {}))
            if params.enabled and module.NAME not in skip:
                self.cleaners.append(module.build(params, origin, self.rules))
        self.shared = SharedSet(phrases for c in self.cleaners for phrases in c.phrase_sets)
        self._gates: dict[int, tuple[Cleaner, frozenset[int] | None]] = {}  # see `gate`
        self.keeps = any(rule.action in KEEP_ACTIONS for f in self.files for rule in f.rules)

    def gate(self, cleaner: Cleaner) -> frozenset[int] | None:
        """The shared set's indices of the cleaner's gate lists (`Cleaner.gate_sets`), or None: not
        gated, or a list the shared set does not answer. Asked of the cleaner as it runs, so a
        cleaner put in the list later has its own."""
        known = self._gates.get(id(cleaner))
        if known is None or known[0] is not cleaner:
            sets = getattr(cleaner, "gate_sets", None)
            known = self._gates[id(cleaner)] = (cleaner, None if sets is None else self.shared.indices(sets))
        return known[1]

    def clean(self, lines: Sequence[Line], ctx: Context) -> Cleaned:
        current = tuple(lines)
        removed: list[Removal] = []
        overruled: dict[Removal, None] = {}  # ordered set: the same veto comes back every round
        found: dict[str, str] = {}
        measures: dict[str, float] = {}
        unchanged: dict[int, set[str]] = {}  # per text-local cleaner: texts it left as they were
        if not ctx.numbers:
            ctx = replace(ctx, numbers=tuple(sorted({line.no for line in current})))
        for round_no in range(MAX_ROUNDS):
            before = len(removed)
            # the output puts a blank line between lines: a round that read some of them as one
            # paragraph did not see the text as a second cleaning will, so one more round does
            as_written = all(line.gap_before for line in current)
            guarded = False
            ctx = replace(ctx, quiet=self.shared.quiet(line.text for line in current))
            # the texts of `loud[0]` (the lines as they stood) in which some phrase may match: the
            # only ones a gate asks about, found again only when a cleaner changed the lines
            loud: tuple[tuple[Line, ...], list[str]] = ((), [])
            for k, cleaner in enumerate(self.cleaners):
                if cleaner.text_local:
                    left = unchanged.setdefault(k, set())
                gate = self.gate(cleaner)
                if gate is not None and loud[0] is not current:
                    loud = (current, [line.text for line in current if line.text not in ctx.quiet])
                if (cleaner.text_local and round_no and all(line.text in left for line in current)) or (
                    gate is not None and not self.shared.touches(loud[1], ctx.quiet, gate)
                ):
                    # it would leave every line as it is (see Cleaner.text_local and gate_sets): as if it
                    # had, the lines a keep rule holds guard them from the cleaners after it
                    guarded = guarded or (self.keeps and any(line.kept_by for line in current))
                    continue
                out = cleaner.clean(current, ctx)
                if cleaner.text_local:  # what it kept as it was: not the rest of a trimmed line
                    seen = {line.text for line in current}
                    left.update(line.text for line in out.lines if line.text in seen)
                if guarded:
                    out, vetoed = _veto(current, out)
                    overruled.update(dict.fromkeys(vetoed))
                current = out.lines
                removed.extend(out.removed)
                if out.attached:  # no gap where they were (`Outcome.attached`), unless a keep rule kept them
                    gone = out.attached - {line.no for line in current}
                    ctx = replace(ctx, numbers=tuple(no for no in ctx.numbers if no not in gone))
                found = merge_fields(found, out.fields.items())
                measures = {**out.measures, **measures}
                guarded = guarded or (self.keeps and any(line.kept_by for line in current))
            if len(removed) == before and as_written:
                break
            current = tuple(line.after_gap() for line in current)
        return Cleaned(current, (*removed, *overruled), found, measures)


def _veto(before: Sequence[Line], out: Outcome) -> tuple[Outcome, list[Removal]]:
    """Undo whatever a cleaner removed or trimmed of a line a keep rule protects: the line comes
    back whole, and each such removal is returned, marked with the keep rule that overruled it."""
    guarded: dict[int, list[Line]] = {}
    for line in before:
        if line.kept_by:
            guarded.setdefault(line.no, []).append(line)

    def owner(no: int, start: int) -> Line | None:
        return next((g for g in guarded.get(no, ()) if g.start <= start < g.start + len(g.text)), None)

    kept: list[Removal] = []
    removed: list[Removal] = []
    for r in out.removed:
        line = owner(r.line_no, r.char_start)
        if line is None or line.kept_by is None:
            removed.append(r)
        else:
            kept.append(replace(r, kept_by=line.kept_by[0], kept_by_file=line.kept_by[1]))
    if not kept:
        return out, []
    lines = [line for line in out.lines if owner(line.no, line.start) is None]
    lines += [line for group in guarded.values() for line in group]
    lines.sort(key=lambda line: (line.no, line.start))
    return replace(out, lines=tuple(lines), removed=tuple(removed)), kept
