"""Behaviours of the cascade that no single cleaner owns: the fixpoint rounds, which metadata wins,
and what a drop_until marker leaves of lines a strip rule trimmed before it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from test_inputs import ARTICLE_EN, html_page
from test_site_rules import site_rules  # noqa: F401  (a fixture)

from dechaff.cleaners.site_rules import SiteRules
from dechaff.core.document import Context, Line
from dechaff.core.outcome import Hit, Outcome, drop_lines
from dechaff.engine.engine import Engine, Settings
from dechaff.engine.pipeline import MAX_ROUNDS, Pipeline
from dechaff.io.inputs import Source
from dechaff.ruleset.loader import RuleBook

from conftest import kept, lines_of


class DropsTheLastLine:
    """A cleaner that takes one line off the end each time it runs: every round removes something."""

    name = "drops_the_last_line"
    phrase_sets = ()

    def clean(self, lines: Sequence[Line], ctx: Context) -> Outcome:
        hits = {len(lines) - 1: Hit("last", "test")} if len(lines) > 1 else {}
        return drop_lines(lines, hits, self.name)


class GapsSeen:
    """Records, per round, whether the lines it is given start a paragraph each."""

    name = "gaps_seen"
    phrase_sets = ()

    def __init__(self) -> None:
        self.rounds: list[list[bool]] = []

    def clean(self, lines: Sequence[Line], ctx: Context) -> Outcome:
        self.rounds.append([line.gap_before for line in lines])
        return Outcome(tuple(lines))


def test_the_cascade_runs_at_most_six_rounds_and_stops_when_nothing_changes(book: RuleBook) -> None:
    pipeline = Pipeline(book.cascade("fr", None))
    gaps = GapsSeen()
    pipeline.cleaners = [DropsTheLastLine(), gaps]
    lines = [Line(no, f"ligne {no}", 0, no == 1) for no in range(1, 11)]
    out = pipeline.clean(lines, Context())
    assert MAX_ROUNDS == 6
    assert [line.text for line in out.lines] == [f"ligne {no}" for no in range(1, 5)]  # six taken off
    assert len(gaps.rounds) == 6
    assert gaps.rounds[0] == [True, *[False] * 8]  # the input's paragraphs, as given
    assert all(all(seen) for seen in gaps.rounds[1:])  # later rounds: each line its own paragraph

    gaps.rounds.clear()
    pipeline.cleaners = [gaps]
    assert pipeline.clean(lines, Context()).lines == tuple(lines)
    assert len(gaps.rounds) == 1  # nothing removed: no second round


def test_fields_the_cascade_finds_beat_the_page_s_metadata(book: RuleBook, tmp_path: Path) -> None:
    head = (
        '<meta name="author" content="Jane Doe"><meta property="og:site_name" content="Example Daily">'
        '<meta property="article:published_time" content="2024-03-05"></head>'
    )
    body = ["By John Smith, City Hall Reporter", "Published March 7, 2024", *ARTICLE_EN]
    page = tmp_path / "page.html"
    page.write_text(html_page("City budget approved", body).replace("</head>", head), encoding="utf-8")
    engine = Engine(book, Settings(quality_filter=False))
    row = engine.process(Source("page", page, kind="html")).row
    assert row["author"] == "John Smith"  # the byline in the text, not <meta name="author">
    assert row["published"] == "2024-03-07"
    assert row["site_name"] == "Example Daily"  # nothing in the text: the page's own
    assert row["title"] == "City budget approved"  # the page's title beats the first line

    page.write_text(html_page("City budget approved", ARTICLE_EN).replace("</head>", head), encoding="utf-8")
    row = engine.process(Source("page", page, kind="html")).row
    assert (row["author"], row["published"]) == ("Jane Doe", "2024-03-05")  # the page fills the gaps


def test_drop_until_takes_whole_the_lines_a_strip_rule_trimmed_before_it(site_rules: SiteRules) -> None:  # noqa: F811
    text = "Mise à jour (mis à jour)\nMenu\nArticle\nLe texte.\n"
    out = site_rules.clean(lines_of(text), Context())
    assert kept(out) == ["Article", "Le texte."]
    first = [r for r in out.removed if r.line_no == 1]
    whole = ("cut-start", "Mise à jour (mis à jour)", 0)
    assert [(r.rule_id, r.text, r.char_start) for r in first] == [whole]
