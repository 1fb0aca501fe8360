from __future__ import annotations

from conftest import dropped, kept


def test_byline_with_agency_goes_to_metadata(run_cleaner) -> None:
    out = run_cleaner("bylines", "Le texte de l'article.\nMélanie Rostagnat avec AFP")
    assert kept(out) == ["Le texte de l'article."]
    assert out.fields["author"] == "Mélanie Rostagnat"


def test_par_byline_and_dateline(run_cleaner) -> None:
    out = run_cleaner("bylines", "Par Jean-Pierre Durand\nLyon :, 12 mars (Cinktank.com) –\nLe texte.")
    assert kept(out) == ["Le texte."]
    assert out.fields["author"] == "Jean-Pierre Durand"
    assert out.fields["dateline"] == "Lyon :, 12 mars (Cinktank.com) –"


def test_published_line(run_cleaner) -> None:
    out = run_cleaner("bylines", "Publié le 05/01/2020 à 14h32\nLe texte.")
    assert out.fields["published"] == "05/01/2020 à 14h32"


def test_sentences_survive(run_cleaner) -> None:
    text = (
        "Par ailleurs, le gouvernement a confirmé la mesure.\n"
        "Emmanuel Macron avec Angela Merkel\n"
        "By the end of the year, prices had doubled.\n"
    )
    assert dropped(run_cleaner("bylines", text)) == []
