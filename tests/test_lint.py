"""`dechaff rules lint` on broken rule files: each gives its message with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from dechaff.cleaners import PARAM_SPECS
from dechaff.cli import main
from dechaff.ruleset.lint import lint, lint_file

HEAD = "version: 1\nexamples:\n  - {input: 'a', must_contain: ['a']}\n"  # lines 1-3: a valid, tested file

# (file body after HEAD, expected line, level, code, words in the message)
CASES = [
    (
        "rules:\n  - id: a\n    lnie: x\n",
        6,
        "error",
        "schema",
        "unknown key 'lnie' in a rule (did you mean 'line'?)",
    ),
    ("rules:\n  - id: a\n    regex: '([a-z'\n", 6, "error", "schema", "invalid regular expression"),
    ("rules:\n  - id: a\n    regex: '(?<=x)y'\n", 6, "error", "schema", "no look-around"),
    (
        "rules:\n  - id: a\n    line: x\n    top: first\n",
        7,
        "error",
        "schema",
        "'top' must be a whole number",
    ),
    ("rules:\n  - id: a\n    line: x\n  - id: a\n    line: y\n", 7, "error", "schema", "duplicate id 'a'"),
    ("cleaners:\n  captoins: {enabled: false}\n", 5, "error", "schema", "did you mean 'captions'"),
    (
        "cleaners:\n  cookies:\n    phrases: cookie\n",
        6,
        "error",
        "schema",
        "'cookies.phrases' must be a list",
    ),
    ("rules:\n  - id: a\n    regex: '(a+)+$'\n", 6, "warning", "catastrophic", "nests quantifiers"),
    ("rules:\n  - id: a\n    regex: '^(\\w+ ?)*$'\n", 6, "warning", "catastrophic", "nests quantifiers"),
    ('rules:\n  - id: a\n    line: "Lire\u00a0aussi"\n', 6, "warning", "invisible-char", "no-break space"),
    ("rules:\n  - id: a\n    regex: 'Lire\\xa0aussi'\n", 6, "error", "never-matches", "never contains"),
    ("rules:\n  - id: a\n    regex: 'a\\tb'\n", 6, "error", "never-matches", "never contains"),
    ("rules:\n  - id: a\n    regex: '\\bété\\b'\n", 6, "warning", "re2-ascii", "ASCII letters only"),
    ("rules:\n  - id: a\n    line: 'Lire  aussi'\n", 6, "warning", "double-space", "two spaces"),
    (
        "rules:\n  - id: a\n    prefix: 'Lire aussi '\n",
        6,
        "warning",
        "edge-space",
        "starts or ends with a space",
    ),
    (
        "rules:\n  - id: a\n    line: Menu\n  - id: b\n    line: Menu\n",
        7,
        "warning",
        "duplicate",
        "repeats the rule on line 5",
    ),
    (
        "rules:\n  - id: a\n    prefix: Pub\n  - id: b\n    line: Publicité\n",
        7,
        "warning",
        "shadowed",
        "can never fire",
    ),
    (
        "rules:\n  - id: a\n    regex: '^\\d+ min$'\n  - id: b\n    line: 5 min\n",
        7,
        "warning",
        "shadowed",
        "rule 'a'",
    ),
    (
        "fingerprints:\n  - {id: f, line: x}\nfingerprint_threshold: 3\n",
        5,
        "error",
        "fingerprint-threshold",
        "can never be recognised",
    ),
    ("rules: [\n", 5, "error", "schema", "not valid YAML"),
]


@pytest.mark.parametrize(
    ("body", "line", "level", "code", "words"), CASES, ids=[c[3] + str(i) for i, c in enumerate(CASES)]
)
def test_broken_file(tmp_path: Path, body: str, line: int, level: str, code: str, words: str) -> None:
    path = tmp_path / "sites" / "example.org.yaml"
    path.parent.mkdir()
    path.write_text(HEAD + body, encoding="utf-8")
    findings = lint_file(path, "sites/example.org.yaml", PARAM_SPECS)
    matching = [f for f in findings if f.code == code and words in f.message]
    assert matching, findings
    finding = matching[0]
    assert (finding.path, finding.line, finding.level) == ("sites/example.org.yaml", line, level)
    assert str(finding).startswith(f"sites/example.org.yaml:{line}: {level}: ")


def test_every_error_of_a_file_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "sites" / "example.org.yaml"
    path.parent.mkdir()
    body = (
        "rules:\n"
        "  - {id: a, line: Menu, action: dorp}\n"  # 5
        "  - {id: b, regex: '(?<=x)y'}\n"  # 6
        "  - {id: c, line: Pub}\n"  # 7: fine
        "  - {id: c, line: Pub2}\n"  # 8: duplicate of c
        "cleaners:\n"
        "  cookies:\n"
        "    phrases: ['ok', '(unclosed']\n"  # 11
        "    max_wrods: 3\n"  # 12
        "filters: {min_doc_words: -1}\n"  # 13
    )
    path.write_text(HEAD + body, encoding="utf-8")
    findings = lint_file(path, "sites/example.org.yaml", PARAM_SPECS)
    assert [(f.line, f.level) for f in findings] == [(n, "error") for n in (5, 6, 8, 11, 12, 13)]
    assert main(["rules", "lint", str(path)]) == 1
    assert "6 error(s)" in capsys.readouterr().out


def test_leftover_suggestions_are_flagged(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(
        HEAD + "rules:\n  - {id: a, line: Menu, suggested: true}\n  - {id: b, line: Pub, suggested: false}\n",
        encoding="utf-8",
    )
    found = [f for f in lint_file(path, "x.yaml", PARAM_SPECS) if f.code == "suggested"]
    assert [(f.line, f.level) for f in found] == [(5, "warning")]
    assert "rule 'a'" in found[0].message and "remove the flag" in found[0].message


def test_missing_examples_warned(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("version: 1\n", encoding="utf-8")
    assert [f.code for f in lint_file(path, "x.yaml", PARAM_SPECS)] == ["no-examples"]


def test_shipped_rules_are_clean() -> None:
    from dechaff.ruleset.loader import default_rules_dir

    assert [str(f) for f in lint([default_rules_dir()], PARAM_SPECS) if f.level != "info"] == []


def test_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(HEAD + "rules:\n  - id: a\n    regex: 'a\\tb'\n", encoding="utf-8")
    warn = tmp_path / "warn.yaml"
    warn.write_text(HEAD + "rules:\n  - id: a\n    regex: '(a+)+'\n", encoding="utf-8")
    assert main(["rules", "lint", str(bad)]) == 1
    assert main(["rules", "lint", str(warn)]) == 0
    out = capsys.readouterr().out
    assert "1 error(s), 0 warning(s)" in out and "0 error(s), 1 warning(s)" in out
