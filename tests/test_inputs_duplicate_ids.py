"""Two inputs with one id: the first keeps it, every later one gets its own `dropped:duplicate_id`
row and no text file, with any worker count and across a resume."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from test_inputs import ARTICLE_EN, ARTICLE_FR, article

from dechaff.cli import main

FIRST = article(ARTICLE_EN)
LATER = article(ARTICLE_FR)


def run(inputs: Path, out: Path, *extra: str) -> pd.DataFrame:
    assert main(["run", str(inputs), "--out", str(out), *extra]) == 0
    return pd.read_parquet(out / "metadata.parquet").set_index("id")


def text_files(out: Path) -> dict[str, str]:
    return {
        p.relative_to(out / "text").as_posix(): p.read_text(encoding="utf-8")
        for p in sorted((out / "text").rglob("*.txt"))
    }


def jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def assert_first_wins(meta: pd.DataFrame, out: Path, doc_id: str, copies: list[str]) -> None:
    assert meta.loc[doc_id, "status"] == "ok"
    assert (out / "text" / f"{doc_id}.txt").read_text(encoding="utf-8") == FIRST
    for copy in copies:
        assert meta.loc[copy, "status"] == "dropped:duplicate_id"
        assert repr(doc_id) in meta.loc[copy, "error"]
        assert meta.loc[copy, "rules_digest"] == meta.loc[doc_id, "rules_digest"]
        assert not (out / "text" / f"{copy}.txt").exists()


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_repeated_jsonl_id_gets_a_row_and_never_overwrites_the_first(tmp_path: Path, workers: str) -> None:
    src = jsonl(
        tmp_path / "shard.jsonl",
        [
            {"id": "a", "text": FIRST},
            {"id": "a", "text": LATER, "note": "second"},
            {"id": "b", "text": LATER},
            {"id": "a", "text": LATER},
        ],
    )
    meta = run(src, tmp_path / "out", "--workers", workers, "--batch-size", "1")
    assert list(meta.index) == ["shard/a", "shard/a#2", "shard/b", "shard/a#3"]  # one row per record
    assert_first_wins(meta, tmp_path / "out", "shard/a", ["shard/a#2", "shard/a#3"])
    assert json.loads(meta.loc["shard/a#2", "extra"]) == {"note": "second"}  # which record it was
    assert meta.loc["shard/b", "status"] == "ok"


def test_a_record_cannot_take_the_id_of_a_file_read_before_it(tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "shard").mkdir(parents=True)
    (src / "shard" / "a.txt").write_text(FIRST, encoding="utf-8")  # id shard/a, read first
    jsonl(src / "shard.jsonl", [{"id": "a", "text": LATER}])  # id shard/a as well
    meta = run(src, tmp_path / "out")
    assert list(meta.index) == ["shard/a", "shard/a#2"]
    assert_first_wins(meta, tmp_path / "out", "shard/a", ["shard/a#2"])


def test_resume_keeps_the_first_and_gives_the_copies_their_rows(tmp_path: Path) -> None:
    src = jsonl(
        tmp_path / "shard.jsonl",
        [{"id": "a", "text": FIRST}, {"id": "b", "text": LATER}, {"id": "a", "text": LATER}],
    )
    shards = ["--shard-size", "1", "--batch-size", "1", "--workers", "2"]
    reference = run(src, tmp_path / "reference", *shards)
    out = tmp_path / "out"
    run(src, out, *shards)
    (out / "metadata.parquet" / "part-00002.parquet").unlink()  # killed before the copy's row
    resumed = run(src, out, "--resume", *shards)
    pd.testing.assert_frame_equal(resumed.sort_index(), reference.sort_index())
    assert text_files(out) == text_files(tmp_path / "reference")
    assert text_files(out) == {"shard/a.txt": FIRST, "shard/b.txt": LATER}
    assert_first_wins(resumed, out, "shard/a", ["shard/a#2"])
