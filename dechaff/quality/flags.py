"""Flags for the pages a cleaning probably got wrong, so a user can read the worst few instead of
everything: a `confidence` (0-1) and the `suspect` reasons, from what the cascade already knows.

Reasons (each a general failure shape; thresholds set on the dev set, see the README):

- `ambiguous_main_block`: outside the block of prose the classifier kept, another block holds at
  least half as much (a teaser list, an "about" box or another story competing with a short
  article) and the URL's headline did not say which is the article (see the classifier), or the
  over-deletion guard found no block worth trusting.
- `interleaved_timestamps`: lines with a clock time were removed between kept lines, each apart
  from the one before by kept text (comment or forum headers: the text kept around them is
  likely comments or posts; a run of dated links with nothing kept between them is one list). A
  cell removed from a line of which another cell was kept stood beside the kept text (a column of
  a dump laid out in columns, such as a news ticker), not between its lines, and does not count.
- `timestamped_lines`: short lines with a clock time were kept (a list of posts or comments).
- `footer_only`: the HTML extraction read as no prose at all and no other candidate did better.
- `thin_extraction`: the clean text of an HTML page holds under `THIN_SHARE` of the prose of the
  page's own text (lines of `PROSE_WORDS` words or more in its naive dump, a page with at least
  `MIN_PAGE_PROSE` chars of them): the extractor kept one post of a blog's front page, one entry
  of a list, or a sliver of a page whose prose is mostly comments or teasers. Set on the dev set,
  where its evidence is thin (two pages flagged: a blog index whose extraction kept one post of
  eight, and a good page whose dump glued menus into prose).
- `mixed_columns`: a dump laid out in columns whose sidebar was kept with the article: two or more
  input lines gave two kept cells side by side, half the kept lines read as headlines (short, no
  final stop) and a fifth are a headline between two lines of prose (an article is one column of
  prose; a column of headlines interleaved with it is a list of other stories).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from dechaff.core.document import Line
from dechaff.core.outcome import Removal
from dechaff.text.words import KANA_HAN_CHAR

SECOND_BLOCK = 0.5  # a rival block this big relative to the kept one makes the choice ambiguous
TIMESTAMPS = 3  # this many lines with a clock time (removed inside the kept text, or kept short)
SHORT_CHARS = 80  # a kept line this short with a clock time is a post's or a comment's header
_CLOCK = re.compile(r"[0-9]:[0-5][0-9]")
SIDE_BY_SIDE = 2  # input lines with two kept cells (a dump laid out in columns)
HEADLINE_SHARE = 0.5  # kept lines that read as headlines
INTERLEAVED_SHARE = 0.2  # kept lines that are a headline between two lines of prose
MIN_KEPT = 6  # fewer kept lines say nothing about alternation
THIN_SHARE = 0.15  # the clean text's share of the page's prose below which an extraction is thin
PROSE_WORDS = 12  # a line of the page dump this long is prose (40 han or kana characters)
PROSE_UNSPACED = 40
MIN_PAGE_PROSE = 2000  # chars of prose a page needs before its extraction can be called thin
_SENTENCE_END = tuple(".!?:;。！？」』”\"'»)")


@dataclass(frozen=True, slots=True)
class Assessment:
    confidence: float
    reasons: tuple[str, ...]


def assess(
    kept: Sequence[Line],
    removed: Sequence[Removal],
    measures: Mapping[str, float],
    footer_only: bool = False,
    page: Sequence[str] = (),
) -> Assessment:
    """The flags of one cleaned document: `kept` lines, what the cascade `removed`, the
    classifier's `measures` (`paragraphs.second_block`, `paragraphs.backed_off`,
    `paragraphs.headline`); `page`: the lines of an HTML page's naive dump (`thin_extraction`).

    >>> assess([Line(1, "One line of text.")], [], {"paragraphs.second_block": 0.8})
    Assessment(confidence=0.45, reasons=('ambiguous_main_block',))
    """
    # a rival block does not make the choice doubtful when the headline made it
    second = measures.get("paragraphs.second_block", 0.0)
    if measures.get("paragraphs.headline", 0.0) > 0:
        second = 0.0
    backed_off = measures.get("paragraphs.backed_off", 0.0) > 0
    nos = {line.no for line in kept}
    first, last = (min(nos), max(nos)) if nos else (0, -1)
    inner = _interleaved(
        sorted(nos),
        sorted(
            {
                r.line_no
                for r in removed
                if first < r.line_no < last and r.line_no not in nos and _CLOCK.search(r.text)
            }
        ),
    )
    stamped = sum(1 for line in kept if len(line.text) < SHORT_CHARS and _CLOCK.search(line.text))
    reasons = []
    if second >= SECOND_BLOCK or backed_off:
        reasons.append("ambiguous_main_block")
    if inner >= TIMESTAMPS:
        reasons.append("interleaved_timestamps")
    if stamped >= TIMESTAMPS:
        reasons.append("timestamped_lines")
    if footer_only:
        reasons.append("footer_only")
    mixed = _mixed_columns(kept)
    if mixed:
        reasons.append("mixed_columns")
    page_prose = prose_chars(page)
    thin = page_prose >= MIN_PAGE_PROSE and prose_chars(line.text for line in kept) < THIN_SHARE * page_prose
    if thin:
        reasons.append("thin_extraction")
    # A monotone score: every reason takes at least 0.25 off, a page without one loses less, so
    # the pages at 0.75 or below are exactly the flagged ones.
    penalty = (
        max(0.0, second - 0.25)
        + 0.25 * backed_off
        + _many(inner)
        + _many(stamped)
        + 0.5 * footer_only
        + 0.25 * mixed
        + 0.25 * thin
    )
    return Assessment(round(max(0.0, 1.0 - penalty), 4), tuple(reasons))


def prose_chars(lines: Iterable[str]) -> int:
    """Chars in the lines that read as prose by their length alone: `PROSE_WORDS` words, or
    `PROSE_UNSPACED` han or kana characters (scripts without spaces between words).

    >>> prose_chars(["Home", "one two three four five six seven eight nine ten eleven twelve"])
    62
    """
    return sum(
        len(line)
        for line in lines
        if len(line.split()) >= PROSE_WORDS or len(KANA_HAN_CHAR.findall(line)) >= PROSE_UNSPACED
    )


def _interleaved(kept: Sequence[int], stamped: Sequence[int]) -> int:
    """How many of the removed `stamped` line numbers stand apart from the one before them by kept
    text: comment headers alternate with comments, where a list of dated links is one run.

    >>> _interleaved([1, 5, 9], [2, 3, 4, 6])
    2
    """
    count, before = 0, -1
    for no in stamped:
        if before < 0 or bisect_left(kept, no) > bisect_right(kept, before):
            count += 1
        before = no
    return count


def _many(count: int) -> float:
    """0 below TIMESTAMPS, then 0.25, growing with the count up to 0.4."""
    return 0.0 if count < TIMESTAMPS else min(0.25 + 0.05 * (count - TIMESTAMPS), 0.4)


def _mixed_columns(kept: Sequence[Line]) -> bool:
    """Cells of two columns kept side by side, headlines interleaved with prose (`mixed_columns`)."""
    if len(kept) < MIN_KEPT:
        return False
    side_by_side = sum(1 for n in Counter(line.no for line in kept).values() if n >= 2)
    headline = [len(line.text) < SHORT_CHARS and not line.text.endswith(_SENTENCE_END) for line in kept]
    between = sum(
        1 for i in range(1, len(kept) - 1) if headline[i] and not headline[i - 1] and not headline[i + 1]
    )
    return (
        side_by_side >= SIDE_BY_SIDE
        and sum(headline) >= HEADLINE_SHARE * len(kept)
        and between >= INTERLEAVED_SHARE * len(kept)
    )
