"""Run the examples a rule file carries (input -> expect / must_contain / must_not_contain)
through the same cascade a real page of that file's site or language would get."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from dechaff.core.document import Context
from dechaff.engine.engine import Settings, normalise
from dechaff.engine.pipeline import Pipeline
from dechaff.ruleset.loader import RuleBook
from dechaff.ruleset.schema import Example, RuleFile
from dechaff.text.langid import detect
from dechaff.text.normalise import normalise_line, render
from dechaff.text.stoplists import stoplist_for


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


def clean_example(book: RuleBook, rule_file: RuleFile, text: str) -> str:
    """Clean `text` as a page of the file's site (site files), language (packs) or any page."""
    lines, _ = normalise(text, Settings().max_line_chars)
    site = rule_file if rule_file.kind == "site" else None
    lang = rule_file.lang or detect([x.text for x in lines])[0]
    pipeline = Pipeline(book.cascade(lang, site))
    ctx = Context(
        "example",
        lang,
        site.domains[0] if site else None,
        pipeline.site_name,
        stoplist_for(lang, pipeline.stoplist_name),
    )
    return render([x.text for x in pipeline.clean(lines, ctx).lines])


def check(book: RuleBook, rule_file: RuleFile, example: Example) -> ExampleResult:
    output = clean_example(book, rule_file, example.input)
    problems = []
    if example.expect is not None and output != example.expect:
        problems.append(f"expected {example.expect!r}, got {output!r}")
    flat = normalise_line(output.replace("\n", " "))
    problems += [f"missing {s!r}" for s in example.must_contain if normalise_line(s) not in flat]
    problems += [f"should be gone: {s!r}" for s in example.must_not_contain if normalise_line(s) in flat]
    return ExampleResult(example, output, tuple(problems))


def run_examples(book: RuleBook, files: Iterable[RuleFile] | None = None) -> list[ExampleResult]:
    return [check(book, f, ex) for f in (files if files is not None else book.files) for ex in f.examples]
