"""Comment prompts and reader-reaction footers ("Vos réactions", "Leave a reply", "3 Kommentare").

Prompt lines are dropped one by one; a comment-section heading in the lower part of the page
cuts everything after it (readers' comments are not the article).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dechaff.cleaners.base import Origin, first_match, patterns, phrase_hit, words
from dechaff.core.document import Context, Line
from dechaff.core.outcome import Hit, Outcome, drop_lines
from dechaff.ruleset.patterns import PhraseSet

NAME = "comments"


@dataclass(frozen=True, slots=True)
class Params:
    enabled: bool = True
    prompts: tuple = patterns("regex")  # a single UI line inviting or moderating comments
    section_markers: tuple = patterns("regex")  # the heading that opens the comment section
    max_words: int = 25
    min_chars_before: int = 400  # a section heading cuts only after this much prose (the article)
    prose_min_words: int = 10  # lines this long count as prose; menus and share bars do not
    min_prose_ratio: float = 0.2  # prose above the heading / prose below it, at least


class Comments:
    name = NAME

    def __init__(self, params: Params, origin: Origin) -> None:
        self.params = params
        self.prompts = PhraseSet(params.prompts)
        self.markers = PhraseSet(params.section_markers)
        self.origin = origin

    def clean(self, lines: Sequence[Line], ctx: Context) -> Outcome:
        p = self.params
        hits: dict[int, Hit] = {}
        counts = [words(line.text) for line in lines]
        prose = [len(x.text) if n >= p.prose_min_words else 0 for x, n in zip(lines, counts, strict=True)]
        seen_chars, total = 0, sum(prose)
        for i, line in enumerate(lines):
            if counts[i] <= p.max_words:
                marker = first_match(self.markers, line.text)
                if marker is not None and self._cuts(seen_chars, total - seen_chars):
                    hit = phrase_hit(NAME, "section", marker)
                    hits.update(dict.fromkeys(range(i, len(lines)), hit))
                    break
                prompt = first_match(self.prompts, line.text)
                if prompt is not None:
                    hits[i] = phrase_hit(NAME, "prompt", prompt)
            seen_chars += prose[i]
        return drop_lines(lines, hits, NAME)

    def _cuts(self, before: int, after: int) -> bool:
        """A heading opens the comments only below an article: enough prose above it, and at least
        `min_prose_ratio` of what is below (a share bar's "Comments" above the story is not the
        section; a long comment thread under a short article still is)."""
        p = self.params
        return before >= p.min_chars_before and before >= p.min_prose_ratio * after


def build(params: Params, origin: Origin) -> Comments:
    return Comments(params, origin)
