"""The Gopher word counts and C4's line pass in C (_ngrams.word_measures, _ngrams.c4) against
their Python twins (signals.word_measures: tokenize, words_of, str.lower, the numpy n-gram counts;
signals.c4_counts: str.split, str.lower, the sentence-break regex): the same numbers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dechaff.core.names import DUP_NGRAMS, TOP_NGRAMS
from dechaff.quality import signals
from dechaff.text.stoplists import stoplist_for
from dechaff.text.words import KANA_HAN_CHAR

from conftest import SHARED

needs_c = pytest.mark.skipif(signals._c is None, reason="_ngrams is not built")
STOP = frozenset({"the", "a", "l'ami", "οδος", "ﬁn", "i̇l", "être"})


def _c(text: str, stopwords: frozenset[str] = STOP, tops: tuple[int, ...] = TOP_NGRAMS) -> object:
    measured = signals._c.word_measures(text, stopwords or None, "’" in text, tops, DUP_NGRAMS)  # type: ignore[union-attr]
    return None if measured is None else signals.WordMeasures(*measured)


def _same(text: str, stopwords: frozenset[str] = STOP) -> None:
    measured = _c(text, stopwords)
    if measured is None:  # Thai without kana or han: budoux cuts the words, in Python
        assert signals._THAI.search(text) and not KANA_HAN_CHAR.search(text), text[:80]
    else:
        assert measured == signals.word_measures(text, stopwords), text[:80]


@needs_c
@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.integers(0, 4), max_size=80),  # few distinct words: many repeats and overlaps
    st.lists(st.integers(1, 12), min_size=1, max_size=5),
)
def test_n_gram_counts_as_numpy(words: list[int], lengths: list[int]) -> None:
    text = " ".join(chr(ord("a") + w) * lengths[w % len(lengths)] for w in words)
    _same(text)


# what tokens and words are made of: spaces of every kind, punctuation (_PUNCT and not),
# kana and han, letters of several scripts and cases, digits, apostrophes, a final sigma
_ALPHABET = " \t\n\u00a0\u3000\u2028.,!?«»“”’'|-_#…、。（）ab Za ÉéΣσςΟΔİıﬁ0١²½日本カなX\u0301"


@needs_c
@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60), st.booleans())
def test_tokens_words_and_stop_words_as_python(text: str, with_stop: bool) -> None:
    _same(text, STOP if with_stop else frozenset())


@needs_c
@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n ",
        "| a | b |\n| c | d |",
        "«Bonjour», l’ami. L'AMI! l’Ami…",
        "ΟΔΟΣ οδος, ΟΔΟΣ. ﬁN İL être Être ÊTRE",
        "中国的经济 GDP 増えた。カナ",
        "2024 fini. -- ... _x_ x_y ²",
        "word " * 50,
    ],
)
def test_examples_as_python(text: str) -> None:
    _same(text)


@needs_c
def test_a_thai_text_is_left_to_python_unless_it_has_kana_or_han() -> None:
    assert _c("ภาษาไทย ok") is None
    assert _c("ภาษาไทย 日本") == signals.word_measures("ภาษาไทย 日本", STOP)


@needs_c
def test_every_code_point_is_read_as_python_reads_it() -> None:
    """Each code point as a token between letters, and after a han character (the other
    tokenizer): spaces, punctuation, letters and kana or han as the regexes and str methods say."""
    for start in range(0, 0x110000, 512):
        chars = [chr(c) for c in range(start, start + 512) if not 0xD800 <= c < 0xE000]
        for text in (" ".join(f"a{ch}b {ch} {ch}x" for ch in chars), "日" + "".join(chars)):
            _same(text)


@needs_c
def test_counts_as_python_on_the_dev_set() -> None:
    paths = sorted((SHARED / "devset" / "gold").glob("*.txt"))[::3]
    paths += sorted((SHARED / "devset" / "dumps").glob("*.txt"))[::7]
    if not paths:
        pytest.skip("no dev set beside the project")
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        for stopwords in (stoplist_for("en"), stoplist_for("fr"), stoplist_for("ru"), frozenset()):
            measured = _c(text, stopwords)
            assert measured is None or measured == signals.word_measures(text, stopwords), path


@needs_c
def test_signals_are_the_same_through_c_and_python(monkeypatch: pytest.MonkeyPatch) -> None:
    paths = sorted((SHARED / "devset" / "gold").glob("*.txt"))[::4]
    texts = [p.read_text(encoding="utf-8") for p in paths] or ["a b c a b c a b c a b c d e f g h i j k"]
    for text in texts:
        monkeypatch.setattr(signals, "COMPILED", True)
        c = signals.signals(text, frozenset({"the", "a"}))
        monkeypatch.setattr(signals, "COMPILED", False)
        assert c == signals.signals(text, frozenset({"the", "a"}))


@needs_c
def test_bad_arguments_are_refused() -> None:
    with pytest.raises(ValueError):
        _c("a b a b", tops=(0,))
    with pytest.raises(TypeError):
        signals._c.word_measures(b"bytes", None, False, TOP_NGRAMS, DUP_NGRAMS)  # type: ignore[union-attr]
    with pytest.raises(TypeError):
        signals._c.word_measures("a", None, False, [2], DUP_NGRAMS)  # type: ignore[union-attr]


def _c4_c(lines: list[str]) -> object:
    return signals._c.c4(  # type: ignore[union-attr]
        lines,
        signals.C4_LOREM,
        signals.C4_JAVASCRIPT,
        signals.C4_POLICY,
        signals.C4_MIN_LINE_WORDS,
        signals.C4_MAX_WORD_CHARS,
    )


def _c4_same(lines: list[str]) -> None:
    counted = _c4_c(lines)
    if counted is None:  # a character whose lower case holds ASCII: the phrases are Python's to find
        assert any(signals.c4_flags(ch) & 16 for line in lines for ch in line), lines[:3]
    else:
        assert counted == signals.c4_counts(lines), lines[:3]


_C4_ALPHABET = " \t\u00a0\u3000.!?…\"'»”’)]。！？{abcdeijklmoprstuvAJSİ\u212aé日"


@needs_c
@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(alphabet=_C4_ALPHABET, max_size=40),
            st.sampled_from(
                ["Lorem Ipsum dolor sit", "Enable JavaScript now please", "Our Terms of Use apply"]
            ),
        ),
        max_size=8,
    )
)
def test_c4_counts_as_python(lines: list[str]) -> None:
    _c4_same(lines)


@needs_c
@pytest.mark.parametrize(
    "lines",
    [
        [],
        ["one two", "one two three. Four five six! «Seven» eight? nine", "a b c。d e f"],
        ["We use cookies on this site", "Read our PRIVACY POLICY now", "x { y z"],
        ["lorem ipsum dolor sit amet", "the JAVASCRİPT is off here", "a " * 600 + "b" * 1001],
        ["Turn on Javascript to see this", "«Fin.» Suite. ) ( . ."],
        ["We use coo\u212aies on this site"],  # the Kelvin sign lower-cases to k
    ],
)
def test_c4_examples_as_python(lines: list[str]) -> None:
    _c4_same(lines)


@needs_c
def test_c4_reads_every_code_point_as_python() -> None:
    for start in range(0, 0x110000, 512):
        chars = [chr(c) for c in range(start, start + 512) if not 0xD800 <= c < 0xE000]
        _c4_same([f"aa {ch}. bb{ch} cc{ch}dd ee" for ch in chars])
        _c4_same([f"{ch}{ch} xx yy lorem ipsum" for ch in chars if not signals.c4_flags(ch) & 16])


@needs_c
def test_c4_counts_as_python_on_the_dev_set() -> None:
    paths = sorted((SHARED / "devset" / "dumps").glob("*.txt"))[::2]
    if not paths:
        pytest.skip("no dev set beside the project")
    for path in paths:
        lines = [
            line for line in path.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()
        ]
        _c4_same(lines)


@needs_c
def test_c4_refuses_bad_arguments() -> None:
    policy, words, chars = signals.C4_POLICY, signals.C4_MIN_LINE_WORDS, signals.C4_MAX_WORD_CHARS
    with pytest.raises(ValueError):
        signals._c.c4(["a b c"], "lorem ïpsum", "javascript", policy, words, chars)  # type: ignore[union-attr]
    with pytest.raises(ValueError):
        signals._c.c4(["a b c"], "lorem ipsum", "java\x00script", policy, words, chars)  # type: ignore[union-attr]
    with pytest.raises(TypeError):
        signals._c.c4(["a b c", b"d e f"], "lorem ipsum", "javascript", policy, words, chars)  # type: ignore[union-attr]
    with pytest.raises(TypeError):
        signals._c.c4(("a b c",), "lorem ipsum", "javascript", policy, words, chars)  # type: ignore[union-attr]
