"""The classifier's character counts and line measures in C (_measure.c) against their Python
twins (`_counts`, `_measure_py`)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dechaff.cleaners import classifier_core
from dechaff.cleaners.classifier_core import ClassifierParams

needs_c = pytest.mark.skipif(classifier_core._c is None, reason="_measure is not built")

# spaces, separators, clause marks of several scripts, digits and colons (clock times), letters of
# every case (title-case ǅ), word characters that are no letters (_ 1 ²), kana, han, hangul,
# apostrophes (elided forms), a lone surrogate
_ALPHABET = st.sampled_from([*"  aZé ǅ_1²:05|»›/>·•.,!?;。،।語かカ한ß\u0301-'’«", "\ud800", "\U0001d400"])


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
    params = classifier_core.ClassifierParams()
    line = "A sentence of ordinary words."
    measured = classifier_core._measure(line, frozenset(), False, params)

    class Twin:  # says "no letters" of every line, or declines (NotImplemented); Python's counts
        answer: object = measured._replace(bad_reason="no_letters")
        measure = staticmethod(lambda *args: Twin.answer)
        counts = staticmethod(classifier_core._counts)

    monkeypatch.setattr(classifier_core, "_c", Twin)
    monkeypatch.setattr(classifier_core, "COMPILED", True)
    assert classifier_core._measure(line, frozenset(), False, params).bad_reason == "no_letters"
    Twin.answer = NotImplemented  # the Python twin measures the line
    assert classifier_core._measure(line, frozenset(), False, params) == measured


_WORDS = ["the", "of", "a", "le", "la", "и", "в", "的", "(the", "end.", "«la»", "", "The", "ΣΑΣ", "İ"]
_WORDS += [
    "l'a",
    "L’a",
    "qu'il",
    "'l'",
    "l'",
    "«",
    "»",
    ";",
    "—",
    "_",
    "-",
    "1.",
    "d'_",
]  # elisions, bare marks
_STOPLISTS = st.frozensets(
    st.sampled_from(
        ["the", "of", "a", "le", "la", "и", "в", "的", "", "σας", "i̇", "l'", "l’", "qu'", "'", "d'"]
    )
)


def _measures(line: str, stop: frozenset[str], spaced: bool, params: ClassifierParams) -> None:
    """The C's _Line and the Python twin's, the same type and values (floats to the bit)."""
    for by_punct in (False, True):
        c = classifier_core._c.measure(  # type: ignore[union-attr]
            line,
            stop,
            spaced,
            by_punct,
            params.length_low,
            params.max_separators,
            params.max_separator_share,
            params.max_copyright_words,
        )
        with pytest.MonkeyPatch.context() as patch:  # the Python twin's own counts too
            patch.setattr(classifier_core, "COMPILED", False)
            python = classifier_core._measure_py(line, stop, spaced, params, by_punct)
        assert type(c) is classifier_core._Line
        assert c == python and repr(c) == repr(python), (line, stop, spaced, by_punct)


@needs_c
@settings(max_examples=800, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS) | st.text(alphabet=_ALPHABET, max_size=8), max_size=30).map(" ".join)
    | st.text(alphabet=_ALPHABET, max_size=60)
    | st.text(max_size=60),
    _STOPLISTS,
    st.booleans(),
    st.integers(0, 40),
    st.integers(0, 3),
    st.floats(0.0, 0.5),
    st.integers(0, 12),
)
def test_c_measure_as_python(
    line: str, stop: frozenset[str], spaced: bool, low: int, seps: int, share: float, copyright_words: int
) -> None:
    params = ClassifierParams(
        length_low=low, max_separators=seps, max_separator_share=share, max_copyright_words=copyright_words
    )
    _measures(line, stop, spaced, params)
    # and _measure hands the C its thresholds in their places
    by_punct = not stop or classifier_core._foreign_to(line, stop)
    python = classifier_core._measure_py(line, stop, spaced, params, by_punct)
    assert classifier_core._measure(line, stop, spaced, params) == python


@needs_c
def test_c_measure_as_python_on_examples() -> None:
    short = ClassifierParams(length_low=0)
    examples = ["", " ", "a ", " a", "The end (of it).", "Etc..", "Vu ?» ", "© 2024", "Copyright x", "a | b"]
    examples += ["- L'a « vu » : oui ; non", "l'", "'l'a", "qu’il d'' l'l'", "_ - _"]
    for line in examples:
        _measures(line, frozenset({"the", "of", "it", "", "l'", "qu’"}), False, short)
    twin = classifier_core._c
    assert twin is not None
    measured = twin.measure("- L'a « vu » : d’y ;", frozenset({"l'", "d’"}), False, False, 0, 1, 0.05, 60)
    assert (measured.stop_words, measured.density) == (2, 0.5)  # l'a, d’y of "-", "L'a", "vu", "d’y"
    _measures("ΣΑΣ ΣΑΣ.", frozenset({"σας"}), False, short)  # a final sigma: str.lower's own rule
    # what no rule file gives is measured by the Python twin: a float length, a NaN share (max()
    # then keeps max_separators), a str or frozenset subclass
    assert twin.measure("x", frozenset(), False, False, 1.5, 1, 0.05, 60) is NotImplemented
    assert twin.measure("a | b | c", frozenset(), False, True, 70, 1, math.nan, 60) is NotImplemented
    assert (
        twin.measure(type("S", (str,), {})("x"), frozenset(), False, False, 1, 1, 0.05, 60) is NotImplemented
    )
    assert twin.measure("x", type("F", (frozenset,), {})(), False, False, 1, 1, 0.05, 60) is NotImplemented
    floats = ClassifierParams(length_low=1.5)  # type: ignore[arg-type]
    assert classifier_core._measure("x", frozenset(), False, floats).words == 1  # the Python twin's answer
    nan = ClassifierParams(max_separator_share=math.nan)
    assert classifier_core._measure("a | b | c", frozenset(), False, nan).bad_reason == "separators"


@needs_c
@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=_ALPHABET, min_size=1, max_size=4), min_size=1, max_size=300), st.data())
def test_c_stop_words_as_python_for_large_stoplists(words: list[str], data: st.DataObject) -> None:
    # hundreds of words, of every width of character: the C's table of a stoplist probes past
    # its first slot; words of the line taken from the list, elided ones too
    stop = frozenset(words)
    line = " ".join(data.draw(st.lists(st.sampled_from([*words, "l'" + words[0], "x"]), max_size=40)))
    _measures(line, stop, False, ClassifierParams(length_low=0))


@needs_c
def test_c_stop_words_with_a_stoplist_of_other_types_or_many_stoplists() -> None:
    class Word(str):  # a stoplist's element that is no exact str: the C asks the set itself
        pass

    short = ClassifierParams(length_low=0)
    line = "the cat of l'a « the » x"
    _measures(line, frozenset({Word("the"), "of", "l'"}), False, short)
    _measures(line, frozenset({Word("cat"), 1, ("the",)}), False, short)

    class Cat(str):  # equal to every str, hashed as "cat": the set finds "cat" in {Cat("zzz")}
        def __eq__(self, other: object) -> bool:
            return True

        def __hash__(self) -> int:
            return hash("cat")

    assert "cat" in frozenset({Cat("zzz")})
    _measures(line, frozenset({Cat("zzz")}), False, short)
    for k in range(100):  # more stoplists than the C keeps tables of, each asked twice
        stop = frozenset({"the", "of", f"w{k}", "x" * (k % 3)})
        for _ in range(2):
            _measures(f"{line} w{k} w{k + 1}", stop, False, short)


@needs_c
def test_c_stop_words_read_every_element_of_a_stoplist() -> None:
    class Alias(str):  # equal to its own text and to "cat", hashed as "cat"
        def __eq__(self, other: object) -> bool:
            return str.__eq__(self, other) or other == "cat"

        def __hash__(self) -> int:
            return hash("cat")

    line = "the cat w0"
    for n in range(1, 60):  # wherever the set puts the element that is no exact str
        stop = frozenset({*(f"w{k}" for k in range(n)), Alias("zzz")})
        assert classifier_core._stop_words(line, stop) == 2
        _measures(line, stop, False, ClassifierParams(length_low=0))


@needs_c
def test_a_stoplist_whose_table_is_taken_is_let_go() -> None:
    import gc
    import weakref

    twin = classifier_core._c
    assert twin is not None
    stop = frozenset({"only-here"})
    twin.measure("a", stop, False, False, 0, 1, 0.05, 60)
    ref = weakref.ref(stop)
    del stop
    for k in range(40):  # more stoplists than the C keeps tables of
        twin.measure("a", frozenset({f"e{k}"}), False, False, 0, 1, 0.05, 60)
    gc.collect()
    assert ref() is None


@needs_c
def test_setup_measure_replaces_what_is_stripped() -> None:
    twin = classifier_core._c
    assert twin is not None
    try:
        twin.setup_measure("", "", "", classifier_core._Line)  # nothing stripped: "(the" is no stop word
        assert twin.measure("(the end.", frozenset({"the"}), False, False, 0, 1, 0.05, 60).stop_words == 0
    finally:
        twin.setup_measure(
            classifier_core._STRIP,
            classifier_core._CLOSERS,
            "".join(sorted(classifier_core._SENTENCE_END)),
            classifier_core._Line,
        )
    assert twin.measure("(the end.", frozenset({"the"}), False, False, 0, 1, 0.05, 60).stop_words == 1


@needs_c
def test_a_failed_setup_keeps_the_last_one() -> None:
    twin = classifier_core._c
    assert twin is not None
    before = twin.measure("(the end.", frozenset({"the"}), False, False, 0, 1, 0.05, 60)
    assert before.stop_words == 1  # "(the": the parenthesis stripped
    import os

    for bad in [
        ("x", "y", None, classifier_core._Line),  # strip and closers first, then a bad end set
        ("", "", "", os.stat_result),  # a struct sequence: more items than a line's 8
        ("", "", "", tuple),
        ("", "", ""),
    ]:
        with pytest.raises(TypeError):
            twin.setup_measure(*bad)
    assert twin.measure("(the end.", frozenset({"the"}), False, False, 0, 1, 0.05, 60) == before


@needs_c
def test_c_measure_as_python_on_dev_lines(shared: Path) -> None:
    import json

    from dechaff.text.stoplists import stoplist_for

    params = ClassifierParams()
    rows = [json.loads(row) for row in (shared / "devset" / "index.jsonl").read_text().splitlines()][1::3]
    assert rows
    for row in rows:
        path = shared / "devset" / "dumps" / f"{row['id']}.txt"
        if not path.exists():
            continue
        lines = [" ".join(line.split()) for line in path.read_text(encoding="utf-8").splitlines()]
        stop = stoplist_for(row.get("lang") or "en") or stoplist_for("en")
        for line in lines:
            _measures(line, stop, False, params)
        _measures(" ".join(lines)[:5000], stop, True, params)  # past the C's buffer on the stack


@needs_c
@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40) | st.text(max_size=40))
def test_c_digits_and_marks_as_python(line: str) -> None:
    c = classifier_core.digits_and_marks(line)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(classifier_core, "COMPILED", False)
        assert c == classifier_core.digits_and_marks(line)


@needs_c
def test_c_digits_are_the_regex_digits_on_every_code_point(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "".join(map(chr, range(0x110000)))  # every decimal digit of every script, once
    c = classifier_core.digits_and_marks(text)
    monkeypatch.setattr(classifier_core, "COMPILED", False)
    assert c == classifier_core.digits_and_marks(text) and c[0] > 600


def _sets(text: str) -> tuple[object, object]:
    c = classifier_core._c.words_and_stems(text, classifier_core._STEM)  # type: ignore[union-attr]
    return c, classifier_core._words_and_stems(text)


# parted at spaces, hyphens and slashes (runs of them give empty tokens), stripped of `_STRIP` at
# both ends (a token of marks alone is the empty word), stems of five letters (a word of five or
# fewer is its own stem), repeats, a lone surrogate, characters past the BMP
_BODY = st.sampled_from(
    [*"  -/aé語한ß\u0301'’«».,()…—_1", "\ud800", "\U0001d400", "baguettes", "bague", "l'été"]
)


@needs_c
@settings(max_examples=800, deadline=None)
@given(st.lists(_BODY, max_size=40).map("".join) | st.text(max_size=60))
def test_c_words_and_stems_as_python(text: str) -> None:
    c, python = _sets(text)
    assert c == python, text


@needs_c
def test_c_words_and_stems_on_examples() -> None:
    words, stems = classifier_core._c.words_and_stems("(l'été) baguettes--bague/pain. pain…", 5)  # type: ignore[union-attr]
    assert words == {"l'été", "baguettes", "", "bague", "pain"}
    assert stems == {"l'été", "bague", "", "pain"}
    for text in ["", " ", "-", "...", "a", "a b a", "abcdefgh abcdexyz", "« a »"]:
        c, python = _sets(text)
        assert c == python, text
    assert classifier_core._c.words_and_stems("abcdefgh", 2) == ({"abcdefgh"}, {"ab"})  # type: ignore[union-attr]
    assert classifier_core._c.words_and_stems("abc", 0) == ({"abc"}, {""})  # type: ignore[union-attr]


@needs_c
def test_c_words_and_stems_declines_what_python_answers() -> None:
    twin = classifier_core._c
    assert twin is not None

    class Text(str):
        pass

    assert twin.words_and_stems(Text("a b"), 5) is NotImplemented  # a subclass: its methods may differ
    assert twin.words_and_stems("a b", True) is NotImplemented  # no exact int
    assert twin.words_and_stems("a b", -1) is NotImplemented  # a slice from the end
    assert twin.words_and_stems("a b", 2**80) is NotImplemented
    with pytest.raises(TypeError):
        twin.words_and_stems(b"a b", 5)
    with pytest.raises(TypeError):
        twin.words_and_stems("a b")
    # the body reads the Python twin then
    assert classifier_core._Body(Text("Un Pain")).words == {"un", "pain"}


@needs_c
def test_c_words_and_stems_on_dev_pages(shared: Path) -> None:
    paths = sorted((shared / "devset" / "dumps").glob("*.txt"))[::5]
    assert paths
    for path in paths:
        text = " ".join(path.read_text(encoding="utf-8", errors="surrogateescape").split()).lower()
        c, python = _sets(text)
        assert c == python, path.name


@needs_c
def test_the_body_reads_the_c_twin_when_built(monkeypatch: pytest.MonkeyPatch) -> None:
    class Twin:  # answers with sets of its own, or declines
        answer: object = ({"c"}, {"c"})
        words_and_stems = staticmethod(lambda *args: Twin.answer)

    monkeypatch.setattr(classifier_core, "_c", Twin)
    monkeypatch.setattr(classifier_core, "COMPILED", True)
    assert classifier_core._Body("Le pain").words == {"c"}
    Twin.answer = NotImplemented
    assert classifier_core._Body("Le pain").words == {"le", "pain"}
    monkeypatch.setattr(classifier_core, "COMPILED", False)
    Twin.answer = ({"c"}, {"c"})
    assert classifier_core._Body("Le pain").stems == {"le", "pain"}


@needs_c
def test_c_words_and_stems_declines_a_text_of_too_many_tokens() -> None:
    """Past 65,536 tokens the C declines (its tables would grow with the tokens, not the words):
    the Python twin answers, the same sets."""
    twin = classifier_core._c
    assert twin is not None
    assert twin.words_and_stems("a " * 65_535 + "a", 5) == ({"a"}, {"a"})  # 65,536 tokens: taken
    assert twin.words_and_stems("a " * 65_536, 5) is NotImplemented  # ...one more (the last empty)
    assert twin.words_and_stems("-" * 70_000, 5) is NotImplemented
    assert classifier_core._Body("Un " * 70_000).words == {"un", ""}


@needs_c
def test_c_words_and_stems_of_tokens_whose_low_hash_bits_collide() -> None:
    """Tokens built from blocks that give FNV-1a the same low 24 bits (a slot's bits before the
    hash was mixed: they made one chain of every token): the same sets as Python's, taken."""
    import random

    mask, prime = (1 << 24) - 1, 1099511628211

    def step(h: int, block: str) -> int:
        for ch in block:
            h = ((h ^ ord(ch)) * prime) & mask
        return h

    rng = random.Random(0)
    h, tokens = 14695981039346656037 & mask, [""]
    for _ in range(10):
        seen: dict[int, str] = {}
        while True:
            block = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(6))
            after = step(h, block)
            if seen.get(after, block) != block:
                tokens = [t + seen[after] for t in tokens] + [t + block for t in tokens]
                h = after
                break
            seen[after] = block
    text = " ".join(tokens)
    assert classifier_core._c.words_and_stems(text, 5) == classifier_core._words_and_stems(text)  # type: ignore[union-attr]


