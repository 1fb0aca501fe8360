"""Every bad input gets a row with a status and a message; the batch goes on and exits 0."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

from dechaff.cli import main
from dechaff.io.decode import looks_binary

GOOD = (
    "Le conseil municipal a adopté le budget de la ville après un long débat "
    "entre la majorité et l'opposition.\n"
)


@pytest.fixture()
def batch(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(GOOD, encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (src / "latin1.txt").write_bytes(
        (
            "Le député a présenté mardi un amendement sur la protection des forêts pendant l'été, "
            "soutenu par plusieurs élus de la majorité et de l'opposition.\n"
        ).encode("cp1252")
    )
    (src / "huge_line.txt").write_bytes(b"a" * (20 * 1024 * 1024) + b"\n" + GOOD.encode())
    (src / "folder.txt").mkdir()  # a folder named like a dump: unreadable as a file
    os.symlink(src / "missing-target", src / "dangling.txt")
    return src


def test_bad_inputs_are_recorded_and_the_batch_goes_on(batch: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    # --no-filter: short texts are what this test needs, not what the quality filters keep
    assert main(["run", str(batch), "--out", str(out), "--no-filter"]) == 0
    meta = pd.read_parquet(out / "metadata.parquet").set_index("id")
    status = meta["status"].to_dict()
    assert status["good"] == "ok"
    assert status["empty"] == "dropped:empty_input"
    assert status["binary"] == "dropped:binary"
    assert status["latin1"] == "ok" and meta.loc["latin1", "encoding"] == "cp1252"
    assert "député" in (out / "text" / "latin1.txt").read_text(encoding="utf-8")
    assert status["huge_line"] == "ok"
    assert (out / "text" / "huge_line.txt").read_text(encoding="utf-8") == GOOD
    assert status["folder"] == "error:read" and "directory" in meta.loc["folder", "error"].lower()
    assert status["dangling"] == "error:read" and "No such file" in meta.loc["dangling", "error"]
    for doc_id, row in meta.iterrows():
        if row["status"] != "ok":
            assert row["error"], doc_id
            assert not (out / "text" / f"{doc_id}.txt").exists()
    removed = pd.read_parquet(out / "removed.parquet")
    huge = removed[(removed["id"] == "huge_line") & (removed["rule_id"] == "normalise.line_too_long")]
    assert list(huge["char_end"]) == [20 * 1024 * 1024]


def test_strict_stops_on_error(batch: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", str(batch), "--out", str(tmp_path / "out"), "--strict"]) == 2
    assert "error:read" in capsys.readouterr().err


def test_missing_input_path_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", str(tmp_path / "nope"), "--out", str(tmp_path / "out")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_control_bytes_beyond_one_in_fifty_make_a_file_binary_but_tabs_and_breaks_do_not() -> None:
    line = b"Le conseil municipal a adopt\xc3\xa9 le budget de la ville apr\xc3\xa8s un long d\xc3\xa9bat.\n"
    text = line * 120  # over 8 KiB: only the first 8192 bytes count
    assert not looks_binary(text + b"\x1b" * 500)  # beyond the head
    assert not looks_binary(b"\t\n\x0c\r" * 2048)
    head = len(text[:8192]) // 50
    for control in (1, 8, 27, 31):
        few = bytes([control]) * head + text
        assert not looks_binary(few)
        assert looks_binary(bytes([control]) + few), control
