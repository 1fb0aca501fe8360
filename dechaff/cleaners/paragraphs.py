"""The generic line classifier (jusText-like, see `classifier_core`), run last so it only judges
what the specific cleaners left; every threshold can be tuned per site or language."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, fields, make_dataclass

from dechaff.cleaners.base import Origin
from dechaff.cleaners.classifier_core import GOOD, ClassifierParams, classify
from dechaff.core.document import Context, Line
from dechaff.core.outcome import Hit, Outcome, drop_lines
from dechaff.ruleset.patterns import PhraseSet
from dechaff.ruleset.schema import Rule

NAME = "paragraphs"

Params = make_dataclass(
    "Params",
    [("enabled", bool, field(default=True))]
    + [(f.name, f.type, field(default=f.default)) for f in fields(ClassifierParams)],
    frozen=True,
    slots=True,
)
Params.__doc__ = "`enabled` plus every ClassifierParams threshold."


@dataclass(frozen=True, slots=True)
class Paragraphs:
    params: ClassifierParams
    origin: Origin
    name: str = NAME
    phrase_sets: tuple[PhraseSet, ...] = ()

    def clean(self, lines: Sequence[Line], ctx: Context) -> Outcome:
        labels = classify(
            [line.text for line in lines],
            [line.gap_before for line in lines],
            ctx.stopwords,
            ctx.lang,
            self.params,
        )
        hits: dict[int, Hit] = {
            i: self.origin.hit(f"{NAME}.{label}") for i, label in enumerate(labels) if label != GOOD
        }
        return drop_lines(lines, hits, NAME)


def build(params: Params, origin: Origin, rules: Sequence[Rule]) -> Paragraphs:  # type: ignore[valid-type]
    values = asdict(params)
    values.pop("enabled")
    return Paragraphs(ClassifierParams(**values), origin)
