from __future__ import annotations

from conftest import dropped, kept


def test_teasers_and_glued_navigation(run_cleaner) -> None:
    text = (
        "Le texte sera examiné au Sénat.\n"
        "Lire aussi : Le Sénat rejette la motion\n"
        "À découvrir sur Le Monde +\n"
        "Article précédentLes députés adoptent le budget\n"
        "Article suivantLa réforme repoussée\n"
    )
    assert kept(run_cleaner("related_links", text)) == ["Le texte sera examiné au Sénat."]


def test_english_and_german(run_cleaner) -> None:
    assert kept(run_cleaner("related_links", "Read more: Inflation hits 5%\nNext article\n", lang="en")) == []
    assert kept(run_cleaner("related_links", "Lesen Sie auch: Die Bahn streikt\n", lang="de")) == []
    assert kept(run_cleaner("related_links", "Ähnliche Artikel: Die Bahn streikt wieder\n", lang="de")) == []


def test_sentences_starting_alike_survive(run_cleaner) -> None:
    text = (
        "Lire aussi les conclusions du rapport permet de comprendre l'ampleur du problème, a-t-il ajouté.\n"
        "Article précédemment publié dans la revue, ce texte a été mis à jour.\n"
    )
    assert dropped(run_cleaner("related_links", text)) == []