# the classes `_context` decides on and leaves, one made anew (an equal str, not the constant)
_CLASSES = st.sampled_from(
    [classifier_core.GOOD, "short", "neargood", "low_stopwords", "title_case", "edge", "".join(["go", "od"])]
)


_Page = tuple[list[str], list[int], list[bool], list[bool], int]


@st.composite
def _pages(draw: st.DrawFn) -> _Page:
    classes = draw(st.lists(_CLASSES, max_size=14))
    n = len(classes)
    holes = draw(st.just([]) | st.lists(st.integers(0, 4), min_size=n, max_size=n))
    sentences = draw(st.just([]) | st.lists(st.booleans(), min_size=n, max_size=n))
    asks = draw(st.lists(st.booleans(), min_size=n, max_size=n))
    return classes, holes, sentences, asks, draw(st.integers(0, 3))


@needs_c
@settings(max_examples=1500, deadline=None)
@given(_pages(), st.integers(0, 4))
def test_c_context_as_python(page: _Page, run: int) -> None:
    """Runs of short lines with holes and sentences in them, near-good lines, kept and not."""
    classes, holes, sentences, asks, tail = page
    p = ClassifierParams(max_short_run=run)
    c = classifier_core._context(classes, p, holes, sentences, asks, tail)
    assert c == classifier_core._context_py(classes, p, holes, sentences, asks, tail)
    assert type(c) is list


