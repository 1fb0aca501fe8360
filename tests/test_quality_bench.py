"""`dechaff bench --signals` measures what it says on real documents (the numbers themselves are
machine-dependent and are not asserted, only that every part was timed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dechaff.bench import speed
from dechaff.engine.engine import Engine
from dechaff.ruleset.loader import RuleBook

from conftest import ROOT


def test_signal_cost_on_the_seeds(book: RuleBook) -> None:
    root, files = speed.corpus_files(None, Path("/nonexistent"))
    assert root == ROOT / "seeds" and len(files) == 5
    cost = speed.measure(Engine(book), files, repeats=1)
    assert cost.documents == 5 and cost.repeats == 1
    assert cost.process > cost.cascade > 0 and cost.signals > 0 and cost.signature > 0
    assert cost.ratio == pytest.approx(cost.signals / cost.cascade)
    assert "signals / cascade:" in speed.report(cost, root)


def test_a_document_the_engine_fails_on_stops_the_bench(book: RuleBook, tmp_path: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()  # unreadable as a file: error:read
    with pytest.raises(RuntimeError, match="error:read"):
        speed.measure(Engine(book), [folder], repeats=1)
