"""Progress: plain periodic lines when stderr is not a terminal, a live bar when it is."""

from __future__ import annotations

import io

import pytest

from dechaff.run.progress import PlainReporter, reporter_for, status_line
from dechaff.run.progress_bar import RichReporter


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_plain_lines_when_not_a_terminal() -> None:
    stream = io.StringIO()
    reporter = reporter_for(40, stream, interval=0.0)
    assert isinstance(reporter, PlainReporter)
    for _ in range(4):
        reporter.advance(10)
    reporter.close()
    lines = stream.getvalue().splitlines()
    assert len(lines) == 4 and lines[-1].startswith("progress: 40/40 docs (100.0%), ")
    assert "docs/s" in lines[0] and "ETA" in lines[0]


def test_plain_lines_are_periodic() -> None:
    stream = io.StringIO()
    reporter = reporter_for(None, stream, interval=3600.0)
    reporter.advance(5)
    assert stream.getvalue() == ""


def test_a_bar_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "120")  # a narrow CI terminal would ellipsise the bar's text
    stream = Terminal()
    reporter = reporter_for(10, stream)
    assert isinstance(reporter, RichReporter)
    reporter.advance(10)
    reporter.close()
    assert "10/10" in stream.getvalue() and "docs/s" in stream.getvalue()


def test_status_line_without_a_total_has_no_eta() -> None:
    assert status_line(7, None, 2.0) == "7 docs, 3.5 docs/s"
    assert status_line(0, 10, 1.0).endswith("ETA ?")
