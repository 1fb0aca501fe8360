"""A text's shingles and the first bytes of their SHA-1, which MinHash and the near-duplicate
check start from, in C (_minhash.c) against the Python twin (`dedup.shingle_list` hashed by
hashlib in `dedup.sha1_prefixes`)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dechaff.core.sections import DedupConfig
from dechaff.quality import dedup

needs_c = pytest.mark.skipif(dedup._c is None, reason="_minhash is not built (no C compiler or no OpenSSL)")


@needs_c
def test_signatures_of_dev_texts_are_the_same_with_the_c(
    shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = DedupConfig()
    texts = [
        path.read_text(encoding="utf-8") for path in sorted((shared / "devset" / "dumps").glob("*.txt"))[::4]
    ]
    assert texts
    c = [dedup.signature_of(text, config).minhash for text in texts]
    monkeypatch.setattr(dedup, "COMPILED", False)
    python = [dedup.signature_of(text, config).minhash for text in texts]
    assert all((a == b).all() for a, b in zip(c, python, strict=True))


# what a shingle's words are made of: letters, digits of several scripts, `_`, kana and han (a
# word each), marks, spaces, punctuation, every line break of str.splitlines, a lone surrogate
_PIECES = st.lists(
    st.sampled_from(
        [
            *"ab Éé_0٣९.,-'’ \t",
            *["\u0301", "語", "の", "ア", "\uf900", "\u3400", "\ud800", "ß", "İ"],
            *[
                "\n",
                "\r",
                "\r\n",
                "\v",
                "\f",
                "\x1c",
                "\x1d",
                "\x1e",
                "\x85",
                "\u2028",
                "\u2029",
                "\U0001d400",
            ],
        ]
    ),
    max_size=80,
).map("".join)


@needs_c
@settings(max_examples=400, deadline=None)
@given(_PIECES, st.integers(min_value=1, max_value=6), st.sampled_from([4, 8]))
def test_c_shingle_prefixes_as_the_shingles_hashed(text: str, size: int, width: int) -> None:
    """The C cuts a lowered text into the shingles `shingle_list` makes of it, in order, and
    hashes them: the same bytes, 4 or 8 of each SHA-1."""
    twin = dedup._c
    assert twin is not None
    expected = dedup.sha1_prefixes(dedup.shingle_list(text, size), width)
    assert twin.shingle_prefixes(text.lower(), size, width) == expected
    if width == 4:
        assert twin.shingle_prefixes(text.lower(), size) == expected


@needs_c
def test_c_shingles_read_every_code_point_as_the_regex_does() -> None:
    """Each code point (surrogates too), between two letters and on its own, splits words, is a
    word of its own, joins them, or breaks the line as the Python twin's regexes and splitlines
    do."""
    twin = dedup._c
    assert twin is not None
    for start in range(0, 0x110000, 2048):
        text = " ".join(f"x{chr(c)}y {chr(c)}" for c in range(start, start + 2048))
        lowered = text.lower()
        assert twin.shingle_prefixes(lowered, 2) == dedup.sha1_prefixes(dedup.shingle_list(lowered, 2)), hex(
            start
        )


@needs_c
def test_c_shingle_prefixes_of_odd_texts() -> None:
    twin = dedup._c
    assert twin is not None
    for text in ["", "\n\n", " . ", "a", "x" * 100_000, "\n".join(["un deux trois quatre cinq six"] * 50)]:
        for size in (1, 5, 10):
            assert twin.shingle_prefixes(text, size) == dedup.sha1_prefixes(dedup.shingle_list(text, size))
    # a size past any line's words: each line is one shingle, however large the int
    for size in (sys.maxsize, sys.maxsize + 1, 2**100):
        assert twin.shingle_prefixes("le 0 mai\nfin", size) == dedup.sha1_prefixes(["le 0 mai", "fin"])
    for bad, error in [
        (("a", -(2**100)), ValueError),
        (("a", 0), ValueError),
        (("a", 5, 2), ValueError),
        (("a", 5, "8"), TypeError),
        (("a", 5, 8, 1), TypeError),
        ((b"a", 5), TypeError),
        (("a",), TypeError),
        (("a", "5"), TypeError),
    ]:
        with pytest.raises(error):
            twin.shingle_prefixes(*bad)


@needs_c
def test_signature_of_is_the_same_without_the_c(monkeypatch: pytest.MonkeyPatch) -> None:
    """The C hashes every shingle where it occurs, the Python twin each distinct one once: a
    minimum over either is the same signature."""
    config = DedupConfig()
    texts = [
        "Le 3 mai 2024, à Paris, il pleut.\nIl pleut. Il pleut. Il pleut. Il pleut. Il pleut.",
        "",
        "語の本",
    ]
    c = [dedup.signature_of(text, config) for text in texts]
    monkeypatch.setattr(dedup, "COMPILED", False)
    python = [dedup.signature_of(text, config) for text in texts]
    assert [(s.exact, s.minhash.tolist()) for s in python] == [(s.exact, s.minhash.tolist()) for s in c]
