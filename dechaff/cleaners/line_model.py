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
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain

import numpy as np

from dechaff.cleaners.classifier_core import (
    GOOD,
    ClassifierParams,
    Measured,
    digits_and_marks,
    measure_lines,
)
from dechaff.core.compiled import twin
from dechaff.core.memo import TEXTS, on_clear
from dechaff.ruleset.line_model import LineModel

_BULLET_CHARS = "*•-·►▪■◦>"
_BULLETS = tuple(_BULLET_CHARS)
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
_AROUND = ("log_weight", "kept", "class_good", "density")  # what each line reads of its neighbours
_WINDOWS = (3, 10)
FEATURES: tuple[str, ...] = (
    *_OWN,
    *(f"{name}@{k:+d}" for k in _NEIGHBOURS for name in _AROUND),
    *(f"good_weight_within_{r}" for r in _WINDOWS),
    "page_kept_share",
    "page_kept_weight_share",
)


@lru_cache(maxsize=TEXTS)
def _shape(line: str) -> tuple[float, int, float]:
    """Digit share, punctuation marks, bullet: what a line's text alone says (memoised: each
    round of the cascade reads the same lines again)."""
    digits, marks = digits_and_marks(line)
    return digits / max(1, len(line)), marks, float(line.startswith(_BULLETS))


on_clear(_shape.cache_clear)


def _sums(values: np.ndarray) -> np.ndarray:
    """The running sums of `values` after a 0: what `_window` reads (one per column, whatever the
    radius)."""
    return np.concatenate([[0.0], np.cumsum(values)])


def _window(sums: np.ndarray, radius: int) -> np.ndarray:
    """Sum of values[i - radius .. i + radius] at each i, from `_sums(values)`."""
    n = len(sums) - 1
    i = np.arange(n)
    return sums[np.minimum(i + radius + 1, n)] - sums[np.maximum(i - radius, 0)]


_COLUMN = {name: k for k, name in enumerate(FEATURES)}

# `_measure.line_rows` (C) fills the columns as they are laid out here: _OWN in its order (the C's
# enum), 4 reasons and 5 classes ("good" first), the neighbours and windows below, then the two
# page shares (numpy's, summed pairwise). Another layout runs the Python twin, and the twin tests,
# which compare the two tables column by column, fail until the C follows.
_C_LAYOUT = (
    len(_OWN) == 23
    and (len(_REASONS), len(_INTRINSIC), _INTRINSIC[0]) == (4, 5, "good")
    and (_NEIGHBOURS, _AROUND, _WINDOWS)
    == ((-2, -1, 1, 2), ("log_weight", "kept", "class_good", "density"), (3, 10))
    and FEATURES[-2:] == ("page_kept_share", "page_kept_weight_share")
)
_c = twin("dechaff.cleaners._measure") if _C_LAYOUT else None
COMPILED = _c is not None  # tests turn it off to compare the two


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
    a block of columns at a time into one array: a few numpy operations per page, not a Python
    list of 43 floats per line nor a Python pass per column."""
    n = len(lines)
    table = np.zeros((n, len(FEATURES)))
    if not n:
        return table
    feats, classes, in_context = (
        measured if measured is not None else measure_lines(lines, stopwords, lang, params)
    )
    col = _COLUMN
    if COMPILED:  # 0.41 -> 0.09 ms a dev-set page (the C fills all but the two shares)
        weight = np.empty(n)
        filled = _c.line_rows(  # type: ignore[union-attr]
            table,
            weight,
            lines,
            gaps,
            feats,
            classes,
            in_context,
            labels,
            GOOD,
            _REASONS,
            _INTRINSIC,
            _BULLET_CHARS,
        )
        if filled is not NotImplemented:  # else items of other types than the classifier's (_measure.c)
            kept = table[:, col["kept"]]
            table[:, col["page_kept_share"]] = kept.mean()
            table[:, col["page_kept_weight_share"]] = (weight * kept).sum() / weight.sum()
            return table
    # the classifier's numeric measures (a line's first six fields), by their own names
    # (np.fromiter over the flat values: np.array of a list of tuples converts row by row, 1 us each)
    firsts = np.fromiter(chain.from_iterable(f[:6] for f in feats), float, 6 * n).reshape(n, 6)
    own = dict(zip(feats[0]._fields[:6], firsts.T, strict=True))
    weight = own["weight"]
    for name in ("density", "by_punct", "ends_sentence", "title_case"):
        table[:, col[name]] = own[name]
    table[:, col["log_weight"]] = list(map(math.log1p, (f.weight for f in feats)))
    # object arrays: strings compared as Python compares them (a numpy str array drops trailing NULs)
    reasons = np.array([f.bad_reason for f in feats], dtype=object)
    for r in _REASONS:
        table[:, col[f"reason_{r}"]] = reasons == r
    alone = np.array(classes, dtype=object)
    for k in _INTRINSIC:
        table[:, col[f"class_{k}"]] = alone == k
    table[:, col["good_in_context"]] = np.array(in_context, dtype=object) == GOOD
    table[:, col["kept"]] = np.array(labels, dtype=object) == GOOD
    table[:, col["position"]] = np.arange(n) / max(1, n - 1)
    table[:, col["weight_share_of_longest"]] = weight / weight.max()
    shapes = np.fromiter(chain.from_iterable(map(_shape, lines)), float, 3 * n).reshape(n, 3)
    table[:, col["digit_share"]] = shapes[:, 0]
    table[:, col["punct_per_word"]] = np.minimum(shapes[:, 1] / np.maximum(own["words"], 1.0), 2.0)
    table[:, col["bullet"]] = shapes[:, 2]
    counts = Counter(lines)
    table[:, col["repeated"]] = [counts[line] > 1 for line in lines]
    table[:, col["gap_before"]] = gaps
    base = table[:, [col[name] for name in _AROUND]]
    for k in _NEIGHBOURS:  # "@+k" at line i is line i - k's (zero past the page's ends)
        if abs(k) >= n:
            continue  # no line of the page has a neighbour that far
        at = [col[f"{name}@{k:+d}"] for name in _AROUND]
        if k > 0:
            table[k:, at] = base[: n - k]
        else:
            table[: n + k, at] = base[-k:]
    good_alone, kept = table[:, col["class_good"]], table[:, col["kept"]]
    good_sums, weight_sums = _sums(weight * good_alone), _sums(weight)
    for r in _WINDOWS:
        table[:, col[f"good_weight_within_{r}"]] = _window(good_sums, r) / np.maximum(
            _window(weight_sums, r), 1.0
        )
    table[:, col["page_kept_share"]] = kept.mean()
    table[:, col["page_kept_weight_share"]] = (weight * kept).sum() / weight.sum()
    return table


def second_opinion(model: LineModel, table: np.ndarray, labels: Sequence[str]) -> list[str]:
    """The classifier's labels, with GOOD for each line the model gives `keep_above` or more."""
    if model.features != FEATURES:
        raise ValueError("the line model was fitted on other features than this version computes")
    sure = model.probabilities(table) >= model.keep_above
    return [GOOD if keep else label for label, keep in zip(labels, sure, strict=True)]
