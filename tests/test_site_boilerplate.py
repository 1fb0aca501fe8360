"""The batch-level stage: lines repeated across pages of one site are dropped, whatever the order."""

from __future__ import annotations

import threading
from pathlib import Path

import pandas as pd
import pytest

from dechaff.cli import main
from dechaff.engine.engine import Engine, Settings
from dechaff.engine.rulebook import load_book
from dechaff.io.source import Source
from dechaff.run.survey import SiteLines, survey, with_repeated

from conftest import STORIES, hang, misbehave_on, rules_copy

SITE = "version: 1\ndomains: [example.org]\ncleaners:\n  site_boilerplate: {enabled: true, min_docs: 2}\n"
PROMO = "Newsletter du {} mars : inscrivez-vous pour recevoir nos articles chaque matin"


def _corpus(tmp_path: Path) -> tuple[Path, Path, Path]:
    rules = rules_copy(tmp_path, {"example.org": SITE})
    pages = tmp_path / "pages"
    pages.mkdir()
    for i, story in enumerate(STORIES, 1):
        text = f"{story}\n{PROMO.format(i)}\n{story.replace('.', ', selon la préfecture.')}\n"
        (pages / f"p{i}.txt").write_text(text, encoding="utf-8")
    return rules, pages, _manifest(tmp_path)


def _manifest(tmp_path: Path) -> Path:
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("id,url\n" + "".join(f"p{i},https://www.example.org/a{i}\n" for i in (1, 2, 3)))
    return manifest


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


def test_a_repeated_line_with_mojibake_on_one_page_is_still_repeated(tmp_path: Path) -> None:
    """The survey sees lines as the cleaning does (mojibake repaired): the promo, broken on one
    of the three pages, counts three times and goes from all three."""
    site = SITE.replace("min_docs: 2", "min_docs: 3")
    rules = rules_copy(tmp_path, {"example.org": site})
    pages = tmp_path / "pages"
    pages.mkdir()
    promo = "Offre de l'été : trois mois d'abonnement pour le prix d'un seul"
    for i, story in enumerate(STORIES, 1):
        line = promo.encode("utf-8").decode("latin-1") if i == 2 else promo  # "l'Ã©tÃ©" on page 2
        (pages / f"p{i}.txt").write_text(f"{story}\n{line}\n", encoding="utf-8")
    out = tmp_path / "out"
    args = ["run", str(pages), "--out", str(out), "--rules", str(rules), "--no-filter"]
    assert main([*args, "--manifest", str(_manifest(tmp_path))]) == 0
    for i in (1, 2, 3):
        text = (out / "text" / f"p{i}.txt").read_text(encoding="utf-8")
        assert "abonnement" not in text and STORIES[i - 1] in text
    removed = pd.read_parquet(out / "removed.parquet")
    assert sorted(removed[removed["cleaner"] == "site_boilerplate"]["id"]) == ["p1", "p2", "p3"]


def test_the_survey_gives_each_page_the_run_s_time_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rules, pages, _ = _corpus(tmp_path)
    sources = [Source(f"p{i}", pages / f"p{i}.txt", domain="example.org") for i in (1, 2, 3)]
    misbehave_on(monkeypatch, "p2", hang)
    found: list[dict[str, SiteLines]] = []
    engine = Engine(load_book(rules), Settings(time_limit=0.5))
    worker = threading.Thread(target=lambda: found.append(survey(engine, sources)), daemon=True)
    worker.start()
    worker.join(20)
    assert not worker.is_alive(), "the survey is stuck on a page that never finishes"
    assert found[0]["example.org"].docs == 2  # the runaway page is left to the cleaning run
