"""Every example carried by a rule file is one test (CI runs them all); `--rules-dir` points
pytest at another rules folder."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dechaff.authoring.examples import check, run_examples
from dechaff.engine.engine import Engine
from dechaff.engine.rulebook import load_book

from conftest import ROOT, rules_dir_option


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
    assert all(f.examples for f in book.files), [f.path for f in book.files if not f.examples]


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
