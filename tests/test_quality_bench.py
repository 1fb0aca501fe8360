"""`dechaff bench --signals` measures what it says on real documents (the numbers themselves are
machine-dependent and are not asserted, only that every part was timed); `bench --quality`
reports, page by page, what the quality targets need."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dechaff.bench import quality, speed
from dechaff.bench.devset import pages
from dechaff.engine.engine import DocResult, Engine
from dechaff.ruleset.loader import RuleBook

from conftest import ROOT


def test_signal_cost_on_the_seeds(book: RuleBook) -> None:
    root, files = speed.corpus_files(None, Path("/nonexistent"))
    assert root == ROOT / "seeds" and len(files) == 5
    cost = speed.measure(Engine(book), files, repeats=1)
    assert cost.documents == 5 and cost.repeats == 1
    assert cost.process > cost.cascade > 0 and cost.signals > 0 and cost.signature > 0
    assert cost.ratio == pytest.approx(cost.signals / cost.cascade)
    assert "signals / cascade:" in speed.report(cost, root)


def test_a_document_the_engine_fails_on_stops_the_bench(book: RuleBook, tmp_path: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()  # unreadable as a file: error:read
    with pytest.raises(RuntimeError, match="error:read"):
        speed.measure(Engine(book), [folder], repeats=1)


# --- bench --quality: a two-page dev set written for the test ----------------------------------

ARTICLE = [
    "The town council voted on Tuesday to rebuild the old footbridge over the river before next winter.",
    "Engineers had warned for years that the wooden deck was rotting and could not carry many more crowds.",
    "The new bridge will be made of steel and should open in November, the mayor told the local paper.",
    "Residents who cross it every morning to reach the station said they were relieved by the decision.",
    "Work starts in the spring and the council expects the whole project to cost about two million euros.",
]
MENU = ["Home", "News", "Sport", "Weather", "Contact us", "© 2024 Example Media. All rights reserved."]


def _devset(root: Path) -> None:
    for folder in ("dumps", "html", "gold"):
        (root / folder).mkdir(parents=True)
    index = []
    for pid, body in (("bridge", ARTICLE), ("bridge-short", ARTICLE[:2])):
        dump = "\n".join(MENU[:5] + body + MENU[5:]) + "\n"
        (root / "dumps" / f"{pid}.txt").write_text(dump, encoding="utf-8")
        page = "".join(f"<li><a href='/x'>{m}</a></li>" for m in MENU[:5])
        article = "".join(f"<p>{line}</p>" for line in body)
        (root / "html" / f"{pid}.html").write_text(
            f"<html><body><nav><ul>{page}</ul></nav><article><h1>Bridge</h1>{article}</article>"
            f"<footer>{MENU[5]}</footer></body></html>",
            encoding="utf-8",
        )
        (root / "gold" / f"{pid}.txt").write_text("\n\n".join(body) + "\n", encoding="utf-8")
        index.append(f'{{"id": "{pid}", "lang": "en", "domain": "example.org", "has_gold": true}}')
    index.append('{"id": "no-gold", "lang": "en", "has_gold": false}')
    (root / "index.jsonl").write_text("\n".join(index) + "\n", encoding="utf-8")


def test_quality_bench_scores_both_paths_page_by_page(book: RuleBook, tmp_path: Path) -> None:
    _devset(tmp_path)
    selected = pages(tmp_path)
    assert [p.id for p in selected] == ["bridge", "bridge-short"] and selected[0].site == "example.org"
    engine = Engine(book)
    scores = quality.measure(selected, engine)
    full, short = scores
    assert full.dump.f1 == pytest.approx(1.0) and full.dump.status == "ok"
    assert full.html.f1 > 0.9 and full.html.extractor == "trafilatura/first" and full.trafilatura > 0.9
    # 36 words are under Gopher's 50: the default run drops the page, F1 is scored all the same
    assert short.dump.status == "dropped:gopher_short_doc" and short.dump.f1 == pytest.approx(1.0)
    text = quality.report(scores, tmp_path, engine)
    assert "  all      2  1.0000" in text and "  en       2  1.0000" in text
    assert "HTML path within trafilatura alone - 0.10: 2/2 (100.0%)" in text
    assert "pages below F1 0.5: dump 0/2 (0.0%)" in text
    assert "dump 1/2 (50.0%) [gopher_short_doc 1]" in text
    assert "output lines not found in what the cascade read: dump 0, html 0" in text


def test_quality_bench_lists_pages_that_moved(book: RuleBook, tmp_path: Path) -> None:
    _devset(tmp_path)
    scores = quality.measure(pages(tmp_path), Engine(book))
    before = json.loads(json.dumps(quality.to_json(scores, tmp_path)))
    before["pages"][0]["dump"]["f1"] = 0.5
    before["pages"][1]["html"]["status"] = "ok"
    text = quality.changes(before, scores)
    assert "dump: 2 pages in both runs, mean F1 0.7500 -> 1.0000; 1 better, 0 worse" in text
    assert "  better bridge: 0.500 -> 1.000" in text
    assert f"  status bridge-short: ok -> {scores[1].html.status}" in text
    assert "bridge-short: " not in text.split("html:")[0].replace("status bridge-short", "")


def test_an_output_line_not_in_the_input_is_counted() -> None:
    row: dict[str, object] = {}
    honest = DocResult(row, "kept line\nalso kept", (), "first kept line here\nalso  kept\n")
    assert quality.foreign_lines(honest) == 0  # "also  kept" is normalised to one space
    invented = DocResult(row, "kept line\nwritten by the cleaner", (), "first kept line here\n")
    assert quality.foreign_lines(invented) == 1
