"""The C word count (_wordcount.c) against the regex: the same number on any text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dechaff.text import words

needs_c = pytest.mark.skipif(words._c is None, reason="_wordcount is not built")

_ALPHABET = st.sampled_from(
    [
        *"aZ é_Ж語かカ한1٣!\n\t-'",
        "\u00df",
        "\u0301",
        "\u2160",
        "\U0001d400",
        "\u00aa",
        "\ud800",
        "\u3000",
        "\u30fc",
    ]
)


@needs_c
@settings(max_examples=600, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60) | st.text(max_size=60))
def test_c_counts_as_the_regex(text: str) -> None:
    assert words._c.count(text) == words._count(text)  # type: ignore[union-attr]


def test_word_count_without_the_c(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(words, "_c", None)
    assert words.word_count("Le chat, noir. 中国的经济 GDP_2") == 9


@needs_c
def test_c_counts_as_the_regex_on_dev_pages(shared: Path) -> None:
    paths = sorted((shared / "devset" / "dumps").glob("*.txt"))
    assert paths
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="surrogateescape")
        assert words._c.count(text) == words._count(text), path.name  # type: ignore[union-attr]
