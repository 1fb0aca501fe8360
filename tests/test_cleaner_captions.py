from __future__ import annotations

from conftest import dropped, kept


def test_caption_then_caption_with_credit(run_cleaner) -> None:
    text = (
        "Un manifestant devant le Parlement, le 4 mai 2021\n\n"
        "Un manifestant devant le Parlement, le 4 mai 2021 - Thomas SAMSON / AFP\n\n"
        "Le texte a été adopté en première lecture."
    )
    assert kept(run_cleaner("captions", text)) == ["Le texte a été adopté en première lecture."]


def test_copyright_agency_and_image_file_lines(run_cleaner) -> None:
    text = (
        "© AFP 2023 Jean Martin\nPhotoNews\nReuters\nIMG_2041-1000w_q95.jpg\n"
        "Le match s'est terminé sur un nul."
    )
    assert kept(run_cleaner("captions", text)) == ["Le match s'est terminé sur un nul."]


def test_site_caption_and_glued_related_title(run_cleaner) -> None:
    text = (
        "Des ouvriers sur un chantier - Le Journal\n"
        "Le bâtiment recrute encore\n\n"
        "Le secteur cherche des milliers de candidats.\n\n"
        "Une grue à Lyon - Le Journal\n"
        "Lyon lance un nouveau quartier\n\n"
        "Les travaux commencent en mai."
    )
    out = run_cleaner("captions", text)
    assert kept(out) == ["Le secteur cherche des milliers de candidats.", "Les travaux commencent en mai."]


def test_lookalikes_survive(run_cleaner) -> None:
    text = (
        "Le PSG s'impose face à Lyon - une victoire méritée selon l'entraîneur.\n"
        "L'AFP a révélé que le ministre avait menti.\n"
        "Photographie et cinéma: les deux arts se rapprochent\n"
        "Le fichier rapport.pdf a été publié sur le site du ministère."
    )
    assert dropped(run_cleaner("captions", text)) == []


def test_site_caption_needs_known_site_or_repetition(run_cleaner) -> None:
    text = "Paris Saint-Germain - Real Madrid\n\nLe match aura lieu mardi."
    assert dropped(run_cleaner("captions", text)) == []
