"""A rule file's patterns are parsed when it is read and compiled on first use (`Regex`), but a
pattern whose RE2 program could outgrow the budget is compiled at once, so that error still names
its file and line: `program_bound` must never be under RE2's own count."""

from __future__ import annotations

import pickle
import random

import pytest
import re2

from dechaff.cleaners import PARAM_SPECS
from dechaff.engine.rulebook import load_book
from dechaff.ruleset import loader, patterns, schema
from dechaff.ruleset.errors import RuleFileError
from dechaff.ruleset.patterns import (
    RE2_OPTIONS,
    Regex,
    compile_re2,
    program_bound,
    quick_bound,
    unicode_classes,
    user_regex,
)
from dechaff.ruleset.schema import parse_rule_file


def _size(source: str) -> int:
    return int(re2.compile(source, RE2_OPTIONS).programsize)


ATOMS = [
    r"\p{L}", r"\pL", r"\w", r"\d", r"[\p{Lu}\p{Mn}\p{Nd}]", r"[^.!?]", ".", "a", "é", "K", r"\x{212A}",
    "[a-z]", "(?i)[Ā-ſ]", r"\.", r"\b", r"[\w-]", r"\s", "ς", r"[^\p{L}\p{N}_]", r"\p{Greek}", r"\P{Lu}",
    "ͅ", "[^ͅ]", r"[\p{L}[:space:]-]", "[[:alpha:]]", r"[^[:digit:]\w]", r"\Q[\E",
]  # fmt: skip


def _generated(rnd: random.Random, depth: int = 0) -> str:
    """A random pattern of classes, characters, groups, alternatives and repetitions."""
    out = []
    for _ in range(rnd.randint(1, 4)):
        if depth < 3 and rnd.random() < 0.3:
            inner = "|".join(_generated(rnd, depth + 1) for _ in range(rnd.randint(1, 3)))
            atom = rnd.choice(["(%s)", "(?:%s)", "(?i:%s)", "(?P<v>%s)"]) % inner
        else:
            atom = rnd.choice(ATOMS)
        roll = rnd.random()
        if roll < 0.2:
            atom += rnd.choice(["?", "*", "+", "??"])
        elif roll < 0.45:
            low = rnd.randint(0, 6)
            atom += rnd.choice([f"{{{low}}}", f"{{{low},}}", f"{{{low},{low + rnd.randint(0, 30)}}}"])
        out.append(atom)
    return "".join(out)


def test_the_bound_is_never_under_re2s_count() -> None:
    rnd = random.Random(7)
    checked = 0
    for _ in range(1200):
        source = unicode_classes(rnd.choice(["", "(?i)", "^"]) + _generated(rnd))
        if program_bound(source) > patterns._SAFE_PROGRAM + 50_000:
            continue  # compiled when read, whatever the bound: only an underestimate below matters
        try:
            size = _size(source)
        except re2.error:
            continue
        assert program_bound(source) >= size, source
        checked += 1
    assert checked > 700


def test_the_quick_bound_is_never_under_the_bound() -> None:
    rnd = random.Random(11)
    decided = 0
    for _ in range(3000):
        source = unicode_classes(rnd.choice(["", "(?i)", "^"]) + _generated(rnd))
        quick = quick_bound(source)
        if quick is not None:
            assert quick >= program_bound(source), source
            decided += 1
    assert decided > 300


def test_the_quick_bound_leaves_counters_and_quotes_to_the_tokens() -> None:
    assert quick_bound(r"\w{3}") is None and quick_bound(r"a\Q[\E") is None
    assert quick_bound(r"\p{L}+ \p{Nd}") is not None  # a class name's braces are no counter


@pytest.mark.parametrize(
    "source",
    [r"\pL{6,}", r"^\pL{1,30}\b", r"\p{Greek}{2,9}", r"(\p{L}{1,10} ){1,10}", r"[\w-]{3}x{0,4}", "(?i)ͅ{40}"],
)
def test_the_bound_reads_one_letter_classes_and_counters_as_re2_does(source: str) -> None:
    assert program_bound(unicode_classes(source)) >= _size(unicode_classes(source))


