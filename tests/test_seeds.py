"""Acceptance on the five seed dumps: exact gold text, metadata, provenance of every removed line."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from dechaff.cli import main
from dechaff.core.names import CASCADE_NAMES
from dechaff.engine.engine import Engine
from dechaff.io.inputs import Source
from dechaff.ruleset.loader import RuleBook
from dechaff.text.normalise import normalise_line, split_lines

from conftest import ROOT


@pytest.fixture(scope="module")
def seeds_run(tmp_path_factory: pytest.TempPathFactory, shared: Path) -> Path:
    out = tmp_path_factory.mktemp("seeds")
    assert main(["run", str(shared / "seeds"), "--out", str(out)]) == 0
    return out


def test_project_seeds_are_the_shared_seeds(shared: Path) -> None:
    for path in sorted((shared / "seeds").glob("*.txt")):
        assert (ROOT / "seeds" / path.name).read_bytes() == path.read_bytes()


def test_text_is_byte_identical_to_gold(seeds_run: Path, shared: Path) -> None:
    golds = sorted((shared / "gold").glob("*.txt"))
    assert len(golds) == 5
    for gold in golds:
        assert (seeds_run / "text" / gold.name).read_bytes() == gold.read_bytes(), gold.name


def test_metadata_matches_gold(seeds_run: Path, shared: Path) -> None:
    meta = pd.read_parquet(seeds_run / "metadata.parquet").set_index("id")
    for line in (shared / "gold" / "metadata.jsonl").read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        row = meta.loc[gold["id"]]
        assert row["status"] == "ok"
        for key in ("domain", "lang", "title", "site_name", "author", "section"):
            if key in gold:
                got = None if pd.isna(row[key]) else row[key]
                assert got == gold[key], (gold["id"], key)
        expected_source = "fingerprint" if gold["domain"] else "none"
        assert row["domain_source"] == expected_source
        assert next(iter(row["rule_files"])).startswith("rules/_default.yaml@")


def test_every_missing_line_is_in_removed(seeds_run: Path, shared: Path) -> None:
    removed = pd.read_parquet(seeds_run / "removed.parquet")
    for seed in sorted((shared / "seeds").glob("*.txt")):
        out_lines = set((seeds_run / "text" / seed.name).read_text(encoding="utf-8").splitlines())
        rows = removed[removed["id"] == seed.stem]
        assert (
            rows["cleaner"].notna().all()
            and (rows["rule_id"] != "").all()
            and (rows["rule_file"] != "").all()
        )
        recorded = set(rows["line_no"])
        for no, raw in enumerate(seed.read_text(encoding="utf-8").splitlines(), 1):
            text = " ".join(raw.split())
            if text and text not in out_lines:
                assert no in recorded, (seed.name, no, raw)


def test_generic_cascade_scores(tmp_path: Path, shared: Path) -> None:
    assert main(["run", str(shared / "seeds"), "--out", str(tmp_path), "--no-domain-rules"]) == 0
    score = subprocess.run(
        [
            sys.executable,
            str(shared / "eval" / "score.py"),
            str(tmp_path / "text"),
            str(shared / "gold"),
            "--raw",
            str(shared / "seeds"),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()[-1]
    values = dict(re.findall(r"(\w+) ([\d.]+)", score))
    assert float(values["noise_removed"]) >= 0.95
    assert float(values["content_kept"]) >= 0.99
    meta = pd.read_parquet(tmp_path / "metadata.parquet")
    assert set(meta["domain_source"]) == {"none"}


def test_cleaning_clean_output_changes_nothing(seeds_run: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    assert main(["run", str(seeds_run / "text"), "--out", str(again)]) == 0
    for path in sorted((seeds_run / "text").glob("*.txt")):
        assert (again / "text" / path.name).read_bytes() == path.read_bytes()


def test_the_engine_in_this_process_gives_the_gold(book: RuleBook, shared: Path) -> None:
    """The acceptance above without a worker pool (what the mutation tester sees): gold text and
    metadata, each removal's text where its span says in the line the cascade read, and the
    output cleaned again unchanged."""
    engine = Engine(book)
    golds = {
        g["id"]: g for g in map(json.loads, (shared / "gold" / "metadata.jsonl").read_text().splitlines())
    }
    for seed in sorted((shared / "seeds").glob("*.txt")):
        result = engine.process(Source(seed.stem, seed))
        assert result.text == (shared / "gold" / seed.name).read_text(encoding="utf-8"), seed.name
        row = result.row
        assert row["status"] == "ok" and row["lines_out"] == len(result.text.split("\n\n"))
        for key, value in golds[seed.stem].items():
            if key in ("domain", "lang", "title", "site_name", "author", "section"):
                assert row[key] == value, (seed.name, key)
        assert result.source_text is not None
        read = [normalise_line(line) for line in split_lines(result.source_text)]
        cascade = [r for r in result.removed if r.cleaner in CASCADE_NAMES]
        assert cascade and all(r.rule_id and r.rule_file for r in cascade)
        for r in cascade:
            assert read[r.line_no - 1][r.char_start : r.char_end] == r.text, (seed.name, r)
        counts = {name: sum(r.cleaner == name for r in cascade) for name in CASCADE_NAMES}
        assert all(row[f"removed_{name}"] == n for name, n in counts.items() if n), seed.name
        assert engine.process(Source("again", seed, content=result.text)).text == result.text
