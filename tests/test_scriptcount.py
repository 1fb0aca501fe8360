"""The C letter count per script (_scriptcount.c) against the Python one: same counts, same order."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dechaff.text import scripts

needs_c = pytest.mark.skipif(scripts._c is None, reason="_scriptcount is not built")

_ALPHABET = st.sampled_from(
    [*"aZ é Ж語かカ한ğ1!\n\t", "\u00df", "\u0301", "\u2160", "\U0001d400", "\u00aa", "\ud800", "\U00010400"]
)


def _both(text: str) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    return list(scripts._c.count(text).items()), list(scripts._count_scripts(text).items())  # type: ignore[union-attr]


@needs_c
@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60) | st.text(max_size=60))
def test_c_counts_as_python_in_the_same_order(text: str) -> None:
    c, python = _both(text)
    assert c == python


@needs_c
def test_order_is_first_met_non_ascii_script_then_latin() -> None:
    assert _both("abc Жé")[0] == [("CYRILLIC", 1), ("LATIN", 4)]
    assert _both("éabc Ж")[0] == [("LATIN", 4), ("CYRILLIC", 1)]
    assert _both("a語Ж")[0] == [("CJK", 1), ("CYRILLIC", 1), ("LATIN", 1)]
    assert _both("1 ! \ud800")[0] == []


@needs_c
def test_c_counts_as_python_on_dev_pages(shared: Path) -> None:
    paths = sorted((shared / "devset" / "dumps").glob("*.txt"))[::5]
    assert paths
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="surrogateescape")
        for piece in (text, *text.splitlines()[:200]):
            c, python = _both(piece)
            assert c == python, path.name


def test_count_scripts_answers_from_the_c_twin_when_built(monkeypatch: pytest.MonkeyPatch) -> None:
    class Twin:
        count = staticmethod(lambda text: {"X": len(text)})

    monkeypatch.setattr(scripts, "_c", Twin)
    monkeypatch.setattr(scripts, "COMPILED", True)
    assert scripts.count_scripts("ab") == {"X": 2}
    monkeypatch.setattr(scripts, "COMPILED", False)
    assert list(scripts.count_scripts("é Жa").items()) == [("LATIN", 2), ("CYRILLIC", 1)]


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["LATIN", "CYRILLIC", "CJK", "GREEK", "ARABIC"]), st.integers(1, 4), min_size=1
    )
)
def test_top_script_is_counters_most_common(counts: dict[str, int]) -> None:
    """Ties go to the first script counted, as `Counter.most_common(1)` gave them before."""
    assert scripts.top_script(counts) == Counter(counts).most_common(1)[0]


def test_count_scripts_gives_a_new_dict_each_call() -> None:
    """`main_script` weighs CJK in the dict it gets: the next count must not see that."""
    first = scripts.count_scripts("語語 ab")
    first["CJK"] = 99
    assert scripts.count_scripts("語語 ab") == {"CJK": 2, "LATIN": 2}
