"""FastDetector must answer exactly as langdetect (same languages, same probabilities, same errors),
through its C n-grams and walks (_langwalk.c) and through its Python twin alike."""

from __future__ import annotations

import langdetect
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from langdetect import detector_factory
from langdetect.lang_detect_exception import LangDetectException

from dechaff.text import (
    langdetect_fast,
    langid,  # noqa: F401  (seeds langdetect)
)
from dechaff.text.langdetect_fast import detect_langs, profiles
from dechaff.text.langid import sample

from conftest import SHARED

_ALPHABET = (
    [chr(c) for c in range(32, 127)]
    + [chr(c) for c in range(0xC0, 0x180)]  # Latin-1, Latin Extended-A
    + [chr(c) for c in range(0x400, 0x450)]  # Cyrillic
    + [chr(c) for c in range(0x4E00, 0x4E40)]  # CJK
    + [chr(c) for c in range(0x3040, 0x30A0)]  # kana
    + ["\uac00", "\u0219", "\u021b", "\u1ea1", "\u1e05", "\u06cc", "\u0300", "\u0301", "\u2019", " "] * 3
)
_FIXED = [
    "",
    " ",
    "12345 !!!",
    "see https://example.com/a?b=1 and mail foo.bar@baz.org  NOW   OK",
    "Le Président de la République a annoncé mardi une réforme des retraites.",
    "The quick brown fox jumps over the lazy dog, said the BBC NEWS anchor.",
    "Der Bundestag hat am Donnerstag über das neue Gesetz abgestimmt.",
    "林務局管理的國家森林遊樂區",
    "東京では、きょう雨が降りました。",
    "Москва — столица России.",
    "Xin chào thế giới",
]


@pytest.fixture(autouse=True, params=["c", "python"])
def path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every test here runs through the compiled n-grams and walks, then through the Python twin."""
    if request.param == "c" and langdetect_fast._c is None:
        pytest.skip("_langwalk is not built")
    monkeypatch.setattr(langdetect_fast, "COMPILED", request.param == "c")
    return str(request.param)


def _answer(detect: object, text: str) -> object:
    try:
        return [(x.lang, x.prob) for x in detect(text)]  # type: ignore[operator]
    except LangDetectException as exc:
        return str(exc)


def test_fixed_texts() -> None:
    for text in _FIXED:
        assert _answer(detect_langs, text) == _answer(langdetect.detect_langs, text), text


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=300) | st.text(max_size=60))
def test_random_texts(text: str) -> None:
    assert _answer(detect_langs, text) == _answer(langdetect.detect_langs, text)


def test_dev_set_and_seed_pages() -> None:
    paths = sorted((SHARED / "devset" / "dumps").glob("*.txt"))[::3] + sorted((SHARED / "seeds").glob("*"))
    for path in paths:
        text = sample(path.read_text(encoding="utf-8", errors="replace").splitlines())
        assert _answer(detect_langs, text) == _answer(langdetect.detect_langs, text), path.name


def test_profiles_hold_langdetects_probabilities() -> None:
    # Every n-gram of langdetect's own factory, with the very same 55 floats, in its language order.
    detector_factory.init_factory()
    factory, ours = detector_factory._factory, profiles()
    assert ours.langlist == factory.langlist
    assert ours.word_lang_prob_map.keys() == factory.word_lang_prob_map.keys()
    index = ours.word_lang_prob_map
    assert all(ours.row(index[gram]).tolist() == row for gram, row in factory.word_lang_prob_map.items())


def test_non_latin_is_every_character_from_u0300() -> None:
    """The characters `cleaning_text` counts against the Latin ones: every one from U+0300 on."""
    for code in (0, 0x41, 0x7A, 0xE9, 0x2FF, 0x300, 0x301, 0x1E00, 0xD7FF, 0xD800, 0xFFFF, 0x10000, 0x10FFFF):
        assert (langdetect_fast._NON_LATIN.fullmatch(chr(code)) is not None) == (code >= 0x300), hex(code)


def test_latin_and_beyond_counts_as_the_two_regexes_on_every_code_point() -> None:
    """`cleaning_text` counts on UTF-8 bytes: each code point alone (lone surrogates too) counts
    as `_LATIN` and `_NON_LATIN` match it, and so do texts of several."""
    for code in range(0x110000):
        ch = chr(code)
        expected = (
            langdetect_fast._LATIN.match(ch) is not None,
            langdetect_fast._NON_LATIN.match(ch) is not None,
        )
        assert langdetect_fast.latin_and_beyond(ch) == expected, hex(code)
    for text in _FIXED:
        counts = len(langdetect_fast._LATIN.findall(text)), len(langdetect_fast._NON_LATIN.findall(text))
        assert langdetect_fast.latin_and_beyond(text) == counts, text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=100) | st.text(max_size=60))
def test_latin_and_beyond_on_random_texts(text: str) -> None:
    counts = len(langdetect_fast._LATIN.findall(text)), len(langdetect_fast._NON_LATIN.findall(text))
    assert langdetect_fast.latin_and_beyond(text) == counts


_APPENDED = [*_FIXED, "a  b   c", "Tie\u0300ng Vie\u0323t a\u0309 o\u0303 e\u0301", "x@y.z http://a.b"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*_ALPHABET, "  ", "http://x", "@", "a\u0300"]), max_size=40).map("".join))
def test_append_keeps_the_text_langdetect_keeps(text: str) -> None:
    """`append` runs each of langdetect's regexes only where it can match: the same text left."""
    for one in (text, *_APPENDED):
        detector_factory.init_factory()
        ours, theirs = langdetect_fast.FastDetector(profiles()), detector_factory._factory.create()
        ours.append(one)
        theirs.append(one)
        assert ours.text == theirs.text, one
