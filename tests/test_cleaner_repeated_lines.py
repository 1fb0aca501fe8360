from __future__ import annotations

import pytest

from conftest import dropped


def test_repeated_title_keeps_first(run_cleaner) -> None:
    out = run_cleaner("repeated_lines", "Le titre\n\nLe titre\nUn paragraphe.\nle TITRE")
    assert [r.line_no for r in out.removed] == [3, 5]


def test_distinct_lines_survive(run_cleaner) -> None:
    assert dropped(run_cleaner("repeated_lines", "Le titre\nLe titre, suite\n'\n'")) == []


def test_a_table_of_contents_goes_and_the_headings_it_lists_stay(run_cleaner) -> None:
    toc = "Sommaire\nLe calendrier\nLes outils\nLes coûts\n\n"
    body = "Le calendrier\nLe texte un.\n\nLes outils\nLe texte deux.\n\nLes coûts\nLe texte trois."
    body += "\nLe calendrier"
    out = run_cleaner("repeated_lines", toc + body)
    assert [(r.line_no, r.rule_id) for r in out.removed] == [
        (2, "repeated_lines.contents"),
        (3, "repeated_lines.contents"),
        (4, "repeated_lines.contents"),
        (14, "repeated_lines.duplicate"),  # a third copy is a duplicate as before
    ]
    # two entries are no table; a menu printed again as a block (the footer's) goes as before
    two = run_cleaner(
        "repeated_lines", "Le calendrier\nLes outils\n\nLe calendrier\nUn.\n\nLes outils\nDeux."
    )
    assert [r.line_no for r in two.removed] == [4, 7]
    menu = "Accueil\nSport\nCulture\nÉconomie\nLe texte de la page.\nAccueil\nSport\nCulture\nÉconomie"
    assert [r.line_no for r in run_cleaner("repeated_lines", menu).removed] == [6, 7, 8, 9]


def test_a_table_of_contents_entry_is_a_heading_not_a_paragraph(run_cleaner) -> None:
    long = "Le calendrier de la réforme est progressif et toutes les entreprises devront s'y plier"
    text = f"{long}\nLes outils\nLes coûts\n\n{long}\nUn.\n\nLes outils\nDeux.\n\nLes coûts\nTrois."
    # a first entry of more than `contents_words` words: no table of three, the copies go as before
    assert [r.rule_id for r in run_cleaner("repeated_lines", text).removed] == [
        "repeated_lines.duplicate"
    ] * 3


_ENTRIES = [(2, "repeated_lines.contents"), (3, "repeated_lines.contents"), (4, "repeated_lines.contents")]


@pytest.mark.parametrize(
    ("toc", "body"),
    [
        # a numbered table names unnumbered headings
        (
            "Sommaire\n1 Le calendrier\n2 Les outils\n2.1 Les coûts\n\n",
            "Le calendrier\nLe texte un.\n\nLes outils\nLe texte deux.\n\nLes coûts\nLe texte trois.",
        ),
        # the other way round: the table lists the headings bare, the text numbers them
        (
            "Dans cet article\nLe calendrier\nLes outils\nLes coûts\n\n",
            "1. Le calendrier\nUn.\n\n2. Les outils\nDeux.\n\n3. Les coûts\nTrois.",
        ),
        # a review's table names its headings by their label ("Design : sobre et bien fini"); a
        # data sheet's "Écran : OLED" lines right after one another are no headings
        (
            "Sommaire\nDesign\nÉcran\nAutonomie\n\nÉcran : OLED 6,7 pouces\nAutonomie : 4 500 mAh\n\n",
            "Design : sobre et bien fini\nUn.\n\nÉcran : le point fort\nDeux.\n\n"
            "Autonomie : le point faible\nTrois.",
        ),
        # a tutorial's "1. Installer rsync" names its step "Étape 1 : installer rsync"
        (
            "Table des matières\n1. Installer rsync\n2. Tester la commande\n3. Planifier la tâche\n\n",
            "Étape 1 : installer rsync\nUn.\n\nÉtape 2 : tester la commande\nDeux.\n\n"
            "Step 3: planifier la tâche\nTrois.",
        ),
    ],
)
def test_a_table_of_contents_names_headings_numbered_or_labelled(run_cleaner, toc: str, body: str) -> None:
    """The entries go, the headings they name stay, whichever of the two has a number or a label."""
    out = run_cleaner("repeated_lines", toc + body)
    assert [(r.line_no, r.rule_id) for r in out.removed] == _ENTRIES


