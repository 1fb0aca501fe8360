"""A dump without a URL is told its site by the fingerprints of the site files: the whole page is
asked first, in one pass, and its lines one by one only when a fingerprint may match."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dechaff.engine import domains
from dechaff.engine.domains import DomainResolver
from dechaff.engine.rulebook import load_book
from dechaff.ruleset.patterns import RegexSet

from conftest import ROOT, SHARED, rules_copy

SITE = """version: 1
domains: [ex.example]
fingerprint_threshold: 2
fingerprints:
  - {{id: a, regex: '{first}', weight: 1}}
  - {{id: b, regex: '^Le Journal \\(Ex\\)$', weight: 1, top: 3}}
"""


_RESOLVER = DomainResolver(load_book(None))


@pytest.fixture(scope="module")
def site_resolver(tmp_path_factory: pytest.TempPathFactory) -> DomainResolver:
    return _resolver(tmp_path_factory.mktemp("rules"), "^Par [^)]+ \\(Ex\\)$")


def _resolver(tmp_path: Path, first: str) -> DomainResolver:
    return DomainResolver(load_book(rules_copy(tmp_path, {"ex.example": SITE.format(first=first)})))


def _line_by_line(resolver: DomainResolver, lines: list[str]) -> object:
    """The answer with the whole-page pass off: every line asked."""
    sources, resolver._page_sources = resolver._page_sources, None
    try:
        return resolver.fingerprint(lines)
    finally:
        resolver._page_sources = sources


def test_a_page_without_a_fingerprint_is_asked_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    resolver = _resolver(tmp_path, "^Par [^)]+ \\(Ex\\)$")
    asked: list[str] = []
    real = RegexSet.matches
    monkeypatch.setattr(RegexSet, "matches", lambda self, text: asked.append(text) or real(self, text))
    assert resolver.fingerprint(["Un titre", "Un paragraphe d'article.", "Fin."]) is None
    assert asked == []
    site = resolver.fingerprint(["Le Journal (Ex)", "Un titre", "Par Jean Dupont (Ex)"])
    assert site is not None and site.domains == ("ex.example",) and len(asked) == 3


def test_a_class_over_a_line_end_is_no_line_match(tmp_path: Path) -> None:
    # `[^)]+` runs from line 2 over the line end to line 3: the page matches, no line does
    resolver = _resolver(tmp_path, "^Par [^)]+ \\(Ex\\)$")
    lines = ["Le Journal (Ex)", "Par Jean", "Dupont (Ex)"]
    assert resolver._anywhere(lines) and resolver.fingerprint(lines) is None


@pytest.mark.parametrize(
    "first", ["\\ALe Journal", "(?-m:^Le Journal)", "Journal\\z", "(?-sm)^Le Journal", "(?i-sm:^Le Journal)"]
)
def test_an_anchor_at_the_texts_ends_asks_line_by_line(tmp_path: Path, first: str) -> None:
    # in the whole page, `\\A` is the first line's start only: the page pass would miss line 2
    resolver = _resolver(tmp_path, first)
    assert resolver._page_sources is None
    lines = ["Un titre", "Le Journal (Ex)", "Le Journal"]
    assert resolver.fingerprint(lines) is not None


def test_an_escaped_dash_before_an_m_keeps_the_page_pass(tmp_path: Path) -> None:
    assert _resolver(tmp_path, "^Lui\\-même$")._page_sources is not None


def test_a_huge_page_is_asked_line_by_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # joined, a huge page would be held twice: past PAGE_CHARS its lines are asked one by one
    resolver = _resolver(tmp_path, "^Par [^)]+ \\(Ex\\)$")
    lines = ["Un titre", "Un paragraphe d'article."]
    assert not resolver._anywhere(lines)
    monkeypatch.setattr(domains, "PAGE_CHARS", 20)
    assert resolver._anywhere(lines) and resolver.fingerprint(lines) is None


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Le Journal (Ex)", "Par Jean Dupont (Ex)", "Par Jean", "Dupont (Ex)", "x", ""]),
        max_size=6,
    )
)
def test_the_page_pass_answers_as_the_lines_do(site_resolver: DomainResolver, lines: list[str]) -> None:
    # the made-up site's fingerprints, which these lines hit on one line, over two, or not at all
    assert site_resolver.fingerprint(lines) == _line_by_line(site_resolver, lines)


def test_the_shipped_fingerprints_answer_alike_page_or_lines() -> None:
    folders = [ROOT / "seeds", SHARED / "devset" / "dumps"]
    pages = [p for folder in folders if folder.is_dir() for p in sorted(folder.glob("*.txt"))]
    assert _RESOLVER._page_sources is not None
    found = 0
    for path in pages:
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        site = _RESOLVER.fingerprint(lines)
        assert site == _line_by_line(_RESOLVER, lines), path.name
        found += site is not None
    assert found >= 4  # the seeds of the shipped sites
