from __future__ import annotations

from conftest import dropped, kept


def test_breadcrumb_with_truncated_title_gives_section(run_cleaner) -> None:
    text = (
        "Accueil Monde Europe La Commission propose un nouveau pacte sur...\n\n"
        "La Commission propose un nouveau pacte sur la migration\n\n"
        "Bruxelles a présenté mercredi son projet."
    )
    out = run_cleaner("breadcrumbs", text)
    assert kept(out) == [
        "La Commission propose un nouveau pacte sur la migration",
        "Bruxelles a présenté mercredi son projet.",
    ]
    assert out.fields["section"] == "Monde Europe"


def test_separated_breadcrumb(run_cleaner) -> None:
    out = run_cleaner(
        "breadcrumbs", "Home › Sport › Football\nThe final ends in a draw after extra time.", lang="en"
    )
    assert kept(out) == ["The final ends in a draw after extra time."]
    assert out.fields["section"] == "Football"


def test_site_skip_crumbs(run_cleaner) -> None:
    text = (
        "Accueil Dernières minutes L'Economie La BCE relève ses taux pour la...\n"
        "La BCE relève ses taux pour la troisième fois"
    )
    assert run_cleaner("breadcrumbs", text, site="cinktank.com").fields["section"] == "L'Economie"


def test_top_labels_dropped(run_cleaner) -> None:
    out = run_cleaner("breadcrumbs", "MonJournal\nSport\n\nLe club remporte la coupe de France\n\nUn texte.")
    assert dropped(out) == ["MonJournal", "Sport"]


def test_title_and_sentences_starting_with_home_survive(run_cleaner) -> None:
    text = (
        "Brexit\n\nHome Office plans new visa rules for students.\n\n"
        "Accueil des réfugiés: la ville ouvre un centre."
    )
    assert dropped(run_cleaner("breadcrumbs", text, lang="en")) == []
