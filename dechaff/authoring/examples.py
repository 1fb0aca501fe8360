"""Run the examples a rule file carries (input -> expect / must_contain / must_not_contain)
through the same cascade a real page of that file's site or language would get."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

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

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def name(self) -> str:
        return f"{self.example.file}:{self.example.line}"


def clean_example(engine: Engine, rule_file: RuleFile, text: str) -> str:
    """Clean `text` as a page of the file's site (site files), language (packs) or any page: the
    engine's own path up to the cascade (`Engine.prepare`), then the cascade alone (an example
    shows what the rules cut, so the quality filters do not judge it)."""
    site = rule_file.domains[0] if rule_file.kind == "site" and rule_file.domains else None
    source = Source("example", Path(rule_file.path), domain=site, lang=rule_file.lang, content=text)
    return render([line.text for line in engine.prepare(source).clean().lines])


def check(engine: Engine, rule_file: RuleFile, example: Example) -> ExampleResult:
    output = clean_example(engine, rule_file, example.input)
    problems = []
    if example.expect is not None and output != example.expect:
        problems.append(f"expected {example.expect!r}, got {output!r}")
    flat = normalise_line(output.replace("\n", " "))
    problems += [f"missing {s!r}" for s in example.must_contain if normalise_line(s) not in flat]
    problems += [f"should be gone: {s!r}" for s in example.must_not_contain if normalise_line(s) in flat]
    return ExampleResult(example, output, tuple(problems))


def run_examples(book: RuleBook, files: Iterable[RuleFile] | None = None) -> list[ExampleResult]:
    engine = Engine(book)
    return [check(engine, f, ex) for f in (files if files is not None else book.files) for ex in f.examples]