@needs_c
def test_c_context_declines_what_python_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    """A class that is no exact str, or holes that are not one count a line: the Python twin's."""

    class Label(str):
        pass

    p = ClassifierParams()
    assert (
        classifier_core._c.context(  # type: ignore[union-attr]
            ["good", Label("short")], "good", "short", "neargood", "i", "l", 3, (), None
        )
        is NotImplemented
    )
    assert (
        classifier_core._c.context(  # type: ignore[union-attr]
            ["good", "short"], "good", "short", "neargood", "i", "l", 3, (1,), None
        )
        is NotImplemented
    )
    for holes, run, prose in [
        ((0, 2**40, 0), 3, None),  # a count no page has: a run's sum could overflow
        ((0, 1.0, 0), 3, None),  # not an int
        ((0, 1, 0), 2**70, None),
        ((0, 1, 0), 3.5, None),
        ((), 3, (False, 1, False)),  # prose that is not bools
    ]:
        declined = classifier_core._c.context(  # type: ignore[union-attr]
            ["good", "short", "good"], "good", "short", "neargood", "i", "l", run, holes, prose
        )
        assert declined is NotImplemented, (holes, run, prose)
        p_run = ClassifierParams(max_short_run=run)  # type: ignore[arg-type]
        page = ["good", "short", "good"]
        assert classifier_core._context(page, p_run, holes) == classifier_core._context_py(page, p_run, holes)
    calls = []
    monkeypatch.setattr(classifier_core, "_context_py", lambda *args: calls.append(args) or ["x"])
    assert classifier_core._context(["good", Label("short")], p) == ["x"] and calls