def test_a_table_printed_with_the_headings_numbers(run_cleaner) -> None:
    """Headings printed with their numbers, as the table prints them: the same table."""
    numbered = (
        "1. Le calendrier\n2. Les outils\n3. Les coûts\n\n1. Le calendrier\nUn.\n\n2. Les outils\nDeux."
    )
    numbered += "\n\n3. Les coûts\nTrois."
    assert [r.line_no for r in run_cleaner("repeated_lines", numbered).removed] == [1, 2, 3]


def test_a_guest_list_is_no_table_of_a_transcript(run_cleaner) -> None:
    """A debate's guests, then the transcript's paragraphs that open with their names: a label is
    a heading's only on a short line."""
    guests = "Anne Morel\nPaul Girard\nLucie Bernard\n\n"
    said = " ".join(["Je crois que la question est mal posée, et que le débat mérite mieux."] * 2)
    transcript = "\n\n".join(f"{name} : {said}" for name in ("Anne Morel", "Paul Girard", "Lucie Bernard"))
    assert dropped(run_cleaner("repeated_lines", guests + transcript)) == []


def test_a_pull_quote_that_repeats_the_text_goes(run_cleaner) -> None:
    """A line that is only a quotation, under the first paragraph, whose words a paragraph holds:
    a pull quote. A shorter one is a subheading that quotes the text, and a headline may quote
    it too: they stay."""
    answer = (
        "Oui, entre minuit et trois heures du matin, dans ma cuisine, et les voisins dormaient. Quand on "
        "est arrivés en studio, j'ai essayé de chanter plus fort, et ça sonnait faux, alors on a tout "
        "enregistré à voix basse, la nuit, pendant deux semaines."
    )
    title = "« Quand on est arrivés en studio, j'ai essayé de chanter plus fort, et ça sonnait faux »"
    pull = "« Quand on est arrivés en studio, j'ai essayé de chanter plus fort, et ça sonnait faux. »"
    heading = "« Ça sonnait faux »"
    out = run_cleaner("repeated_lines", "\n".join([title, answer, pull, heading, "Une autre question ?"]))
    assert dropped(out) == [pull]


def test_a_quote_printed_twice_and_one_the_headline_holds_are_no_pull_quotes(run_cleaner) -> None:
    """A quotation printed twice: the first copy stays (the second is a duplicate), a copy is no
    paragraph that holds it. A quotation whose words only the headline holds stays. A page of
    many quotations is a collection of quotes: none is a pull quote."""
    body = " ".join(
        ["Le conseil municipal a voté mardi soir le budget de la commune pour l'année prochaine."] * 3
    )
    quote = "« Nous avons tenu notre promesse envers les familles du quartier nord et nous en sommes fiers »"
    out = run_cleaner("repeated_lines", "\n".join([body, quote, "Le texte suit.", quote]))
    assert dropped(out) == [quote] and [r.rule_id for r in out.removed] == ["repeated_lines.duplicate"]
    headline = f"Le maire : {quote}, dit-il"
    assert dropped(run_cleaner("repeated_lines", "\n".join([headline, body, quote, "Le texte suit."]))) == []
    many = [
        f"« Citation numéro {k} de la semaine, choisie par la rédaction parmi vos envois »" for k in range(25)
    ]
    held = body + " " + " ".join(q.strip("« »") for q in many)
    assert dropped(run_cleaner("repeated_lines", "\n".join([held, *many]))) == []
