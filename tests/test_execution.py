"""Parallel, sharded, resumable runs: same output whatever the workers, the shard size or a kill."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from dechaff.cli import main
from dechaff.io.shards import METADATA, REMOVED, _Part
from dechaff.run.runner import batches

from conftest import ROOT, hang, misbehave_on

fork_only = pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork", reason="the patched engine reaches workers by fork"
)


def corpus(root: Path, copies: int) -> Path:
    """The five seed dumps, `copies` times under new ids."""
    root.mkdir()
    for k in range(copies):
        for seed in sorted((ROOT / "seeds").glob("*.txt")):
            shutil.copy(seed, root / f"c{k:02d}_{seed.name}")
    return root


def tables(out: Path) -> dict[str, pd.DataFrame]:
    """Both tables in a canonical row order (shards may split and order them differently)."""
    meta = pd.read_parquet(out / "metadata.parquet")
    removed = pd.read_parquet(out / "removed.parquet")
    return {
        "metadata": meta.sort_values("id").reset_index(drop=True),
        "removed": removed.sort_values(["id", "line_no", "char_start"], kind="stable").reset_index(drop=True),
    }


def texts(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted((out / "text").rglob("*.txt"))}


def assert_same_output(a: Path, b: Path) -> None:
    assert texts(a) == texts(b)
    for name, frame in tables(a).items():
        pd.testing.assert_frame_equal(frame, tables(b)[name], obj=name)


def run(inputs: Path, out: Path, *extra: str) -> None:
    assert main(["run", str(inputs), "--out", str(out), *extra]) == 0


def test_worker_count_and_shard_size_do_not_change_the_output(tmp_path: Path) -> None:
    inputs = corpus(tmp_path / "in", 2)
    run(inputs, tmp_path / "one", "--workers", "1")
    run(inputs, tmp_path / "two", "--workers", "2", "--batch-size", "2", "--shard-size", "3")
    parts = sorted((tmp_path / "two" / "metadata.parquet").glob("part-*.parquet"))
    # batches of 2, then 1 each for the last 8 (the tail shrinks): shards of 3, rounded up to batches
    assert [len(pd.read_parquet(part)) for part in parts] == [3, 3, 3, 1]
    assert len(texts(tmp_path / "one")) == 10
    assert_same_output(tmp_path / "one", tmp_path / "two")


def test_a_batch_writes_its_removed_rows_as_documents_one_by_one_would(tmp_path: Path) -> None:
    """A worker builds one table of removed rows for its batch (on its first output): the rows
    and their order in the files are those of documents cleaned and written one at a time."""
    inputs = corpus(tmp_path / "in", 8)
    assert max(len(batch) for batch in batches(range(40), 4, total=40)) == 4  # (the tail's are smaller)
    run(inputs, tmp_path / "ones", "--workers", "1", "--batch-size", "1")
    run(inputs, tmp_path / "fours", "--workers", "1", "--batch-size", "4")

    def rows(out: Path) -> pd.DataFrame:
        parts = sorted((out / "removed.parquet").glob("part-*.parquet"))
        return pd.concat([pd.read_parquet(part) for part in parts], ignore_index=True)

    ones = rows(tmp_path / "ones")
    assert ones["id"].nunique() == 40 and len(ones) > 200
    pd.testing.assert_frame_equal(rows(tmp_path / "fours"), ones)


def test_metadata_rows_go_into_a_shard_a_row_group_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A shard's metadata part is written ROW_GROUP rows at a time (a table has a fixed cost the
    parent pays per batch otherwise), or as soon as the rows' strings pass ROW_GROUP_BYTES (rows
    carry a record's other fields), its last group the rest; the removed lines still go batch by
    batch. The rows are all there, as with a single group."""
    import pyarrow.parquet as pq

    from dechaff.io import shards

    def groups(out: Path, table: str) -> list[list[int]]:
        parts = sorted((out / table).glob("part-*.parquet"))
        return [
            [m.row_group(g).num_rows for g in range(m.num_row_groups)] for m in map(pq.read_metadata, parts)
        ]

    inputs = corpus(tmp_path / "in", 3)
    run(inputs, tmp_path / "whole", "--workers", "1")
    args = ["--workers", "1", "--batch-size", "2", "--shard-size", "11"]
    monkeypatch.setattr(shards, "ROW_GROUP", 4)
    run(inputs, tmp_path / "grouped", *args)
    # batches of 2 (1 at the tail) held until 4 rows; a shard ends at 11 docs or more, its rest flushed
    assert groups(tmp_path / "grouped", "metadata.parquet") == [[4, 4, 3], [4]]
    monkeypatch.setattr(shards, "ROW_GROUP_BYTES", 1)  # every batch's rows pass it: a group each
    run(inputs, tmp_path / "bytes", *args)
    metadata = groups(tmp_path / "bytes", "metadata.parquet")
    assert metadata == [[2, 2, 2, 2, 1, 1, 1], [1, 1, 1, 1]]  # the batches
    for out in ("grouped", "bytes"):  # removed lines: a row group per batch either way
        assert list(map(len, groups(tmp_path / out, "removed.parquet"))) == list(map(len, metadata))
    assert_same_output(tmp_path / "whole", tmp_path / "grouped")
    assert_same_output(tmp_path / "whole", tmp_path / "bytes")


