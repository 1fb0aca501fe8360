"""The C twin of langdetect_fast (_langwalk.c: n-grams and random walks) against the Python one:
the same n-grams, the same 55 raw probabilities, whichever kind of `sum` the Python runs."""

from __future__ import annotations

import itertools
import random
import sys
from collections import OrderedDict

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from langdetect import detector_factory
from langdetect.lang_detect_exception import LangDetectException
from test_langdetect_fast import _ALPHABET, _FIXED

from dechaff.text import langdetect_fast, langid  # noqa: F401  (langid seeds langdetect)
from dechaff.text.langdetect_fast import FastDetector, profiles
from dechaff.text.langid import sample

from conftest import SHARED

needs_c = pytest.mark.skipif(langdetect_fast._c is None, reason="_langwalk is not built")


def _langprob(text: str) -> object:
    """The 55 raw probabilities (detect_langs keeps those over 0.1, rounded), or the error."""
    detector = FastDetector(profiles())
    detector.append(text)
    try:
        detector._detect_block()
    except LangDetectException as exc:
        return str(exc)
    return detector.langprob


def _both(text: str) -> tuple[object, object]:
    compiled = langdetect_fast.COMPILED
    try:
        langdetect_fast.COMPILED = True
        c = _langprob(text)
        langdetect_fast.COMPILED = False
        return c, _langprob(text)
    finally:
        langdetect_fast.COMPILED = compiled


@needs_c
@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from([*_ALPHABET, "A", "B", "Z", "É", "Ж"]), max_size=400))
def test_c_and_python_give_the_same_raw_probabilities(text: str) -> None:
    c, python = _both(text)
    assert c == python


@needs_c
def test_c_and_python_n_grams_agree_on_dev_pages() -> None:
    table = profiles()
    paths = sorted((SHARED / "devset" / "dumps").glob("*.txt"))[1::4]
    texts = [*_FIXED, "ABC DEF gHIJ kLm", "x", "x ", " x", "  a  b  "]
    for item in paths:
        texts.append(sample(item.read_text(encoding="utf-8", errors="replace").splitlines()))
    for text in texts:
        detector = FastDetector(table)
        detector.append(text)
        detector.cleaning_text()
        normal = "".join(map(langdetect_fast._NORMAL.__getitem__, detector.text))
        compiled = memoryview(langdetect_fast._c.grams(table.c_table(), normal)).cast("q").tolist()  # type: ignore[union-attr]
        assert compiled == list(detector._extract_ngrams()), text[:60]


def _left_to_right(values: list[float]) -> float:
    total = 0 + values[0]
    for x in values[1:]:
        total += x
    return total


def _neumaier(values: list[float]) -> float:
    """CPython 3.12's sum of floats (bltinmodule.c), written out."""
    total, c = 0 + values[0], 0.0
    for x in values[1:]:
        t = total + x
        c += (total - t) + x if abs(total) >= abs(x) else (x - t) + total
        total = t
    return total + c if c and c not in (float("inf"), float("-inf")) and c == c else total


def test_this_pythons_sum_is_the_one_the_c_twin_copies() -> None:
    draws = random.Random(5)
    own = _neumaier if sys.version_info >= (3, 12) else _left_to_right
    other = _left_to_right if own is _neumaier else _neumaier
    lists = [[draws.random() * 10 ** draws.randint(-30, 0) for _ in range(55)] for _ in range(2000)]
    assert all(sum(x) == own(x) for x in lists)
    assert any(sum(x) != other(x) for x in lists)  # the two kinds differ: the choice matters


