"""What a cleaner returns: the lines it kept, what it removed and why, fields it found, a drop reason."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from dechaff.core.document import Line
from dechaff.core.quick_init import quick_init


@quick_init
@dataclass(frozen=True, slots=True)
class Removal:
    """One removed line or span; the rows of `removed.parquet` are exactly these. With `kept_by`
    set, a removal a keep rule overruled: the text stayed, and the row says who wanted it gone."""

    line_no: int
    char_start: int
    char_end: int
    text: str
    cleaner: str
    rule_id: str
    rule_file: str
    kept_by: str | None = None  # id of the keep rule that overruled this removal
    kept_by_file: str | None = None


@quick_init
@dataclass(frozen=True, slots=True)
class Hit:
    """A cleaner's verdict on one line: which rule fired and where it came from."""

    rule_id: str
    rule_file: str


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result of one cleaner on one document (the cleaner itself stays pure)."""

    lines: tuple[Line, ...]
    removed: tuple[Removal, ...] = ()
    fields: Mapping[str, str] = field(default_factory=dict)
    # what the cleaner measured of the page as a whole (`<cleaner>.<name>`), for the row's flags
    measures: Mapping[str, float] = field(default_factory=dict)
    # numbers of removed lines that belonged to the line above and parted no text (an
    # encyclopedia's edit link under its heading): the classifier does not count them as a gap
    attached: frozenset[int] = frozenset()


def removal_of(line: Line, cleaner: str, hit: Hit) -> Removal:
    """A whole-line removal record."""
    return Removal(
        line.no, line.start, line.start + len(line.text), line.text, cleaner, hit.rule_id, hit.rule_file
    )


def drop_lines(
    lines: Sequence[Line],
    hits: Mapping[int, Hit],
    cleaner: str,
    fields: Mapping[str, str] | None = None,
) -> Outcome:
    """Build an Outcome that drops the lines whose index is in `hits` (the common case)."""
    if not hits:
        return Outcome(tuple(lines), (), dict(fields or {}))
    order = sorted(hits)
    kept: list[Line] = []
    at = 0
    for i in order:  # the runs between removed lines, sliced: a few hits among many lines
        kept.extend(lines[at:i])
        at = i + 1
    kept.extend(lines[at:])
    removed = tuple(removal_of(lines[i], cleaner, hits[i]) for i in order)
    return Outcome(tuple(kept), removed, dict(fields or {}))


def merge_fields(first: Mapping[str, str], later: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Keep the first value found for each field: earlier, more specific evidence wins."""
    out = dict(first)
    for key, value in later:
        if value and key not in out:
            out[key] = value
    return out


def cut_edge(line: Line, start: int, end: int, cleaner: str, hit: Hit) -> tuple[Line, Removal]:
    """Cut `text[start:end]` off the start or the end of a line (cleaners trim, they never splice);
    the spaces between the cut and the rest belong to neither (a pattern may start with the space
    before a marker: " (read more)$")."""
    if start != 0 and end != len(line.text):
        raise ValueError("only a span touching the start or the end of a line can be cut")
    if start != 0:
        while start < end and line.text[start] == " ":
            start += 1
    elif end != len(line.text):
        while end > start and line.text[end - 1] == " ":
            end -= 1
    removal = Removal(
        line.no,
        line.start + start,
        line.start + end,
        line.text[start:end],
        cleaner,
        hit.rule_id,
        hit.rule_file,
    )
    rest = line.trimmed(end, len(line.text)) if start == 0 else line.trimmed(0, start)
    return rest, removal


def cut_spans(
    line: Line, spans: Sequence[tuple[int, int]], cleaner: str, hit: Hit
) -> tuple[tuple[Line, ...], tuple[Removal, ...]]:
    """Cut sorted, disjoint `text[start:end]` spans anywhere in a line. The text left between two
    cuts becomes a line of its own: pieces are never joined, so every output line is a substring of
    an input line, and each cut is recorded with its exact offsets."""
    removed = tuple(
        Removal(line.no, line.start + a, line.start + b, line.text[a:b], cleaner, hit.rule_id, hit.rule_file)
        for a, b in spans
    )
    bounds = [0, *(x for span in spans for x in span), len(line.text)]
    pieces = [line.trimmed(bounds[k], bounds[k + 1]) for k in range(0, len(bounds), 2)]
    kept = [piece for piece in pieces if piece.text]
    out = tuple(replace(piece, gap_before=line.gap_before and k == 0) for k, piece in enumerate(kept))
    return out, removed
