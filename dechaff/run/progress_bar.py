"""The live progress bar of a run on a terminal (rich): done/total, docs/s, elapsed, ETA."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class _Rate(ProgressColumn):
    def render(self, task: Task) -> Text:
        return Text(f"{task.speed or 0:.1f} docs/s")


class RichReporter:
    """A live bar: done/total, docs/s, elapsed, time remaining."""

    def __init__(self, total: int | None, stream: TextIO) -> None:
        self._progress = Progress(
            TextColumn("cleaning"),
            BarColumn(),
            MofNCompleteColumn(),
            _Rate(),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=Console(file=stream),
        )
        self._task = self._progress.add_task("cleaning", total=total)
        self._progress.start()

    def advance(self, docs: int) -> None:
        self._progress.advance(self._task, docs)

    def close(self) -> None:
        self._progress.stop()
