"""The decide step: thresholds from rule files (strict schema, merged default -> language -> site)
turn signals into `dropped:<reason>`; `--no-filter` keeps everything."""

from __future__ import annotations

from pathlib import Path

import pytest

from dechaff.cleaners import PARAM_SPECS
from dechaff.core.names import SIGNAL_TYPES
from dechaff.core.sections import CHECKS, THRESHOLD_KEYS
from dechaff.engine.engine import DocResult, Engine, Settings
from dechaff.io.inputs import Source
from dechaff.quality.filters import first_failure, parse_threshold, thresholds_for
from dechaff.quality.signals import signals
from dechaff.ruleset.errors import RuleFileError
from dechaff.ruleset.loader import RuleBook, load_rulebook
from dechaff.text.stoplists import stoplist_for

from conftest import ROOT, rules_copy


def test_every_check_reads_a_signal_and_every_key_is_in_the_default_file(book: RuleBook) -> None:
    assert all(check.signal in SIGNAL_TYPES for check in CHECKS)
    assert set(thresholds_for([book.default.filters])) == set(THRESHOLD_KEYS)


@pytest.mark.parametrize(
    ("values", "thresholds", "reason"),
    [
        ({"gopher_words": 49}, {"min_doc_words": 50}, "gopher_short_doc"),
        ({"gopher_words": 50}, {"min_doc_words": 50}, None),  # a floor: equal passes
        ({"gopher_hash_ratio": 0.11}, {"max_symbol_word_ratio": 0.1}, "gopher_too_many_hashes"),
        ({"gopher_ellipsis_ratio": 0.11}, {"max_symbol_word_ratio": 0.1}, "gopher_too_many_ellipsis"),
        ({"fineweb_line_punct_ratio": 0.12}, {"min_line_punct_ratio": 0.12}, "fineweb_line_punct_ratio"),
        ({"fineweb_short_line_ratio": 0.67}, {"max_short_line_ratio": 0.67}, "fineweb_short_line_ratio"),
        ({"fineweb_short_line_ratio": 0.66}, {"max_short_line_ratio": 0.67}, None),
        ({"c4_curly_bracket_lines": 1}, {"max_curly_bracket_lines": 0}, "c4_curly_bracket"),
        ({"gopher_stop_words": None}, {"min_stop_words": 2}, None),  # no list, no judgement
        ({"gopher_stop_words": 1}, {"min_stop_words": 2}, "gopher_too_few_stop_words"),
        ({"gopher_words": 10}, {}, None),  # a check no file sets is off
    ],
)
def test_comparisons(
    values: dict[str, float | None], thresholds: dict[str, float], reason: str | None
) -> None:
    assert first_failure(values, thresholds) == reason


def test_first_failing_check_in_fineweb_order_names_the_drop() -> None:
    # Both fail; repetition runs before quality, as in FineWeb's pipeline.
    values = {"gopher_words": 10, "gopher_dup_line_frac": 0.5}
    thresholds = {"min_doc_words": 50, "max_dup_line_frac": 0.3}
    assert first_failure(values, thresholds) == "gopher_rep_dup_line_frac"


def test_languages_override_the_default(book: RuleBook) -> None:
    en = thresholds_for(book.filter_sections("en", None))
    es = thresholds_for(book.filter_sections("es", None))
    fr = thresholds_for(book.filter_sections("fr", None))
    pt = thresholds_for(book.filter_sections("pt", None))  # no pack: lang_filters.yaml alone
    assert en["min_avg_word_length"] == 3 and es["min_avg_word_length"] == 4  # FineWeb-2 spa_Latn
    assert en["min_sentences"] == 3 and "min_sentences" not in fr  # FineWeb-2: no C4 checks
    assert fr["min_doc_words"] == 50  # not overridden: the default's
    assert pt["min_line_punct_ratio"] == 0.154 and "min_sentences" not in pt  # FineWeb-2 por_Latn


def test_a_pack_wins_over_the_language_table(tmp_path: Path) -> None:
    root = rules_copy(tmp_path)
    pack = root / "lang" / "es.yaml"
    pack.write_text(
        pack.read_text(encoding="utf-8") + "filters:\n  min_avg_word_length: 2\n", encoding="utf-8"
    )
    book = load_rulebook(root, PARAM_SPECS)
    es = thresholds_for(book.filter_sections("es", None))
    assert es["min_avg_word_length"] == 2 and es["max_avg_word_length"] == 14  # the rest: FineWeb-2's


def test_the_language_table_is_checked_like_a_rule_file(tmp_path: Path) -> None:
    root = rules_copy(tmp_path)
    table = root / "lang_filters.yaml"
    table.write_text(
        table.read_text(encoding="utf-8").replace("max_list_ratio: 0.23\n", "max_list_ratio: -1\n", 1)
    )
    with pytest.raises(
        RuleFileError, match=r"lang_filters.yaml:\d+: 'filters.max_list_ratio' must be 0 or more"
    ):
        load_rulebook(root, PARAM_SPECS)


