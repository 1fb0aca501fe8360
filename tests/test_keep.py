"""`action: keep` (and keep_from / keep_until): lines a site's file protects survive every later
cleaner, and each removal a keep rule overruled is recorded with `kept_by`."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from dechaff.cli import main
from dechaff.engine.engine import Engine, Settings
from dechaff.engine.rulebook import load_book
from dechaff.io.source import Source

from conftest import rules_copy

PAGE = (
    "Le marché couvert de la ville rouvre ses portes samedi matin après deux années de travaux, et les "
    "commerçants attendent une foule nombreuse pour l'occasion.\n"
    "Les halles ont été entièrement repeintes, la toiture a été refaite et de nouveaux étals ont été "
    "installés le long de l'allée centrale, selon la mairie.\n"
    "Les habitants pourront aussi profiter d'un parking agrandi et d'une navette gratuite qui relie la gare "
    "au centre-ville toutes les vingt minutes.\n"
    "Horaires d'ouverture\n"
    "Les plus lus\n"
)
HEAD = "version: 1\ndomains: [example.org]\nrules:\n"
KEEP = HEAD + '  - {id: keep-hours, line: "Horaires d\'ouverture", action: keep}\n'
KEEP_FROM = HEAD + '  - {id: tail, line: "Horaires d\'ouverture", action: keep_from}\n'
DROP_TOO = KEEP + '  - {id: footer, line: "Horaires d\'ouverture", action: drop_from}\n'


def _clean(tmp_path: Path, site: str | None) -> tuple[str, list]:
    rules = rules_copy(tmp_path, {"example.org": site} if site else {})
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    engine = Engine(load_book(rules), Settings(quality_filter=False))
    result = engine.process(Source("page", path, domain="example.org"))
    return result.text or "", list(result.removed)


def test_kept_line_survives_the_classifier(tmp_path: Path) -> None:
    text, removed = _clean(tmp_path / "generic", None)
    assert "Horaires d'ouverture" not in text
    by = {r.text: r for r in removed}
    assert by["Horaires d'ouverture"].cleaner == "paragraphs" and by["Horaires d'ouverture"].kept_by is None
    text, removed = _clean(tmp_path / "kept", KEEP)
    assert "Horaires d'ouverture" in text.split("\n")
    overruled = [r for r in removed if r.kept_by is not None]
    assert [(r.text, r.cleaner, r.kept_by, r.kept_by_file) for r in overruled] == [
        ("Horaires d'ouverture", "paragraphs", "keep-hours", "rules/sites/example.org.yaml")
    ]
    assert "Les plus lus" not in text  # only the kept line is protected


def test_keep_from_protects_to_the_end_and_wins_over_drop(tmp_path: Path) -> None:
    text, removed = _clean(tmp_path / "from", KEEP_FROM)
    assert text.split("\n\n")[-2:] == ["Horaires d'ouverture", "Les plus lus\n"]
    # both the phrase list and the classifier (reading the page as the output writes it) are overruled
    assert [(r.cleaner, r.kept_by) for r in removed if r.text == "Les plus lus"] == [
        ("related_links", "tail"),
        ("paragraphs", "tail"),
    ]
    text, _ = _clean(tmp_path / "both", DROP_TOO)  # a keep rule wins over the file's own drop rules
    assert "Horaires d'ouverture" in text and "Les plus lus" not in text


def test_kept_by_in_the_table_and_explain(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rules = rules_copy(tmp_path, {"example.org": KEEP})
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "p1.txt").write_text(PAGE, encoding="utf-8")
    manifest = tmp_path / "m.csv"
    manifest.write_text("id,domain\np1,example.org\n", encoding="utf-8")
    out = tmp_path / "out"
    argv = ["run", str(pages), "--out", str(out), "--rules", str(rules), "--manifest", str(manifest)]
    assert main([*argv, "--no-filter"]) == 0
    table = pd.read_parquet(out / "removed.parquet")
    row = table[table["text"] == "Horaires d'ouverture"].iloc[0]
    assert (row["cleaner"], row["kept_by"], row["kept_by_file"]) == (
        "paragraphs",
        "keep-hours",
        "rules/sites/example.org.yaml",
    )
    meta = pd.read_parquet(out / "metadata.parquet").iloc[0]
    assert meta["removed_paragraphs"] == len(
        table[(table["cleaner"] == "paragraphs") & table["kept_by"].isna()]
    )
    capsys.readouterr()
    assert main(["explain", str(pages / "p1.txt"), "--domain", "example.org", "--rules", str(rules)]) == 0
    shown = capsys.readouterr().out
    line = next(x for x in shown.splitlines() if "Horaires" in x)
    assert "kept by site_rules:keep-hours" in line and "over paragraphs:" in line
