"""Gopher's n-gram repetition in C (_ngrams.c) against the numpy twin (signals.top_ngram_chars,
signals.dup_ngram_chars over signals.longer_grams): the same character counts."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dechaff.quality import signals

from conftest import SHARED

needs_c = pytest.mark.skipif(signals._c is None, reason="_ngrams is not built")


def _python(seq: np.ndarray, ends: np.ndarray, n: int) -> tuple[int, int]:
    grams = seq
    for k in range(2, n + 1):
        grams = signals.longer_grams(seq, grams, k)
    return signals.top_ngram_chars(grams, ends, n), signals.dup_ngram_chars(grams, ends, n)


def _c(seq: np.ndarray, ends: np.ndarray, n: int) -> tuple[int, int]:
    return signals._c.top_chars(seq, ends, n), signals._c.dup_chars(seq, ends, n)  # type: ignore[union-attr]


def _arrays(words: list[int], lengths: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """Dense word ids in order of first appearance (as signals numbers the words) and the
    cumulative lengths, word w being lengths[w % len(lengths)] characters long."""
    index = {w: i for i, w in enumerate(dict.fromkeys(words))}
    seq = np.array([index[w] for w in words], dtype=np.int64)
    sizes = np.array([lengths[w % len(lengths)] for w in words], dtype=np.int64)
    return seq, np.concatenate(([0], np.cumsum(sizes))).astype(np.int64)


@needs_c
@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.integers(0, 4), max_size=80),  # few distinct words: many repeats and overlaps
    st.lists(st.integers(1, 12), min_size=1, max_size=5),
    st.integers(1, 11),
)
def test_c_counts_as_numpy(words: list[int], lengths: list[int], n: int) -> None:
    seq, ends = _arrays(words, lengths)
    assert _c(seq, ends, n) == _python(seq, ends, n)


@needs_c
def test_c_counts_as_numpy_on_examples() -> None:
    seq, ends = _arrays([0, 1, 0, 1, 0, 1], [1, 2])
    assert _c(seq, ends, 2) == ((1 + 2 + 1) * 3, 6)  # (0, 1) three times (and a space); repeats at 2, 4
    seq, ends = _arrays([0, 1, 2, 3], [3])
    assert _c(seq, ends, 2) == (0, 0) == _python(seq, ends, 2)
    seq, ends = _arrays([], [3])
    assert _c(seq, ends, 5) == (0, 0) == _python(seq, ends, 5)
    seq, ends = _arrays([1, 0, 0, 1, 0, 0], [2, 5])  # a tie: (1, 0) and (0, 0) twice; (1, 0) first
    assert _c(seq, ends, 2)[0] == (2 + 5 + 1) * 2 == _python(seq, ends, 2)[0]


@needs_c
def test_signals_are_the_same_through_c_and_numpy(monkeypatch: pytest.MonkeyPatch) -> None:
    paths = sorted((SHARED / "devset" / "gold").glob("*.txt"))[::4]
    texts = [p.read_text(encoding="utf-8") for p in paths] or ["a b c a b c a b c a b c d e f g h i j k"]
    for text in texts:
        monkeypatch.setattr(signals, "COMPILED", True)
        c = signals.signals(text, frozenset({"the", "a"}))
        monkeypatch.setattr(signals, "COMPILED", False)
        assert c == signals.signals(text, frozenset({"the", "a"}))


def test_bad_arrays_are_refused() -> None:
    if signals._c is None:
        pytest.skip("_ngrams is not built")
    with pytest.raises(ValueError):
        signals._c.top_chars(np.zeros(3, np.int64), np.zeros(3, np.int64), 2)  # ends: one more
    with pytest.raises(ValueError):
        signals._c.dup_chars(np.zeros(3, np.int64), np.zeros(4, np.int64), 0)