def test_resume_after_sigkill_gives_the_same_output(tmp_path: Path) -> None:
    inputs = corpus(tmp_path / "in", 8)
    shard_args = ["--workers", "2", "--batch-size", "2", "--shard-size", "4"]
    run(inputs, tmp_path / "reference", *shard_args)
    killed = tmp_path / "killed"
    first_shard = killed / "metadata.parquet" / "part-00000.parquet"
    proc = subprocess.Popen(
        [sys.executable, "-m", "dechaff", "run", str(inputs), "--out", str(killed), *shard_args],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: the kill takes the workers too
    )
    deadline = time.monotonic() + 60
    while not first_shard.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    os.killpg(proc.pid, signal.SIGKILL)
    assert proc.wait() == -signal.SIGKILL
    finished = len(list((killed / "metadata.parquet").glob("part-*.parquet")))
    assert 1 <= finished < 10, "the kill must land mid-run, after the first shard"

    assert main(["run", str(inputs), "--out", str(killed), "--resume", *shard_args]) == 0
    assert_same_output(tmp_path / "reference", killed)
    assert not [p for p in killed.rglob("*") if p.name.startswith(".") or p.name.endswith(".part")]


class Stopped(BaseException):
    """Stands in for a kill at one precise point of a run."""


def test_a_shard_stopped_between_its_two_renames_is_cleaned_again_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A shard's metadata part is renamed after its removed-lines part: stopped between the two,
    the shard's documents are not done, and --resume cleans them again, removals included."""
    inputs = corpus(tmp_path / "in", 2)
    args = ["--workers", "1", "--batch-size", "2", "--shard-size", "4"]
    run(inputs, tmp_path / "reference", *args)
    real = _Part.commit
    renames: list[Path] = []

    def commit(part: _Part) -> None:
        renames.append(part._file.path)
        if len(renames) == 4:  # the second rename of the second shard
            raise Stopped
        real(part)

    monkeypatch.setattr(_Part, "commit", commit)
    out = tmp_path / "stopped"
    with pytest.raises(Stopped):
        main(["run", str(inputs), "--out", str(out), *args])
    monkeypatch.undo()
    assert [p.parent.name for p in renames] == [REMOVED, METADATA, REMOVED, METADATA]
    assert main(["run", str(inputs), "--out", str(out), "--resume", *args]) == 0
    assert_same_output(tmp_path / "reference", out)
    assert not [p for p in out.rglob("*") if p.name.startswith(".")]


