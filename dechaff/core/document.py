"""The values that flow through the cascade: a document's lines and the facts cleaners may read."""

from __future__ import annotations

from dataclasses import dataclass

from dechaff.core.quick_init import quick_init


@quick_init
@dataclass(frozen=True, slots=True)
class Line:
    """One non-empty line of a document as it stands at some point in the cascade.

    `start` is the offset of `text` inside the normalised input line `no`, so trims done by any
    cleaner still map back to the input (the provenance table needs exact spans). `kept_by` is
    the (rule id, rule file) of a keep rule that protects the line from every later cleaner.
    """

    no: int
    text: str
    start: int = 0
    gap_before: bool = True
    kept_by: tuple[str, str] | None = None

    def trimmed(self, start: int, end: int, gap_before: bool | None = None) -> Line:
        """The same line reduced to `text[start:end]`, outer spaces dropped, offsets kept exact
        (and `gap_before` changed when given)."""
        piece = self.text[start:end]
        lead = len(piece) - len(piece.lstrip(" "))
        gap = self.gap_before if gap_before is None else gap_before
        # built field by field, not by dataclasses.replace (which reads the fields every call:
        # 3 us, some 70 times a document)
        return Line(self.no, piece.strip(" "), self.start + start + lead, gap, self.kept_by)

    def after_gap(self) -> Line:
        """The same line with a blank line before it."""
        return self if self.gap_before else Line(self.no, self.text, self.start, True, self.kept_by)


@dataclass(frozen=True, slots=True)
class Context:
    """Read-only facts about the document that cleaners may use (never mutated by a cleaner)."""

    doc_id: str = ""
    lang: str = "und"
    domain: str | None = None
    site_name: str | None = None
    stopwords: frozenset[str] = frozenset()
    repeated: frozenset[str] = frozenset()  # line keys repeated across this site's pages in the batch
    headline: frozenset[str] = frozenset()  # words of the URL's slug (`text.slug`): the article's title
    # texts of the lines at the start of this round of the cascade in which no phrase of its
    # cleaners' lists matches (the pipeline asks its shared set once per text): a phrase cleaner
    # skips them without asking each of its lists
    quiet: frozenset[str] = frozenset()
    # the numbers (`Line.no`) of the document's lines as the cascade got them: the classifier
    # counts the lines cleaners removed between two it sees (`paragraphs.holes`); a line removed
    # as part of the one above (`Outcome.attached`) leaves them
    numbers: tuple[int, ...] = ()
