"""Every example carried by a rule file is one test (CI runs them all); `--rules-dir` points
pytest at another rules folder."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dechaff.authoring.examples import check, run_examples
from dechaff.cli import main
from dechaff.engine.engine import Engine
from dechaff.engine.rulebook import load_book

from conftest import ROOT, rules_copy, rules_dir_option


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "rule_example" in metafunc.fixturenames:
        book = load_book(rules_dir_option(metafunc.config))
        engine = Engine(book)
        cases = [(engine, f, ex) for f in book.files for ex in f.examples]
        metafunc.parametrize("rule_example", cases, ids=[f"{ex.file}:{ex.line}" for _, _, ex in cases])


def test_rule_example(rule_example) -> None:
    engine, rule_file, example = rule_example
    result = check(engine, rule_file, example)
    assert result.ok, "; ".join(result.problems)


def test_every_shipped_file_has_examples(book) -> None:
    # lang_filters.yaml holds decide-step thresholds only: they cut no line an example could show
    files = [f for f in book.files if f.kind != "lang_filters"]
    assert all(f.examples for f in files), [f.path for f in files if not f.examples]


def _rules_with_wrong_expectation(tmp_path: Path) -> Path:
    root = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", root)
    site = root / "sites" / "lesoir.be.yaml"
    site.write_text(
        site.read_text(encoding="utf-8").replace('un chantier de deux ans.\\n"', 'un chantier.\\n"'),
        encoding="utf-8",
    )
    return root


def test_wrong_expectation_is_reported(tmp_path: Path) -> None:
    book = load_book(_rules_with_wrong_expectation(tmp_path))
    failed = [r for r in run_examples(book) if not r.ok]
    assert [r.name for r in failed] == ["rules/sites/lesoir.be.yaml:25"]
    assert "expected" in failed[0].problems[0]


def test_wrong_expectation_fails_pytest(tmp_path: Path) -> None:
    root = _rules_with_wrong_expectation(tmp_path)
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            f"{ROOT / 'tests' / 'test_rule_examples.py'}::test_rule_example",
            "--rules-dir",
            str(root),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert run.returncode == 1, run.stdout
    # The summary line may carry the message after the node id, depending on the terminal width.
    failed = [line.split()[1] for line in run.stdout.splitlines() if line.startswith("FAILED ")]
    assert failed == ["tests/test_rule_examples.py::test_rule_example[rules/sites/lesoir.be.yaml:25]"]


P1 = (
    "Le marché couvert de la ville rouvre ses portes samedi matin après deux années de travaux, et les "
    "commerçants attendent une foule nombreuse pour l'occasion."
)
P2 = (
    "Les halles ont été entièrement repeintes, la toiture a été refaite et de nouveaux étals ont été "
    "installés le long de l'allée centrale, selon la mairie."
)
SHORT = ["Photos du chantier", "Vidéo de la visite", "Plan du quartier", "Horaires des navettes"]
REASONS_SITE = f"""version: 1
domains: [example.org]
rules:
  - {{id: photos, line: Photos du chantier}}
  - {{id: halles, prefix: "Les halles"}}
examples:
  - input: {json.dumps((2 * chr(10)).join([P1, *SHORT, P2]) + chr(10), ensure_ascii=False)}
    expect: {json.dumps(P2 + chr(10), ensure_ascii=False)}
"""


def test_failures_name_the_cleaner_and_rule_of_each_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = rules_copy(tmp_path, {"example.org": REASONS_SITE})
    site = rules / "sites" / "example.org.yaml"
    assert main(["rules", "test", "--rules", str(rules), str(site)]) == 1
    out = capsys.readouterr().out
    assert f"missing {P2!r}: line 11 removed by site_rules:halles (rules/sites/example.org.yaml)" in out
    assert f"extra {P1!r}: line 1 kept (no rule or cleaner removed it)" in out
    side = out.split("side effects of this file's rules")[1]
    shifted = side.split("line 9 'Horaires des navettes' [a generic cleaner changed its mind]")[1]
    assert shifted.startswith("\n         without: kept (no rule or cleaner removed it)\n")
    assert "with:    removed by paragraphs:paragraphs.short_isolated (rules/_default.yaml)" in shifted
    assert "line 3 'Photos du chantier'" not in side  # the rule's own hit is no side effect
    assert main(["rules", "test", "--rules", str(rules), str(site), "--diff"]) == 1
    listed = capsys.readouterr().out.split("what this file changes")[1]
    assert "line 3 'Photos du chantier'" in listed and "with:    removed by site_rules:photos" in listed
