from __future__ import annotations

from conftest import dropped, kept

FRENCH = "Le gouvernement a présenté son projet de loi sur l'énergie devant le Parlement mercredi."


def test_cyrillic_ui_on_french_page(run_cleaner) -> None:
    text = f"{FRENCH}\n{FRENCH} Encore.\nЗаголовок открываемого материала\n"
    assert kept(run_cleaner("foreign_script", text)) == [FRENCH, f"{FRENCH} Encore."]


def test_english_ui_line_on_french_page(run_cleaner) -> None:
    text = f"{FRENCH}\nSign up for our newsletter and get the news\n"
    assert kept(run_cleaner("foreign_script", text)) == [FRENCH]


def test_long_quotation_and_names_survive(run_cleaner) -> None:
    quote = (
        "«Мы не отступим ни на шаг от наших позиций в этих переговорах», "
        "а déclaré le ministre russe à la presse."
    )
    text = f"{FRENCH}\n{quote}\nNew York Times\n"
    assert dropped(run_cleaner("foreign_script", text)) == []


def test_latin_brand_line_in_greek_page_is_ui(run_cleaner) -> None:
    greek = "Η κυβέρνηση ανακοίνωσε νέα μέτρα για την ενέργεια και τις τιμές του ρεύματος."
    text = f"{greek}\n{greek}\nFollow us\n"
    assert kept(run_cleaner("foreign_script", text, lang="el")) == [greek, greek]
