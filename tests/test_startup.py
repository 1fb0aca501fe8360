"""A run loads only what it uses: a text run never imports the HTML extractors, pandas, scipy,
the WARC reader, or ftfy when no line looks like mojibake; the rules are read once; a run
compiles only the cascades it needs (in its workers), unless told to warm them all first."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dechaff.cli import main
from dechaff.engine import rulebook
from dechaff.execution import batch
from dechaff.text import dates

from conftest import ROOT, rules_copy

SEED = ROOT / "seeds" / "000_25705d69f82cf47e.txt"
HEAVY = (
    *("trafilatura", "justext", "lxml", "pandas", "scipy", "datasketch", "warcio", "rich", "distributed"),
    "ftfy",
)

# What the parent of a run and one of its workers do, in one fresh process; then an HTML page
_SCRIPT = """
import sys
from pathlib import Path
from dechaff.cli import main
from dechaff.core.sections import DedupConfig
from dechaff.engine.engine import Engine
from dechaff.engine.rulebook import load_book
from dechaff.io.source import Source
from dechaff.quality.dedup import signature_of

heavy = {heavy!r}
assert main(["run", {seed!r}, "--out", {out!r}]) == 0
result = Engine(load_book(None)).process(Source("x", Path({seed!r})))
signature_of(result.text, DedupConfig())
print(",".join(m for m in heavy if m in sys.modules))
Engine(load_book(None)).process(Source("page", Path({page!r}), kind="html"))
print(",".join(m for m in heavy if m in sys.modules))
"""


def test_a_text_run_imports_no_html_extractor_pandas_or_scipy(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><article><p>" + "Une phrase de texte. " * 40 + "</p></article></body></html>"
    )
    script = _SCRIPT.format(heavy=HEAVY, seed=str(SEED), out=str(tmp_path / "out"), page=str(page))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    text_run, after_html = done.stdout.splitlines()[-2:]
    assert text_run == ""
    assert {"trafilatura", "lxml"} <= set(after_html.split(","))  # the check does see imports


def test_a_run_reads_its_rules_once_and_compiles_only_the_cascades_it_meets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rules = rules_copy(tmp_path)  # a folder no earlier test built an engine for
    loads = []
    real = rulebook.load_rulebook
    monkeypatch.setattr(rulebook, "load_rulebook", lambda *a: loads.append(a) or real(*a))
    assert main(["run", str(SEED), "--out", str(tmp_path / "out"), "--rules", str(rules)]) == 0
    assert len(loads) == 1
    assert not _parent_engine(rules)._pipelines  # type: ignore[attr-defined]  # the worker compiles the one it needs


def _parent_engine(rules: Path) -> object:
    engines = [e for (folder, _), (_, e) in batch._ENGINES.items() if folder == rules.resolve()]
    assert len(engines) == 1
    return engines[0]


def test_a_run_of_several_batches_compiles_in_its_workers_what_they_meet(tmp_path: Path) -> None:
    """The parent of a run compiles no cascade unless asked (`--warm`): each worker compiles the
    languages it meets (a run in one language would otherwise wait for all nine). Asked, it
    compiles every language's before the workers start; the output is the same either way."""
    seeds = ROOT / "seeds"
    outputs = []
    for warm in ((), ("--warm",)):
        rules = rules_copy(tmp_path / f"rules{len(warm)}")  # a folder no earlier test built an engine for
        out = tmp_path / f"out{len(warm)}"
        args = ["run", str(seeds), "--out", str(out), "--rules", str(rules), "--batch-size", "1", *warm]
        dates._parser.cache_clear()
        assert main([*args, "--workers", "2"]) == 0
        engine = _parent_engine(rules)
        langs = engine.book.langs  # type: ignore[attr-defined]
        assert len(engine._pipelines) == (len(langs) + 1 if warm else 0)  # type: ignore[attr-defined]
        assert dates._parser.cache_info().currsize == (len({"en", *langs}) if warm else 0)
        outputs.append(sorted((f.name, f.read_bytes()) for f in (out / "text").iterdir()))
    assert outputs[0] == outputs[1] and len(outputs[0]) == 5


def test_a_second_run_in_one_process_cleans_with_the_rules_as_edited(tmp_path: Path) -> None:
    """The engine a process keeps for a rules folder is built again when the rules change: a
    second `run` after an edit (a notebook, a rule author's loop) cleans with the edited rules,
    as a fresh process would, not with the engine of the first."""
    rules = rules_copy(tmp_path)

    def first_line(out: Path) -> str:
        assert main(["run", str(SEED), "--out", str(out), "--rules", str(rules)]) == 0
        return (out / "text" / f"{SEED.stem}.txt").read_text(encoding="utf-8").splitlines()[0]

    title = first_line(tmp_path / "one")
    site = rules / "sites" / "bfmtv.com.yaml"
    text = site.read_text(encoding="utf-8")
    rule = f"  - id: drop-the-title\n    line: {json.dumps(title)}\n    action: drop\n\n"
    site.write_text(
        text.replace("\nexamples:", f"\n{rule}examples:", 1).split("examples:")[0], encoding="utf-8"
    )
    assert first_line(tmp_path / "two") != title
