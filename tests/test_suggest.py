"""`dechaff suggest`: rules learned from some pages of a site improve F1 on its other pages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from dechaff.authoring.evaluate import score
from dechaff.authoring.suggest import Suggestion, extend
from dechaff.cli import main
from dechaff.engine.engine import Engine, Settings
from dechaff.engine.rulebook import load_book
from dechaff.io.source import Source

from conftest import ROOT, STORIES

SITES = ("medportal.ru", "blogs.wsj.com")  # dev-set sites with 3-4 article pages each


def _pages(devset: Path, domain: str) -> list[str]:
    rows = [json.loads(line) for line in (devset / "index.jsonl").read_text(encoding="utf-8").splitlines()]
    return sorted(r["id"] for r in rows if r["domain"] == domain and r["has_gold"])


@pytest.mark.parametrize("domain", SITES)
def test_rules_learned_on_some_pages_help_the_others(shared: Path, tmp_path: Path, domain: str) -> None:
    devset = shared / "devset"
    pages = _pages(devset, domain)
    assert len(pages) >= 3
    generic = Engine(load_book(None), Settings(quality_filter=False))
    before, after = [], []
    for held in pages:
        rules = tmp_path / held / "rules"
        shutil.copytree(ROOT / "rules", rules)
        train = tmp_path / held / "train"
        train.mkdir()
        for page in pages:
            if page != held:
                shutil.copy(devset / "dumps" / f"{page}.txt", train)
        assert main(["suggest", str(train), "--domain", domain, "--rules", str(rules), "--write"]) == 0
        written = (rules / "sites" / f"{domain}.yaml").read_text(encoding="utf-8")
        assert "suggested: true" in written
        learned = Engine(load_book(rules), Settings(quality_filter=False))
        dump = devset / "dumps" / f"{held}.txt"
        gold = (devset / "gold" / f"{held}.txt").read_text(encoding="utf-8")
        before.append(score(generic.process(Source(held, dump)).text or "", gold).f1)
        after.append(score(learned.process(Source(held, dump, domain=domain)).text or "", gold).f1)
    assert sum(after) / len(after) > sum(before) / len(before)
    assert all(a >= b - 0.01 for a, b in zip(after, before, strict=True))


def test_draft_on_made_up_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for i, story in enumerate(STORIES, 1):
        promo = f"Newsletter du {i} mars 2024 : inscrivez-vous pour recevoir nos articles chaque matin"
        text = f"{story}\n{promo}\n{story.replace('.', ', selon la préfecture.')}\n"
        (tmp_path / f"page{i}.txt").write_text(text, encoding="utf-8")
    assert main(["suggest", str(tmp_path), "--domain", "example.org"]) == 0
    out = capsys.readouterr().out
    assert "# example.org: 3 pages, 1 suggested rules" in out
    assert (
        '"^Newsletter du \\\\d+ mars \\\\d+ : inscrivez-vous pour recevoir nos articles chaque matin$"' in out
    )
    assert "in 3/3 pages" in out and "maire" not in out.split("e.g.")[0]


def test_extend_keeps_comments_and_rules() -> None:
    text = "# a site\nversion: 1\nrules:\n  - id: old\n    line: Menu\n\nexamples: []\n"
    new = Suggestion("s-pub", "line", "Pub", "drop", None, 2, 3, 3, "Pub")
    out = extend(text, [new])
    assert out.startswith("# a site\nversion: 1\nrules:\n  - id: old\n    line: Menu\n  - {")
    assert out.rstrip().endswith("examples: []")
    assert extend(out, [new]) == out  # already there: not added twice
