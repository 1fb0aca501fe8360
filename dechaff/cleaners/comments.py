"""Comment prompts and reader-reaction footers ("Vos réactions", "Leave a reply", "3 Kommentare").

Prompt lines are dropped one by one; a comment-section heading in the lower part of the page
cuts everything after it (readers' comments are not the article).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from dechaff.cleaners.base import Origin, PhraseCleaner, Phrases, patterns, words
from dechaff.core.document import Context, Line
from dechaff.core.outcome import Hit, Outcome, drop_lines
from dechaff.ruleset.schema import Rule

NAME = "comments"

_TOOLBAR_ABOVE = 14  # a toolbar sits among short lines (a date, a byline), not under prose
_NOT_A_BUTTON = re.compile(r"[\d:.!?…]")
_PARAGRAPH_UNDER = 25  # words of the article's paragraph under a share bar's counter, at least


@dataclass(frozen=True, slots=True)
class Params:
    enabled: bool = True
    prompts: Phrases = patterns("regex")  # a single UI line inviting or moderating comments
    section_markers: Phrases = patterns("regex")  # the heading that opens the comment section
    # the heading of readers' reviews ("312 avis", "Avis des voyageurs (23)"): a shop's or a trip's
    # tab bar names them above the text too, so they cut only under `review_prose_ratio` of the
    # prose left below, not a fifth
    review_markers: Phrases = patterns("regex")
    max_words: int = 25
    min_chars_before: int = 400  # a section heading cuts only after this much prose (the article)
    prose_min_words: int = 10  # lines this long count as prose; menus and share bars do not
    min_prose_ratio: float = 0.2  # prose above the heading / prose below it, at least
    review_prose_ratio: float = 0.5  # the same for a review heading


class Comments(PhraseCleaner):
    name = NAME
    LISTS = (("section", "section_markers"), ("review", "review_markers"), ("prompt", "prompts"))
    GATES = ("section", "review", "prompt")  # every line it removes goes for a line one of them matches

    def clean(self, lines: Sequence[Line], ctx: Context) -> Outcome:
        p = self.params
        hits: dict[int, Hit] = {}
        counts = [words(line.text) for line in lines]
        prose = [len(x.text) if n >= p.prose_min_words else 0 for x, n in zip(lines, counts, strict=True)]
        seen_chars, total = 0, sum(prose)
        for i, line in enumerate(lines):
            if counts[i] <= p.max_words and line.text not in ctx.quiet:
                section, ratio = self.hit("section", line.text), p.min_prose_ratio
                if section is None:
                    section, ratio = self.hit("review", line.text), p.review_prose_ratio
                above = section is not None and total - seen_chars > seen_chars  # most prose below
                if above and self._counter(lines, counts, i):  # above most of the prose: a counter
                    hits[i] = section
                elif section is not None and self._cuts(seen_chars, total - seen_chars, ratio):
                    hits.update(dict.fromkeys(range(i, len(lines)), section))
                    break
                prompt = self.hit("prompt", line.text)
                if prompt is not None:
                    hits[i] = prompt
            seen_chars += prose[i]
        return drop_lines(lines, hits, NAME)

    def _counter(self, lines: Sequence[Line], counts: Sequence[int], i: int) -> bool:
        """Whether the heading at `i` is a counter, not the section: the line above it is short (a
        date, a byline), and it counts none ("0 commentaire" over the article's text) or the two
        lines under it are buttons' labels ("Partager", "Imprimer": three words at most, no digit,
        colon or final stop), or a button's label is right above it, a paragraph of prose right
        under it and one at most above it (the share bar under the headline and standfirst, then
        the article's text; under an article, a thread's first comment), where a section's heading
        follows the article's last paragraph and a comment's name, date and text, or a form's
        prompts, follow it. `counts`: each line's words."""
        if i and counts[i - 1] > _TOOLBAR_ABOVE:
            return False  # right under a paragraph: the article ended, its comments begin
        if lines[i].text.startswith("0 "):
            return True
        under = lines[i + 1 : i + 3]
        if i and under and self._button(lines[i - 1].text) and counts[i + 1] >= _PARAGRAPH_UNDER:
            # the head's share bar: one paragraph at most above it (the standfirst), not an article
            return sum(n >= _PARAGRAPH_UNDER for n in counts[:i]) <= 1
        return len(under) == 2 and all(self._button(line.text) for line in under)

    def _button(self, text: str) -> bool:
        """Whether a line reads as a button's label: three words at most, no digit, colon or final
        stop ("Anna: great!", "12 mars 2024" are a comment's), no comment prompt."""
        return words(text) <= 3 and not _NOT_A_BUTTON.search(text) and self.hit("prompt", text) is None

    def _cuts(self, before: int, after: int, ratio: float) -> bool:
        """A heading opens the comments only below an article: enough prose above it, and at least
        `ratio` of what is below (`min_prose_ratio`: a share bar's "Comments" above the story is not
        the section; a long comment thread under a short article still is)."""
        return before >= self.params.min_chars_before and before >= ratio * after


def build(params: Params, origin: Origin, rules: Sequence[Rule]) -> Comments:
    return Comments(params, origin)
