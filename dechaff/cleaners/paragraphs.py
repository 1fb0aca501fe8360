"""The generic line classifier (jusText-like, see `classifier_core`), run last so it only judges
what the specific cleaners left; every threshold can be tuned per site or language."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, fields, make_dataclass, replace
from itertools import groupby

from dechaff.cleaners.base import Origin, Phrases, first_match, patterns
from dechaff.cleaners.classifier_core import GOOD, ClassifierParams, Measured, Shape, classify_measured
from dechaff.cleaners.line_model import line_table, second_opinion
from dechaff.core.document import Context, Line
from dechaff.core.outcome import Hit, Outcome, Removal, drop_lines, removal_of
from dechaff.ruleset.line_model import LineModel
from dechaff.ruleset.patterns import PhraseSet
from dechaff.ruleset.schema import Rule
from dechaff.text.sentences import pieces

NAME = "paragraphs"

Params = make_dataclass(
    "Params",
    [("enabled", bool, field(default=True))]
    + [(f.name, f.type, field(default=f.default)) for f in fields(ClassifierParams)]
    # the headings whose short lines below are a list's items ("Ingrédients pour 6 personnes")
    + [("list_headings", Phrases, patterns("regex"))]
    # words that speak to the reader or for the site ("vous", "notre"): a short sentence that holds
    # one is no article's last ("Retrouvez toute l'actualité du Lot sur notre site.")
    + [("addressed", Phrases, patterns("regex"))]
    # the rule book's line model (`models/lines.json`), set by the engine, not by rule files
    + [("line_model", "LineModel | None", field(default=None, metadata={"internal": True}))],
    frozen=True,
    slots=True,
)
Params.__doc__ = "`enabled`, ClassifierParams' thresholds, the list headings, the engine's line model."


@dataclass(frozen=True, slots=True)
class Paragraphs:
    params: ClassifierParams
    origin: Origin
    name: str = NAME
    phrase_sets: tuple[PhraseSet, ...] = ()
    text_local: bool = False  # neighbours, blocks and the page's stop words decide
    gate_sets: tuple[PhraseSet, ...] | None = None
    model: LineModel | None = None  # a second opinion on the labels (not in trim mode)
    lists: PhraseSet | None = None  # list headings (`list_headings`)
    addressed: PhraseSet | None = None  # words to the reader (`addressed`)

    def _heads(self, texts: Sequence[str], quiet: frozenset[str]) -> list[int]:
        """The lines that are list headings (a line of `quiet` matches no phrase of the cascade)."""
        if self.lists is None or not self.lists.phrases:
            return []
        return [
            i
            for i, text in enumerate(texts)
            if text not in quiet and first_match(self.lists, text) is not None
        ]

    def clean(self, lines: Sequence[Line], ctx: Context) -> Outcome:
        p = self.params
        # the lines long enough to be glued from several paragraphs (`pieces`): most pages have
        # none, and each is cut into its pieces once
        glued = [i for i, line in enumerate(lines) if len(line.text) > p.glued_chars]
        tickers: dict[int, Hit] = {
            i: self.origin.hit(f"{NAME}.ticker")
            for i in glued
            if p.ticker_items and ticker(lines[i].text, p.ticker_items)
        }
        if tickers:  # judged without them: a ticker's headlines would read as prose
            gone = drop_lines(lines, tickers, NAME)
            rest = self.clean(gone.lines, ctx)
            return replace(rest, removed=(*gone.removed, *rest.removed))
        cut = {i: pieces(lines[i].text, p.glued_chars, p.piece_chars) for i in glued} if p.glued_chars else {}
        if any(len(spans) > 1 for spans in cut.values()):
            cuts = [
                cut[i] if i in cut else pieces(line.text, p.glued_chars, p.piece_chars)
                for i, line in enumerate(lines)
            ]
            return self._clean_pieces(lines, cuts, ctx)
        labels, shape = self._labels(lines, ctx)
        hits: dict[int, Hit] = {
            i: self.origin.hit(f"{NAME}.{label}") for i, label in enumerate(labels) if label != GOOD
        }
        return replace(drop_lines(lines, hits, NAME), measures=_measures(shape))

    def _classify(self, lines: Sequence[Line], ctx: Context) -> tuple[list[str], Shape, Measured | None]:
        """`classify_measured` of the lines as this cleaner sees them: with the lines removed
        before them (`holes`) and its list headings; what cleaning and `judged_lines` both ask."""
        texts = [line.text for line in lines]
        return classify_measured(
            texts,
            [line.gap_before for line in lines],
            ctx.stopwords,
            ctx.lang,
            self.params,
            ctx.headline,
            holes(lines, ctx.numbers),
            self._heads(texts, ctx.quiet),
            tail(lines, ctx.numbers),
            self._addresses if self.addressed is not None and self.addressed.phrases else None,
        )

    def _addresses(self, text: str) -> bool:
        """Whether a line speaks to the reader or for the site (`addressed`)."""
        return self.addressed is not None and first_match(self.addressed, text) is not None

    def _labels(self, lines: Sequence[Line], ctx: Context) -> tuple[list[str], Shape]:
        labels, shape, measured = self._classify(lines, ctx)
        if (
            self.model is not None
            and measured is not None  # not in trim mode
            and not all(label == GOOD for label in labels)
        ):
            texts, gaps = [line.text for line in lines], [line.gap_before for line in lines]
            table = line_table(texts, gaps, ctx.stopwords, ctx.lang, self.params, labels, measured)
            labels = second_opinion(self.model, table, labels)
        return labels, shape

    def judged_lines(
        self, lines: Sequence[Line], ctx: Context
    ) -> tuple[list[Line], list[str], Measured | None]:
        """The lines as the classifier judges them (a glued line cut into its pieces), its labels
        without the model, and what it measured of them (with the lines removed before it, as
        when it cleans): what `dechaff train` fits the model on."""
        p = self.params
        flat = [
            line.trimmed(a, b, gap_before=line.gap_before or k > 0)
            for line in lines
            for k, (a, b) in enumerate(pieces(line.text, p.glued_chars, p.piece_chars))
        ]
        labels, _, measured = self._classify(flat, ctx)
        return flat, labels, measured

    def _clean_pieces(
        self, lines: Sequence[Line], cuts: list[list[tuple[int, int]]], ctx: Context
    ) -> Outcome:
        """Lines glued from several paragraphs are judged piece by piece (each piece a paragraph of
        its own); such a line keeps each run of good pieces as one line, a substring of it."""
        flat = [
            line.trimmed(a, b, gap_before=line.gap_before or k > 0)
            for line, spans in zip(lines, cuts, strict=True)
            for k, (a, b) in enumerate(spans)
        ]
        all_labels, shape = self._labels(flat, ctx)
        labels = iter(all_labels)
        parts = iter(flat)
        kept: list[Line] = []
        removed: list[Removal] = []
        for line, spans in zip(lines, cuts, strict=True):
            mine = [(next(parts), next(labels)) for _ in spans]
            if all(label == GOOD for _, label in mine):
                kept.append(line)
                continue
            for good, run in groupby(mine, key=lambda pair: pair[1] == GOOD):
                if good:
                    first, *_, last = [piece for piece, _ in run] * 2  # a run of one: first is last
                    kept.append(
                        line.trimmed(first.start - line.start, last.start + len(last.text) - line.start)
                    )
            removed += [
                removal_of(piece, NAME, self.origin.hit(f"{NAME}.{label}"))
                for piece, label in mine
                if label != GOOD
            ]
        return Outcome(tuple(kept), tuple(removed), measures=_measures(shape))


def holes(lines: Sequence[Line], numbers: Sequence[int]) -> list[int]:
    """For each line, how many of the document's lines (`numbers`: the line numbers the cascade
    started from) are gone between it and the line before it: removed by earlier cleaners, or in
    an earlier round (pieces of one line: none).

    >>> holes([Line(2, "a"), Line(2, "b"), Line(5, "c")], (1, 2, 3, 4, 5))
    [1, 0, 2]
    """
    if not numbers:
        return []
    at = [bisect_left(numbers, line.no) for line in lines]
    return [
        k - (at[i - 1] + 1 if i else 0) if not i or lines[i - 1].no != lines[i].no else 0
        for i, k in enumerate(at)
    ]


def tail(lines: Sequence[Line], numbers: Sequence[int]) -> int:
    """How many of the document's lines (`numbers`, see `holes`) are gone after the last one.

    >>> tail([Line(2, "a")], (1, 2, 3, 4)), tail([], (1, 2))
    (2, 0)
    """
    return len(numbers) - bisect_right(numbers, lines[-1].no) if lines and numbers else 0


_TICKER_ITEM = re.compile(r"(?:^|[.!?…»\"”)] )[0-2]?\d:[0-5]\d (?=\w)")


def ticker(text: str, items: int) -> bool:
    """Whether `text` holds `items` or more items that start with a clock time, at its start or
    after a sentence's end ("10:17 Headline... 10:15 Headline...").

    >>> ticker("10:17 Rates rise. Banks follow. 10:15 Fog at the airport. 09:58 A new mayor.", 3)
    True
    >>> ticker("The meeting began at 10:17 and ended at 11:30. Rates rose by 0.5.", 3)
    False
    """
    # each item holds a colon: a line with fewer is none, without the regex (it tries every place)
    return text.count(":") >= items and len(_TICKER_ITEM.findall(text)) >= items


def _measures(shape: Shape) -> dict[str, float]:
    """The shape of the page's good text, for the row's flags (`dechaff.quality.flags`)."""
    return {
        f"{NAME}.block_share": shape.block_share,
        f"{NAME}.second_block": shape.second_block,
        f"{NAME}.backed_off": float(shape.backed_off),
        f"{NAME}.prose": float(shape.prose),
        f"{NAME}.headline": float(shape.headline),
    }


def build(params: Params, origin: Origin, rules: Sequence[Rule]) -> Paragraphs:  # type: ignore[valid-type]
    values = {f.name: getattr(params, f.name) for f in fields(ClassifierParams)}
    lists, addressed = PhraseSet(params.list_headings), PhraseSet(params.addressed)
    return Paragraphs(
        ClassifierParams(**values),
        origin,
        model=params.line_model,
        lists=lists,
        addressed=addressed,
        phrase_sets=(lists, addressed),
    )
