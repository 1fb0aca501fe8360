"""Memo tables, phrase-set answers and compiled cascades are bounded (`core.memo`): a worker's
memory stops growing once they are full, whatever the number of documents it cleans."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from dechaff.core import memo
from dechaff.engine import engine as engine_module
from dechaff.engine.domains import DomainMatch
from dechaff.engine.engine import Engine
from dechaff.engine.rulebook import load_book
from dechaff.io.inputs import Source
from dechaff.ruleset import patterns
from dechaff.text import langdetect_fast
from dechaff.text.langid import detect_language
from dechaff.text.normalise import fold

from conftest import STORIES


def _texts(n: int) -> list[str]:
    return [fold(f"Ligne numéro {k} d'une page inventée pour ce test") for k in range(n)]


def test_the_phrase_answers_of_all_pipelines_share_one_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(patterns, "TEXTS", 50)
    engine = Engine(load_book(None))
    sets = [engine.pipeline(lang, DomainMatch(None, "none", None)).shared for lang in ("fr", "de", "en")]
    memo.clear_all()
    cookie = fold("Accepter les cookies")  # answers are the same after the budget emptied the tables
    before = sets[0].matches(cookie)
    for text in _texts(120):
        for shared in sets:
            shared.matches(text)
    assert sum(len(shared._cache) for shared in patterns._SHARED_SETS) <= 50
    assert cookie not in sets[0]._cache
    assert sets[0].matches(cookie) == before != ()


def test_an_engine_keeps_the_most_recently_used_cascades(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine_module, "PIPELINES", 2)
    engine = Engine(load_book(None))
    none = DomainMatch(None, "none", None)
    fr = engine.pipeline("fr", none)
    engine.pipeline("de", none)
    assert engine.pipeline("fr", none) is fr  # used again: now the most recent
    engine.pipeline("en", none)  # drops de, the least recently used
    assert len(engine._pipelines) == 2
    assert engine.pipeline("fr", none) is fr
    assert engine.pipeline("de", none) is not None and len(engine._pipelines) == 2


def test_langdetect_memo_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(langdetect_fast, "TEXTS", 40)
    monkeypatch.setattr(langdetect_fast, "COMPILED", False)  # the C twin keeps neither memo
    memo.clear_all()
    rows = langdetect_fast.profiles().rows
    rows.clear()
    for k in range(30):
        detect_language([f"Der Bundestag hat am Donnerstag über Gesetz {k}x{k * 7} abgestimmt, sagte er."])
    assert len(langdetect_fast.profiles().words) <= 40
    assert len(rows) <= 40


# memos that `clear_all` leaves: keyed by configuration (rule patterns, stop-list names, parsers,
# XPaths, dateparser languages) or by one character, never by a document's lines or words
_NOT_TEXTS = {
    "dechaff.ruleset.patterns.set_source",
    "dechaff.ruleset.patterns.heavy",
    "dechaff.ruleset.widened.class_ranges",
    "dechaff.ruleset.widened._block_texts",
    "dechaff.ruleset.yamlnodes.load_located",
    "dechaff.text.scripts.script_of",
    "dechaff.text.stoplists.stoplist",
    "dechaff.text.stoplists._justext_folder",
    "dechaff.text.stoplists.with_words",
    "dechaff.text.slug.urlsplit",
    "dechaff.cleaners.classifier_core._script_of_list",
    "dechaff.io.html_extract._parser",
    "dechaff.io.html_meta._xpath",
    "dechaff.io.html_author._asks",
    "dechaff.io.html_author._values",
    "dechaff.io.badness.badness_re",
    "dechaff.io.badness._searchers",
    "dechaff.text.dates._parser",
    "dechaff.io.html_meta.dates_without_today",  # once a process: htmldate's dates without today
    "dechaff.io.xpath_twins._twins",  # once a process: the twins of trafilatura's expressions
}


def test_clear_all_empties_every_memo_keyed_by_text(tmp_path: Path) -> None:
    """`dechaff bench` empties the memo tables between copies of a page: a memo of lines or words
    that `clear_all` missed would find a copy's answers in hand, and time a warm cleaner as cold."""
    for cache in _caches():  # what other tests left: only this test's documents count
        cache.cache_clear()
    engine = Engine(load_book(None))
    page = tmp_path / "page.txt"
    page.write_text("\n\n".join(STORIES) + "\nAccepter les cookies\n", encoding="utf-8")
    html = tmp_path / "page.html"
    html.write_text(
        "<html lang='fr'><head><title>Un titre de page</title></head><body><h1>Un titre de page</h1>"
        + "".join(f"<p>{story}</p>" for story in STORIES)
        + "<div class='author'>Par Léa Morand</div></body></html>",
        encoding="utf-8",
    )
    for _ in range(2):
        engine.process(Source("page", page))
        engine.process(Source("html", html, kind="html"))
    memo.clear_all()
    left = {f"{cache.__module__}.{cache.__qualname__}" for cache in _caches() if cache.cache_info().currsize}
    assert left <= _NOT_TEXTS, left - _NOT_TEXTS


def _caches() -> list[Any]:
    """Every functools cache of the loaded dechaff modules, once each (a module that imports one
    holds the same object)."""
    found = {
        id(value): value
        for name, module in list(sys.modules.items())
        if name.startswith("dechaff")
        for value in vars(module).values()
        if callable(getattr(value, "cache_info", None)) and callable(getattr(value, "cache_clear", None))
    }
    return list(found.values())