@pytest.mark.parametrize(
    "source",
    [r"^Par [\p{L}[:space:]-]{2,500}$", r"[[:alpha:]\pL]{1000}", r"\Q[\E\pL{1000}", r"x\Q[\E(\pL{30}){30}"],
)
def test_a_posix_class_or_a_quoted_bracket_over_the_budget_fails_when_read(source: str) -> None:
    # the tokens once ended the class at `[:space:]`'s bracket, or opened one at a quoted `[`
    with pytest.raises(RuleFileError, match="pattern too large"):
        user_regex(source, "rules/x.yaml", 5)


def test_a_posix_class_keeps_the_class_open_for_unicode_classes() -> None:
    assert unicode_classes(r"[[:punct:]\w]+") == r"[[:punct:]\p{L}\p{N}_]+"


def test_the_bound_is_not_far_above_a_small_pattern() -> None:
    # loose enough to be safe, tight enough that the shipped patterns are not all compiled at once
    assert program_bound("^(?i:à lire aussi|lire aussi) ?:") < 1000
    assert program_bound(r"^(?i:publié le) .{4,40}$") < 2000


def test_shipped_patterns_are_bounded_and_read_without_a_compile(monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[Regex] = []

    def spy(source: str, path: str, line: int) -> Regex:
        read.append(compile_re2(source, path, line))
        return read[-1]

    monkeypatch.setattr(patterns, "compile_re2", spy)
    monkeypatch.setattr(schema, "compile_re2", spy)
    monkeypatch.setattr(loader, "_PARSED", {})  # each file read anew, not from an earlier load
    load_book(None)
    assert len(read) > 500
    for regex in read:
        assert program_bound(regex.pattern) >= _size(regex.pattern), regex.pattern
        assert (quick_bound(regex.pattern) or program_bound(regex.pattern)) >= program_bound(regex.pattern)
    assert sum(quick_bound(regex.pattern) is not None for regex in read) > 0.8 * len(read)
    assert sum(regex._compiled is None for regex in read) > 0.9 * len(read)


def test_a_plain_pattern_is_compiled_on_first_use_with_the_same_answers() -> None:
    regex = compile_re2(unicode_classes(r"^(?i)lire aussi : \w+"), "rules/x.yaml", 3)
    assert regex._compiled is None
    assert regex.search("lire aussi : la suite") is not None and regex.search("à lire") is None
    assert regex._compiled is not None and regex.groupindex == {}


def test_a_pattern_that_could_outgrow_the_budget_is_compiled_when_read() -> None:
    regex = compile_re2(unicode_classes(r"^auteur : \w{1,25}( \w{1,25}){0,3}$"), "rules/x.yaml", 3)
    assert regex._compiled is not None


def test_a_pattern_over_re2s_budget_without_a_counter_names_its_file_and_line() -> None:
    huge = r"\w" * 700  # no counted repetition, 940,000 instructions: RE2 refuses it
    text = f"version: 1\nrules:\n  - {{id: ok, line: Publicité}}\n  - {{id: huge, regex: '{huge}'}}\n"
    with pytest.raises(RuleFileError) as err:
        parse_rule_file(text, "rules/sites/x.example.yaml", "site", "x.example", PARAM_SPECS)
    assert err.value.line == 4 and "pattern too large" in str(err.value)


def test_a_cut_group_is_found_without_compiling_other_rules() -> None:
    text = (
        "version: 1\nrules:\n  - {id: a, regex: '^x (?P<cut>y)$', action: strip}\n"
        "  - {id: b, regex: '^z(w)$'}\n  - {id: c, regex: '^q (?<cut>r)$', action: strip}\n"
    )
    rules = parse_rule_file(text, "rules/sites/x.example.yaml", "site", "x.example", PARAM_SPECS).rules
    assert [r.cut for r in rules] == [1, None, 1]
    assert rules[1].regex._compiled is None


def test_a_regex_pickles_as_its_source() -> None:
    regex = compile_re2("^abc", "rules/x.yaml", 1)
    regex.search("abc")
    back = pickle.loads(pickle.dumps(regex))
    assert isinstance(back, Regex) and back.pattern == "^abc" and back._compiled is None
    assert back.search("abcd") is not None


def test_counted_placement_is_the_same_with_the_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    # the bound only spares a compile: a small pattern behind a literal stays in the plain set
    compiled: list[str] = []
    real = re2.compile
    monkeypatch.setattr(
        patterns.re2, "compile", lambda source, *a: compiled.append(source) or real(source, *a)
    )
    assert not patterns.heavy(r"^(?i:publié le) .{40}$") and not compiled
    assert patterns.heavy(unicode_classes(r"^auteur : \w{25}$"))