@needs_c
@pytest.mark.parametrize("compensated", [False, True])
def test_c_walks_sum_as_either_python_does(compensated: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(langdetect_fast, "_COMPENSATED_SUM", compensated)
    monkeypatch.setattr(langdetect_fast, "_sum", _neumaier if compensated else _left_to_right)
    paths = sorted((SHARED / "devset" / "dumps").glob("*.txt"))[2::6]
    texts = [
        *_FIXED[4:],
        *(sample(p.read_text(encoding="utf-8", errors="replace").splitlines()) for p in paths),
    ]
    for text in texts:
        c, python = _both(text)
        assert c == python, text[:60]


_SMALL = "aBc É"  # with a space: " " itself is a key here (langdetect's profiles never hold it)
_KNOWN = {"".join(g): i for i, g in enumerate(itertools.chain.from_iterable(
    itertools.product(_SMALL, repeat=k) for k in (1, 2, 3)))}  # fmt: skip


@needs_c
@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(_SMALL), max_size=40))
def test_c_n_grams_follow_langdetects_rules_on_any_table(text: str) -> None:
    # every 1-3-gram of " word " known (the lone space too): the rules alone decide what is taken
    words = text.split(" ")
    expected: list[int] = []
    for i, word in enumerate(words):
        if word:
            expected += langdetect_fast._word_grams(word, "" if i == len(words) - 1 else " ", _KNOWN)
    table = langdetect_fast._c.table(_KNOWN)  # type: ignore[union-attr]
    assert memoryview(langdetect_fast._c.grams(table, text)).cast("q").tolist() == expected  # type: ignore[union-attr]


@needs_c
def test_c_numbers_n_grams_as_setdefault_does() -> None:
    numbered = langdetect_fast._c.numbered  # type: ignore[union-attr]
    index = {"a": 0, "b": 1}
    expected = dict(index)
    grams = {"c": 5.0, "a": 1.0, "d": 2.0, "c ": 3.0, "b": 4.0}
    ids = [expected.setdefault(g, len(expected)) for g in grams]
    assert np.frombuffer(numbered(index, grams), np.int64).tolist() == ids == [2, 0, 3, 4, 1]
    assert list(index.items()) == list(expected.items())
    assert numbered(index, {}) == b""
    with pytest.raises(ValueError, match="cannot be the n-grams"):
        numbered(index, index)
    with pytest.raises(TypeError, match="must be str"):
        numbered({}, {1: 1.0})
    with pytest.raises(TypeError, match="not subclasses"):
        numbered(OrderedDict(), {"a": 1.0})  # its own order would not be followed


@needs_c
def test_code_a_lookup_runs_cannot_pull_the_n_grams_from_under_numbering() -> None:
    """A number that is no int is refused before any `__index__` runs (one could grow the n-grams
    past the bytes sized for them), and a key of the index whose `__eq__` empties the n-grams
    cannot free the n-gram being numbered: they are walked in a snapshot."""
    numbered = langdetect_fast._c.numbered  # type: ignore[union-attr]
    grams = {"a": 1.0}

    class Grows:
        def __index__(self) -> int:
            grams.update({f"x{k}": 0.0 for k in range(2000)})
            return 0

    with pytest.raises(TypeError, match="must be ints"):
        numbered({"a": Grows()}, grams)
    gram = "".join(["ab", "cd"] * 50)
    grams = {gram: 1.0}
    twin = hash(gram)

    class Collides:
        def __hash__(self) -> int:
            return twin

        def __eq__(self, other: object) -> bool:
            grams.clear()
            return False

    index: dict[object, int] = {Collides(): 0}
    del gram
    assert np.frombuffer(numbered(index, grams), np.int64).tolist() == [1]
    assert [key for key in index if isinstance(key, str)] == ["abcd" * 50]


@needs_c
def test_c_and_python_number_the_profiles_alike() -> None:
    compiled = langdetect_fast.COMPILED
    tables = []
    try:
        for flag in (True, False):
            langdetect_fast.COMPILED = flag
            tables.append(langdetect_fast.Profiles(detector_factory.PROFILES_DIRECTORY, cache=None))
    finally:
        langdetect_fast.COMPILED = compiled
    c, python = tables
    assert list(c.word_lang_prob_map.items()) == list(python.word_lang_prob_map.items())
    assert c.langlist == python.langlist and c.size == python.size
    for name in ("indptr", "langs", "probs"):
        assert getattr(c, name).tolist() == getattr(python, name).tolist()
