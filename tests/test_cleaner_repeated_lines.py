from __future__ import annotations

from conftest import dropped


def test_repeated_title_keeps_first(run_cleaner) -> None:
    out = run_cleaner("repeated_lines", "Le titre\n\nLe titre\nUn paragraphe.\nle TITRE")
    assert [r.line_no for r in out.removed] == [3, 5]


def test_distinct_lines_survive(run_cleaner) -> None:
    assert dropped(run_cleaner("repeated_lines", "Le titre\nLe titre, suite\n'\n'")) == []
