"""One `run(config)`: the command line, Python code and the bench run the same job."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_execution import assert_same_output, run, tables

from dechaff.bench.throughput import run_with_workers
from dechaff.io.inputs import RecordFields
from dechaff.run.config import RunConfig
from dechaff.run.runner import run as run_config

from conftest import STORIES, rules_copy

LINES = [
    "La municipalité a voté mardi soir le budget de la piscine, après trois heures de débat animé.",
    "Les commerçants du centre-ville demandent depuis des mois un parking plus proche des halles.",
    "Le préfet a rappelé que les travaux de la rocade ne commenceront pas avant le printemps prochain.",
    "Au marché couvert, les producteurs de fromage se plaignent de la hausse du prix des emplacements.",
    "Une association de parents réclame une cantine bio dans les deux écoles primaires de la commune.",
    "La fête de la musique aura lieu cette année sur la place de la mairie et dans le parc du château.",
]


def inputs(root: Path) -> Path:
    """Five pages: three stories, and two pages whose lines are the same words in another order
    (near duplicates for one-word shingles only)."""
    root.mkdir()
    for k, story in enumerate(STORIES):
        (root / f"story{k}.txt").write_text(story + "\n", encoding="utf-8")
    (root / "lines.txt").write_text("\n\n".join(LINES) + "\n", encoding="utf-8")
    shuffled = [" ".join(reversed(line.rstrip(".").split())) + "." for line in LINES]
    (root / "shuffled.txt").write_text("\n\n".join(shuffled) + "\n", encoding="utf-8")
    return root


def manifest(path: Path) -> Path:
    rows = [{"id": f"story{k}", "url": f"https://www.example.org/{k}"} for k in range(3)]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


@pytest.fixture
def one_word_shingles(tmp_path: Path) -> Path:
    return rules_copy(tmp_path, default_extra="\ndedup:\n  shingle_words: 1\n  threshold: 0.9\n")


def test_a_run_from_python_is_the_run_of_the_command_line(tmp_path: Path, one_word_shingles: Path) -> None:
    docs, urls = inputs(tmp_path / "in"), manifest(tmp_path / "manifest.jsonl")
    options = ["--workers", "1", "--format-out", "parquet", "--no-filter", "--rules", str(one_word_shingles)]
    run(docs, tmp_path / "cli", "--manifest", str(urls), *options)
    config = RunConfig(
        inputs=[docs],  # type: ignore[arg-type]  # any sequence of paths will do
        out=tmp_path / "python",
        manifest=urls,
        rules=one_word_shingles,
        workers=1,
        format_out="parquet",
        quality_filter=False,
        fields=RecordFields(),
    )
    summary = run_config(config)
    assert_same_output(tmp_path / "cli", tmp_path / "python")
    assert summary.files == 5 and summary.shards == ["part-00000.parquet"]
    assert (tmp_path / "python" / "data" / "part-00000.parquet").is_file()
    meta = tables(tmp_path / "python")["metadata"].set_index("id")
    assert meta.loc["story1", "url"] == "https://www.example.org/1"
    assert meta.loc["shuffled", "dup_of"] == "lines"  # the rules' dedup section was used
    assert meta.loc["lines", "status"] == "ok"


def test_the_bench_runs_what_the_command_line_runs(tmp_path: Path, one_word_shingles: Path) -> None:
    docs, urls = inputs(tmp_path / "in"), manifest(tmp_path / "manifest.jsonl")
    run(docs, tmp_path / "cli", "--manifest", str(urls), "--workers", "1", "--rules", str(one_word_shingles))
    timing = run_with_workers(docs, urls, 1, tmp_path / "bench", one_word_shingles)
    assert timing.docs == 5
    assert_same_output(tmp_path / "cli", tmp_path / "bench")
    meta = tables(tmp_path / "bench")["metadata"].set_index("id")
    assert (
        meta.loc["shuffled", "dup_of"] == "lines" and meta.loc["story1", "url"] == "https://www.example.org/1"
    )


@pytest.mark.parametrize(
    ("field", "value"), [("format", "docx"), ("format_out", "csv"), ("engine", "spark"), ("inputs", ())]
)
def test_a_bad_config_value_is_refused_with_its_name(field: str, value: object) -> None:
    values: dict[str, object] = {"inputs": (Path("in"),), field: value}
    with pytest.raises(ValueError, match=f"RunConfig.{field} "):
        RunConfig(**values)  # type: ignore[arg-type]
