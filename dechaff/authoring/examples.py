"""Run the examples a rule file carries (input -> expect / must_contain / must_not_contain)
through the same cascade a real page of that file's site or language would get.

A failed example says, for each missing or extra line, which cleaner and rule removed or kept it.
Each example of a site file or language pack is also cleaned without that file: the lines whose
fate a generic cleaner changed because of the file (a dropped line was the neighbour that made the
paragraphs classifier drop another) are reported, and `--diff` lists every line the file changed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from dechaff.authoring.diff import Change, line_changes
from dechaff.authoring.fates import Fate, fates
from dechaff.engine.engine import Engine
from dechaff.io.source import Source
from dechaff.ruleset.loader import RuleBook
from dechaff.ruleset.schema import Example, RuleFile
from dechaff.text.normalise import normalise_line, render


@dataclass(frozen=True, slots=True)
class ExampleResult:
    example: Example
    output: str
    problems: tuple[str, ...]
    reasons: tuple[str, ...] = ()  # for each missing or extra line: who removed or kept it
    changes: tuple[Change, ...] = ()  # lines whose fate the file changes (against the cascade without it)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def name(self) -> str:
        return f"{self.example.file}:{self.example.line}"

    @property
    def side_effects(self) -> tuple[Change, ...]:
        """Changes no rule made: a generic cleaner decided otherwise because of the file's rules."""
        return tuple(c for c in self.changes if c.generic)


def _source(rule_file: RuleFile, text: str) -> Source:
    """`text` as a page of the file's site (site files), language (packs) or any page."""
    site = rule_file.domains[0] if rule_file.kind == "site" and rule_file.domains else None
    return Source("example", Path(rule_file.path), domain=site, lang=rule_file.lang, content=text)


def clean_example(engine: Engine, rule_file: RuleFile, text: str) -> tuple[str, list[Fate]]:
    """The engine's own path up to the cascade (`Engine.prepare`), then the cascade alone (an
    example shows what the rules cut, so the quality filters do not judge it): the output, and
    the fate of each input line."""
    doc = engine.prepare(_source(rule_file, text))
    cleaned = doc.clean()
    return render([line.text for line in cleaned.lines]), fates(doc.lines, cleaned)


def check(
    engine: Engine, rule_file: RuleFile, example: Example, generic: Engine | None = None
) -> ExampleResult:
    """Run one example; `generic`: an engine on the same rules less this file, to compare with."""
    output, lines = clean_example(engine, rule_file, example.input)
    problems = []
    if example.expect is not None and output != example.expect:
        problems.append(f"expected {example.expect!r}, got {output!r}")
    flat = normalise_line(output.replace("\n", " "))
    missing = [s for s in example.must_contain if normalise_line(s) not in flat]
    extra = [s for s in example.must_not_contain if normalise_line(s) in flat]
    problems += [f"missing {s!r}" for s in missing] + [f"should be gone: {s!r}" for s in extra]
    if example.expect is not None:
        want, got = _paragraphs(example.expect), _paragraphs(output)
        missing += [s for s in want if s not in got]
        extra += [s for s in got if s not in want]
    reasons = [f"missing {s!r}: {_explain(s, lines)}" for s in dict.fromkeys(missing)]
    reasons += [f"extra {s!r}: {_explain(s, lines)}" for s in dict.fromkeys(extra)]
    changes: tuple[Change, ...] = ()
    if generic is not None:
        changes = line_changes(clean_example(generic, rule_file, example.input)[1], lines)
    return ExampleResult(example, output, tuple(problems), tuple(reasons), changes)


def _paragraphs(text: str) -> list[str]:
    return [normalise_line(p) for p in text.split("\n") if normalise_line(p)]


def _explain(text: str, lines: list[Fate]) -> str:
    """The fate of the input line that holds `text` (or of the line whose output is it)."""
    wanted = normalise_line(text)
    for fate in lines:
        if wanted in fate.kept or wanted == fate.text:
            return f"line {fate.no} {fate.reason()}"
    holders = [fate for fate in lines if wanted in fate.text]
    if holders:
        return "; ".join(f"line {f.no} {f.reason()}" for f in holders)
    return "no input line holds it"


def book_without(book: RuleBook, rule_file: RuleFile) -> RuleBook | None:
    """The same rules less a site file or language pack (None for the default file)."""
    if rule_file.kind == "site":
        return replace(book, sites=tuple(s for s in book.sites if s is not rule_file))
    if rule_file.kind == "lang":
        return replace(book, langs={k: v for k, v in book.langs.items() if v is not rule_file})
    return None


def run_examples(book: RuleBook, files: Iterable[RuleFile] | None = None) -> list[ExampleResult]:
    engine = Engine(book)
    results = []
    for rule_file in files if files is not None else book.files:
        if not rule_file.examples:
            continue
        less = book_without(book, rule_file)
        generic = Engine(less) if less is not None else None
        results += [check(engine, rule_file, ex, generic) for ex in rule_file.examples]
    return results
