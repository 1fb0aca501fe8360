from __future__ import annotations

import pytest

from dechaff.cleaners.base import words
from dechaff.core.document import Context

from conftest import SITE_FILE, cleaner_from, dropped, kept, lines_of


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


def test_a_trail_naming_the_title_below_cuts_the_header_above(run_cleaner) -> None:
    """A dump glues a menu's dropdown into long lines that read as prose; a breadcrumb trail whose
    last crumb starts the next line marks where the article begins, however far down it is."""
    menu = [
        "* Home",
        "* Services“Working with them saved our small company months of effort, and we would do it again.”",
        "* Podcast",
        "* Books“A clear and practical guide that every founder of a small company should read twice.”",
        "* Ask us",
        "* About",
    ]
    text = "\n".join(
        [
            *menu,
            "Home / The harbour reopens after the winter…",
            "The harbour reopens after the winter storms",
            "Boats returned to the quay on Monday morning.",
        ]
    )
    out = run_cleaner("breadcrumbs", text, lang="en")
    assert kept(out) == [
        "The harbour reopens after the winter storms",
        "Boats returned to the quay on Monday morning.",
    ]
    assert {r.rule_id for r in out.removed} >= {"breadcrumbs.above_trail", "breadcrumbs.trail"}


def test_a_trail_that_names_another_line_cuts_nothing(run_cleaner) -> None:
    """Crumbs followed by text they do not announce (a footer's site map, a list of sections) are
    no boundary: the prose above them stays."""
    text = "\n".join(
        [
            "Boats returned to the quay on Monday morning, after a winter of storms.",
            "Fishermen said the season could start a fortnight early this year.",
            "Home / Harbour news / Weather reports",
            "Contact the harbour office for berths and moorings.",
        ]
    )
    assert kept(run_cleaner("breadcrumbs", text, lang="en"))[:2] == text.split("\n")[:2]


def test_each_removal_names_its_rule_and_the_rule_file_of_the_cleaner() -> None:
    """A home crumb names the line of its pattern; a trail and the labels, found without a
    pattern, name their heuristic and the rule file that configured the cleaner."""
    rules = 'version: 1\ncleaners:\n  breadcrumbs:\n    home:\n      - "^Portail( |$)"\n'
    text = (
        "Le Petit Écho\nRégions\nPortail › Sports › Voile\nNouvelles > Monde > Europe > La crise du blé\n"
        "Le port accueille cette semaine la grande course au large."
    )
    out = cleaner_from("breadcrumbs", rules).clean(lines_of(text), Context())
    assert kept(out) == ["Le port accueille cette semaine la grande course au large."]
    assert [(r.line_no, r.cleaner, r.rule_id, r.rule_file) for r in out.removed] == [
        (1, "breadcrumbs", "breadcrumbs.top_labels", SITE_FILE),
        (2, "breadcrumbs", "breadcrumbs.top_labels", SITE_FILE),
        (3, "breadcrumbs", "breadcrumbs.home@5", SITE_FILE),
        (4, "breadcrumbs", "breadcrumbs.trail", SITE_FILE),
    ]
    assert out.fields == {"section": "Voile"}


def test_a_chinese_headline_is_no_label(run_cleaner) -> None:
    """Labels above a title are tiny (a site name, a section); a Chinese headline writes its words
    without spaces, so it is measured as wide as it is on screen, not by its spaces."""
    text = (
        "财经网\n产经频道\n北京工商局抽检出十四种不合格食品 满记甜品上榜\n"
        "北京市工商局今日公布了最新一期的食品抽检结果，共有十四种食品不合格。"
    )
    out = run_cleaner("breadcrumbs", text, lang="zh")
    assert dropped(out) == ["财经网", "产经频道"]


def test_a_three_crumb_trail_above_the_last_line_cuts_the_menus_above_it(run_cleaner) -> None:
    """A trail needs no home crumb when it has three crumbs; the search steps over menu lines with
    separators, looks at the last crumb (its ellipsis and the space before it dropped, a title of
    ten characters is enough) and reaches the line just above the page's last one."""
    text = "\n".join(
        [
            "Shop | Blog | Contact",
            "Our newsletter brings the week's harbour news to your inbox every Friday morning.",
            "News / Harbour / Storm news …",
            "Storm news: the harbour reopens after the winter",
        ]
    )
    out = run_cleaner("breadcrumbs", text, lang="en")
    assert kept(out) == ["Storm news: the harbour reopens after the winter"]
    assert [r.rule_id for r in out.removed] == [
        "breadcrumbs.above_trail",
        "breadcrumbs.above_trail",
        "breadcrumbs.trail",
    ]


def test_two_crumbs_without_home_or_a_short_last_crumb_make_no_trail(run_cleaner) -> None:
    """Two pieces need a home crumb to be a trail, and a last crumb under ten characters is too
    short to name the title: a next line that merely starts alike cuts nothing above."""
    prose = "Boats returned to the quay on Monday morning, after a winter of storms."
    for crumbs, title in [
        ("Weather | The harbour reopens after the winter", "The harbour reopens after the winter storms"),
        ("Home / Boats", "Boats are back in the harbour after the storms."),
    ]:
        text = "\n".join([prose, crumbs, title])
        assert kept(run_cleaner("breadcrumbs", text, lang="en"))[0] == prose


@pytest.mark.parametrize(("n_words", "cut"), [(30, True), (31, False)])
def test_a_trail_has_at_most_thirty_words(run_cleaner, n_words: int, cut: bool) -> None:
    """A longer line with separators is prose (or a glued menu), not a trail, even when its tail
    happens to start the next line: the article is not cut there."""
    tail = " / Harbour news / The harbour reopens after the winter"
    crumbs = " ".join(["Shop"] * (n_words - words("x" + tail) + 1)) + tail
    assert words(crumbs) == n_words
    prose = "Boats returned to the quay on Monday morning, after a winter of storms."
    title = "The harbour reopens after the winter storms"
    out = run_cleaner("breadcrumbs", "\n".join([prose, crumbs, title]), lang="en")
    assert kept(out) == ([title] if cut else [prose, crumbs, title])


def test_a_line_of_separators_alone_is_no_trail(run_cleaner) -> None:
    """A dump keeps a lone bullet or bar of a menu as a line: it has no crumb to compare."""
    text = "Boats returned to the quay on Monday.\n•\nThe season may start a fortnight early this year."
    assert dropped(run_cleaner("breadcrumbs", text, lang="en")) == []


def test_labels_thirty_columns_wide_above_a_single_line_go(run_cleaner) -> None:
    """A label may be 30 columns wide, and one line below the run is enough to tell it is a top."""
    site = "Northern Harbours Gazetteering"  # 3 words, 30 characters
    assert len(site) == 30
    text = f"{site}\nSport\nLe club remporte la coupe de France après prolongation"
    assert dropped(run_cleaner("breadcrumbs", text)) == [site, "Sport"]


def test_two_section_names_are_a_trail(run_cleaner) -> None:
    """ "Économie > Impôts" under the menus: two capitalised names of three words at most. A
    sentence or a comparison with a separator is no trail."""
    out = run_cleaner("breadcrumbs", "Économie > Impôts\nLe titre de l'article sur les impôts\nLe texte.")
    assert dropped(out) == ["Économie > Impôts"]
    for line in ("Prix > 5 euros", "Les ventes > les achats", "Le solde › Fin de mois difficile pour tous"):
        assert dropped(run_cleaner("breadcrumbs", f"{line}\nLe titre de l'article\nLe texte.")) == []
