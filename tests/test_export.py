"""`dechaff export`: shards that load with datasets and pandas, a card whose counts match them."""

from __future__ import annotations

import os
import shutil
from collections import Counter
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
    hub = ["text", "id", "url", "date", "language", "language_score"]  # FineWeb's, in its order
    assert ds.column_names[:7] == [*hub, "domain"]
    assert list(frame["id"]) == sorted(frame["id"]) == ds["id"]
    assert "0000_copy" in ds["id"] and FIRST_SEED not in ds["id"]
    for doc_id, text in zip(frame["id"], frame["text"], strict=True):
        assert text == (run_out / "text" / f"{doc_id}.txt").read_text(encoding="utf-8")

    card = (to / "README.md").read_text(encoding="utf-8")
    assert _card_table(card, "Documents per language") == frame["language"].value_counts().to_dict()
    assert frame["language"].value_counts().to_dict() == {"fr": 5}
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


@pytest.mark.parametrize("fmt", ["parquet", "jsonl"])
def test_the_export_folder_loads_by_its_card(run_out: Path, tmp_path: Path, fmt: str) -> None:
    """`datasets.load_dataset(DIR)` finds the shards through the card's `configs`; the card's YAML
    header parses as the Hub's dataset card metadata."""
    import datasets
    from huggingface_hub import DatasetCard

    to = tmp_path / "export"
    assert main(["export", str(run_out), "--to", str(to), "--format", fmt, "--license", "cc-by-4.0"]) == 0
    decoy = pd.DataFrame({"other": [1, 2]})  # data/ holds it, the card's configs do not name it
    if fmt == "parquet":
        decoy.to_parquet(to / "data" / "decoy.parquet")
    else:
        decoy.to_json(to / "data" / "decoy.jsonl", orient="records", lines=True)
    ds = datasets.load_dataset(str(to), split="train", cache_dir=str(tmp_path / "hf"))
    assert ds.num_rows == 6 and ds.column_names[:6] == [
        "text",
        "id",
        "url",
        "date",
        "language",
        "language_score",
    ]
    meta = DatasetCard.load(to / "README.md").data.to_dict()
    assert meta == {
        "license": "cc-by-4.0",
        "language": ["fr"],
        "size_categories": ["n<1K"],
        "task_categories": ["text-generation"],
        "configs": [
            {"config_name": "default", "data_files": [{"split": "train", "path": f"data/part-*.{fmt}"}]}
        ],
    }


def test_warc_documents_export_their_fetch_date(tmp_path: Path) -> None:
    from test_inputs import ARTICLE_EN, html_page, record_uuid, write_warc

    write_warc(
        tmp_path / "crawl.warc.gz",
        [("response", "https://example.org/a", html_page("Budget", ARTICLE_EN).encode(), "text/html")],
    )
    assert main(["run", str(tmp_path / "crawl.warc.gz"), "--out", str(tmp_path / "run")]) == 0
    assert main(["export", str(tmp_path / "run"), "--to", str(tmp_path / "export")]) == 0
    row = pd.read_parquet(tmp_path / "export" / "data").iloc[0]
    assert row["id"] == f"crawl/{record_uuid('https://example.org/a')}"
    assert (row["url"], row["date"], row["language"]) == (
        "https://example.org/a",
        "2024-05-01T10:00:00Z",
        "en",
    )
    assert 0.9 < row["language_score"] <= 1.0


def test_the_domain_table_is_bounded() -> None:
    import pyarrow as pa
    import yaml

    from dechaff.report.card import TOP_DOMAINS, Export, dataset_card

    rows = [
        {"lang": "und", "domain": f"site{i:03d}.example", "ruleset_version": "1", "rules_digest": "d"}
        for i in range(TOP_DOMAINS + 12)
    ] + [{"lang": "de", "domain": "big.example", "ruleset_version": "1", "rules_digest": "d"}] * 3
    card = dataset_card(Export(rows, Counter(), len(rows), pa.schema([]), [], "parquet", 10, [], "odc-by"))
    table = _card_table(card, "Documents per domain")
    assert len(table) == TOP_DOMAINS + 1 and table["big.example"] == 3
    assert table["(13 others)"] == 13  # 62 one-page sites: the first 49 by name shown, 13 summed
    assert sum(table.values()) == len(rows)
    header = yaml.safe_load(card.split("---\n")[1])
    assert header["language"] == ["de"]  # `und` is no language code
    assert header["license"] == "odc-by"
