"""Names every layer shares: the cleaning steps in cascade order, and the table columns they give
rise to. The cleaners, the tables, the reports and the decide step read them here, so none of
them has to import another layer to learn a name."""

from __future__ import annotations

MOJIBAKE = "mojibake"  # ftfy repair before normalising (`dechaff.io.mojibake`)
NORMALISE = "normalise"
# site_rules first: a site's own directives (and the fields they extract) win over heuristics;
# paragraphs last: the generic classifier only judges what the specific cleaners left.
CASCADE_NAMES: tuple[str, ...] = (
    "site_rules",
    "site_boilerplate",
    "cookies",
    "live_feed",
    "comments",
    "captions",
    "related_links",
    "breadcrumbs",
    "bylines",
    "ui_tokens",
    "foreign_script",
    "repeated_lines",
    "paragraphs",
)
NAMES: tuple[str, ...] = (MOJIBAKE, NORMALISE, *CASCADE_NAMES)
"""Every step that can remove text, as named in `removed.parquet` and the `removed_*` columns."""

REMOVED_PREFIX = "removed_"  # metadata column `removed_<step>`: lines that step removed
REMOVED_TEXT_MAX = 2000  # a 20 MB line is recorded by its span; its text cell keeps the first chars

TOP_NGRAMS = (2, 3, 4)
DUP_NGRAMS = (5, 6, 7, 8, 9, 10)
# Column name -> Python type (int -> int32, float -> float32), in the metadata's column order.
SIGNAL_TYPES: dict[str, type] = {
    # Gopher quality (datatrove GopherQualityFilter; Rae et al. 2021, Gopher paper, appendix A)
    "gopher_words": int,
    "gopher_mean_word_length": float,
    "gopher_hash_ratio": float,
    "gopher_ellipsis_ratio": float,
    "gopher_bullet_lines": float,
    "gopher_ellipsis_lines": float,
    "gopher_alpha_words": float,
    "gopher_stop_words": int,
    # Gopher repetition (datatrove GopherRepetitionFilter; Gopher paper, table A1)
    "gopher_dup_para_frac": float,
    "gopher_dup_para_char_frac": float,
    "gopher_dup_line_frac": float,
    "gopher_dup_line_char_frac": float,
    **{f"gopher_top_{n}gram_char_frac": float for n in TOP_NGRAMS},
    **{f"gopher_dup_{n}gram_char_frac": float for n in DUP_NGRAMS},
    # C4 (datatrove C4QualityFilter; Raffel et al. 2020, section 2.2)
    "c4_sentences": int,
    "c4_short_lines": float,
    "c4_javascript_lines": int,
    "c4_policy_lines": int,
    "c4_lorem_ipsum_lines": int,
    "c4_curly_bracket_lines": int,
    # FineWeb (datatrove FineWebQualityFilter; Penedo et al. 2024)
    "fineweb_line_punct_ratio": float,
    "fineweb_short_line_ratio": float,
    "fineweb_char_dup_ratio": float,
    "fineweb_list_ratio": float,
    # the lines the two FineWeb line shares are over (table rows left out, a glued line counted as its
    # sentence pieces): with few of them a share says little, see `min_lines_for_line_shares`
    "fineweb_lines": int,
}
SIGNALS: tuple[str, ...] = tuple(SIGNAL_TYPES)
