"""Broken rule files stop the run before any work, with a message naming the file and the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from dechaff.cleaners import PARAM_SPECS
from dechaff.cli import main
from dechaff.ruleset.errors import RuleFileError
from dechaff.ruleset.loader import load_rulebook

from conftest import rules_copy

CASES = [
    ("version: 1\nrules:\n  - id: a\n    dorp: x\n", 4, "unknown key 'dorp' in a rule"),
    ("version: 1\nrules:\n  - id: a\n    regex: '(unclosed'\n", 4, "invalid regular expression"),
    ("version: 1\nrules:\n  - id: a\n    regex: '(?=look)ahead'\n", 4, "look-around"),
    ("version: 1\nrules:\n  - id: a\n    regex: '(?<=。) .+$'\n", 4, "name the part to remove (?P<cut>...)"),
    (
        "version: 1\nrules:\n  - id: a\n    regex: 'x(?P<cut> y)$'\n    action: drop_from\n",
        4,
        "only goes with action drop or strip",
    ),
    ("version: one\n", 1, "'version' must be a whole number"),
    ("version: 1\nrules:\n  - id: a\n    line: x\n  - id: a\n    line: y\n", 5, "duplicate id 'a'"),
    ("version: 1\nrules:\n  - id: a\n    line: x\n    action: cut\n", 5, "unknown action 'cut'"),
    ("version: 1\nrules:\n  - id: a\n", 3, "exactly one of line / prefix / regex"),
    ("version: 1\ncleaners:\n  cookie:\n    enabled: false\n", 3, "did you mean 'cookies'"),
    (
        "version: 1\ncleaners:\n  captions:\n    max_words: many\n",
        4,
        "'captions.max_words' must be a whole number",
    ),
    ("version: 1\nrules:\n  - id: a\n    line: yes\n", 4, "quote it"),
    ("version: 1\nrules: [\n", 3, "not valid YAML"),
    ("version: 1\nsite_name: !1 x\n", 2, "could not determine a constructor for the tag '!1'"),
    ("version: 1\nversion: 2\n", 2, "duplicate key 'version'"),
    ("rules: []\n", 1, "missing required key 'version'"),
]


def _rules_with_site(tmp_path: Path, text: str) -> Path:
    return rules_copy(tmp_path, {"broken.example": text})


@pytest.mark.parametrize(("text", "line", "message"), CASES)
def test_broken_site_file(tmp_path: Path, text: str, line: int, message: str) -> None:
    root = _rules_with_site(tmp_path, text)
    with pytest.raises(RuleFileError) as err:
        load_rulebook(root, PARAM_SPECS)
    assert err.value.path == "rules/sites/broken.example.yaml"
    assert err.value.line == line
    assert message in err.value.message


def test_run_stops_before_any_work(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _rules_with_site(tmp_path, "version: 1\nrules:\n  - id: a\n    dorp: x\n")
    src = tmp_path / "in.txt"
    src.write_text("Un texte.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(src), "--out", str(out), "--rules", str(root)]) == 2
    assert "rules/sites/broken.example.yaml:4: unknown key 'dorp'" in capsys.readouterr().err
    assert not out.exists()


def test_shipped_rules_load(book) -> None:
    assert book.version and len(book.sites) >= 4
    assert {s.name for s in book.sites} >= {"bfmtv.com", "fr.sputniknews.africa", "lesoir.be", "cinktank.com"}
