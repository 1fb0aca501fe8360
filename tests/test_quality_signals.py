"""Every quality signal against values computed by hand, on an English and a French text."""

from __future__ import annotations

import pytest

from dechaff.core.names import SIGNALS
from dechaff.quality.signals import signals, tokenize
from dechaff.text.stoplists import stoplist_for

# Lines (chars): "The cat sat on the mat." (23) twice, "Dogs bark loudly…" (17), "- #tag 2024" (11),
# "This site uses cookies. Accept?" (31); a blank line between them as cleaned text is written.
EN = (
    "The cat sat on the mat.\n\nThe cat sat on the mat.\n\nDogs bark loudly…\n\n- #tag 2024\n\n"
    "This site uses cookies. Accept?\n"
)
EN_CHARS = 23 + 2 + 23 + 2 + 17 + 2 + 11 + 2 + 31 + 1  # 114, of which 9 newlines

# Lines (chars): "Le président a déclaré : « C'est fini. » Il est parti." (54) twice,
# "• Lorem ipsum {dolor} sit amet" (30), "Activez JavaScript pour lire…" (29), "#Menu" (5).
FR_LINE = "Le président a déclaré : « C'est fini. » Il est parti."
FR = f"{FR_LINE}\n\n{FR_LINE}\n\n• Lorem ipsum {{dolor}} sit amet\n\nActivez JavaScript pour lire…\n\n#Menu\n"
FR_CHARS = 54 + 2 + 54 + 2 + 30 + 2 + 29 + 2 + 5 + 1  # 181, of which 9 newlines

EN_EXPECTED = {
    # tokens: 6 + 6 + 3 + 3 + 5 = 23; words: all but "-" = 22, of 17 + 17 + 14 + 7 + 25 = 80 chars
    "gopher_words": 22,
    "gopher_mean_word_length": 80 / 22,
    "gopher_hash_ratio": 1 / 22,  # one '#'
    "gopher_ellipsis_ratio": 1 / 22,  # one '…'
    "gopher_bullet_lines": 1 / 5,  # "- #tag 2024"
    "gopher_ellipsis_lines": 1 / 5,  # "Dogs bark loudly…"
    "gopher_alpha_words": 21 / 23,  # "-" and "2024" have no letter
    "gopher_stop_words": 8,  # English list: The, on, the twice (6) + This, site (2)
    "gopher_dup_para_frac": 1 / 5,  # the second "The cat sat on the mat."
    "gopher_dup_para_char_frac": 23 / EN_CHARS,
    "gopher_dup_line_frac": 1 / 5,
    "gopher_dup_line_char_frac": 23 / EN_CHARS,
    "gopher_top_2gram_char_frac": (3 + 3 + 1) * 2 / EN_CHARS,  # "The cat" twice
    "gopher_top_3gram_char_frac": (3 + 3 + 3 + 2) * 2 / EN_CHARS,  # "The cat sat" twice
    "gopher_top_4gram_char_frac": (3 + 3 + 3 + 2 + 3) * 2 / EN_CHARS,  # "The cat sat on" twice
    "gopher_dup_5gram_char_frac": (3 + 3 + 3 + 2 + 3) / EN_CHARS,  # "The cat sat on the" again
    "gopher_dup_6gram_char_frac": (3 + 3 + 3 + 2 + 3 + 3) / EN_CHARS,  # the whole sentence again
    "gopher_dup_7gram_char_frac": 0.0,  # nothing longer than 6 words repeats
    "gopher_dup_8gram_char_frac": 0.0,
    "gopher_dup_9gram_char_frac": 0.0,
    "gopher_dup_10gram_char_frac": 0.0,
    "c4_sentences": 4,  # one per line; the cookie line is a policy line, not counted
    "c4_short_lines": 0.0,  # every line has 3 words or more
    "c4_javascript_lines": 0,
    "c4_policy_lines": 1,  # "uses cookies"
    "c4_lorem_ipsum_lines": 0,
    "c4_curly_bracket_lines": 0,
    "fineweb_line_punct_ratio": 4 / 5,  # ". . … ?" end 4 lines, "2024" does not
    "fineweb_short_line_ratio": 4 / 5,  # all but the 31-char line have 30 chars or fewer
    "fineweb_char_dup_ratio": 23 / (EN_CHARS - 9),
    "fineweb_list_ratio": (5 - 1) / 23,
    "fineweb_lines": 5,
}

