"""The batch-level stage: lines repeated across pages of one site are dropped, whatever the order."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from dechaff.cli import main
from dechaff.engine.engine import Settings
from dechaff.engine.rulebook import load_book
from dechaff.io.source import Source
from dechaff.run.survey import with_repeated

from conftest import STORIES, rules_copy

SITE = "version: 1\ndomains: [example.org]\ncleaners:\n  site_boilerplate: {enabled: true, min_docs: 2}\n"
PROMO = "Newsletter du {} mars : inscrivez-vous pour recevoir nos articles chaque matin"


def _corpus(tmp_path: Path) -> tuple[Path, Path, Path]:
    rules = rules_copy(tmp_path, {"example.org": SITE})
    pages = tmp_path / "pages"
    pages.mkdir()
    for i, story in enumerate(STORIES, 1):
        text = f"{story}\n{PROMO.format(i)}\n{story.replace('.', ', selon la préfecture.')}\n"
        (pages / f"p{i}.txt").write_text(text, encoding="utf-8")
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("id,url\n" + "".join(f"p{i},https://www.example.org/a{i}\n" for i in (1, 2, 3)))
    return rules, pages, manifest


def test_repeated_promo_dropped_with_provenance(tmp_path: Path) -> None:
    rules, pages, manifest = _corpus(tmp_path)
    out = tmp_path / "out"
    args = ["run", str(pages), "--out", str(out), "--rules", str(rules), "--manifest", str(manifest)]
    assert main([*args, "--no-filter"]) == 0
    for i in (1, 2, 3):
        text = (out / "text" / f"p{i}.txt").read_text(encoding="utf-8")
        assert "Newsletter" not in text and STORIES[i - 1] in text
    removed = pd.read_parquet(out / "removed.parquet")
    hits = removed[removed["cleaner"] == "site_boilerplate"]
    assert sorted(hits["id"]) == ["p1", "p2", "p3"]
    assert set(hits["rule_file"]) == {"rules/sites/example.org.yaml"}


def test_off_by_default_and_order_independent(tmp_path: Path) -> None:
    rules, pages, _ = _corpus(tmp_path)
    sources = [Source(f"p{i}", pages / f"p{i}.txt", domain="example.org") for i in (1, 2, 3)]
    book = load_book(rules)
    forward = with_repeated(book, Settings(), sources)
    backward = with_repeated(book, Settings(), list(reversed(sources)))
    assert forward.repeated == backward.repeated
    ((site, keys),) = forward.repeated
    assert site == "example.org" and keys == frozenset(
        {"newsletter du 0 mars : inscrivez-vous pour recevoir nos articles chaque matin"}
    )
    assert with_repeated(load_book(None), Settings(), sources).repeated == ()
