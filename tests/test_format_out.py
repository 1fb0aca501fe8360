"""`dechaff run --format-out jsonl|parquet`: shards of text + metadata next to the text files."""

from __future__ import annotations

import json
from pathlib import Path

import datasets
import pandas as pd
import pytest

from dechaff.cli import main

from conftest import ROOT


@pytest.mark.parametrize("fmt", ["parquet", "jsonl"])
def test_shards_hold_text_and_metadata(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "out"
    assert (
        main(["run", str(ROOT / "seeds"), "--out", str(out), "--format-out", fmt, "--shard-size", "2"]) == 0
    )
    shards = sorted((out / "data").glob(f"part-*.{fmt}"))
    assert [p.name for p in shards] == [f"part-0000{i}.{fmt}" for i in range(3)]
    if fmt == "parquet":
        table = pd.read_parquet(out / "data")
        loaded = datasets.load_dataset("parquet", data_files=[str(p) for p in shards], split="train")
        assert loaded.num_rows == 5 and "status" in loaded.column_names
    else:
        table = pd.DataFrame(
            [json.loads(x) for p in shards for x in p.read_text(encoding="utf-8").splitlines()]
        )
    assert list(table["id"]) == sorted(p.stem for p in (ROOT / "seeds").glob("*.txt"))
    for row in table.itertuples():
        assert row.text == (out / "text" / f"{row.id}.txt").read_text(encoding="utf-8")
        assert row.status == "ok" and row.language == "fr"
    # FineWeb's columns first, then every metadata column but those three under their own names
    assert list(table.columns[:6]) == ["text", "id", "url", "date", "language", "language_score"]
    assert "lang" not in table.columns and "fetched" not in table.columns and "status" in table.columns


def test_default_writes_text_only(tmp_path: Path) -> None:
    assert main(["run", str(ROOT / "seeds"), "--out", str(tmp_path)]) == 0
    assert not (tmp_path / "data").exists()
