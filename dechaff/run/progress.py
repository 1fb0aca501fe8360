"""Progress of a run: a live bar with docs/s and ETA on a terminal, plain periodic lines otherwise
(log files and CI keep a readable trace instead of carriage-return noise)."""

from __future__ import annotations

import sys
import time
from typing import Protocol, TextIO


class Reporter(Protocol):
    def advance(self, docs: int) -> None: ...

    def close(self) -> None: ...


def duration(seconds: float) -> str:
    """
    >>> duration(3725.4)
    '1h02m05s'
    >>> duration(42)
    '42s'
    """
    s = int(seconds)
    if s >= 3600:
        return f"{s // 3600}h{s % 3600 // 60:02d}m{s % 60:02d}s"
    return f"{s // 60}m{s % 60:02d}s" if s >= 60 else f"{s}s"


def status_line(done: int, total: int | None, elapsed: float) -> str:
    """
    >>> status_line(250, 1000, 10.0)
    '250/1000 docs (25.0%), 25.0 docs/s, ETA 30s'
    >>> status_line(7, None, 2.0)
    '7 docs, 3.5 docs/s'
    """
    rate = done / elapsed if elapsed > 0 else 0.0
    if total is None:
        return f"{done} docs, {rate:.1f} docs/s"
    eta = duration((total - done) / rate) if rate > 0 else "?"
    return f"{done}/{total} docs ({100 * done / max(total, 1):.1f}%), {rate:.1f} docs/s, ETA {eta}"


class PlainReporter:
    """One status line every `interval` seconds."""

    def __init__(self, total: int | None, stream: TextIO, interval: float) -> None:
        self.total = total
        self.stream = stream
        self.interval = interval
        self.done = 0
        self._start = time.monotonic()
        self._last = self._start

    def advance(self, docs: int) -> None:
        self.done += docs
        now = time.monotonic()
        if now - self._last >= self.interval:
            self._last = now
            print(f"progress: {status_line(self.done, self.total, now - self._start)}", file=self.stream)

    def close(self) -> None:
        """The final summary is the caller's; nothing is pending here."""


def reporter_for(total: int | None, stream: TextIO = sys.stderr, interval: float = 10.0) -> Reporter:
    """The bar on a terminal, periodic lines when the stream is a file or a pipe (rich, which
    draws the bar, is imported only then)."""
    if stream.isatty():
        from dechaff.run.progress_bar import RichReporter

        return RichReporter(total, stream)
    return PlainReporter(total, stream, interval)
