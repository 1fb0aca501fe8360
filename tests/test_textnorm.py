from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dechaff.engine.engine import normalise
from dechaff.text.normalise import column_cells, fold, normalise_line, normalise_lines, render, split_lines


def test_nfc_spaces_and_zero_width() -> None:
    decomposed = "e\u0301te\u0301"  # "été" in NFD
    assert normalise_line(f"\u00a0 {decomposed}\u202f!\u200b\u200b  x\t") == "été ! x"


def test_soft_hyphen_removed_and_joiners_kept() -> None:
    assert normalise_line("co\u00adop") == "coop"
    assert normalise_line("a\u200db") == "a\u200db"  # ZWJ is orthographic (emoji, Indic scripts)


def test_line_endings_and_blank_structure() -> None:
    lines, removed, count = normalise("a\r\nb\r\r\n\u00a0\nc\u2028d", 1000)
    assert [(x.no, x.text, x.gap_before) for x in lines] == [
        (1, "a", True),
        (2, "b", False),
        (5, "c", True),
        (6, "d", False),
    ]
    assert [(r.line_no, r.rule_id) for r in removed] == [(4, "normalise.blank")]
    assert count == 6  # the row's lines_in: CRLF, CR, LF and U+2028 each end one


def test_overlong_line_is_recorded_not_kept() -> None:
    lines, removed, _ = normalise("short\n" + "x" * 50 + "\n", 20)
    assert [x.text for x in lines] == ["short"]
    assert removed[0].rule_id == "normalise.line_too_long" and removed[0].char_end == 50


def test_a_line_laid_out_in_columns_is_one_line_per_cell() -> None:
    raw = "* Sport      The mayor opened the new school on Monday.  \tWeather"
    lines, *_ = normalise(f"Menu\n{raw}\n", 1000, columns=True)
    norm = normalise_line(raw)
    assert [(x.no, x.text, x.start, x.gap_before) for x in lines] == [
        (1, "Menu", 0, True),
        (2, "* Sport", 0, False),
        (2, "The mayor opened the new school on Monday.", 8, True),
        (2, "Weather", 51, True),
    ]
    assert all(norm[x.start : x.start + len(x.text)] == x.text for x in lines[1:])
    # Two spaces after a full stop are prose, a run with a no-break space an editor's spacing; and
    # without `columns` (an extraction) nothing is cut.
    assert column_cells("One.  Two.", "One. Two.") == [(0, "One. Two.")]
    assert column_cells("Read more: \u00a0 Title", "Read more: Title") == [(0, "Read more: Title")]
    assert [x.text for x in normalise(raw, 1000)[0]] == [norm]


def test_fold_keeps_length() -> None:
    text = "l’été — «oui»"
    assert len(fold(text)) == len(text) and fold(text) == "l'été - «oui»"


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from([*"’‘‛ʼ′–—‒−'-aé «»", "\U0001f600"]), max_size=30) | st.text(max_size=30)
)
def test_fold_is_the_translation_of_each_typographic_mark(text: str) -> None:
    from dechaff.text.normalise import _FOLDS

    fold.cache_clear()
    assert fold(text) == text.translate(str.maketrans(_FOLDS))


def test_render_convention() -> None:
    assert render(["a", "b"]) == "a\n\nb\n"
    assert render([]) == ""


_PIECES = st.sampled_from(
    [
        *["a", "é", "e\u0301", "\u0301", "\u0327", " ", "\u00a0", "\t", "\u200b", "\u00ad", "\n", "\r"],
        *["\r\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029", "\u3000", "ﬁ", "Å"],
        "\u1100\u1161",
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join) | st.text(max_size=60))
def test_whole_text_normalisation_is_line_by_line_normalisation(text: str) -> None:
    assert normalise_lines(text) == [normalise_line(raw) for raw in split_lines(text)]


def test_every_space_like_character_is_unprintable() -> None:
    # normalise_lines leaves a printable line's characters as they are: none may be space-like
    from dechaff.text import normalise

    assert [c for c in [*normalise._SPACE_LIKE, *normalise._DELETE] if c.isprintable() and c != " "] == []
    assert normalise_lines("a\u00a0b\u00adc") == ["a bc"]
