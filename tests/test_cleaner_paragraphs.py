"""The generic line classifier: menus go, prose stays, whatever stoplist the page was given."""

from __future__ import annotations

from dechaff.cleaners.classifier_core import ClassifierParams, _written_in
from dechaff.text.stoplists import stoplist_for

from conftest import kept

ARTICLE_IS = [
    "Ríkisstjórnin kynnti í gær nýja áætlun um uppbyggingu vegakerfisins á landsbyggðinni til næstu tíu ára.",
    "Samkvæmt áætluninni verður lögð sérstök áhersla á breikkun þjóðvegarins og fækkun einbreiðra brúa.",
    "Ráðherra sagði á fundi með blaðamönnum að framkvæmdirnar myndu skapa hundruð starfa víða um land.",
    "Sveitarstjórnarmenn fögnuðu tíðindunum en bentu jafnframt á að fjármögnun verkefnisins væri óljós.",
]
MENU = ["Forsíða", "Innlent", "Erlent", "Íþróttir", "Viðskipti"]
ARTICLE_EN = [
    "The city council approved on Tuesday a budget that gives more money to schools and to the buses.",
    "The mayor said that the plan would be paid for by savings in other departments and by a new tax.",
    "Several members of the opposition voted against it, saying that the tax would hurt small shops.",
]


def test_a_stoplist_of_another_language_does_not_empty_the_page(run_cleaner) -> None:
    # Icelandic, which langdetect cannot name, judged with the Norwegian stoplist it guesses.
    assert not _written_in(ARTICLE_IS, stoplist_for("no"), ClassifierParams())
    title = "Ný áætlun um vegakerfið kynnt"
    out = kept(run_cleaner("paragraphs", "\n\n".join([*MENU, title, *ARTICLE_IS]), lang="no"))
    assert out == [title, *ARTICLE_IS]


def test_with_the_right_stoplist_menus_go_and_prose_stays(run_cleaner) -> None:
    menu = ["Home", "News", "Sport", "Business", "Weather"]
    assert _written_in(ARTICLE_EN * 2, stoplist_for("en"), ClassifierParams())
    title = "Council approves the budget"
    out = kept(run_cleaner("paragraphs", "\n\n".join([*menu, title, *ARTICLE_EN]), lang="en"))
    assert out == [title, *ARTICLE_EN]


def test_a_page_dumped_as_one_long_line_is_not_judged_as_a_footer_or_a_menu(run_cleaner) -> None:
    # Naive dumps sometimes hold the whole page on one line: its footer's "©" and a few " | "
    # do not make the article boilerplate.
    page = " ".join(["Home | News | Sport", *ARTICLE_EN * 4, "© 2024 The Daily Paper. All rights reserved."])
    assert kept(run_cleaner("paragraphs", page, lang="en")) == [page]


def test_short_copyright_and_menu_lines_still_go(run_cleaner) -> None:
    lines = ["Home | News | Sport | Weather", *ARTICLE_EN, "© 2024 The Daily Paper. All rights reserved."]
    assert kept(run_cleaner("paragraphs", "\n\n".join(lines), lang="en")) == ARTICLE_EN
