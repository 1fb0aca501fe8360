"""The command line fails loudly, at once, with one line: a setup mistake is exit 2 and one
`error: ...` line on stderr naming what is wrong (never a traceback, never a row per record);
`--help` shows every default and every input format; `--version`; a closed pipe is quiet."""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from test_inputs import ARTICLE_EN, article

from dechaff import __version__
from dechaff.cli import build_parser, main
from dechaff.io.inputs import FORMATS, SUFFIXES

from conftest import ROOT, rules_copy


def fails(capsys: pytest.CaptureFixture[str], argv: list[str], *needles: str) -> str:
    """Run the CLI; it must exit 2 with one error line holding every needle. Returns the line."""
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and err.startswith("error: ") and "Traceback" not in err, err
    for needle in needles:
        assert needle in err, (needle, err)
    return err


def test_a_text_field_no_record_has_is_one_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    records = [
        {"doc_id": str(i), "content": article(ARTICLE_EN), "link": "https://example.org"} for i in range(50)
    ]
    table = tmp_path / "crawl.jsonl"
    table.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "out"
    fails(capsys, ["run", str(table), "--out", str(out)], "crawl.jsonl", "'text'", "doc_id, content, link")
    assert not out.exists()  # refused before any work
    # the field named: it runs
    assert (
        main(["run", str(table), "--out", str(out), "--text-field", "content", "--id-field", "doc_id"]) == 0
    )


def test_suggest_on_records_without_a_text_field_is_one_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = tmp_path / "crawl.jsonl"
    record = {"doc_id": "1", "content": article(ARTICLE_EN), "link": "https://example.org/a"}
    table.write_text(json.dumps(record) + "\n", encoding="utf-8")
    fails(
        capsys, ["suggest", str(table), "--domain", "example.org"], "crawl.jsonl", "'text'", "doc_id, content"
    )


def test_a_parquet_table_without_the_field_names_its_columns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pq.write_table(pa.table({"body": [article(ARTICLE_EN)], "raw": ["<p>x</p>"]}), tmp_path / "t.parquet")
    argv = ["run", str(tmp_path / "t.parquet"), "--out", str(tmp_path / "out"), "--html-field", "html"]
    fails(capsys, argv, "t.parquet", "'html' or 'text'", "body, raw", "--html-field or --text-field")


def test_records_lacking_the_field_here_and_there_still_get_their_rows(tmp_path: Path) -> None:
    """Only a field that *no* record has is a setup error: the first records may lack it."""
    lines = [{"id": "a", "title": "no text"}, {"id": "b", "text": article(ARTICLE_EN)}]
    (tmp_path / "mixed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    assert main(["run", str(tmp_path / "mixed.jsonl"), "--out", str(tmp_path / "out")]) == 0


def test_a_folder_without_inputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "notes.csv").write_text("a,b\n", encoding="utf-8")
    fails(
        capsys, ["run", str(folder), "--out", str(tmp_path / "out")], str(folder), "no file of a known format"
    )
    (folder / "page.txt").write_text(article(ARTICLE_EN), encoding="utf-8")
    fails(capsys, ["run", str(folder), "--format", "html", "--out", str(tmp_path / "o2")], "no html file")


def test_explain_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fails(capsys, ["explain", str(tmp_path / "nope.txt")], "nope.txt", "no such file")
    fails(capsys, ["explain", str(tmp_path)], "a folder, not a file")


def test_eval_without_gold(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.txt").write_text("clean text\n", encoding="utf-8")
    fails(capsys, ["eval", str(out), str(tmp_path / "gold")], "gold", "no such folder")
    (tmp_path / "gold").mkdir()
    fails(capsys, ["eval", str(out), str(tmp_path / "gold")], "no gold text")
    (tmp_path / "gold" / "a.txt").write_text("clean text\n", encoding="utf-8")
    fails(capsys, ["eval", str(tmp_path / "typo"), str(tmp_path / "gold")], "typo", "no such folder")
    assert main(["eval", str(out), str(tmp_path / "gold")]) == 0
    assert "mean F1 1.0000" in capsys.readouterr().out


@pytest.mark.parametrize("command", ["export", "report", "stats"])
def test_a_folder_that_is_not_a_run(tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str) -> None:
    extra = {"export": ["--to", str(tmp_path / "ds")], "report": ["--html", str(tmp_path / "r.html")]}
    fails(capsys, [command, str(ROOT / "seeds"), *extra.get(command, [])], "seeds", "not the output of")
    fails(capsys, [command, str(tmp_path / "nowhere"), *extra.get(command, [])], "no such folder")
    assert not (tmp_path / "ds").exists() and not (tmp_path / "r.html").exists()


def test_per_doc_into_a_closed_pipe_exits_quietly(tmp_path: Path) -> None:
    """`dechaff eval ... --per-doc | head -1`: more output than a pipe holds, the reader gone."""
    out, gold = tmp_path / "out", tmp_path / "gold"
    out.mkdir()
    gold.mkdir()
    for i in range(3000):  # 3000 lines of ~45 bytes: more than a 64 KB pipe buffer
        (out / f"doc{i:04d}.txt").write_text("le conseil a voté\n", encoding="utf-8")
        (gold / f"doc{i:04d}.txt").write_text("le conseil a voté le budget\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "dechaff", "eval", str(out), str(gold), "--per-doc"]
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        first = proc.stdout.readline()
        proc.stdout.close()  # what `head -1` does after its line
        err = proc.stderr.read()
        code = proc.wait(timeout=120)
    assert first.startswith(b"doc") and b"F1=" in first
    assert err == b"" and code == 141  # as a shell reports `git log | head`: SIGPIPE, no message


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0 and capsys.readouterr().out.strip() == f"dechaff {__version__}"


def parsers(
    parser: argparse.ArgumentParser, name: str = "dechaff"
) -> list[tuple[str, argparse.ArgumentParser]]:
    """The parser and every subcommand's, nested ones included."""
    found = [(name, parser)]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub_name, sub in action.choices.items():
                found += parsers(sub, f"{name} {sub_name}")
    return found


def test_every_option_shows_its_default_in_help() -> None:
    missing = []
    for name, parser in parsers(build_parser()):
        formatter = parser._get_formatter()
        for action in parser._actions:
            if not action.option_strings or action.required or action.default is argparse.SUPPRESS:
                continue  # positionals, required options, -h, --version
            text = formatter._expand_help(action) if action.help else ""
            if "default" not in text:
                missing.append(f"{name} {action.option_strings[0]}")
    assert missing == []


def test_run_help_names_every_input_format(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["run", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    for fmt in FORMATS:
        assert re.search(rf"\b{fmt} \(", text), fmt
    for suffix in SUFFIXES:
        assert suffix in text, suffix


def test_the_readme_rule_file_example_is_valid_and_its_examples_pass(tmp_path: Path) -> None:
    """The README's rule-file example, `must_contain` / `must_not_contain` included, loads as a
    site file and `dechaff rules test` passes its examples."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("\n## Rule files\n") :]
    example = re.search(r"```yaml\n(.*?)```", section, re.DOTALL)
    assert example is not None
    text = example.group(1)
    assert "must_contain:" in text and "must_not_contain:" in text
    rules = rules_copy(tmp_path, {"example.org": text})
    site = rules / "sites" / "example.org.yaml"
    assert main(["rules", "test", "--rules", str(rules), str(site)]) == 0
