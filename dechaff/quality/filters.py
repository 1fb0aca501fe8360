"""The decide step: thresholds from the rule files' `filters:` sections turn signals into a drop reason.

Each check compares one signal column with one threshold the way datatrove's filter does; the
first failing check, in the order FineWeb ran the filters (Gopher repetition, Gopher quality,
C4, FineWeb), names the drop: `dropped:<reason>`. The values live in the rule files only
(`rules/_default.yaml`: the published Gopher / C4 / FineWeb values; `rules/lang/*.yaml`:
FineWeb-2's per-language ones), merged `_default` -> language pack -> site; `null` turns a
check off, and a check no file sets is off.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Mapping

from dechaff.core.sections import CHECKS, MIN_LINES_KEY, THRESHOLD_KEYS, Section
from dechaff.ruleset.errors import did_you_mean

_OPS: dict[str, Callable[[float, float], bool]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


def thresholds_for(sections: Iterable[Section | None]) -> dict[str, float]:
    """Merge `filters:` sections in cascade order (later wins; null switches a check off)."""
    merged: dict[str, float | None] = {}
    for section in sections:
        for key, setting in (section or {}).items():
            merged[key] = setting.value
    return {key: value for key, value in merged.items() if value is not None}


def first_failure(values: Mapping[str, object], thresholds: Mapping[str, float]) -> str | None:
    """The reason of the first check that fails, or None to keep the document.

    A missing or null signal (no stop-word list for the language) fails no check.

    >>> first_failure({"gopher_words": 12}, {"min_doc_words": 50})
    'gopher_short_doc'
    >>> first_failure({"gopher_words": 50}, {"min_doc_words": 50}) is None
    True

    A share of lines does not decide for a text of fewer than `min_lines_for_line_shares` lines:

    >>> short = {"fineweb_line_punct_ratio": 0.0, "fineweb_lines": 2}
    >>> first_failure(short, {"min_line_punct_ratio": 0.12, "min_lines_for_line_shares": 5}) is None
    True
    """
    lines = values.get("fineweb_lines")
    few_lines = isinstance(lines, int) and lines < thresholds.get(MIN_LINES_KEY, 0)
    for check in CHECKS:
        if few_lines and check.line_share:
            continue
        limit = thresholds.get(check.key)
        value = values.get(check.signal)
        if limit is not None and isinstance(value, int | float) and _OPS[check.op](value, limit):
            return check.reason
    return None


def parse_threshold(text: str) -> tuple[str, float]:
    """`key=value` as given on a command line; ValueError with a hint for a bad one.

    >>> parse_threshold("min_doc_words=100")
    ('min_doc_words', 100.0)
    """
    key, sep, value = text.partition("=")
    key = key.strip()
    if key not in THRESHOLD_KEYS:
        raise ValueError(f"unknown threshold '{key}'{did_you_mean(key, THRESHOLD_KEYS)}")
    hint = f"'{text}': give a number, as in {key}=0.5"
    if not sep:
        raise ValueError(hint)
    try:
        return key, float(value)
    except ValueError:
        raise ValueError(hint) from None
