"""A batch run: clean every source, write text files and tables, and summarise what happened."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cleaner.engine import Engine
from cleaner.io.inputs import Source
from cleaner.io.writers import removed_rows, text_path, write_tables, write_text
from cleaner.metadata import REMOVED_PREFIX


@dataclass
class Summary:
    files: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    removed_by_cleaner: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    def count(self, kind: str) -> int:
        return sum(n for status, n in self.statuses.items() if status.split(":")[0] == kind)


class StrictError(Exception):
    """Raised with --strict when a document is not cleaned ok."""


def run_batch(
    sources: Sequence[Source],
    engine: Engine,
    out_dir: Path,
    strict: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> Summary:
    started = time.perf_counter()
    summary = Summary()
    rows: list[dict[str, object]] = []
    removed: list[dict[str, object]] = []
    for n, source in enumerate(sources, 1):
        result = engine.process(source)
        status = str(result.row["status"])
        if strict and status.startswith("error"):
            raise StrictError(f"{source.path}: {status}: {result.row['error']}")
        rows.append(result.row)
        removed.extend(removed_rows(source.id, result.removed))
        if result.text is not None:
            write_text(out_dir, source.id, result.text)
        else:
            text_path(out_dir, source.id).unlink(missing_ok=True)
        summary.files += 1
        summary.statuses[status] += 1
        for key, value in result.row.items():
            if key.startswith(REMOVED_PREFIX) and value:
                summary.removed_by_cleaner[key.removeprefix(REMOVED_PREFIX)] += int(value)  # type: ignore[call-overload]
        if progress is not None:
            progress(n, len(sources))
    write_tables(out_dir, rows, removed)
    summary.seconds = time.perf_counter() - started
    return summary
