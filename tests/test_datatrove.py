"""The datatrove step in a real datatrove pipeline: JSONL reader -> DechaffFilter -> JSONL writer,
run by LocalPipelineExecutor; kept documents carry the clean text and our metadata, dropped ones
are counted in datatrove's stats by reason and go to the exclusion writer."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter
from test_inputs import ARTICLE_EN, ARTICLE_FR, article, html_page

from dechaff.api.cleaner import Cleaner
from dechaff.api.datatrove_step import DechaffFilter

from conftest import ROOT

NOISY = f"Accept all cookies\n\n{article(ARTICLE_EN)}\nRead more: The mayor answers your questions\n"
SHORT = article(ARTICLE_FR[:2])  # two sentences: under the Gopher minimum of 50 words


def write_jsonl(path: Path, records: list[dict[str, object]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def read_jsonl_gz(folder: Path) -> dict[str, dict[str, object]]:
    docs = {}
    for path in sorted(folder.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            docs.update((d["id"], d) for d in map(json.loads, fh))
    return docs


def run_pipeline(tmp_path: Path, step: object, tasks: int = 1) -> tuple[dict, dict, dict]:
    """Kept documents, excluded documents, and the step's stats (name -> total)."""
    executor = LocalPipelineExecutor(
        pipeline=[JsonlReader(str(tmp_path / "in")), step, JsonlWriter(str(tmp_path / "kept"))],
        tasks=tasks,
        workers=tasks,
        logging_dir=str(tmp_path / "logs"),
    )
    executor.run()
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text(encoding="utf-8"))
    ours = next(s["stats"] for s in stats if "dechaff" in s["name"])
    totals = {key: value if isinstance(value, int) else value["total"] for key, value in ours.items()}
    return read_jsonl_gz(tmp_path / "kept"), read_jsonl_gz(tmp_path / "dropped"), totals


def test_text_documents_are_cleaned_measured_and_filtered(tmp_path: Path) -> None:
    write_jsonl(
        tmp_path / "in" / "part.jsonl",
        [
            {"id": "noisy", "text": NOISY, "metadata": {"url": "https://example.org/budget"}},
            {"id": "short", "text": SHORT},
        ],
    )
    step = DechaffFilter(exclusion_writer=JsonlWriter(str(tmp_path / "dropped")))
    kept, dropped, stats = run_pipeline(tmp_path, step)

    expected = Cleaner().clean_text(NOISY, url="https://example.org/budget")  # what the API gives
    assert list(kept) == ["noisy"]
    assert kept["noisy"]["text"] == expected.text == article(ARTICLE_EN)
    ours = kept["noisy"]["metadata"]["dechaff"]
    assert ours["status"] == "ok" and ours["domain"] == "example.org" and ours["lang"] == "en"
    assert ours["removed"]["cookies"] == 1 and ours["removed"]["related_links"] == 1
    assert sum(ours["removed"].values()) == len(expected.removed)
    assert ours["gopher_words"] == expected.signals["gopher_words"]
    assert kept["noisy"]["metadata"]["url"] == "https://example.org/budget"  # the reader's own kept

    assert list(dropped) == ["short"]
    assert dropped["short"]["metadata"]["filter_reason"] == "gopher_short_doc"
    assert dropped["short"]["metadata"]["dechaff"]["status"] == "dropped:gopher_short_doc"

    assert stats["total"] == 2 and stats["forwarded"] == 1
    assert stats["dropped"] == 1 and stats["dropped_gopher_short_doc"] == 1
    assert stats["removed_cookies"] == 1 and stats["removed_related_links"] == 1


def test_html_documents_across_two_worker_processes(tmp_path: Path) -> None:
    """`html=True` extracts first; with two workers the step is pickled into each process."""
    for no, lines in enumerate((ARTICLE_EN, ARTICLE_FR)):
        page = html_page("City budget", lines)
        write_jsonl(tmp_path / "in" / f"part{no}.jsonl", [{"id": f"page{no}", "text": page}])
    kept, _, stats = run_pipeline(tmp_path, DechaffFilter(html=True), tasks=2)
    assert sorted(kept) == ["page0", "page1"]
    assert stats["total"] == stats["forwarded"] == 2  # both tasks' stats, merged by datatrove
    assert kept["page0"]["text"].endswith(article(ARTICLE_EN))
    assert kept["page1"]["metadata"]["dechaff"]["lang"] == "fr"
    assert all(d["metadata"]["dechaff"]["extractor"] == "trafilatura" for d in kept.values())
    assert "<p>" not in kept["page1"]["text"]


def test_no_filter_keeps_every_cleaned_document(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "in" / "part.jsonl", [{"id": "short", "text": SHORT}])
    kept, _, _ = run_pipeline(tmp_path, DechaffFilter(quality_filter=False))
    assert kept["short"]["metadata"]["dechaff"]["status"] == "ok"
    assert kept["short"]["metadata"]["dechaff"]["gopher_words"] < 50  # measured all the same


def test_the_module_imports_without_datatrove() -> None:
    """Only looking up `DechaffFilter` needs datatrove, and then the error says how to get it."""
    code = (
        "import sys; sys.modules['datatrove'] = None\n"
        "import dechaff.api.datatrove_step as m\n"
        "try:\n    m.DechaffFilter\nexcept ImportError as e:\n    print(e)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert "pip install 'dechaff[datatrove]'" in done.stdout


def test_a_bad_rules_folder_fails_when_the_pipeline_is_built(tmp_path: Path) -> None:
    from dechaff.ruleset.errors import RuleFileError

    with pytest.raises(RuleFileError):
        DechaffFilter(str(tmp_path / "no-such-rules"))