def test_resume_skips_finished_documents(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inputs = corpus(tmp_path / "in", 1)
    out = tmp_path / "out"
    run(inputs, out, "--shard-size", "2", "--batch-size", "2")
    capsys.readouterr()
    run(inputs, out, "--resume")
    assert "files 0:" in capsys.readouterr().out
    assert len(tables(out)["metadata"]) == 5


@fork_only
def test_a_document_that_kills_its_worker_is_recorded_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = corpus(tmp_path / "in", 2)
    victim = "c00_002_192eed5866ea1362"
    misbehave_on(monkeypatch, victim, lambda: os._exit(3))
    out = tmp_path / "out"
    run(inputs, out, "--workers", "2", "--batch-size", "3")
    meta = tables(out)["metadata"].set_index("id")
    assert meta.loc[victim, "status"] == "error:worker"
    assert meta.loc[victim, "rules_digest"] and meta.loc[victim, "error"]
    assert (meta.drop(index=victim)["status"] == "ok").all() and len(meta) == 10
    assert len(texts(out)) == 9


@fork_only
def test_a_document_over_the_time_limit_is_recorded_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = corpus(tmp_path / "in", 1)
    slow = "c00_001_971055e0ff385ae0"
    misbehave_on(monkeypatch, slow, hang)
    out = tmp_path / "out"
    run(inputs, out, "--workers", "2", "--time-limit", "0.5")
    meta = tables(out)["metadata"].set_index("id")
    assert meta.loc[slow, "status"] == "error:timeout"
    assert (meta.drop(index=slow)["status"] == "ok").all()


def test_an_empty_input_leaves_readable_empty_tables(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()  # an empty folder is refused (test_cli_errors); an empty container is not
    (tmp_path / "in" / "empty.jsonl").write_bytes(b"")
    run(tmp_path / "in", tmp_path / "out")
    frames = tables(tmp_path / "out")
    assert len(frames["metadata"]) == 0 and "status" in frames["metadata"].columns


def test_a_fresh_run_replaces_the_tables_of_an_earlier_one(tmp_path: Path) -> None:
    inputs = corpus(tmp_path / "in", 2)
    out = tmp_path / "out"
    run(inputs, out, "--shard-size", "2")
    for path in list(inputs.iterdir())[5:]:
        path.unlink()
    run(inputs, out)
    assert len(tables(out)["metadata"]) == 5


def test_resume_removes_the_temp_text_file_of_a_worker_killed_while_writing(tmp_path: Path) -> None:
    """A kill -9 can land while a worker writes a text file: its hidden temp file stays behind. A
    `--resume` writes the text again and removes the temp file; a file of the user's stays."""
    inputs = corpus(tmp_path / "in", 1)
    run(inputs, tmp_path / "reference")
    out = tmp_path / "out"
    run(inputs, out)
    texts = sorted((out / "text").rglob("*.txt"))
    stale = texts[0].with_name(f".{texts[0].name}.0f3a9c1d2b4e5f60.tmp")
    stale.write_text("half a text", encoding="utf-8")
    mine = texts[0].with_name(".notes.tmp.txt")
    mine.write_text("the user's", encoding="utf-8")
    assert main(["run", str(inputs), "--out", str(out), "--resume"]) == 0
    assert not stale.exists() and mine.read_text(encoding="utf-8") == "the user's"
    mine.unlink()
    assert_same_output(tmp_path / "reference", out)


def test_resume_drops_what_an_interrupted_shard_left(tmp_path: Path) -> None:
    inputs = corpus(tmp_path / "in", 1)
    run(inputs, tmp_path / "reference", "--shard-size", "2", "--batch-size", "2")
    out = tmp_path / "out"
    run(inputs, out, "--shard-size", "2", "--batch-size", "2")
    last = out / "metadata.parquet" / "part-00002.parquet"
    last.unlink()  # killed after the removed-lines part of shard 2 was renamed, before its metadata
    (out / "metadata.parquet" / ".part-00003.parquet.tmp").write_bytes(b"half a shard")
    assert main(["run", str(inputs), "--out", str(out), "--resume", "--shard-size", "2"]) == 0
    assert_same_output(tmp_path / "reference", out)
    assert sorted(p.name for p in (out / "removed.parquet").iterdir()) == [
        "part-00000.parquet",
        "part-00001.parquet",
        "part-00002.parquet",
    ]


def test_a_pool_broken_while_the_window_fills_is_recovered_from(tmp_path: Path) -> None:
    """A worker may die while the parent is still queueing batches: the pool then refuses the next
    one on submit, not only on a result. That batch fails as the ones in flight did, and each is
    isolated in its turn, instead of the run stopping."""
    from concurrent.futures import Future

    from dechaff.execution.batch import RulesIdentity
    from dechaff.execution.ordered import OrderedExecutor
    from dechaff.io.removed_table import NONE_REMOVED
    from dechaff.io.shards import DocOutput
    from dechaff.io.source import Source

    class Crash(Exception):
        pass

    class Flaky(OrderedExecutor):
        crash = Crash
        slots = 3
        rules = RulesIdentity("1", "digest")

        def __init__(self) -> None:
            self.broken = False
            self.submitted: list[list[str]] = []

        def submit(self, batch):  # type: ignore[no-untyped-def]
            ids = [source.id for source in batch]
            if self.broken:
                raise Crash("the pool is broken")
            self.submitted.append(ids)
            future: Future[list[DocOutput]] = Future()
            if "bad" in ids:  # its worker dies: the pool refuses what comes next
                self.broken = True
                future.set_exception(Crash("a worker died"))
            else:
                future.set_result([DocOutput(i, {"status": "ok"}, None, NONE_REMOVED) for i in ids])
            return future

        def after_crash(self, pending):  # type: ignore[no-untyped-def]
            self.broken = False
            return type(pending)((batch, self.submit(batch)) for batch, _ in pending)

        def close(self) -> None:
            pass

    def batch(*ids: str) -> list[Source]:
        return [Source(i, tmp_path / f"{i}.txt") for i in ids]

    flaky = Flaky()
    out = [
        doc.id
        for docs in flaky.map([batch("a", "b"), batch("bad", "c"), batch("d"), batch("e")])
        for doc in docs
    ]
    assert out == ["a", "b", "bad", "c", "d", "e"]
    assert ["d"] in flaky.submitted and ["bad"] in flaky.submitted  # "d" refused at first, then run
