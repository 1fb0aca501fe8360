"""The README's "Python API" examples run as written: `>>>` blocks as doctests (their printed
results must match), other Python blocks executed, all in one namespace, from a folder holding
the seeds (as the project folder does) and a small JSONL crawl for the datatrove example."""

from __future__ import annotations

import doctest
import gzip
import json
import os
import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT

os.environ.setdefault("HF_DATASETS_OFFLINE", "1")

BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)


def api_blocks(readme: str) -> list[tuple[int, str]]:
    """(line number, code) of each Python block of the "Python API" section."""
    start = readme.index("\n## Python API\n")
    end = readme.index("\n## ", start + 1)
    section = readme[start:end]
    first_line = readme[:start].count("\n") + 1
    return [(first_line + section[: m.start()].count("\n"), m.group(1)) for m in BLOCK.finditer(section)]


def test_the_section_has_examples_of_every_public_name() -> None:
    code = "\n".join(block for _, block in api_blocks((ROOT / "README.md").read_text(encoding="utf-8")))
    names = ("clean_text", "clean_html", "Cleaner", "clean_batch", "clean_frame", "dataset_map", "RunConfig")
    for name in (*names, "run("):
        assert name in code, name
    assert "DechaffFilter" in code and "LocalPipelineExecutor" in code


def test_the_readme_api_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    records = [{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in seeds]
    (crawl / "part.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    namespace: dict[str, object] = {}
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    parser = doctest.DocTestParser()
    for line, code in api_blocks(readme):
        if ">>>" in code:
            test = parser.get_doctest(code, namespace, f"README.md:{line}", "README.md", line)
            runner.run(test, clear_globs=False)
            namespace.update(test.globs)  # a DocTest works on a copy: later blocks use these names
        else:
            exec(compile(code, f"README.md:{line}", "exec"), namespace)
    assert runner.summarize(verbose=False).failed == 0

    clean = []
    for path in (tmp_path / "clean").glob("*.jsonl.gz"):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            clean += [json.loads(line) for line in fh]
    assert sorted(d["id"] for d in clean) == [p.stem for p in seeds]
    assert all(d["metadata"]["dechaff"]["status"] == "ok" for d in clean)
