"""Bylines ("Mélanie Rostagnat avec AFP", "Par Jean Dupont") and datelines ("Paris, 31 déc.
(Cinktank.com) –", "Publié le ..."): removed from the text, kept in the metadata."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dechaff.cleaners.base import Origin, PhraseCleaner, Phrases, extract_value, patterns, phrase_hit, words
from dechaff.core.document import Context, Line
from dechaff.core.outcome import Hit, Outcome, drop_lines
from dechaff.ruleset.schema import Rule
from dechaff.text.normalise import fold

NAME = "bylines"


@dataclass(frozen=True, slots=True)
class Params:
    enabled: bool = True
    authors: Phrases = patterns("regex")  # a (?P<value>...) group gives the author's name
    datelines: Phrases = patterns("regex")  # place + date lines opening a wire story
    published: Phrases = patterns("regex")  # "Publié le ...", "Updated ..."; (?P<value>...) = the date
    max_words: int = 14


class Bylines(PhraseCleaner):
    """Each kind of line is also the metadata field its value goes to."""

    name = NAME
    text_local = True
    LISTS = (("author", "authors"), ("dateline", "datelines"), ("published", "published"))

    def clean(self, lines: Sequence[Line], ctx: Context) -> Outcome:
        hits: dict[int, Hit] = {}
        fields: dict[str, str] = {}
        for i, line in enumerate(lines):
            if words(line.text) > self.params.max_words or line.text in ctx.quiet:
                continue
            folded = fold(line.text)
            for field_name, phrases in self.lists.items():
                phrase = phrases.first(folded) if phrases else None
                if phrase is not None:
                    hits[i] = phrase_hit(NAME, field_name, phrase)
                    fields.setdefault(field_name, extract_value(phrase.regex, line.text, folded))
                    break
        return drop_lines(lines, hits, NAME, fields)


def build(params: Params, origin: Origin, rules: Sequence[Rule]) -> Bylines:
    return Bylines(params, origin)