def test_context_reads_the_c_twin_when_built(monkeypatch: pytest.MonkeyPatch) -> None:
    """`_context` asks the C where it is built, the Python twin where not."""
    asked = []
    monkeypatch.setattr(classifier_core, "_context_py", lambda *args: asked.append(args) or ["py"])
    out = classifier_core._context(["good", "short", "good"], ClassifierParams())
    if classifier_core.COMPILED:
        assert out == ["good", "good", "good"] and not asked
    monkeypatch.setattr(classifier_core, "COMPILED", False)
    assert classifier_core._context(["good"], ClassifierParams()) == ["py"] and asked


@needs_c
def test_c_context_as_python_on_every_small_page() -> None:
    """Every page of up to five lines of good, short, near-good and other lines, with no lines
    removed or one before any of them, and each run length allowed from 0 to 3."""
    import itertools

    kinds = [classifier_core.GOOD, "short", "neargood", "edge"]
    for n in range(6):
        for classes in itertools.product(kinds, repeat=n):
            for holes in [[], *(list(h) for h in itertools.product([0, 1], repeat=n) if any(h))]:
                for run in range(4):
                    p = ClassifierParams(max_short_run=run)
                    got = classifier_core._context(list(classes), p, holes)
                    assert got == classifier_core._context_py(list(classes), p, holes), (classes, holes, run)
