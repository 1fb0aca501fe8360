"""`dechaff export`: shards that load with datasets and pandas, a card whose counts match them."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from dechaff.cli import main

from conftest import ROOT

os.environ.setdefault("HF_DATASETS_OFFLINE", "1")  # local files only: never ask the Hub

FIRST_SEED = "000_25705d69f82cf47e"


@pytest.fixture(scope="module")
def run_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five seeds, an exact copy of the first (its id sorts first) and a page too short to keep."""
    corpus = tmp_path_factory.mktemp("corpus")
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        shutil.copy(seed, corpus / seed.name)
    shutil.copy(ROOT / "seeds" / f"{FIRST_SEED}.txt", corpus / "0000_copy.txt")
    short = "Le conseil municipal a adopté le budget de la ville après un long débat entre élus.\n"
    (corpus / "short.txt").write_text(short, encoding="utf-8")
    out = tmp_path_factory.mktemp("run")
    assert main(["run", str(corpus), "--out", str(out)]) == 0
    return out


def _card_table(card: str, title: str) -> dict[str, int]:
    lines = card.split(f"## {title}\n\n", 1)[1].split("\n\n", 1)[0].splitlines()[2:]
    return {name: int(n) for name, n in (line.strip("| ").split(" | ") for line in lines)}


def test_parquet_export_loads_with_datasets_and_pandas(run_out: Path, tmp_path: Path) -> None:
    import datasets

    to = tmp_path / "export"
    assert main(["export", str(run_out), "--to", str(to), "--dedup", "--shard-size", "2"]) == 0
    # 7 documents: "short" dropped by the run, the first seed a duplicate of 0000_copy -> 5 kept
    assert sorted(p.name for p in (to / "data").iterdir()) == [
        "part-00000.parquet",
        "part-00001.parquet",
        "part-00002.parquet",
    ]
    files = str(to / "data" / "part-*.parquet")
    ds = datasets.load_dataset("parquet", data_files=files, split="train", cache_dir=str(tmp_path / "hf"))
    frame = pd.read_parquet(to / "data")
    assert ds.num_rows == len(frame) == 5
    assert ds.column_names[:5] == ["text", "id", "url", "domain", "lang"]
    assert list(frame["id"]) == sorted(frame["id"]) == ds["id"]
    assert "0000_copy" in ds["id"] and FIRST_SEED not in ds["id"]
    for doc_id, text in zip(frame["id"], frame["text"], strict=True):
        assert text == (run_out / "text" / f"{doc_id}.txt").read_text(encoding="utf-8")

    card = (to / "README.md").read_text(encoding="utf-8")
    assert _card_table(card, "Documents per language") == frame["lang"].value_counts().to_dict() == {"fr": 5}
    domains = frame["domain"].fillna("(none)").value_counts().to_dict()
    assert _card_table(card, "Documents per domain") == domains
    assert domains == {
        "bfmtv.com": 1,
        "fr.sputniknews.africa": 1,
        "lesoir.be": 1,
        "cinktank.com": 1,
        "(none)": 1,
    }
    meta = pd.read_parquet(run_out / "metadata.parquet")
    dropped = meta.loc[meta["status"] != "ok", "status"].value_counts().to_dict()
    assert dropped == {"dropped:gopher_short_doc": 1}
    assert _card_table(card, "Documents left out, per reason") == dropped | {"export:duplicate": 1}


def test_jsonl_export_with_a_quality_floor(run_out: Path, tmp_path: Path) -> None:
    import datasets

    to = tmp_path / "export"
    args = [
        "export",
        str(run_out),
        "--to",
        str(to),
        "--format",
        "jsonl",
        "--min-quality",
        "min_doc_words=320",
    ]
    assert main(args) == 0
    frame = pd.read_json(to / "data" / "part-00000.jsonl", lines=True, dtype={"id": str})
    ds = datasets.load_dataset(
        "json", data_files=str(to / "data" / "part-*.jsonl"), split="train", cache_dir=str(tmp_path / "hf")
    )
    # words of the kept pages: copy and first seed 253, then 385, 364, 312, 324: three reach 320
    meta = pd.read_parquet(run_out / "metadata.parquet").set_index("id")
    assert sorted(meta.loc[meta["status"] == "ok", "gopher_words"]) == [253, 253, 312, 324, 364, 385]
    assert list(frame["id"]) == ds["id"] == sorted(meta.index[meta["gopher_words"] >= 320])
    card = (to / "README.md").read_text(encoding="utf-8")
    assert _card_table(card, "Documents left out, per reason") == {
        "export:gopher_short_doc": 3,
        "dropped:gopher_short_doc": 1,
    }
    assert "`--min-quality min_doc_words=320`" in card


def test_export_is_deterministic_and_replaces_old_shards(run_out: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    for to in (one, two):
        assert main(["export", str(run_out), "--to", str(to), "--shard-size", "4"]) == 0
    for name in ("README.md", "data/part-00000.parquet", "data/part-00001.parquet"):
        assert (one / name).read_bytes() == (two / name).read_bytes(), name
    assert main(["export", str(run_out), "--to", str(one), "--format", "jsonl"]) == 0
    assert sorted(p.name for p in (one / "data").iterdir()) == ["part-00000.jsonl"]


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--min-quality", "min_doc_word=3"], "did you mean 'min_doc_words'"),
        (["--meta", "titel"], "did you mean 'title'"),
        (["--shard-size", "0"], "1 or more"),
    ],
)
def test_bad_options(
    run_out: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], option: list[str], message: str
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["export", str(run_out), "--to", str(tmp_path / "x"), *option])
    assert exit_.value.code == 2 and message in capsys.readouterr().err
