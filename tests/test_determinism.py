from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from dechaff.cli import main
from dechaff.core.memo import clear_all
from dechaff.engine.engine import Engine
from dechaff.engine.rulebook import load_book
from dechaff.io.inputs import Source

from conftest import ROOT


def test_two_runs_are_identical(tmp_path: Path) -> None:
    outs = [tmp_path / "a", tmp_path / "b"]
    for out in outs:
        assert main(["run", str(ROOT / "seeds"), "--out", str(out)]) == 0
    files = sorted(p.relative_to(outs[0]) for p in (outs[0] / "text").rglob("*.txt"))
    assert len(files) == 5
    for rel in files:
        assert (outs[0] / rel).read_bytes() == (outs[1] / rel).read_bytes()
    for table in ("metadata.parquet", "removed.parquet"):
        pd.testing.assert_frame_equal(pd.read_parquet(outs[0] / table), pd.read_parquet(outs[1] / table))


def rows_on(day: str, sources: list[Source]) -> list[tuple[str, str | None, str]]:
    """Every row, text and removed line the engine gives `sources` with the clock set to `day`,
    from empty caches (an answer kept from another day would hide a difference)."""
    import htmldate.extractors
    import time_machine

    with time_machine.travel(day, tick=False):
        clear_all()
        htmldate.extractors.try_date_expr.cache_clear()
        engine = Engine(load_book(None))
        results = [engine.process(source) for source in sources]
        return [(json.dumps(r.row, sort_keys=True, default=str), r.text, repr(r.removed)) for r in results]


def test_the_day_of_the_run_changes_nothing(shared: Path) -> None:
    """The same pages on two days give the same rows: a date written without its day ("2007/12")
    once took the day of the run (dateutil under htmldate); relative dates ("il y a 2 heures") are
    never read against the clock. Two days that differ in year, month and day of month."""
    devset = shared / "devset"
    sources = [Source(p.stem, p) for p in sorted((shared / "seeds").glob("*.txt"))]
    sources += [Source(p.stem, p) for p in sorted((devset / "dumps").glob("*.txt"))]
    sources += [Source(p.stem, p, kind="html") for p in sorted((devset / "html").glob("*.html"))]
    first, second = rows_on("2031-05-17 09:30Z", sources), rows_on("2032-11-03 21:10Z", sources)
    assert len(first) == len(sources) > 5
    assert [s.id for s, a, b in zip(sources, first, second, strict=True) if a != b] == []
