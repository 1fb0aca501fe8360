"""Behaviours of the cascade that no single cleaner owns: the fixpoint rounds, which metadata wins,
and what a drop_until marker leaves of lines a strip rule trimmed before it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from test_inputs import ARTICLE_EN, html_page
from test_site_rules import site_rules  # noqa: F401  (a fixture)

from dechaff.cleaners import site_boilerplate
from dechaff.cleaners.base import Origin
from dechaff.cleaners.site_rules import SiteRules
from dechaff.core.document import Context, Line
from dechaff.core.outcome import Hit, Outcome, drop_lines
from dechaff.engine.domains import DomainMatch
from dechaff.engine.engine import Engine, Settings
from dechaff.engine.pipeline import MAX_ROUNDS, Pipeline
from dechaff.engine.rulebook import load_book
from dechaff.io.inputs import Source
from dechaff.ruleset.loader import RuleBook
from dechaff.text.normalise import line_key

from conftest import STORIES, kept, lines_of, prepared, rules_copy


class DropsTheLastLine:
    """A cleaner that takes one line off the end each time it runs: every round removes something."""

    name = "drops_the_last_line"
    phrase_sets = ()
    text_local = False

    def clean(self, lines: Sequence[Line], ctx: Context) -> Outcome:
        hits = {len(lines) - 1: Hit("last", "test")} if len(lines) > 1 else {}
        return drop_lines(lines, hits, self.name)


class GapsSeen:
    """Records, per round, whether the lines it is given start a paragraph each."""

    name = "gaps_seen"
    phrase_sets = ()
    text_local = False

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
    assert [line.text for line in pipeline.clean(lines, Context()).lines] == [line.text for line in lines]
    # nothing removed, but the first round read lines 2-10 as one paragraph: a second round reads
    # them as the output writes them (each its own paragraph), as a second cleaning would
    assert gaps.rounds == [[True, *[False] * 9], [True] * 10]
    gaps.rounds.clear()
    own = [Line(no, f"ligne {no}") for no in range(1, 4)]
    assert pipeline.clean(own, Context()).lines == tuple(own)
    assert len(gaps.rounds) == 1  # nothing removed from paragraphs as written: no second round


def test_a_wrapped_paragraph_kept_whole_is_cleaned_as_it_is_written(book: RuleBook, tmp_path: Path) -> None:
    # Two short lines with no blank between read as one paragraph; the output writes them as two,
    # which a second cleaning reads apart: the first cleaning gives what the second one gives.
    text = (
        "The ferry to the islands leaves from the end of\nthe old pier at the top of every hour of the day.\n"
    )
    engine = Engine(book, Settings(quality_filter=False))
    first = engine.process(Source("a", _write(tmp_path / "a.txt", text))).text or ""
    second = engine.process(Source("b", _write(tmp_path / "b.txt", first))).text or ""
    assert first == second


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


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


def test_a_kept_line_comes_back_whole_and_each_veto_is_recorded(tmp_path: Path) -> None:
    site = 'version: 1\ndomains: [example.org]\nrules:\n  - {id: garde, line: "Menu du jour", action: keep}\n'
    engine = Engine(load_book(rules_copy(tmp_path, {"example.org": site})))
    menu = "Menu du jour"
    page = [STORIES[0], menu, STORIES[1], menu, STORIES[2]]
    out = prepared(engine, "\n\n".join(page) + "\n", "fr", "example.org").clean()
    assert [line.text for line in out.lines] == page
    file = "rules/sites/example.org.yaml"
    assert [line.kept_by for line in out.lines] == [None, ("garde", file), None, ("garde", file), None]
    vetoed = [r for r in out.removed if r.kept_by]
    assert {(r.line_no, r.text) for r in vetoed} == {(7, menu)}
    assert all((r.kept_by, r.kept_by_file) == ("garde", file) for r in vetoed)
    assert [r.cleaner for r in vetoed] == ["repeated_lines"]  # the second copy is kept too
    assert not [r for r in out.removed if r.line_no in (3, 7) and not r.kept_by]


def test_site_boilerplate_drops_the_site_s_repeated_short_lines() -> None:
    cleaner = site_boilerplate.build(
        site_boilerplate.Params(enabled=True, max_words=6), Origin("site.yaml"), ()
    )
    promo = "Abonnez-vous pour lire la suite"
    lines = lines_of(f"{STORIES[0]}\n{promo}\n{STORIES[1]}\n")
    repeated = frozenset({line_key(promo), line_key(STORIES[1])})
    out = cleaner.clean(lines, Context(repeated=repeated))
    assert kept(out) == [STORIES[0], STORIES[1]]  # the story is repeated but too long to be a widget
    assert [(r.text, r.rule_id, r.rule_file) for r in out.removed] == [
        (promo, "site_boilerplate.repeated", "site.yaml")
    ]
    assert kept(cleaner.clean(lines, Context())) == [STORIES[0], promo, STORIES[1]]
    assert cleaner.phrase_sets == ()


def test_warm_compiles_the_text_cascade_of_every_language(book: RuleBook) -> None:
    from dechaff.text import dates

    dates._parser.cache_clear()
    dates.iso_date.cache_clear()
    engine = Engine(book)
    engine.warm()
    # and dateparser's data for each language, which forked workers then share; no answer kept
    assert dates._parser.cache_info().currsize == len({"en", *book.langs})
    assert dates.iso_date.cache_info().currsize == 0
    none = DomainMatch(None, "none", None)
    assert len(engine._pipelines) == 1 + len(book.langs)
    for lang in ("und", *book.langs):
        assert engine.pipeline(lang, none) in engine._pipelines.values()
    assert len(engine._pipelines) == 1 + len(book.langs)  # nothing compiled again


class KeepsOne:
    """A keep rule's effect: the line "keep me" is protected from every later cleaner."""

    name = "keeps_one"
    phrase_sets = ()
    text_local = False

    def clean(self, lines: Sequence[Line], ctx: Context) -> Outcome:
        return Outcome(
            tuple(replace(x, kept_by=("k", "f.yaml")) if x.text == "keep me" else x for x in lines)
        )


