"""Memo tables, phrase-set answers and compiled cascades are bounded (`core.memo`): a worker's
memory stops growing once they are full, whatever the number of documents it cleans."""

from __future__ import annotations

import pytest

from dechaff.core import memo
from dechaff.engine import engine as engine_module
from dechaff.engine.domains import DomainMatch
from dechaff.engine.engine import Engine
from dechaff.engine.rulebook import load_book
from dechaff.ruleset import patterns
from dechaff.text import langdetect_fast
from dechaff.text.langid import detect_language
from dechaff.text.normalise import fold


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
    memo.clear_all()
    rows = langdetect_fast.profiles().rows
    rows.clear()
    for k in range(30):
        detect_language([f"Der Bundestag hat am Donnerstag über Gesetz {k}x{k * 7} abgestimmt, sagte er."])
    assert len(langdetect_fast._WORDS) <= 40
    assert len(rows) <= 40