FR_EXPECTED = {
    # tokens: 12 + 12 + 6 + 4 + 1 = 35; words: ':' '«' '»' '•' are punctuation only, so 9 + 9 + 5 + 4 + 1
    # = 28, of 38 + 38 + 22 + 25 + 4 = 127 chars ("fini." -> fini, "{dolor}" -> dolor, "#Menu" -> Menu)
    "gopher_words": 28,
    "gopher_mean_word_length": 127 / 28,
    "gopher_hash_ratio": 1 / 28,
    "gopher_ellipsis_ratio": 1 / 28,
    "gopher_bullet_lines": 1 / 5,  # "• Lorem ..."
    "gopher_ellipsis_lines": 1 / 5,  # "... lire…"
    "gopher_alpha_words": 28 / 35,  # ':' '«' '»' twice and '•' have no letter
    # French list: le président a c'est il est parti (7) twice + pour
    "gopher_stop_words": 15,
    "gopher_dup_para_frac": 1 / 5,
    "gopher_dup_para_char_frac": 54 / FR_CHARS,
    "gopher_dup_line_frac": 1 / 5,
    "gopher_dup_line_char_frac": 54 / FR_CHARS,
    "gopher_top_2gram_char_frac": (2 + 9 + 1) * 2 / FR_CHARS,  # "Le président" twice
    "gopher_top_3gram_char_frac": (2 + 9 + 1 + 2) * 2 / FR_CHARS,  # "Le président a"
    "gopher_top_4gram_char_frac": (2 + 9 + 1 + 7 + 3) * 2 / FR_CHARS,  # "Le président a déclaré"
    # the 9 words of the sentence repeat: each n-gram of n <= 9 from its start is counted once
    "gopher_dup_5gram_char_frac": (2 + 9 + 1 + 7 + 5) / FR_CHARS,  # Le président a déclaré C'est
    "gopher_dup_6gram_char_frac": (24 + 4) / FR_CHARS,  # ... fini
    "gopher_dup_7gram_char_frac": (28 + 2) / FR_CHARS,  # ... Il
    "gopher_dup_8gram_char_frac": (30 + 3) / FR_CHARS,  # ... est
    "gopher_dup_9gram_char_frac": (33 + 5) / FR_CHARS,  # ... parti
    "gopher_dup_10gram_char_frac": 0.0,
    # 2 sentences per quote line ("fini. » Il"), 1 in the lorem line; the JavaScript line is
    # dropped before the count, "#Menu" is under 3 words
    "c4_sentences": 2 + 2 + 1,
    "c4_short_lines": 1 / 5,
    "c4_javascript_lines": 1,
    "c4_policy_lines": 0,
    "c4_lorem_ipsum_lines": 1,
    "c4_curly_bracket_lines": 1,  # "{dolor}"
    "fineweb_line_punct_ratio": 3 / 5,  # ". . …" end 3 lines
    "fineweb_short_line_ratio": 3 / 5,  # 30, 29 and 5 chars
    "fineweb_char_dup_ratio": 54 / (FR_CHARS - 9),
    "fineweb_list_ratio": (5 - 1) / 35,
    "fineweb_lines": 5,
}


@pytest.mark.parametrize(
    ("text", "lang", "expected"), [(EN, "en", EN_EXPECTED), (FR, "fr", FR_EXPECTED)], ids=["en", "fr"]
)
def test_every_signal_by_hand(text: str, lang: str, expected: dict[str, float | int]) -> None:
    assert len(text) == (EN_CHARS if lang == "en" else FR_CHARS)
    got = signals(text, stoplist_for(lang))
    assert list(got) == list(SIGNALS)
    assert set(expected) == set(SIGNALS)
    for name, value in expected.items():
        assert got[name] == pytest.approx(value), name
        assert type(got[name]) is type(value), name


def test_french_is_not_counted_with_english_stop_words() -> None:
    # English list on the French text: only "a", in each quote line.
    assert signals(FR, stoplist_for("en"))["gopher_stop_words"] == 2
    assert signals(FR, stoplist_for("fr"))["gopher_stop_words"] == 15


