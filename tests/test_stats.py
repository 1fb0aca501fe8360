"""`dechaff stats`: hits per cleaner and rule, dead rules, sites with leftovers."""

from __future__ import annotations

from pathlib import Path

import pytest

from dechaff.cli import main

from conftest import STORIES, rules_copy

SITE = """version: 1
domains: [example.org]
rules:
  - {id: never-there, line: "Ce texte n'apparaît jamais"}
  - {id: menu, line: Menu}
"""


def test_stats_on_a_small_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rules = rules_copy(tmp_path, {"example.org": SITE})
    pages = tmp_path / "pages"
    pages.mkdir()
    for i, story in enumerate(STORIES, 1):
        promo = (
            "Retrouvez chaque matin notre sélection d'articles en vous inscrivant gratuitement sur le site."
        )
        (pages / f"p{i}.txt").write_text(
            f"Menu\n{story}\n{promo}\n{story[:40]} et la suite.\n", encoding="utf-8"
        )
    manifest = tmp_path / "m.csv"
    manifest.write_text("id,domain\np1,example.org\np2,example.org\np3,example.org\n", encoding="utf-8")
    out = tmp_path / "out"
    run = ["run", str(pages), "--out", str(out), "--rules", str(rules), "--manifest", str(manifest)]
    assert main([*run, "--no-filter"]) == 0
    capsys.readouterr()
    assert main(["stats", str(out), "--rules", str(rules), "--top", "1000"]) == 0
    out_text = capsys.readouterr().out
    assert "3 documents" in out_text
    per_rule = out_text.split("per rule")[1].split("dead rules")[0]
    assert "menu" in per_rule and "rules/sites/example.org.yaml" in per_rule
    dead = out_text.split("dead rules")[1].split("sites with")[0]
    assert "rules/sites/example.org.yaml:4: never-there" in dead
    assert "menu" not in dead.split("example.org.yaml")[-1].split("\n")[0]
    residual = out_text.split("sites with the most residual noise")[1]
    assert "example.org: 1.0 per page over 3 pages" in residual and "Retrouvez chaque matin" in residual


def test_stats_of_one_site_lists_its_rules_apart(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rules = rules_copy(tmp_path, {"example.org": SITE})
    pages = tmp_path / "pages"
    pages.mkdir()
    for i, story in enumerate(STORIES, 1):
        (pages / f"p{i}.txt").write_text(f"Menu\nS'abonner\n{story}\n", encoding="utf-8")
    (pages / "other.txt").write_text(f"Menu\n{STORIES[0]}\n", encoding="utf-8")
    manifest = tmp_path / "m.csv"
    rows = "".join(f"p{i},example.org\n" for i in (1, 2, 3)) + "other,other.example\n"
    manifest.write_text("id,domain\n" + rows, encoding="utf-8")
    out = tmp_path / "out"
    run = ["run", str(pages), "--out", str(out), "--rules", str(rules), "--manifest", str(manifest)]
    assert main([*run, "--no-filter"]) == 0
    capsys.readouterr()
    assert main(["stats", str(out), "--rules", str(rules), "--site", "www.example.org"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("example.org: 3 pages, 6 lines or spans removed")
    own, generic = text.split("rules of rules/sites/example.org.yaml")[1].split("generic cleaners")
    assert "example.org.yaml:4: never-there: 0 pages, 0 lines  DEAD" in own
    assert "example.org.yaml:5: menu: 3 pages, 3 lines\n" in own
    assert "_default.yaml" not in own and "ui_tokens" not in own  # the generic defaults stay apart
    assert "ui_tokens" in generic.split("lines still repeated")[0]
    assert main(["stats", str(out), "--rules", str(rules), "--site", "nowhere.example"]) == 1
    assert "no page of nowhere.example" in capsys.readouterr().out
