"""`dechaff diff`: the same pages cleaned with two rule sets, every line whose fate changed with
the cleaner and rule on each side, and each page's F1 against gold when there is gold.

A line whose fate changed while no rule of either side decided it (a generic cleaner such as the
paragraphs classifier, judging a line by its neighbours, now keeps or drops it) is flagged: that
is how a site rule silently moves the generic cascade."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from dechaff.authoring.evaluate import score
from dechaff.authoring.fates import Fate, fates
from dechaff.engine.engine import Engine, Prepared
from dechaff.engine.timeout import DocumentTimeout, time_limit
from dechaff.io.source import Source
from dechaff.text.normalise import render

RULES = "site_rules"  # the cleaner that applies what rule files say line by line


@dataclass(frozen=True, slots=True)
class Change:
    """One input line whose fate differs between the two rule sets."""

    old: Fate
    new: Fate

    @property
    def same_text(self) -> bool:
        """The output is the same on both sides; only who removed the line (or part) changed."""
        return self.old.kept == self.new.kept

    @property
    def generic(self) -> bool:
        """Neither side's fate was decided by a rule: a generic cleaner changed its mind."""
        return RULES not in (*self.old.deciders, *self.new.deciders)


@dataclass(frozen=True, slots=True)
class PageDiff:
    doc_id: str
    changes: tuple[Change, ...]
    old_f1: float | None = None
    new_f1: float | None = None
    error: str | None = None  # the page could not be cleaned (on either side)


def line_changes(old: Iterable[Fate], new: Iterable[Fate]) -> tuple[Change, ...]:
    """The lines (matched by number and text) whose kept text or deciding rules differ."""
    after = {(f.no, f.text): f for f in new}
    return tuple(
        Change(o, n)
        for o in old
        if (n := after.get((o.no, o.text))) is not None
        and (o.kept != n.kept or _rules(o) != _rules(n) or bool(o.overruled) != bool(n.overruled))
    )


def _rules(fate: Fate) -> tuple[tuple[str, str, str], ...]:
    """Who removed what, with each rule file named inside its folder (the two rule sets are two
    folders: `rules/_default.yaml` and `myrules/_default.yaml` are the same file)."""
    return tuple((r.cleaner, r.rule_id, r.rule_file.split("/", 1)[-1]) for r in fate.removals)


def diff_pages(
    old: Engine,
    new: Engine,
    sources: Iterable[Source],
    gold: Mapping[str, str] | None = None,
    domain: str | None = None,
) -> list[PageDiff]:
    """Clean each source with both engines (as a page of `domain` when given) and compare."""
    out = []
    for source in sources:
        source = replace(source, domain=domain) if domain else source
        try:
            before, after = _prepared(old, source), _prepared(new, source)
        except (Exception, DocumentTimeout) as exc:
            out.append(PageDiff(source.id, (), error=f"{type(exc).__name__}: {exc}"))
            continue
        (old_lines, old_text), (new_lines, new_text) = before, after
        truth = (gold or {}).get(source.id)
        f1s = (score(old_text, truth).f1, score(new_text, truth).f1) if truth is not None else (None, None)
        out.append(PageDiff(source.id, line_changes(old_lines, new_lines), *f1s))
    return out


def _prepared(engine: Engine, source: Source) -> tuple[list[Fate], str]:
    with time_limit(engine.settings.time_limit):
        doc: Prepared = engine.prepare(source)
        cleaned = doc.clean()
    return fates(doc.lines, cleaned), render([line.text for line in cleaned.lines])
