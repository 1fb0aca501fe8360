"""`dechaff rules lint` on broken rule files: each gives its message with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
import re2

from dechaff.cleaners import PARAM_SPECS
from dechaff.cli import main
from dechaff.ruleset import lint as lint_module
from dechaff.ruleset.lint import kind_of, lint, lint_file

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
    (
        "cleaners:\n  captions:\n    agency_credits:\n      - '[.!?] [\\p{Lu}][^\\p{Ll}/|]{1,90} / AFP$'\n",
        7,
        "warning",
        "heavy-regex",
        "RE2 instructions",
    ),
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


_REWRITE = "text is normalised first, so it is matched as a plain space: write a space [invisible-char]"
_NEVER = "which normalised text never contains (tabs, newlines and no-break spaces become plain spaces)"
_NESTS = (
    "nests quantifiers; RE2 runs it in linear time, but under Python re it backtracks exponentially: "
    "simplify it (e.g. (a+)+ -> a+) [catastrophic]"
)

# (body after HEAD, every finding as printed, `x.yaml:` left out)
FINDINGS = [
    (  # a duplicate does not stop the search for the rules after it
        "rules:\n  - {id: a, line: Menu}\n  - {id: b, line: Menu}\n  - {id: c, prefix: Pub}\n"
        "  - {id: d, line: Publicité}\n",
        [
            "6: warning: rule 'b' repeats the rule on line 5 [duplicate]",
            "8: warning: rule 'd' can never fire: rule 'c' (line 7) matches every line it matches [shadowed]",
        ],
    ),
    ("rules:\n  - {id: a, prefix: pub}\n  - {id: b, regex: 'pub\\d+'}\n", []),  # a regex is no line to test
    (
        "rules:\n  - {id: a, regex: 'x\\B'}\n",
        [
            "5: warning: regex 'x\\\\B' uses \\b or \\B, which RE2 computes on ASCII letters only (so 'é' is "
            "not a word character): use (^| ) and ( |$) or a class instead [re2-ascii]"
        ],
    ),
    (
        'rules:\n  - {id: a, line: "a\u202fb\u200bc\u2060d\ufeffe\tf"}\n',
        [
            f"5: warning: rule line 'a\\u202fb\\u200bc\\u2060d\\ufeffe\\tf' contains a {name}; {_REWRITE}"
            for name in ("narrow no-break space", "zero-width space", "tab", "word joiner", "BOM")
        ],
    ),
    (
        "rules:\n  - {id: a, line: 'Lire  aussi '}\n",
        [
            "5: warning: rule line 'Lire  aussi ' has two spaces in a row; normalised text never does "
            "[double-space]",
            "5: warning: rule line 'Lire  aussi ' starts or ends with a space; lines are stripped first "
            "[edge-space]",
        ],
    ),
    (  # a regex's edges are the author's business (' $' is fine)
        "rules:\n  - {id: a, regex: ' aussi '}\n  - {id: b, prefix: 'Voir '}\n",
        [
            "6: warning: rule prefix 'Voir ' starts or ends with a space; lines are stripped first "
            "[edge-space]"
        ],
    ),
    (
        "rules:\n  - {id: a, regex: 'a\\nb'}\n",
        [f"5: error: regex 'a\\\\nb' needs '\\\\n', {_NEVER} [never-matches]"],
    ),
    (
        "rules:\n  - {id: a, regex: 'a\\xa0b'}\n",
        [f"5: error: regex 'a\\\\xa0b' needs '\\\\xa0', {_NEVER} [never-matches]"],
    ),
    ("fingerprints:\n  - {id: f, regex: '(a+)+', weight: 2.5}\n", [f"5: warning: regex '(a+)+' {_NESTS}"]),
    (
        "rules:\n  - {id: a, regex: '(a+){2,}'}\n  - {id: b, regex: '(a+){1,3}'}\n",
        [f"5: warning: regex '(a+){{2,}}' {_NESTS}"],
    ),
    (
        "rules:\n  - {id: a, regex: '\\bété\\B'}\n  - {id: b, regex: 'x\\\\b'}\n",
        [
            "5: warning: regex '\\\\bété\\\\B' uses \\b or \\B, which RE2 computes on ASCII letters only "
            "(so 'é' is not a word character): use (^| ) and ( |$) or a class instead [re2-ascii]"
        ],
    ),
    (  # in a cleaner's list, where patterns ignore case unless they name one; not in a rule
        "cleaners:\n  cookies:\n    phrases: ['\\p{Lu}+ ok', '(?i:\\p{Lu}) ok', 'plain']\n"
        "rules:\n  - {id: a, regex: '\\p{Lu}x'}\n",
        [
            "6: info: regex '\\\\p{Lu}+ ok' names a letter case, so it is matched case-sensitively "
            "(wrap case-free parts in (?i:...)) [case-sensitive]"
        ],
    ),
    (
        "rules:\n  - {id: a, line: Menu}\n  - {id: b, line: Menu, action: keep}\n  - {id: c, line: Menu}\n",
        ["7: warning: rule 'c' repeats the rule on line 5 [duplicate]"],
    ),
    (  # an earlier rule limited in position, or with another action, does not shadow
        "rules:\n  - {id: a, prefix: Pub, top: 3}\n  - {id: b, prefix: Pub, bottom: 2}\n"
        "  - {id: c, prefix: Pub, max_words: 2}\n  - {id: d, prefix: Pub, action: keep}\n"
        "  - {id: e, line: Publicité}\n",
        [],
    ),
    (
        "rules:\n  - {id: b, line: Publicité}\n  - {id: a, prefix: Pub}\n  - {id: c, prefix: Pu}\n"
        "  - {id: d, line: Publicité ici}\n",
        ["8: warning: rule 'd' can never fire: rule 'a' (line 6) matches every line it matches [shadowed]"],
    ),
    (
        "fingerprints:\n  - {id: f, line: x, weight: 0.5}\n  - {id: g, line: y}\n",
        [
            "5: error: fingerprint weights add up to 1.5, below fingerprint_threshold 2: the site can never "
            "be recognised [fingerprint-threshold]"
        ],
    ),
    (
        "fingerprints:\n  - {id: f, line: x, weight: 0.5}\n  - {id: g, line: y}\n"
        "fingerprint_threshold: 1.5\n",
        [],
    ),
    (
        "rules:\n  - {id: a, line: Menu, suggested: true}\n",
        [
            "5: warning: rule 'a' is still marked 'suggested: true': check it against the pages (keep, "
            "fix or "
            "delete it), then remove the flag [suggested]"
        ],
    ),
]


@pytest.mark.parametrize(("body", "expected"), FINDINGS)
def test_each_finding_reads_in_full(tmp_path: Path, body: str, expected: list[str]) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(HEAD + body, encoding="utf-8")
    assert [str(f) for f in lint_file(path, "x.yaml", PARAM_SPECS)] == [f"x.yaml:{e}" for e in expected]


def test_findings_come_in_line_order_and_files_are_read_as_utf8(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(
        "version: 1\nrules:\n  - {id: a, line: 'é  ', suggested: true}\n  - {id: b, line: 'é  '}\n",
        encoding="utf-8",
    )
    assert [(f.line, f.code) for f in lint_file(path, "x.yaml", PARAM_SPECS)] == [
        (1, "no-examples"),
        (3, "double-space"),
        (3, "edge-space"),
        (3, "suggested"),
        (4, "double-space"),
        (4, "duplicate"),
        (4, "edge-space"),
    ]
    assert str(lint_file(path, "x.yaml", PARAM_SPECS)[0]) == (
        "x.yaml:1: warning: no 'examples': add an input and its expect [no-examples]"
    )
    path.write_bytes(b"version: 1\n\xff\n")
    assert [str(f) for f in lint_file(path, "x.yaml", PARAM_SPECS)] == [
        "x.yaml:1: error: 'utf-8' codec can't decode byte 0xff in position 11: invalid start byte "
        "[unreadable]"
    ]


def test_which_schema_a_file_gets_and_where_lint_looks(tmp_path: Path) -> None:
    kinds = {
        "_default.yaml": "default",
        "lang/fr.yaml": "lang",
        "sites/x.org.yaml": "site",
        "lang_filters.yaml": "lang_filters",
        "sites/lang_filters.yaml": "site",
        "lang/lang_filters.yaml": "lang",
        "x.yaml": "site",
    }
    assert {name: kind_of(tmp_path / "rules" / name) for name in kinds} == kinds
    (tmp_path / "lang_filters.yaml").write_text("version: 1\nfilters: {min_doc_words: 3}\n", encoding="utf-8")
    assert lint([tmp_path / "lang_filters.yaml"], PARAM_SPECS) == []  # thresholds need no examples
    (tmp_path / "lang").mkdir()
    (tmp_path / "lang" / "fr.yaml").write_text("version: 1\n", encoding="utf-8")
    (tmp_path / "empty.yaml").mkdir()
    assert [str(f) for f in lint([tmp_path / "lang", tmp_path / "empty.yaml"], PARAM_SPECS)] == [
        f"{tmp_path.as_posix()}/lang/fr.yaml:1: error: missing required key 'lang' (ISO 639-1 code such "
        "as fr) "
        "[schema]",
        f"{tmp_path.as_posix()}/empty.yaml:1: error: a folder with no rule file (*.yaml) [no-rule-file]",
    ]


def test_rules_too_many_for_one_set_are_matched_in_halves(monkeypatch: pytest.MonkeyPatch) -> None:
    sources = [f"^w{i}\\d+ (x|y)+ z{i}$" for i in range(8)]
    whole = lint_module._rule_sets(sources)
    assert [start for start, _ in whole] == [0]
    monkeypatch.setattr(lint_module, "_SET_MEMORY", 8192)  # too little for the eight at once
    sets = lint_module._rule_sets(sources)
    starts = [start for start, _ in sets]
    assert len(sets) > 1 and starts[0] == 0 and starts == sorted(set(starts))
    for i in range(8):  # each pattern still found, under its own index
        assert [start + j for start, found in sets for j in found.Match(f"w{i}12 xy z{i}") or ()] == [i]
    monkeypatch.setattr(lint_module, "_SET_MEMORY", 1024)  # too little for even one
    with pytest.raises(re2.error):
        lint_module._rule_sets(sources[:1])
