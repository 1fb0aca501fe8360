"""A second opinion on the line classifier's labels from a small learned model (boilerpipe's
shallow text features): the classifier's own measures of each line (length, stop-word or
punctuation density, final stop, title case, its reasons), its verdicts (alone, in context, in the
main block), shape (digits, punctuation, bullets, repetition, position) and the same of the
neighbours. The model (`dechaff.ruleset.line_model`) is fitted by `dechaff train`.

It only ever keeps more: a line the classifier drops and the model gives `keep_above` or more is
kept. It never drops a line the classifier keeps: the cascade runs again on its own output, where
a model that removes lines would remove more each round (and cleaning a clean text must change
nothing), while a kept line stays kept.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache

import numpy as np

from dechaff.cleaners.classifier_core import (
    GOOD,
    ClassifierParams,
    Measured,
    measure_lines,
    punctuation_marks,
)
from dechaff.core.memo import TEXTS, on_clear
from dechaff.ruleset.line_model import LineModel

_DIGIT = re.compile(r"\d")
_BULLETS = tuple("*•-·►▪■◦>")
_INTRINSIC = ("good", "neargood", "short", "low_stopwords", "title_case")
_REASONS = ("no_letters", "timestamp", "separators", "copyright")
_OWN = (
    "log_weight",
    "density",
    "by_punct",
    "ends_sentence",
    "title_case",
    *(f"reason_{r}" for r in _REASONS),
    *(f"class_{c}" for c in _INTRINSIC),
    "good_in_context",
    "kept",
    "position",
    "weight_share_of_longest",
    "digit_share",
    "punct_per_word",
    "bullet",
    "repeated",
    "gap_before",
)
_NEIGHBOURS = (-2, -1, 1, 2)
_WINDOWS = (3, 10)
FEATURES: tuple[str, ...] = (
    *_OWN,
    *(f"{name}@{k:+d}" for k in _NEIGHBOURS for name in ("log_weight", "kept", "class_good", "density")),
    *(f"good_weight_within_{r}" for r in _WINDOWS),
    "page_kept_share",
    "page_kept_weight_share",
)


@lru_cache(maxsize=TEXTS)
def _shape(line: str) -> tuple[float, int, float]:
    """Digit share, punctuation marks, bullet: what a line's text alone says (memoised: each
    round of the cascade reads the same lines again)."""
    return (
        len(_DIGIT.findall(line)) / max(1, len(line)),
        punctuation_marks(line),
        float(line.startswith(_BULLETS)),
    )


on_clear(_shape.cache_clear)


def _shift(values: np.ndarray, k: int) -> np.ndarray:
    """values[i - k] at i (zero outside the page)."""
    out = np.zeros_like(values)
    if k > 0:
        out[k:] = values[:-k]
    else:
        out[:k] = values[-k:]
    return out


def _window(values: np.ndarray, radius: int) -> np.ndarray:
    """Sum of values[i - radius .. i + radius] at each i."""
    sums = np.concatenate([[0.0], np.cumsum(values)])
    i = np.arange(len(values))
    return sums[np.minimum(i + radius + 1, len(values))] - sums[np.maximum(i - radius, 0)]


def line_table(
    lines: Sequence[str],
    gaps: Sequence[bool],
    stopwords: frozenset[str],
    lang: str,
    params: ClassifierParams,
    labels: Sequence[str],
    measured: Measured | None = None,
) -> np.ndarray:
    """One row of `FEATURES` per line; `labels` are the classifier's (`classify`) for these lines,
    `measured` what it measured of them (`measure_lines`, measured again when not given). Built
    column by column: one Python pass per measure, not a Python list of 43 floats per line."""
    n = len(lines)
    if not n:
        return np.zeros((0, len(FEATURES)))
    feats, classes, in_context = (
        measured if measured is not None else measure_lines(lines, stopwords, lang, params)
    )

    def column(values: Iterable[float]) -> np.ndarray:
        return np.fromiter(values, dtype=float, count=n)

    counts = Counter(lines)
    shapes = [_shape(line) for line in lines]
    weight = column(f.weight for f in feats)
    own = {
        "log_weight": column(math.log1p(f.weight) for f in feats),
        "density": column(f.density for f in feats),
        "by_punct": column(f.by_punct for f in feats),
        "ends_sentence": column(f.ends_sentence for f in feats),
        "title_case": column(f.title_case for f in feats),
        **{f"reason_{r}": column(f.bad_reason == r for f in feats) for r in _REASONS},
        **{f"class_{k}": column(c == k for c in classes) for k in _INTRINSIC},
        "good_in_context": column(c == GOOD for c in in_context),
        "kept": column(label == GOOD for label in labels),
        "position": np.arange(n) / max(1, n - 1),
        "weight_share_of_longest": weight / weight.max(),
        "digit_share": column(s[0] for s in shapes),
        "punct_per_word": np.minimum(
            column(s[1] for s in shapes) / column(max(1, f.words) for f in feats), 2.0
        ),
        "bullet": column(s[2] for s in shapes),
        "repeated": column(counts[line] > 1 for line in lines),
        "gap_before": column(gaps),
    }
    log_weight, density, good_alone, kept = own["log_weight"], own["density"], own["class_good"], own["kept"]
    around = [_shift(v, k) for k in _NEIGHBOURS for v in (log_weight, kept, good_alone, density)]
    windows = [_window(weight * good_alone, r) / np.maximum(_window(weight, r), 1.0) for r in _WINDOWS]
    page = [np.full(n, kept.mean()), np.full(n, (weight * kept).sum() / weight.sum())]
    return np.column_stack([*(own[name] for name in _OWN), *around, *windows, *page])


def second_opinion(model: LineModel, table: np.ndarray, labels: Sequence[str]) -> list[str]:
    """The classifier's labels, with GOOD for each line the model gives `keep_above` or more."""
    if model.features != FEATURES:
        raise ValueError("the line model was fitted on other features than this version computes")
    sure = model.probabilities(table) >= model.keep_above
    return [GOOD if keep else label for label, keep in zip(labels, sure, strict=True)]
