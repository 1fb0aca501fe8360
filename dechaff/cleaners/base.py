"""The cleaner contract and the small helpers every cleaner shares.

A cleaner module holds `NAME`, a frozen `Params` dataclass (its settings, with their defaults;
rule files override them) and `build(params, origin, rules)`, which returns the cleaner (`rules`:
the rule files' own rules, which only site_rules reads). A cleaner is built once per rule-file
combination (patterns compiled there); then `clean` is pure and does no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol

from dechaff.core.document import Context, Line
from dechaff.core.outcome import Hit, Outcome
from dechaff.ruleset.patterns import Phrase, PhraseSet
from dechaff.text.normalise import fold

Phrases = tuple[Phrase, ...]
"""A list parameter of patterns, compiled from the rule files (see `patterns`)."""


class Cleaner(Protocol):
    """What `build` returns. `phrase_sets`: every phrase list it matches lines against, so that the
    pipeline can answer them all in one pass (`ruleset.patterns.SharedSet`). `text_local`: True
    when a line it once left unchanged it leaves unchanged in any later round, wherever it
    stands, so the pipeline's later rounds skip it when every line is one it has already left
    unchanged. Either its decisions read the line's text alone, or a line also goes with a
    neighbour (a byline label's name, a bare heading's teasers) that is judged on its text alone
    and goes in every round that meets it: not the weaker promise that a line's fate depends on
    its text alone, which a cache keyed by text would need. `gate_sets`: phrase lists one of which
    must match a line of its input (as `PhraseSet.first` answers) for it to change anything: where
    none does, it returns its lines as they are, with no removal, field or measure, and the
    pipeline does not run it (None: it may change lines without any such match)."""

    name: str
    phrase_sets: tuple[PhraseSet, ...]
    text_local: bool
    gate_sets: tuple[PhraseSet, ...] | None

    def clean(self, lines: Sequence[Line], ctx: Context) -> Outcome: ...


def patterns(kind: str) -> Any:
    """A list parameter holding patterns of `kind` (regex | phrase | line | prefix) from rule files."""
    # Runs at import, before mutmut switches a mutant on, so no test can see its mutants; what it
    # declares is pinned by tests/test_rule_schema.py (a cleaner's phrase list compiled from a file).
    return field(default=(), metadata={"patterns": kind})  # pragma: no mutate


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a cleaner's configuration came from, so heuristic hits still name a rule file."""

    file: str

    def hit(self, rule_id: str) -> Hit:
        return Hit(rule_id, self.file)


class PhraseCleaner:
    """A cleaner driven by phrase lists: `LISTS` declares each list as (kind, Params field); the
    lists are compiled once here, and a match is a hit whose rule id names the kind and the line
    of the rule file that declared the phrase (`cookies.button@64`)."""

    name: ClassVar[str]
    LISTS: ClassVar[tuple[tuple[str, str], ...]]
    text_local: ClassVar[bool] = False
    GATES: ClassVar[tuple[str, ...] | None] = None  # the kinds of its `gate_sets` (see Cleaner)

    def __init__(self, params: Any, origin: Origin) -> None:
        self.params = params
        self.origin = origin
        self.lists = {kind: PhraseSet(getattr(params, name)) for kind, name in self.LISTS}
        self.phrase_sets = tuple(self.lists.values())
        self.gate_sets = None if self.GATES is None else tuple(self.lists[kind] for kind in self.GATES)

    def match(self, kind: str, text: str) -> Phrase | None:
        """The first phrase of list `kind` that matches `text` (folded), or None."""
        return first_match(self.lists[kind], text)

    def rest_after(self, kind: str, text: str) -> str | None:
        """What of `text` (folded) follows the match of the first phrase of list `kind` that
        matches it, or None when none does: whether a heading or a time is all of its line."""
        folded = fold(text)
        phrases = self.lists[kind]
        phrase = phrases.first(folded) if phrases.phrases else None
        if phrase is None:
            return None
        found = phrase.regex.search(folded)
        return folded[found.end() :] if found is not None else folded

    def hit(self, kind: str, text: str) -> Hit | None:
        """A hit for the first phrase of list `kind` that matches `text`, or None."""
        phrase = self.match(kind, text)
        return None if phrase is None else phrase_hit(self.name, kind, phrase)

    def line_hits(
        self, lines: Sequence[Line], ctx: Context, kinds: Iterable[str], max_words: int | None
    ) -> dict[int, Hit]:
        """For every line of at most `max_words` words (None: any), the hit of the first of `kinds`
        whose list matches it (a line of `ctx.quiet` matches none)."""
        lists = [(kind, self.lists[kind]) for kind in kinds]
        hits: dict[int, Hit] = {}
        for i, line in enumerate(lines):
            if line.text in ctx.quiet or (max_words is not None and words(line.text) > max_words):
                continue  # most lines are quiet: asked first, the cheaper question
            folded = fold(line.text)
            for kind, phrases in lists:
                phrase = phrases.first(folded) if phrases.phrases else None
                if phrase is not None:
                    hits[i] = phrase_hit(self.name, kind, phrase)
                    break
        return hits


def phrase_hit(cleaner: str, kind: str, phrase: Phrase) -> Hit:
    """A hit for a phrase-list match: rule id names the list and the line that declared it."""
    return Hit(f"{cleaner}.{kind}@{phrase.line}", phrase.file)


def first_match(phrases: PhraseSet, text: str) -> Phrase | None:
    """Match against the folded text (typographic apostrophes and dashes seen as ASCII)."""
    return phrases.first(fold(text)) if phrases.phrases else None


def words(text: str) -> int:
    """Number of space-separated words (text is normalised, so one space between words)."""
    return text.count(" ") + 1 if text else 0


_TERMINAL = tuple(".!?…:;\"'»”)。！？")


def ends_sentence(text: str) -> bool:
    """True when a line ends like a sentence rather than a title or a menu item."""
    return text.endswith(_TERMINAL)


def extract_value(regex: Any, text: str, folded: str) -> str:
    """The `value` group of a match if the pattern has one, else the whole line (unfolded text)."""
    m = regex.search(folded)
    group = regex.groupindex.get("value")
    if m is not None and group is not None and m.group(group) is not None:
        return text[m.start(group) : m.end(group)].strip()
    return text
