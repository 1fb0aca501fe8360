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
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dechaff.quality.signals import DUP_NGRAMS, TOP_NGRAMS
from dechaff.ruleset.errors import did_you_mean

if TYPE_CHECKING:
    from dechaff.ruleset.schema import Setting

_OPS: dict[str, Callable[[float, float], bool]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


@dataclass(frozen=True, slots=True)
class Check:
    """Drop when `signal <op> threshold`; `reason` goes into the status (`dropped:<reason>`)."""

    key: str
    signal: str
    op: str
    reason: str


CHECKS: tuple[Check, ...] = (
    # GopherRepetitionFilter (datatrove's reasons, prefixed so they are not read as dedup)
    Check("max_dup_para_frac", "gopher_dup_para_frac", ">", "gopher_rep_dup_para_frac"),
    Check("max_dup_para_char_frac", "gopher_dup_para_char_frac", ">", "gopher_rep_dup_para_char_frac"),
    Check("max_dup_line_frac", "gopher_dup_line_frac", ">", "gopher_rep_dup_line_frac"),
    Check("max_dup_line_char_frac", "gopher_dup_line_char_frac", ">", "gopher_rep_dup_line_char_frac"),
    *(
        Check(f"max_top_{n}gram_char_frac", f"gopher_top_{n}gram_char_frac", ">", f"gopher_rep_top_{n}gram")
        for n in TOP_NGRAMS
    ),
    *(
        Check(f"max_dup_{n}gram_char_frac", f"gopher_dup_{n}gram_char_frac", ">", f"gopher_rep_dup_{n}grams")
        for n in DUP_NGRAMS
    ),
    # GopherQualityFilter
    Check("min_doc_words", "gopher_words", "<", "gopher_short_doc"),
    Check("max_doc_words", "gopher_words", ">", "gopher_long_doc"),
    Check("min_avg_word_length", "gopher_mean_word_length", "<", "gopher_below_avg_threshold"),
    Check("max_avg_word_length", "gopher_mean_word_length", ">", "gopher_above_avg_threshold"),
    Check("max_symbol_word_ratio", "gopher_hash_ratio", ">", "gopher_too_many_hashes"),
    Check("max_symbol_word_ratio", "gopher_ellipsis_ratio", ">", "gopher_too_many_ellipsis"),
    Check("max_bullet_lines_ratio", "gopher_bullet_lines", ">", "gopher_too_many_bullets"),
    Check("max_ellipsis_lines_ratio", "gopher_ellipsis_lines", ">", "gopher_too_many_end_ellipsis"),
    # datatrove calls this one max_non_alpha_words_ratio, but it is a floor on words with a letter
    Check("min_alpha_words_ratio", "gopher_alpha_words", "<", "gopher_below_alpha_threshold"),
    # datatrove: gopher_enough_stop_words
    Check("min_stop_words", "gopher_stop_words", "<", "gopher_too_few_stop_words"),
    # C4QualityFilter: its whole-document drops (its line drops are the cascade's job here)
    Check("max_lorem_ipsum_lines", "c4_lorem_ipsum_lines", ">", "c4_lorem_ipsum"),
    Check("max_curly_bracket_lines", "c4_curly_bracket_lines", ">", "c4_curly_bracket"),
    Check("min_sentences", "c4_sentences", "<", "c4_too_few_sentences"),
    # FineWebQualityFilter (its comparisons: at or below / at or above the threshold drops)
    Check("min_line_punct_ratio", "fineweb_line_punct_ratio", "<=", "fineweb_line_punct_ratio"),
    Check("max_short_line_ratio", "fineweb_short_line_ratio", ">=", "fineweb_short_line_ratio"),
    Check("max_char_dup_ratio", "fineweb_char_dup_ratio", ">=", "fineweb_char_dup_ratio"),
    Check("max_list_ratio", "fineweb_list_ratio", ">", "fineweb_list_ratio"),
)
THRESHOLD_KEYS: tuple[str, ...] = tuple(dict.fromkeys(check.key for check in CHECKS))


def thresholds_for(sections: Iterable[Mapping[str, Setting] | None]) -> dict[str, float]:
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
    """
    for check in CHECKS:
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
