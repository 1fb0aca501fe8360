"""Bylines ("Mélanie Rostagnat avec AFP", "Par Jean Dupont") and datelines ("Paris, 31 déc.
(Cinktank.com) –", "Publié le ..."): removed from the text, kept in the metadata."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dechaff.cleaners.base import Origin, extract_value, patterns, phrase_hit, words
from dechaff.core.document import Context, Line
from dechaff.core.outcome import Hit, Outcome, drop_lines
from dechaff.ruleset.patterns import PhraseSet
from dechaff.text.normalise import fold

NAME = "bylines"


@dataclass(frozen=True, slots=True)
class Params:
    enabled: bool = True
    authors: tuple = patterns("regex")  # a (?P<value>...) group gives the author's name
    datelines: tuple = patterns("regex")  # place + date lines opening a wire story
    published: tuple = patterns("regex")  # "Publié le ...", "Updated ..."; (?P<value>...) = the date
    max_words: int = 14


class Bylines:
    name = NAME

    def __init__(self, params: Params, origin: Origin) -> None:
        self.params = params
        self.kinds = (
            ("author", PhraseSet(params.authors)),
            ("dateline", PhraseSet(params.datelines)),
            ("published", PhraseSet(params.published)),
        )
        self.origin = origin

    def clean(self, lines: Sequence[Line], ctx: Context) -> Outcome:
        hits: dict[int, Hit] = {}
        fields: dict[str, str] = {}
        for i, line in enumerate(lines):
            if words(line.text) > self.params.max_words:
                continue
            folded = fold(line.text)
            for field_name, phrases in self.kinds:
                phrase = phrases.first(folded) if phrases else None
                if phrase is not None:
                    hits[i] = phrase_hit(NAME, field_name, phrase)
                    fields.setdefault(field_name, extract_value(phrase.regex, line.text, folded))
                    break
        return drop_lines(lines, hits, NAME, fields)


def build(params: Params, origin: Origin) -> Bylines:
    return Bylines(params, origin)
