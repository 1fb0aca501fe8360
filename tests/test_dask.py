"""The Dask engine gives the same output as the local one (on a LocalCluster, in process)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from distributed import LocalCluster
from test_execution import assert_same_output, corpus, run, tables

from conftest import hang, misbehave_on


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    with LocalCluster(n_workers=2, processes=False, threads_per_worker=1, dashboard_address=None) as c:
        yield c


def test_dask_engine_gives_the_same_output_as_the_local_engine(
    tmp_path: Path, cluster: LocalCluster, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = corpus(tmp_path / "in", 2)
    slow = "c01_003_b316738c01c27c10"
    misbehave_on(monkeypatch, slow, hang)  # Dask workers here are threads of this process
    common = ["--batch-size", "3", "--shard-size", "4", "--time-limit", "0.5"]
    run(inputs, tmp_path / "local", "--workers", "2", *common)
    run(inputs, tmp_path / "dask", "--engine", "dask", "--scheduler", cluster.scheduler_address, *common)
    assert_same_output(tmp_path / "local", tmp_path / "dask")
    meta = tables(tmp_path / "dask")["metadata"].set_index("id")
    assert meta.loc[slow, "status"] == "error:timeout"  # the guard works in a worker thread too
    assert (meta.drop(index=slow)["status"] == "ok").all() and len(meta) == 10
    pd.testing.assert_series_equal(
        meta["text_sha256"].dropna(),
        tables(tmp_path / "local")["metadata"].set_index("id")["text_sha256"].dropna(),
    )
