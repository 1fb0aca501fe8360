"""A document's input lines cut into kept and removed segments, from the provenance rows."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dechaff.core.outcome import Removal
from dechaff.text.normalise import normalise_line, split_lines

SHOWN_CHARS = 2000  # a minified 20 MB line is shown by its start only


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    removal: Removal | None = None


@dataclass(frozen=True, slots=True)
class LineView:
    """One input line: its kept and removed segments, and the removals keep rules overruled."""

    no: int
    segments: tuple[Segment, ...]
    overruled: tuple[Removal, ...] = ()

    @property
    def removed(self) -> bool:
        return bool(self.segments) and all(s.removal is not None for s in self.segments)

    @property
    def result(self) -> tuple[str, ...]:
        """What the output keeps of a line that lost a part: each kept piece, spaces trimmed (a
        cut in the middle leaves two lines). Empty when nothing or everything was removed."""
        if self.removed or all(s.removal is None for s in self.segments):
            return ()
        return tuple(s.text.strip() for s in self.segments if s.removal is None and s.text.strip())


def _clip(text: str) -> str:
    return text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS] + f" … [{len(text)} chars]"


def line_views(source_text: str, removed: Iterable[Removal]) -> list[LineView]:
    """One view per input line; removals whose span covers the whole line mark the whole line."""
    by_line: dict[int, list[Removal]] = defaultdict(list)
    overruled: dict[int, list[Removal]] = defaultdict(list)
    for r in removed:
        (by_line if r.kept_by is None else overruled)[r.line_no].append(r)
    views = []
    for no, raw in enumerate(split_lines(source_text), 1):
        segments = _segments(raw, sorted(by_line.get(no, ()), key=lambda r: r.char_start))
        views.append(LineView(no, segments, tuple(overruled.get(no, ()))))
    return views


def _segments(raw: str, removals: Sequence[Removal]) -> tuple[Segment, ...]:
    if any(r.rule_id.startswith("normalise.") for r in removals):
        return (Segment(_clip(raw), removals[0]),)
    text = normalise_line(raw)
    if not removals:
        return (Segment(_clip(text)),) if text else ()
    out: list[Segment] = []
    pos = 0
    for r in removals:
        start, end = max(r.char_start, pos), max(r.char_end, pos)
        if text[pos:start].strip():
            out.append(Segment(_clip(text[pos:start])))
        if end > start:
            out.append(Segment(_clip(text[start:end]), r))
        pos = end
    if text[pos:].strip():
        out.append(Segment(_clip(text[pos:])))
    return tuple(out)


def removals_of(rows: Iterable[dict[str, object]]) -> list[Removal]:
    """Removal values from rows of `removed.parquet`."""
    return [
        Removal(
            int(r["line_no"]),
            int(r["char_start"]),
            int(r["char_end"]),
            str(r["text"]),
            str(r["cleaner"]),
            str(r["rule_id"]),
            str(r["rule_file"]),
            _text_or_none(r.get("kept_by")),
            _text_or_none(r.get("kept_by_file")),
        )
        for r in rows
    ]


def _text_or_none(value: object) -> str | None:
    """A nullable string cell (tables written before a column existed have none)."""
    return value if isinstance(value, str) else None


def meta_line(row: dict[str, object]) -> str:
    """The metadata worth seeing next to a document (works on engine rows and Parquet rows)."""
    keys = (
        "status",
        "error",
        "domain",
        "domain_source",
        "lang",
        "site_name",
        "section",
        "author",
        "dateline",
        "published",
        "published_text",
    )
    parts = [f"{k}={row[k]}" for k in keys if isinstance(row.get(k), str) and row[k]]
    files = row.get("rule_files")
    listed = ", ".join(str(f) for f in files) if files is not None else ""  # type: ignore[union-attr]
    return " ".join(parts) + (f" rules: {listed}" if listed else "")
