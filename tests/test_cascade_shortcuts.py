"""The pipeline's shortcuts change no outcome: the quiet texts (no phrase of the pipeline matches)
that phrase cleaners skip, later rounds skipping a text-local cleaner whose every line it has
already left unchanged, and a gated cleaner skipped where none of its gate lists matches a line.
Each is checked against the cascade without it."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace

import pytest

from dechaff.core.document import Context, Line
from dechaff.core.outcome import Hit, Outcome, Removal, cut_edge
from dechaff.engine.engine import normalise
from dechaff.engine.pipeline import Pipeline
from dechaff.engine.rulebook import load_book
from dechaff.text.stoplists import stoplist_for

from conftest import ROOT, SHARED

BOOK = load_book(None)
MADE_UP = [
    "Accepter les cookies",
    "Nous utilisons des cookies pour améliorer votre expérience.",
    "Tout accepter",
    "Lire aussi : le tram 9 prolongé",
    "Photo : AFP",
    "Par Jean Dupont",
    "Publié le 12/03/2023 à 10h",
    "Vos réactions",
    "Partager",
    "Accueil > Monde > Europe",
    "La Région bruxelloise a confirmé mardi le prolongement de la ligne de tram 9 jusqu'au Heysel.",
    "Le chantier doit commencer au printemps, selon la ministre de la Mobilité. Lire la suite",
    "Histoire",
    "[modifier | modifier le code]",  # an encyclopedia's edit link (ui_tokens' anchors)
    "Par",  # a byline's label, the name on the next line
    "Sophie Rieux",
    "À propos de l'auteur",  # an author's box
    "Sophie Rieux est journaliste à Bruxelles depuis 2010.",
    "Live",  # a live feed's marker (the default rules'), its items under it
    "10:42",
    "Le tram 9 circule de nouveau",
    "10:15",
    "Trafic interrompu sur la ligne",
]


def _documents() -> list[list[Line]]:
    paths = sorted((ROOT / "seeds").glob("*.txt"))
    if (SHARED / "devset" / "dumps").is_dir():
        paths += sorted((SHARED / "devset" / "dumps").glob("*.txt"))[::4]
    docs = [normalise("\n".join(MADE_UP), 100_000)[0]]
    docs += [normalise(p.read_text(encoding="utf-8", errors="replace"), 100_000)[0] for p in paths]
    return docs


DOCS = _documents()


@pytest.mark.parametrize("lang", ["fr", "en", "de"])
def test_skipping_quiet_texts_changes_no_cleaner_outcome(lang: str) -> None:
    pipeline = Pipeline(BOOK.cascade(lang, None))
    ctx = Context("doc", lang, stopwords=stoplist_for(lang))
    for lines in DOCS:
        quiet = pipeline.shared.quiet(line.text for line in lines)
        assert quiet  # most lines match no phrase at all
        for cleaner in pipeline.cleaners:
            assert cleaner.clean(lines, replace(ctx, quiet=quiet)) == cleaner.clean(lines, ctx), cleaner.name


def test_a_text_local_cleaner_leaves_a_text_it_kept_unchanged_anywhere() -> None:
    pipeline = Pipeline(BOOK.cascade("fr", None))
    ctx = Context("doc", "fr", stopwords=stoplist_for("fr"))
    rng = random.Random(3)
    local = [c for c in pipeline.cleaners if c.text_local]
    assert {c.name for c in local} >= {"related_links", "bylines", "ui_tokens"}
    for cleaner in local:
        for lines in DOCS[:8]:
            inputs = {line.text for line in lines}
            kept = [line for line in cleaner.clean(lines, ctx).lines if line.text in inputs]
            moved = [replace(line, gap_before=rng.random() < 0.5) for line in rng.sample(kept, len(kept))]
            assert cleaner.clean(moved, ctx).lines == tuple(moved), cleaner.name


def test_the_cascade_is_the_same_without_the_shortcuts(monkeypatch: pytest.MonkeyPatch) -> None:
    fast = {}
    for lang in ("fr", "en"):
        pipeline = Pipeline(BOOK.cascade(lang, None))
        ctx = Context("doc", lang, stopwords=stoplist_for(lang))
        fast[lang] = [pipeline.clean(lines, ctx) for lines in DOCS]
    monkeypatch.setattr("dechaff.ruleset.patterns.SharedSet.quiet", lambda self, texts: frozenset())
    monkeypatch.setattr("dechaff.ruleset.patterns.SharedSet.touches", lambda self, texts, quiet, at: True)
    for lang in ("fr", "en"):
        pipeline = Pipeline(BOOK.cascade(lang, None))
        for cleaner in pipeline.cleaners:
            if cleaner.text_local:
                monkeypatch.setattr(cleaner, "text_local", False, raising=False)
        ctx = Context("doc", lang, stopwords=stoplist_for(lang))
        assert [pipeline.clean(lines, ctx) for lines in DOCS] == fast[lang]


def _gated(lang: str) -> tuple[Pipeline, list[object]]:
    pipeline = Pipeline(BOOK.cascade(lang, None))
    return pipeline, [c for c in pipeline.cleaners if pipeline.gate(c) is not None]


@pytest.mark.parametrize("lang", ["fr", "en", "de"])
def test_a_gated_cleaner_changes_nothing_where_none_of_its_gate_lists_matches(lang: str) -> None:
    """Each page with every line a gate list matches taken out (so that the cleaner's other lists
    and its neighbours' rules still meet their lines): the cleaner leaves it as it is."""
    pipeline, gated = _gated(lang)
    assert {c.name for c in gated} == {
        "cookies",
        "comments",
        "live_feed",
        "related_links",
        "bylines",
        "ui_tokens",
    }  # type: ignore[attr-defined]
    ctx = Context("doc", lang, stopwords=stoplist_for(lang))
    closed = 0
    for cleaner in gated:
        gate = pipeline.gate(cleaner)  # type: ignore[arg-type]
        assert gate
        for lines in DOCS:
            quiet = pipeline.shared.quiet(line.text for line in lines)
            rest = [x for x in lines if not pipeline.shared.touches([x.text], quiet, gate)]  # type: ignore[arg-type]
            assert not pipeline.shared.touches((x.text for x in rest), quiet, gate)  # type: ignore[arg-type]
            closed += len(rest) < len(lines)
            out = cleaner.clean(rest, replace(ctx, quiet=quiet))  # type: ignore[attr-defined]
            assert (out.lines, out.removed, out.fields, out.measures, out.attached) == (
                tuple(rest),
                (),
                {},
                {},
                frozenset(),
            ), cleaner.name  # type: ignore[attr-defined]
    assert closed  # pages where a gate was open before its lines went


def test_the_made_up_page_opens_every_gate() -> None:
    pipeline, gated = _gated("fr")
    lines = DOCS[0]
    quiet = pipeline.shared.quiet(line.text for line in lines)
    for cleaner in gated:
        assert pipeline.shared.touches((x.text for x in lines), quiet, pipeline.gate(cleaner))  # type: ignore[arg-type]


class _Trimmer:
    """A cleaner that cuts "Xyz " off the start of a line: its rest is a text no round began with."""

    name = "trimmer"
    text_local = False
    gate_sets = None
    phrase_sets = ()
    rounds = 0

    def clean(self, lines: Sequence[Line], ctx: Context) -> Outcome:
        self.rounds += 1
        kept: list[Line] = []
        removed: list[Removal] = []
        for line in lines:
            if line.text.startswith("Xyz "):
                line, cut = cut_edge(line, 0, 4, self.name, Hit("trimmer.xyz", "test"))
                removed.append(cut)
            kept.append(line)
        return Outcome(tuple(kept), tuple(removed))


def test_a_gate_sees_the_lines_a_cleaner_before_it_changed_in_the_same_round() -> None:
    """Cookies (its gate closed), then a cleaner that trims a line into a comment prompt, then
    comments: its gate opens on the trimmed text, which the round's quiet texts never held."""
    pipeline = Pipeline(BOOK.cascade("fr", None))
    by_name = {c.name: c for c in pipeline.cleaners}  # type: ignore[attr-defined]
    trimmer = _Trimmer()
    pipeline.cleaners = [by_name["cookies"], trimmer, by_name["comments"]]  # type: ignore[list-item]
    page = "Xyz Vos réactions\nLa Région bruxelloise a confirmé mardi le prolongement du tram."
    lines = normalise(page, 1000)[0]
    ctx = Context("doc", "fr", stopwords=stoplist_for("fr"))
    assert not pipeline.shared.touches(["Xyz Vos réactions"], frozenset(), pipeline.gate(by_name["comments"]))  # type: ignore[arg-type]
    out = pipeline.clean(lines, ctx)
    assert [(r.cleaner, r.text) for r in out.removed] == [("trimmer", "Xyz"), ("comments", "Vos réactions")]
    assert trimmer.rounds == 2  # both went in the first round; the second found nothing more
