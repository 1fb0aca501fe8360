"""The classifier's character counts in C (_measure.c) against their Python twin (`_counts`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dechaff.cleaners import classifier_core

needs_c = pytest.mark.skipif(classifier_core._c is None, reason="_measure is not built")

# spaces, separators, clause marks of several scripts, digits and colons (clock times), letters of
# every case (title-case ǅ), word characters that are no letters (_ 1 ²), kana, han, hangul, a
# lone surrogate
_ALPHABET = st.sampled_from([*"  aZé ǅ_1²:05|»›/>·•.,!?;。،।語かカ한ß\u0301-", "\ud800", "\U0001d400"])


def _both(line: str) -> tuple[tuple[object, ...], tuple[object, ...]]:
    return tuple(classifier_core._c.counts(line)), classifier_core._counts(line)  # type: ignore[union-attr]


@needs_c
@settings(max_examples=600, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40) | st.text(max_size=40))
def test_c_counts_as_python(line: str) -> None:
    c, python = _both(line)
    assert c == python


@needs_c
def test_c_counts_as_python_on_examples() -> None:
    for line in [
        "",
        " ",
        "a",
        "A b",
        " » a » b ",
        "a / b / c",
        "x » » y",
        "9:59",
        "9:60",
        "12:3",
        "Ab cD ǅx _y 1z",
    ]:
        c, python = _both(line)
        assert c == python, line
    assert _both(" » a » b")[0][6] == 2  # " » " twice: the space between is shared
    assert _both("x » » y")[0][6] == 2


@needs_c
def test_c_counts_as_python_on_dev_lines(shared: Path) -> None:
    paths = sorted((shared / "devset" / "dumps").glob("*.txt"))[::3]
    assert paths
    for path in paths:
        for line in path.read_text(encoding="utf-8", errors="surrogateescape").splitlines():
            c, python = _both(line.strip())
            assert c == python, (path.name, line[:60])
        # a line longer than the C's 512-character buffer on the stack
        c, python = _both(" ".join(path.read_text(encoding="utf-8").split())[:5000])
        assert c == python


def test_measure_reads_the_c_twin_when_built(monkeypatch: pytest.MonkeyPatch) -> None:
    class Twin:
        counts = staticmethod(lambda line: (0, 0, 0, False, 0, 0, 0, False))  # "no letters"

    monkeypatch.setattr(classifier_core, "_c", Twin)
    monkeypatch.setattr(classifier_core, "COMPILED", True)
    params = classifier_core.ClassifierParams()
    line = "A sentence of ordinary words."
    assert classifier_core._measure(line, frozenset(), False, params).bad_reason == "no_letters"
    monkeypatch.setattr(classifier_core, "COMPILED", False)
    assert classifier_core._measure(line, frozenset(), False, params).bad_reason == ""
