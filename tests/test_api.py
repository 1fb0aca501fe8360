"""The Python API: one text, one page, a Cleaner and its batches, a pandas column, a `datasets`
column, all through the engine `dechaff run` uses (same text, same removals, same row)."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from test_inputs import ARTICLE_EN, ARTICLE_FR, article, html_page

import dechaff
from dechaff.api import cleaner as cleaner_module
from dechaff.api.cleaner import Cleaner, clean_html, clean_text
from dechaff.api.columns import clean_frame, dataset_map
from dechaff.cli import main
from dechaff.engine import engine as engine_module

from conftest import ROOT, rules_copy

os.environ.setdefault("HF_DATASETS_OFFLINE", "1")

SEED = ROOT / "seeds" / "000_25705d69f82cf47e.txt"
NOISY = f"Accept all cookies\n\n{article(ARTICLE_EN)}\nRead more: The mayor answers your questions\n"
SHORT = article(ARTICLE_FR[:2])  # under the Gopher minimum of 50 words


def test_clean_text_gives_what_dechaff_run_writes(tmp_path: Path) -> None:
    assert main(["run", str(SEED), "--out", str(tmp_path / "out"), "--workers", "1"]) == 0
    result = clean_text(SEED.read_text(encoding="utf-8"))
    assert result.status == "ok" and result.kept
    assert result.text == (tmp_path / "out" / "text" / f"{SEED.stem}.txt").read_text(encoding="utf-8")
    removed = pd.read_parquet(tmp_path / "out" / "removed.parquet")
    assert [(r.line_no, r.text, r.cleaner, r.rule_id, r.rule_file) for r in result.removed] == list(
        removed[["line_no", "text", "cleaner", "rule_id", "rule_file"]].itertuples(index=False, name=None)
    )
    row = pd.read_parquet(tmp_path / "out" / "metadata.parquet").iloc[0].to_dict()
    for column in ("domain", "lang", "title", "chars_out", "text_sha256", "gopher_words", "status"):
        assert result.metadata[column] == row[column], column
    assert result.signals["gopher_words"] == row["gopher_words"]
    assert set(result.signals) < set(result.metadata)


def test_clean_text_with_a_language_runs_no_detection(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(lines: object) -> tuple[str, float]:
        raise AssertionError("language detection ran although the caller gave the language")

    monkeypatch.setattr(engine_module, "detect_language", refuse)
    result = clean_text(article(ARTICLE_FR), lang="fr-FR")
    assert result.status == "ok"
    assert result.metadata["lang"] == "fr" and result.metadata["lang_prob"] is None


def test_clean_text_url_and_domain_pick_the_site_rules(tmp_path: Path) -> None:
    site = (
        "version: 1\ndomains: [example.org]\n"
        "rules:\n  - {id: promo, line: 'Subscribe to the Example newsletter'}\n"
    )
    rules = rules_copy(tmp_path, {"example.org": site})
    text = f"{article(ARTICLE_EN)}\nSubscribe to the Example newsletter\n"
    for where in ({"url": "https://www.example.org/budget"}, {"domain": "example.org"}):
        result = clean_text(text, rules=rules, **where)
        promo = [r for r in result.removed if r.rule_id == "promo"]
        assert [r.rule_file for r in promo] == ["rules/sites/example.org.yaml"], where
        assert result.text == article(ARTICLE_EN)
    assert not any(r.rule_id == "promo" for r in clean_text(text, rules=rules).removed)


def test_clean_html_extracts_then_cleans() -> None:
    page = html_page("City budget approved", ARTICLE_EN)
    result = clean_html(page.encode(), url="https://example.org/budget")
    assert result.status == "ok" and result.metadata["extractor"] == "trafilatura"
    assert result.text.endswith(article(ARTICLE_EN)) and "Home" not in result.text
    assert result.metadata["url"] == "https://example.org/budget"
    assert result.metadata["title"] == "City budget approved"


def test_dropped_and_failed_documents_say_why() -> None:
    short = clean_text(SHORT)
    assert short.status == "dropped:gopher_short_doc" and not short.kept
    assert short.text == article(ARTICLE_FR[:2])  # kept so that the decision can be checked
    empty = clean_html("<html><body></body></html>")
    assert empty.status.startswith("dropped:") and empty.text == ""
    with pytest.raises(TypeError, match="str or bytes"):
        clean_text(12)  # type: ignore[arg-type]


def test_a_cleaner_reads_its_rules_once(monkeypatch: pytest.MonkeyPatch) -> None:
    loads = []
    real = cleaner_module.load_book
    monkeypatch.setattr(cleaner_module, "load_book", lambda rules: loads.append(rules) or real(rules))
    cleaner = Cleaner(quality_filter=False)
    assert cleaner.clean_text(SHORT).status == "ok"  # measured, not dropped
    assert cleaner.clean_html(html_page("Budget", ARTICLE_FR)).status == "ok"
    assert cleaner.clean_text(NOISY).status == "ok"
    assert loads == [None]


def test_clean_batch_keeps_order_and_reads_records() -> None:
    items = [
        NOISY,
        {"html": html_page("Budget", ARTICLE_FR), "url": "https://example.org/b", "id": "page"},
        {"text": SHORT, "lang": "fr"},
    ]
    results = list(Cleaner().clean_batch(iter(items)))
    assert [r.status for r in results] == ["ok", "ok", "dropped:gopher_short_doc"]
    assert [r.metadata["id"] for r in results] == ["1", "page", "3"]
    assert results[0].text == article(ARTICLE_EN)
    assert results[1].metadata["domain"] == "example.org" and results[1].metadata["extractor"]
    assert results[2].metadata["lang_prob"] is None  # the record's language was taken as given


def test_a_cleaner_pickles_and_cleans_the_same_after() -> None:
    cleaner = Cleaner(domain_rules=False)
    again = pickle.loads(pickle.dumps(cleaner))
    assert again.clean_text(NOISY) == cleaner.clean_text(NOISY)
    assert again.clean_text(SEED.read_text(encoding="utf-8")).metadata["domain_source"] == "none"


def test_clean_frame_cleans_a_column_and_adds_metadata() -> None:
    frame = pd.DataFrame(
        {"body": [NOISY, None, SHORT], "link": ["https://example.org/a", None, None]}, index=[10, 20, 30]
    )
    out = clean_frame(frame, "body", url_column="link", columns=["status", "domain"])
    assert list(out.index) == [10, 20, 30] and list(out.columns) == ["body", "link", "status", "domain"]
    assert out.loc[10, "body"] == article(ARTICLE_EN) and out.loc[10, "domain"] == "example.org"
    assert out.loc[20, "status"] == "dropped:empty_input"
    assert out.loc[30, "status"] == "dropped:gopher_short_doc"
    assert frame.loc[10, "body"] == NOISY  # the caller's frame is left as it was
    with pytest.raises(ValueError, match="unknown metadata column"):
        clean_frame(frame, "body", columns=["stauts"])


def test_dataset_map_cleans_a_datasets_column_in_batches(tmp_path: Path) -> None:
    import datasets

    pages = [html_page("Budget", ARTICLE_EN), html_page("Budget", ARTICLE_FR), "<p>too short</p>"]
    ds = datasets.Dataset.from_dict({"html": pages, "n": [1, 2, 3]})
    cleaned = ds.map(dataset_map("html", html=True), batched=True, batch_size=2)
    assert cleaned.column_names == [
        "html",
        "n",
        "status",
        "lang",
        "lang_prob",
        "domain",
        "chars_in",
        "chars_out",
    ]
    assert cleaned["status"][:2] == ["ok", "ok"] and cleaned["status"][2].startswith("dropped:")
    assert cleaned["lang"][:2] == ["en", "fr"] and cleaned["n"] == [1, 2, 3]
    assert cleaned["html"][0].endswith(article(ARTICLE_EN))
    kept = cleaned.filter(lambda row: row["status"] == "ok")
    assert kept.num_rows == 2


def test_import_dechaff_stays_light_and_names_the_api() -> None:
    code = (
        "import sys, dechaff\n"
        "print(sorted(m for m in sys.modules if m.startswith('dechaff.')))\n"
        "print(dechaff.clean_text.__module__, dechaff.Cleaner.__name__, dechaff.Result.__name__)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    loaded, names = done.stdout.splitlines()
    assert loaded == "[]"
    assert names == "dechaff.api.cleaner Cleaner Result"
    assert {"clean_text", "clean_html", "Cleaner", "clean_frame", "dataset_map"} <= set(dir(dechaff))
    with pytest.raises(AttributeError):
        dechaff.no_such_name  # noqa: B018


def test_removals_a_keep_rule_overruled_are_apart(tmp_path: Path) -> None:
    site = (
        "version: 1\ndomains: [example.org]\n"
        "rules:\n  - {id: keep-tip, line: 'Share on Facebook', action: keep}\n"
    )
    text = f"{article(ARTICLE_EN)}\nShare on Facebook\n"
    plain = clean_text(text, domain="example.org")
    assert [r.text for r in plain.removed] == ["Share on Facebook"] and plain.overruled == ()
    kept = clean_text(text, domain="example.org", rules=rules_copy(tmp_path, {"example.org": site}))
    assert kept.removed == () and kept.text.endswith("Share on Facebook\n")
    assert [(r.text, r.kept_by) for r in kept.overruled] == [("Share on Facebook", "keep-tip")]


def test_run_is_the_call_the_cli_makes(tmp_path: Path) -> None:
    from dechaff.api import RunConfig, run
    from dechaff.commands import run_cmd

    assert run is run_cmd.run  # one function for both, not a copy
    summary = run(RunConfig(inputs=str(ROOT / "seeds"), out=str(tmp_path / "api"), workers=1))
    assert (summary.files, summary.count("ok")) == (5, 5)
    assert main(["run", str(ROOT / "seeds"), "--out", str(tmp_path / "cli"), "--workers", "1"]) == 0
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        api_text = (tmp_path / "api" / "text" / f"{seed.stem}.txt").read_bytes()
        assert api_text == (tmp_path / "cli" / "text" / f"{seed.stem}.txt").read_bytes()