def test_no_stop_word_list_means_no_stop_word_signal() -> None:
    assert signals(EN, frozenset())["gopher_stop_words"] is None


def test_typographic_apostrophe_matches_the_stop_list() -> None:
    # "C’est" is looked up as "c'est"; "fini" is no stop word.
    assert signals("C’est fini.\n", stoplist_for("fr"))["gopher_stop_words"] == 1


def test_chinese_and_japanese_count_characters_as_words() -> None:
    # 中国的经济 (5 han), "。" punctuation only, "GDP" one word: 6 words of 5 * 1 + 3 chars.
    text = "中国的经济。GDP\n"
    assert tokenize(text) == ["中", "国", "的", "经", "济", "。GDP"]
    got = signals(text, frozenset())
    assert got["gopher_words"] == 6
    assert got["gopher_mean_word_length"] == pytest.approx(8 / 6)
    assert tokenize("ひらがな と カタカナ")[:2] == ["ひ", "ら"]


def test_a_text_without_repetition_has_zero_repetition_signals() -> None:
    got = signals("One two three four five six seven eight nine ten eleven.\n", frozenset())
    repetition = [name for name in SIGNALS if name.startswith("gopher_") and "gram" in name]
    assert len(repetition) == 9
    assert all(got[name] == 0.0 for name in repetition)


def test_empty_text_has_zero_signals() -> None:
    got = signals("", stoplist_for("en"))
    assert got["gopher_words"] == 0 and got["fineweb_line_punct_ratio"] == 0.0
    assert got["gopher_stop_words"] is None


def test_table_rows_are_no_lines_of_prose_for_fineweb_line_shares() -> None:
    text = "| Team | Points |\n| Lions | 12 |\n| Tigers | 9 |\nThe Lions won the league this year.\n"
    got = signals(text, frozenset())
    assert got["fineweb_lines"] == 1 and got["fineweb_line_punct_ratio"] == 1.0
    assert got["fineweb_short_line_ratio"] == 0.0  # the short rows are left out too
    assert got["gopher_bullet_lines"] == 0.0 and got["fineweb_list_ratio"] == 3 / 22  # others: every line


def test_a_glued_line_counts_as_its_sentences() -> None:
    sentence = "The committee met again on Monday to discuss the plans for the new library building. "
    glued = (sentence * 14).rstrip() + " Related stories Sport Weather"  # 1,200+ chars, no final stop
    got = signals(glued + "\n", frozenset())
    assert got["fineweb_lines"] == 7  # two sentences a piece (150+ chars); the short tail joins the last
    assert got["fineweb_line_punct_ratio"] == 6 / 7
    alone = signals("Related stories Sport Weather\n", frozenset())
    assert alone["fineweb_lines"] == 1 and alone["fineweb_line_punct_ratio"] == 0.0


def test_thai_phrases_are_cut_into_words() -> None:
    phrase = (
        "ประเทศไทยมีประชากรประมาณเจ็ดสิบล้านคน"  # one space-free phrase: "Thailand has about 70 million people"
    )
    tokens = tokenize(f"{phrase} ok")
    assert "".join(tokens[:-1]) == phrase and tokens[-1] == "ok"
    assert len(tokens) >= 6 and max(map(len, tokens)) < len(phrase) / 2
    assert signals(phrase + "\n", frozenset())["gopher_words"] == len(tokens) - 1


def test_table_cell_separators_are_not_words_without_letters() -> None:
    got = signals("| Lions | 12 |\n| Tigers | 9 |\n", frozenset())
    assert got["gopher_alpha_words"] == 2 / 4  # Lions, Tigers of Lions 12 Tigers 9; the six pipes aside
    assert signals("Lions 12 / Tigers 9\n", frozenset())["gopher_alpha_words"] == 2 / 5  # other marks count


def test_paragraphs_are_parted_by_any_run_of_blank_lines() -> None:
    """A clean text parts its paragraphs with one blank line; any other text may hold more."""
    para = "The council met on Monday and voted for the new budget."
    one, two = (signals(f"{para}{gap}{para}", frozenset()) for gap in ("\n\n", "\n\n\n\n"))
    assert one["gopher_dup_para_frac"] == two["gopher_dup_para_frac"] == 0.5
    assert signals(f"{para}\n{para}", frozenset())["gopher_dup_para_frac"] == 0.0  # one paragraph
