"""rules/lang_filters.yaml: FineWeb-2's thresholds for every language the detector names, as
tools/fineweb2_filters.py writes them from FineWeb-2's configs."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import langdetect
import yaml

from dechaff.ruleset.loader import RuleBook

from conftest import ROOT


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fineweb2_filters", ROOT / "tools" / "fineweb2_filters.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _detector_languages() -> set[str]:
    profiles = Path(langdetect.__file__).parent / "profiles"
    return {p.name.split("-")[0] for p in profiles.iterdir()}


def test_every_language_the_detector_names_has_fineweb2_values_except_english(book: RuleBook) -> None:
    assert book.lang_filters is not None and book.lang_filters.languages is not None
    table = set(book.lang_filters.languages)
    assert _detector_languages() - table == {"en"}  # FineWeb-2 is FineWeb's non-English part
    assert table == set(_tool().CONFIGS)


def test_the_tool_maps_fineweb2_keys_to_ours(tmp_path: Path) -> None:
    # A made-up config in FineWeb-2's layout, the same for every language.
    config = {
        "dup_line_frac": 0.31,
        "dup_n_grams": [[n, n / 100] for n in range(5, 11)],
        "top_n_grams": [[n, n / 10] for n in (2, 3, 4)],
        "language_score": 0.5,
        "line_punct_thr": 0.07,
        "max_avg_word_length": 12,
        "min_avg_word_length": 2,
        "max_non_alpha_words_ratio": 0.77,
        "new_line_ratio": 0.2,
        "stopwords": ["a", "b"],
    }
    tool = _tool()
    for name in tool.CONFIGS.values():
        (tmp_path / f"{name}.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    table = yaml.safe_load(tool.render(tmp_path))
    assert table["filters"]["min_sentences"] is None and table["filters"]["max_char_dup_ratio"] == 0.1
    pt = table["languages"]["pt"]
    assert pt["max_dup_line_frac"] == 0.31 and pt["max_top_3gram_char_frac"] == 0.3
    assert pt["max_dup_7gram_char_frac"] == 0.07 and pt["min_line_punct_ratio"] == 0.07
    assert pt["min_alpha_words_ratio"] == 0.77 and pt["max_list_ratio"] == 0.2
    assert (pt["min_avg_word_length"], pt["max_avg_word_length"]) == (2, 12)
