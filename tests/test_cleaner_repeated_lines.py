from __future__ import annotations

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


def test_a_numbered_table_of_contents_names_unnumbered_headings(run_cleaner) -> None:
    toc = "Sommaire\n1 Le calendrier\n2 Les outils\n2.1 Les coûts\n\n"
    body = "Le calendrier\nLe texte un.\n\nLes outils\nLe texte deux.\n\nLes coûts\nLe texte trois."
    out = run_cleaner("repeated_lines", toc + body)
    assert [(r.line_no, r.rule_id) for r in out.removed] == [
        (2, "repeated_lines.contents"),
        (3, "repeated_lines.contents"),
        (4, "repeated_lines.contents"),
    ]
    # headings printed with their numbers, as the table prints them: the same table
    numbered = (
        "1. Le calendrier\n2. Les outils\n3. Les coûts\n\n1. Le calendrier\nUn.\n\n2. Les outils\nDeux."
    )
    numbered += "\n\n3. Les coûts\nTrois."
    assert [r.line_no for r in run_cleaner("repeated_lines", numbered).removed] == [1, 2, 3]


def test_an_unnumbered_table_of_contents_names_numbered_headings(run_cleaner) -> None:
    """The other way round: the table lists the headings bare, the text numbers them."""
    toc = "Dans cet article\nLe calendrier\nLes outils\nLes coûts\n\n"
    body = "1. Le calendrier\nLe texte un.\n\n2. Les outils\nLe texte deux.\n\n3. Les coûts\nLe texte trois."
    out = run_cleaner("repeated_lines", toc + body)
    assert [(r.line_no, r.rule_id) for r in out.removed] == [
        (2, "repeated_lines.contents"),
        (3, "repeated_lines.contents"),
        (4, "repeated_lines.contents"),
    ]


def test_a_table_of_contents_names_the_labels_of_its_headings(run_cleaner) -> None:
    """A review's table lists "Design", its heading reads "Design : sobre et bien fini". A data
    sheet's "Écran : OLED" lines right after one another are no headings: the entry names the
    heading after them."""
    toc = "Sommaire\nDesign\nÉcran\nAutonomie\n\n"
    sheet = "Écran : OLED 6,7 pouces\nAutonomie : 4 500 mAh\n\n"
    body = "Design : sobre et bien fini\nLe texte un.\n\nÉcran : le point fort\nLe texte deux.\n\n"
    body += "Autonomie : le point faible\nLe texte trois."
    out = run_cleaner("repeated_lines", toc + sheet + body)
    assert [(r.line_no, r.rule_id) for r in out.removed] == [
        (2, "repeated_lines.contents"),
        (3, "repeated_lines.contents"),
        (4, "repeated_lines.contents"),
    ]


def test_a_table_of_numbered_entries_names_its_steps(run_cleaner) -> None:
    """A tutorial's table "1. Installer rsync" names the heading "Étape 1 : installer rsync"."""
    toc = "Table des matières\n1. Installer rsync\n2. Tester la commande\n3. Planifier la tâche\n\n"
    body = "Étape 1 : installer rsync\nLe texte un.\n\nÉtape 2 : tester la commande\nLe texte deux.\n\n"
    body += "Step 3: planifier la tâche\nLe texte trois."
    out = run_cleaner("repeated_lines", toc + body)
    assert [(r.line_no, r.rule_id) for r in out.removed] == [
        (2, "repeated_lines.contents"),
        (3, "repeated_lines.contents"),
        (4, "repeated_lines.contents"),
    ]
