"""The first bytes of SHA-1 that MinHash starts from, in C (_minhash.c) against hashlib
(`dedup.sha1_prefixes`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dechaff.core.sections import DedupConfig
from dechaff.quality import dedup

needs_c = pytest.mark.skipif(dedup._c is None, reason="_minhash is not built (no C compiler or no OpenSSL)")


@needs_c
@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=40), max_size=30))
def test_c_prefixes_as_hashlib(items: list[str]) -> None:
    items = [item for item in items if not any("\ud800" <= c <= "\udfff" for c in item)]
    assert dedup._c.prefixes(items) == dedup.sha1_prefixes(items)  # type: ignore[union-attr]
    assert dedup._c.prefixes(set(items)) == dedup.sha1_prefixes(set(items))  # type: ignore[union-attr]


@needs_c
def test_c_prefixes_of_odd_items() -> None:
    twin = dedup._c
    assert twin is not None
    items = ["", "a", "été", "語の本", "\U0001d400", "x" * 10_000, "le 0 mai à paris"]
    assert twin.prefixes(items) == dedup.sha1_prefixes(items) and len(twin.prefixes(items)) == 4 * len(items)
    assert twin.prefixes(iter(items)) == dedup.sha1_prefixes(iter(items))
    assert twin.prefixes([]) == b""
    # what cannot be hashed fails in both (bytes: no str.encode in Python, a TypeError in C)
    for bad, errors in [
        (["a\ud800"], UnicodeEncodeError),
        ([b"a"], (TypeError, AttributeError)),
        (3, TypeError),
    ]:
        with pytest.raises(errors):
            twin.prefixes(bad)
        with pytest.raises(errors):
            dedup.sha1_prefixes(bad)  # type: ignore[arg-type]


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