def test_site_file_switches_a_check_off(tmp_path: Path) -> None:
    site = "version: 1\nlang: fr\nfilters:\n  min_doc_words: null\n  max_list_ratio: 0.5\n"
    root = rules_copy(tmp_path, {"short.example": site})
    book = load_rulebook(root, PARAM_SPECS)
    merged = thresholds_for(book.filter_sections("fr", book.site_for_host("short.example")))
    assert "min_doc_words" not in merged and merged["max_list_ratio"] == 0.5


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("version: 1\nfilters:\n  min_doc_word: 3\n", 3, "unknown key 'min_doc_word' in 'filters' (did"),
        ("version: 1\nfilters:\n  min_doc_words: many\n", 3, "'filters.min_doc_words' must be a number"),
        ("version: 1\nfilters:\n  min_doc_words: -1\n", 3, "must be 0 or more"),
        ("version: 1\nfilters: [min_doc_words]\n", 2, "'filters' must be a mapping"),
        ("version: 1\ndedup:\n  threshold: 0.5\n", 2, "unknown key 'dedup'"),  # run-wide: default file only
    ],
)
def test_bad_filters_section(tmp_path: Path, text: str, line: int, message: str) -> None:
    root = rules_copy(tmp_path, {"broken.example": text})
    with pytest.raises(RuleFileError) as err:
        load_rulebook(root, PARAM_SPECS)
    assert (err.value.path, err.value.line) == ("rules/sites/broken.example.yaml", line)
    assert message in err.value.message


@pytest.mark.parametrize(
    ("section", "message"),
    [
        ("dedup:\n  threshold: 1.5\n", "must be above 0 and at most 1"),
        ("dedup:\n  num_perm: 0\n", "'dedup.num_perm' must be 1 or more"),
        ("dedup:\n  shingle_word: 3\n", "did you mean 'shingle_words'"),
    ],
)
def test_bad_dedup_section(tmp_path: Path, section: str, message: str) -> None:
    root = rules_copy(tmp_path, default_extra=section)
    with pytest.raises(RuleFileError) as err:
        load_rulebook(root, PARAM_SPECS)
    assert err.value.path == "rules/_default.yaml" and message in err.value.message


def test_parse_threshold() -> None:
    assert parse_threshold("max_dup_line_frac=0.1") == ("max_dup_line_frac", 0.1)
    with pytest.raises(ValueError, match="did you mean 'min_doc_words'"):
        parse_threshold("min_doc_word=3")
    with pytest.raises(ValueError, match="give a number"):
        parse_threshold("min_doc_words")


def _process(book: RuleBook, tmp_path: Path, text: str, settings: Settings | None = None) -> DocResult:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return Engine(book, settings or Settings()).process(Source("doc", path))


def test_engine_drops_a_short_page_but_records_its_signals(book: RuleBook, tmp_path: Path) -> None:
    text = "Le conseil municipal a adopté le budget de la ville après un long débat.\n"
    result = _process(book, tmp_path, text)
    assert result.row["status"] == "dropped:gopher_short_doc"
    assert result.text == text  # kept for auditing the filter; export leaves it out
    assert result.row["gopher_words"] == 14 and result.row["chars_out"] == len(text)
    kept = _process(book, tmp_path, text, Settings(quality_filter=False))
    assert kept.row["status"] == "ok" and kept.text == text
    assert kept.row["gopher_words"] == 14


def test_engine_measures_french_with_the_french_list(book: RuleBook) -> None:
    seed = ROOT / "seeds" / "003_b316738c01c27c10.txt"
    result = Engine(book).process(Source(seed.stem, seed))
    assert result.row["status"] == "ok" and result.row["lang"] == "fr" and result.text
    pack = book.langs["fr"].stopwords  # the French pack adds words to jusText's list
    assert "vous" in pack and "vous" not in stoplist_for("fr")
    french = signals(result.text, stoplist_for("fr", extra=frozenset(pack)))["gopher_stop_words"]
    bare = signals(result.text, stoplist_for("fr"))["gopher_stop_words"]
    english = signals(result.text, stoplist_for("en"))["gopher_stop_words"]
    assert result.row["gopher_stop_words"] == french
    assert isinstance(bare, int) and isinstance(english, int) and french > bare > 3 * english


@pytest.mark.parametrize(
    ("lines", "reason"),
    [
        (4, None),  # a share of 4 lines does not decide
        (5, "fineweb_line_punct_ratio"),
        (None, "fineweb_line_punct_ratio"),  # a row from before the column: the check decides
    ],
)
def test_line_shares_need_enough_lines(lines: int | None, reason: str | None) -> None:
    values = {"fineweb_line_punct_ratio": 0.0, "gopher_words": 10, "fineweb_lines": lines}
    limits = {"min_line_punct_ratio": 0.12, "min_lines_for_line_shares": 5}
    assert first_failure(values, limits) == reason
    # other checks still decide for a short text
    assert first_failure(values, {**limits, "min_doc_words": 50}) == "gopher_short_doc"
    assert first_failure(values, {"min_line_punct_ratio": 0.12}) == "fineweb_line_punct_ratio"  # key unset


def test_a_portuguese_page_is_judged_by_fineweb2s_portuguese_values(book: RuleBook, tmp_path: Path) -> None:
    # Two sentences: under C4's minimum, which FineWeb-2 does not check (no Portuguese pack: the
    # language table alone supplies the values).
    text = (
        "A câmara municipal aprovou ontem o novo orçamento da cidade depois de um longo debate entre os "
        "vereadores da maioria e os da oposição, e a nova ponte sobre o rio será construída no próximo ano "
        "e deverá custar cerca de dois milhões de euros aos contribuintes da região. Os moradores do "
        "bairro disseram que estavam satisfeitos com a decisão, que esperavam há mais de dez anos.\n"
    )
    result = _process(book, tmp_path, text)
    assert result.row["lang"] == "pt" and result.row["c4_sentences"] == 2
    assert result.row["status"] == "ok"
    no_table = load_rulebook(rules_copy(tmp_path / "bare"), PARAM_SPECS)
    (no_table.root / "lang_filters.yaml").unlink()
    bare = _process(load_rulebook(no_table.root, PARAM_SPECS), tmp_path, text)
    assert bare.row["status"] == "dropped:c4_too_few_sentences"  # without the table: FineWeb's values
