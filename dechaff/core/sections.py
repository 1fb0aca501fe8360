"""The shapes of the rule-file sections that are not cleaners (`html:`, `dedup:`, `filters:`) and
the one way sections merge. The schema validates them, the engine, the extractor and the decide
step read them; keeping them here lets each of those import down only."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from typing import Any, Protocol

from dechaff.core.names import DUP_NGRAMS, TOP_NGRAMS


class HasValue(Protocol):
    """A setting as the schema keeps it (`ruleset.schema.Setting`): a value and where it was written."""

    @property
    def value(self) -> Any: ...


Section = Mapping[str, HasValue]


def defaults_of(params_type: type) -> dict[str, Any]:
    """A settings dataclass's defaults by field name."""
    return {f.name: f.default for f in fields(params_type)}


def merge_sections(values: Mapping[str, Any], sections: Iterable[Section | None]) -> dict[str, Any]:
    """`values` updated by each section in cascade order (default, language pack, site): a list
    setting extends the one before it, any other value overrides it.

    >>> class S:
    ...     def __init__(self, value): self.value = value
    >>> merge_sections({"xs": ("a",), "n": 1}, [{"xs": S(("b",))}, None, {"n": S(2)}])
    {'xs': ('a', 'b'), 'n': 2}
    """
    out = dict(values)
    for section in sections:
        for key, setting in (section or {}).items():
            old = out[key]
            out[key] = old + setting.value if isinstance(old, tuple) else setting.value
    return out


# --- html: how a page is extracted before the text cascade --------------------------------------
# The defaults here are trafilatura's own; the project's tuned values live in `rules/_default.yaml`.

FAVOR = ("precision", "balanced", "recall")
CLASSIFIER_MODES = ("full", "trim")


@dataclass(frozen=True, slots=True)
class HtmlParams:
    """Extraction options for one cascade (default + language pack + site)."""

    prune_xpaths: tuple[str, ...] = ()  # elements removed from the tree before extraction
    favor: str = "balanced"  # trafilatura's precision / recall trade-off
    include_tables: bool = True
    include_comments: bool = True
    fast: bool = False  # trafilatura's fast mode: no second opinion from its own fallback extractors
    metadata: bool = True  # trafilatura's page metadata (title, author, date, site name, categories)
    min_extracted_chars: int = 0  # below this, jusText also runs and the longer text wins
    skip_cleaners: tuple[str, ...] = ()  # cascade steps that extraction makes redundant
    classifier: str = "full"  # the line classifier after extraction: full (as on dumps) | trim
    table_cells: bool = False  # trafilatura's "| a | b |" table rows become one line per cell
    headline: bool = False  # the page's headline above the extracted text when the extractor left it out
    # An extraction with fewer words than this share of the whole page's is looked at again
    # (0: never): precision mode against balanced mode, the extraction against the text cascade
    # over the page's naive dump.
    recheck_share: float = 0.0
    collapsed_share: float = 0.2  # precision mode under this share of balanced mode's words: balanced wins
    page_dump_gain: float = 0.0  # the cascade over the page dump wins with this many times the words (0: off)


def html_params(sections: Iterable[Section | None]) -> HtmlParams:
    """The extraction options of one cascade, from its files' `html:` sections."""
    return HtmlParams(**merge_sections(defaults_of(HtmlParams), sections))


# --- dedup: near-duplicate parameters (default file only) --------------------------------------


@dataclass(frozen=True, slots=True)
class DedupConfig:
    """Near-duplicate parameters (a `dedup:` section in `rules/_default.yaml` overrides them).

    5-word shingles are FineWeb's; 0.8 Jaccard is the usual near-duplicate bar (NeMo Curator,
    dolma); 128 permutations keep the LSH estimate within about 0.04.
    """

    shingle_words: int = 5
    threshold: float = 0.8
    num_perm: int = 128
    seed: int = 1

    @classmethod
    def from_section(cls, section: Section | None) -> DedupConfig:
        return cls(**{key: setting.value for key, setting in (section or {}).items()})


DEDUP_PARAMS: dict[str, type] = {f.name: type(f.default) for f in fields(DedupConfig)}


# --- filters: the decide step's checks, each a signal column against one threshold -------------


@dataclass(frozen=True, slots=True)
class Check:
    """Drop when `signal <op> threshold`; `reason` goes into the status (`dropped:<reason>`)."""

    key: str
    signal: str
    op: str
    reason: str
    line_share: bool = False  # a share of lines: it does not decide for a text of too few lines


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
    Check("max_bullet_lines_ratio", "gopher_bullet_lines", ">", "gopher_too_many_bullets", True),
    Check("max_ellipsis_lines_ratio", "gopher_ellipsis_lines", ">", "gopher_too_many_end_ellipsis", True),
    # datatrove calls this one max_non_alpha_words_ratio, but it is a floor on words with a letter
    Check("min_alpha_words_ratio", "gopher_alpha_words", "<", "gopher_below_alpha_threshold"),
    # datatrove: gopher_enough_stop_words
    Check("min_stop_words", "gopher_stop_words", "<", "gopher_too_few_stop_words"),
    # C4QualityFilter: its whole-document drops (its line drops are the cascade's job here)
    Check("max_lorem_ipsum_lines", "c4_lorem_ipsum_lines", ">", "c4_lorem_ipsum"),
    Check("max_curly_bracket_lines", "c4_curly_bracket_lines", ">", "c4_curly_bracket"),
    Check("min_sentences", "c4_sentences", "<", "c4_too_few_sentences"),
    # FineWebQualityFilter (its comparisons: at or below / at or above the threshold drops)
    Check("min_line_punct_ratio", "fineweb_line_punct_ratio", "<=", "fineweb_line_punct_ratio", True),
    Check("max_short_line_ratio", "fineweb_short_line_ratio", ">=", "fineweb_short_line_ratio", True),
    Check("max_char_dup_ratio", "fineweb_char_dup_ratio", ">=", "fineweb_char_dup_ratio"),
    Check("max_list_ratio", "fineweb_list_ratio", ">", "fineweb_list_ratio"),
)
# Below this many lines (`fineweb_lines`) the line-share checks do not decide: one line without a
# final stop is 0% or 100% punctuated. Not in datatrove; 0 restores its behaviour.
MIN_LINES_KEY = "min_lines_for_line_shares"
THRESHOLD_KEYS: tuple[str, ...] = (*dict.fromkeys(check.key for check in CHECKS), MIN_LINES_KEY)
