"""The cleaner contract and the small helpers every cleaner shares."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from dechaff.core.document import Context, Line
from dechaff.core.outcome import Hit, Outcome
from dechaff.ruleset.patterns import Phrase, PhraseSet
from dechaff.text.normalise import fold


class Cleaner(Protocol):
    """Built once per rule set (patterns compiled there); `clean` is pure and does no I/O."""

    name: str

    def clean(self, lines: Sequence[Line], ctx: Context) -> Outcome: ...


def patterns(kind: str) -> Any:
    """A list parameter holding patterns of `kind` (regex | phrase | line | prefix) from rule files."""
    return field(default=(), metadata={"patterns": kind})


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a cleaner's configuration came from, so heuristic hits still name a rule file."""

    file: str

    def hit(self, rule_id: str) -> Hit:
        return Hit(rule_id, self.file)


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
