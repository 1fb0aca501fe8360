from __future__ import annotations

from pathlib import Path

import pandas as pd

from dechaff.cli import main

from conftest import ROOT


def test_two_runs_are_identical(tmp_path: Path) -> None:
    outs = [tmp_path / "a", tmp_path / "b"]
    for out in outs:
        assert main(["run", str(ROOT / "seeds"), "--out", str(out)]) == 0
    files = sorted(p.relative_to(outs[0]) for p in (outs[0] / "text").rglob("*.txt"))
    assert len(files) == 5
    for rel in files:
        assert (outs[0] / rel).read_bytes() == (outs[1] / rel).read_bytes()
    for table in ("metadata.parquet", "removed.parquet"):
        pd.testing.assert_frame_equal(pd.read_parquet(outs[0] / table), pd.read_parquet(outs[1] / table))
