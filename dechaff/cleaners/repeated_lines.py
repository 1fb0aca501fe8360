"""Lines printed twice in one page (a title repeated under itself, a menu in header and footer):
the first occurrence stays, later ones go; but a table of contents goes and the headings it
lists stay (numbered or not)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from dechaff.cleaners.base import Origin, words
from dechaff.core.document import Context, Line
from dechaff.core.outcome import Hit, Outcome, drop_lines
from dechaff.ruleset.schema import Rule
from dechaff.text.normalise import fold

NAME = "repeated_lines"

# the number of a numbered table's entry ("2.1 Déclin", "3. Typology"): the heading has none
_NUMBERED = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.? (?=\S)")


@dataclass(frozen=True, slots=True)
class Params:
    enabled: bool = True
    min_chars: int = 2  # lone characters are left to ui_tokens
    # a table of contents: this many lines or more in a row (of at most `contents_words` words),
    # each printed again later in the same order, no two of the copies next to each other (the
    # headings of the text, each over its own paragraphs; a menu repeated in the footer is
    # repeated as a block): the entries go and the headings stay (0: never)
    contents_entries: int = 3
    contents_words: int = 12


class RepeatedLines:
    name = NAME
    phrase_sets = ()
    text_local = False  # a line goes when an earlier one has its text

    def __init__(self, params: Params, origin: Origin) -> None:
        self.params = params
        self.origin = origin

    def clean(self, lines: Sequence[Line], ctx: Context) -> Outcome:
        keys = [
            fold(line.text).casefold() if len(line.text) >= self.params.min_chars else None for line in lines
        ]
        contents = self._contents(lines, keys)
        seen: set[str] = set()
        hits: dict[int, Hit] = {}
        for i, key in enumerate(keys):
            if key is None:
                continue
            if i in contents:
                hits[i] = self.origin.hit(f"{NAME}.contents")
            elif key in seen:
                hits[i] = self.origin.hit(f"{NAME}.duplicate")
            seen.add(key)
        for heading in contents.values():  # the heading each entry names stays
            if heading not in contents:
                hits.pop(heading, None)
        return drop_lines(lines, hits, NAME)

    def _contents(self, lines: Sequence[Line], keys: Sequence[str | None]) -> dict[int, int]:
        """The entries of tables of contents, each with the index of the heading it names (see
        `Params.contents_entries`)."""
        p = self.params
        if not p.contents_entries:
            return {}
        where: dict[str, list[int]] = {}
        for i, key in enumerate(keys):
            if key is not None:
                where.setdefault(key, []).append(i)
        copy: dict[int, int] = {}  # a line -> its next copy (an entry's number aside: "2.1 Déclin")
        for i, key in enumerate(keys):
            if key is not None and where[key][0] == i:
                named = (key, _NUMBERED.sub("", key, count=1))
                later = next((k for name in named for k in where.get(name, ()) if k > i), None)
                if later is not None:
                    copy[i] = later
        out: dict[int, int] = {}
        i = 0
        while i < len(lines):
            j = i
            while (
                j in copy
                and words(lines[j].text) <= p.contents_words
                and (j == i or copy[j] > copy[j - 1] + 1)
            ):
                j += 1
            if j - i >= p.contents_entries:
                out.update((k, copy[k]) for k in range(i, j))
            i = max(j, i + 1)
        return out


def build(params: Params, origin: Origin, rules: Sequence[Rule]) -> RepeatedLines:
    return RepeatedLines(params, origin)
