"""User patterns run in linear time: a catastrophic-backtracking pattern such as `(a+)+$` on a long
line of `a`s costs what any pattern costs (RE2 never backtracks)."""

from __future__ import annotations

import time

import pytest

from dechaff.cleaners import PARAM_SPECS
from dechaff.core.document import Context
from dechaff.engine.engine import normalise
from dechaff.engine.pipeline import Pipeline
from dechaff.ruleset.errors import RuleFileError
from dechaff.ruleset.loader import RuleBook
from dechaff.ruleset.schema import parse_rule_file

EVIL = r"(a+)+$"
SITE = f"""version: 1
rules:
  - {{id: evil, regex: '{EVIL}'}}
  - {{id: evil-alt, regex: '^(a|aa)*b$'}}
"""


def best_time(work, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


@pytest.fixture(scope="module")
def pipeline(book: RuleBook) -> Pipeline:
    site = parse_rule_file(SITE, "rules/sites/evil.example.yaml", "site", "evil.example", PARAM_SPECS)
    return Pipeline((book.default, site))


def test_catastrophic_pattern_is_linear_in_the_line_length(pipeline: Pipeline) -> None:
    evil = next(r for r in pipeline.files[1].rules if r.id == "evil").regex
    small, large = "a" * 10_000 + "!", "a" * 80_000 + "!"  # no match: the worst case for backtracking
    t_small = best_time(lambda: evil.search(small))
    t_large = best_time(lambda: evil.search(large))
    assert evil.search(large) is None and evil.search("a" * 80_000) is not None
    assert t_large < 8 * 5 * t_small + 0.05  # 8x the input: ~8x the time, never 2**70000x


def test_cascade_drops_a_long_line_of_as_in_linear_time(pipeline: Pipeline, book: RuleBook) -> None:
    lines, *_ = normalise("Un titre\n" + "a" * 90_000 + "\n" + "a" * 90_000 + "!\n", 100_000)
    start = time.perf_counter()
    out = pipeline.clean(lines, Context("evil", "fr"))
    assert time.perf_counter() - start < 5
    assert any(r.rule_id == "evil" and r.line_no == 2 for r in out.removed)


def test_patterns_re2_cannot_run_are_refused_with_file_and_line() -> None:
    text = "version: 1\nrules:\n  - {id: ok, line: Publicité}\n  - {id: backref, regex: '(a)\\1'}\n"
    with pytest.raises(RuleFileError) as err:
        parse_rule_file(text, "rules/sites/x.yaml", "site", "x", PARAM_SPECS)
    assert (err.value.path, err.value.line) == ("rules/sites/x.yaml", 4)
    assert "RE2" in str(err.value)
