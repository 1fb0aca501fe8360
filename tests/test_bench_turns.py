"""`dechaff bench` times the systems it compares in turns, copy by copy, so a slow minute of a
shared machine falls on all of them; each page is still worked on once per system, and a cold
system's memo tables are emptied before each of its copies. Its runs with workers compile every
cascade first."""

from __future__ import annotations

from pathlib import Path

import pytest

from dechaff.bench import throughput
from dechaff.bench.throughput import NO_TIME, Page, Timing, timed_in_turns
from dechaff.run.config import RunConfig


def _items(tmp_path: Path, copies: int, names: str) -> list[tuple[Page, Path]]:
    out = []
    for k in range(copies):
        for name in names:
            path = tmp_path / f"r{k:03d}-{name}.txt"
            path.write_text(name * (k + 1), encoding="utf-8")
            out.append((Page(f"r{k:03d}/{name}", path, None, None, "en"), path))
    return out


def test_systems_take_turns_copy_by_copy(tmp_path: Path) -> None:
    events: list[str] = []

    def work(system: str):  # type: ignore[no-untyped-def]
        return lambda page, path: events.append(f"{system}:{page.id}")

    items = _items(tmp_path, 3, "ab")
    timed_in_turns(
        {"A": (items, work("A"), False), "B": (items, work("B"), False), "C": (items[:2], work("C"), False)},
        clear=lambda: events.append("clear"),
    )
    assert events == [
        "A:r000/a", "A:r000/b", "B:r000/a", "B:r000/b", "C:r000/a", "C:r000/b",  # round 0: A first
        "B:r001/a", "B:r001/b", "A:r001/a", "A:r001/b",  # round 1: B first; C has no copy 1
        "A:r002/a", "A:r002/b", "B:r002/a", "B:r002/b",  # round 2: C's turn first, then A, B
    ]  # fmt: skip


def test_a_cold_system_starts_each_of_its_copies_with_empty_memo_tables(tmp_path: Path) -> None:
    events: list[str] = []
    items = _items(tmp_path, 2, "a")
    timed_in_turns(
        {
            "cold": (items, lambda page, path: events.append(f"cold:{page.id}"), True),
            "warm": (items, lambda page, path: events.append(f"warm:{page.id}"), False),
        },
        clear=lambda: events.append("clear"),
    )
    assert events == ["clear", "cold:r000/a", "warm:r000/a", "warm:r001/a", "clear", "cold:r001/a"]


def test_the_totals_add_every_copy(tmp_path: Path) -> None:
    items = _items(tmp_path, 3, "abc")
    times = timed_in_turns({"A": (items, lambda page, path: None, False)}, clear=lambda: None)
    assert times["A"].docs == 9
    assert times["A"].bytes == sum(path.stat().st_size for _, path in items) == 3 * (1 + 2 + 3)
    assert times["A"].seconds > 0 and times["A"].cpu >= 0
    assert NO_TIME + Timing(1, 2, 3.0, 4.0) + Timing(1, 2, 3.0, 4.0) == Timing(2, 4, 6.0, 8.0)


def test_the_timed_runs_compile_every_cascade_before_the_workers_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bench times scaling, not compiling: its runs warm the parent (`RunConfig.warm`), whose
    engine every later run reuses; a user's run compiles in its workers instead."""
    seen: list[RunConfig] = []
    monkeypatch.setattr(throughput, "run", seen.append)
    (tmp_path / "dumps").mkdir()
    throughput.run_with_workers(tmp_path / "dumps", tmp_path / "m.jsonl", 2, tmp_path / "out", None)
    assert [(c.warm, c.workers) for c in seen] == [(True, 2)]
