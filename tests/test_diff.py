"""`dechaff diff`: a rule change that shifts a generic decision is reported, line by line, with
the cleaner and rule on each side and the page's F1 on each side."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dechaff.authoring.evaluate import score
from dechaff.cli import main

from conftest import rules_copy

P1 = (
    "Le marché couvert de la ville rouvre ses portes samedi matin après deux années de travaux, et les "
    "commerçants attendent une foule nombreuse pour l'occasion."
)
P2 = (
    "Les halles ont été entièrement repeintes, la toiture a été refaite et de nouveaux étals ont été "
    "installés le long de l'allée centrale, selon la mairie."
)
P3 = (
    "Les habitants pourront aussi profiter d'un parking agrandi et d'une navette gratuite qui relie la "
    "gare au centre-ville toutes les vingt minutes."
)
# A menu line between the first paragraph and the rest costs the classifier's main block more than
# the paragraph weighs: the paragraph is left out, until a site rule removes the menu.
MENU = "Photos du chantier | Vidéo de la visite | Plan du quartier | Accès | Contact | Agenda | Newsletter"
PAGE = "\n\n".join([P1, MENU, "Horaires des navettes", P2, P3])
SITE = f"version: 1\ndomains: [example.org]\nrules:\n  - {{id: photos, line: {MENU!r}}}\n"


@pytest.fixture()
def setup(tmp_path: Path) -> tuple[Path, Path, Path, Path]:
    old = rules_copy(tmp_path / "old")
    new = rules_copy(tmp_path / "new", {"example.org": SITE})
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "p1.txt").write_text(PAGE + "\n", encoding="utf-8")
    (pages / "p2.txt").write_text(f"{P2}\n\n{P3}\n", encoding="utf-8")  # nothing changes here
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "p1.txt").write_text(f"{P1}\n\n{P2}\n\n{P3}\n", encoding="utf-8")
    return old, new, pages, gold


def test_a_shifted_generic_decision_is_reported(setup, capsys: pytest.CaptureFixture[str]) -> None:
    old, new, pages, gold = setup
    argv = ["diff", str(old), str(new), str(pages), "--domain", "example.org", "--gold", str(gold)]
    assert main(argv) == 0
    out = capsys.readouterr().out
    page = out.split("== p1: ")[1]
    assert "== p2" not in out  # a page nothing changed on is not listed
    blocks = {m.group(1)[:20]: m.group(0) for m in re.finditer(r"  \d+: '([^']+)'.*\n.*\n.*\n", page)}
    shifted = blocks[P1[:20]]
    assert "a generic cleaner changed its mind" in shifted
    assert "old: removed by paragraphs:paragraphs.edge (old/rules/_default.yaml)" not in shifted
    assert "old: removed by paragraphs:paragraphs.edge (rules/_default.yaml)" in shifted
    assert "new: kept" in shifted
    assert MENU[:20] not in blocks  # removed on both sides: only the rule changed
    assert "Horaires des navett" not in blocks  # its fate is the same on both sides
    truth = (gold / "p1.txt").read_text(encoding="utf-8")
    before = score(f"Horaires des navettes\n\n{P2}\n\n{P3}", truth).f1
    assert page.startswith(
        f"1 lines changed (and 1 removed on both sides, now by another rule: --all)  F1 {before:.3f} -> "
    )
    assert "2 pages, 1 changed, 1 lines changed (1 by a generic cleaner), 1 removed on both sides" in out
    assert main([*argv, "--all"]) == 0
    ruled = capsys.readouterr().out.split(f"'{MENU}'")[1]
    assert "generic" not in ruled.split("\n")[0]  # the rule's own hit is not a side effect
    assert "new: removed by site_rules:photos (rules/sites/example.org.yaml)" in ruled.split("==")[0]