class DropsAllBut:
    """Removes every line but "stay": a kept line among them, and one that is not."""

    name = "drops_all_but"
    phrase_sets = ()
    text_local = False

    def clean(self, lines: Sequence[Line], ctx: Context) -> Outcome:
        hits = {i: Hit("all", "test") for i, line in enumerate(lines) if line.text != "stay"}
        return drop_lines(lines, hits, self.name)


def test_a_veto_gives_back_the_kept_line_and_leaves_the_cleaner_s_other_removals(book: RuleBook) -> None:
    pipeline = Pipeline(book.cascade("fr", None))
    pipeline.cleaners, pipeline.keeps = [KeepsOne(), DropsAllBut()], True
    lines = [Line(1, "drop me"), Line(2, "keep me"), Line(3, "stay")]
    out = pipeline.clean(lines, Context())
    assert [(x.no, x.text, x.kept_by) for x in out.lines] == [
        (2, "keep me", ("k", "f.yaml")),
        (3, "stay", None),
    ]
    assert [(r.line_no, r.text, r.cleaner, r.kept_by, r.kept_by_file) for r in out.removed] == [
        (1, "drop me", "drops_all_but", None, None),
        (2, "keep me", "drops_all_but", "k", "f.yaml"),  # recorded once, though vetoed every round
    ]
    pipeline.keeps = False  # a file without keep rules: no guard at all
    assert [x.text for x in pipeline.clean(lines, Context()).lines] == ["stay"]


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 12), st.sets(st.integers(0, 11)))
def test_dropping_lines_keeps_every_other_line_in_order(n: int, picked: set[int]) -> None:
    lines = [Line(no, f"line {no}") for no in range(1, n + 1)]
    hits = {i: Hit(f"c.rule{i}", "rules/x.yaml") for i in picked if i < n}
    out = drop_lines(lines, hits, "c")
    assert out.lines == tuple(line for i, line in enumerate(lines) if i not in hits)
    assert [(r.line_no, r.rule_id) for r in out.removed] == [(i + 1, f"c.rule{i}") for i in sorted(hits)]


def test_a_skipped_cleaner_leaves_the_kept_lines_guarded(book: RuleBook) -> None:
    """A cleaner passed over (its gate closed) counts as one that left the lines as they are:
    a line a keep rule holds is still guarded from the cleaners after it, as when it ran."""
    pipeline = Pipeline(book.cascade("fr", None))
    cookies = next(c for c in pipeline.cleaners if c.name == "cookies")
    lines = [Line(1, "drop me"), Line(2, "keep me", kept_by=("k", "f.yaml")), Line(3, "stay")]
    assert not pipeline.shared.touches((x.text for x in lines), frozenset(), pipeline.gate(cookies))  # type: ignore[arg-type]
    pipeline.cleaners, pipeline.keeps = [cookies, DropsAllBut()], True
    out = pipeline.clean(lines, Context())
    assert [(x.text, x.kept_by) for x in out.lines] == [("keep me", ("k", "f.yaml")), ("stay", None)]
    assert [(r.text, r.kept_by) for r in out.removed] == [("drop me", None), ("keep me", "k")]
