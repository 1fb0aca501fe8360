"""What the cascade did to each input line of a document, and why: kept whole, trimmed (and what
is left), cut in pieces, removed, or kept by a keep rule over a cleaner that wanted it gone. The
reasons `rules test` prints and the lines `dechaff diff` compares."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from dechaff.core.document import Line
from dechaff.core.outcome import Removal
from dechaff.engine.pipeline import Cleaned


@dataclass(frozen=True, slots=True)
class Fate:
    """One input line (normalised) and what became of it."""

    no: int
    text: str
    kept: tuple[str, ...]  # what the output holds of it: the line, what a trim left, the sides of a cut
    removals: tuple[Removal, ...]  # in the order the cascade made them
    overruled: tuple[Removal, ...] = ()  # removals a keep rule overruled

    @property
    def deciders(self) -> tuple[str, ...]:
        """The cleaners that removed something of the line (none: kept whole)."""
        return tuple(dict.fromkeys(r.cleaner for r in self.removals))

    def reason(self) -> str:
        """One line: who removed what, or why the line stayed."""
        if not self.removals:
            said = "kept (no rule or cleaner removed it)"
        else:
            verb = "removed" if not self.kept else ("trimmed" if len(self.kept) == 1 else "cut")
            said = f"{verb} by " + ", then ".join(_who(r) for r in self.removals)
            if self.kept:
                said += ": kept " + " | ".join(repr(_short(piece)) for piece in self.kept)
        if self.overruled:
            keeps = ", ".join(
                f"{r.kept_by} ({r.kept_by_file}) over {r.cleaner}:{r.rule_id}" for r in self.overruled
            )
            said += f"; kept by {keeps}"
        return said


def _short(text: str, chars: int = 60) -> str:
    """The start and the end of a long piece: where a trim happened is at one end or the other."""
    return text if len(text) <= chars else f"{text[: chars // 2 - 1]}…{text[-(chars // 2) :]}"


def _who(r: Removal) -> str:
    return f"{r.cleaner}:{r.rule_id} ({r.rule_file})"


def fates(lines: Sequence[Line], cleaned: Cleaned) -> list[Fate]:
    """The fate of each of `lines` (a prepared document's lines) in `cleaned` (its cascade's result)."""
    kept: dict[int, list[str]] = defaultdict(list)
    for line in cleaned.lines:
        kept[line.no].append(line.text)
    removed: dict[int, list[Removal]] = defaultdict(list)
    overruled: dict[int, list[Removal]] = defaultdict(list)
    for r in cleaned.removed:
        (removed if r.kept_by is None else overruled)[r.line_no].append(r)
    return [
        Fate(line.no, line.text, tuple(kept[line.no]), tuple(removed[line.no]), tuple(overruled[line.no]))
        for line in lines
    ]
