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


def test_an_english_page_with_its_packs_words_looks_for_no_english_ui_strings() -> None:
    """The English pack adds words to jusText's English list: the page's list then differs from the
    UI language's, but holds it, so there is no word proper to English to look for (the search
    over every line cost 5% of a dump's time, and never found anything)."""
    from dechaff.cleaners.base import Origin
    from dechaff.cleaners.foreign_script import ForeignScript, Params
    from dechaff.core.document import Context, Line
    from dechaff.text.stoplists import stoplist_for

    own = stoplist_for("en", extra=frozenset({"my", "your"}))
    cleaner = ForeignScript(Params(ui_languages=("English",)), Origin("rules/_default.yaml"))
    lines = [Line(1, "Sign in to read more of this story today"), Line(2, "The council met on Monday.")]
    assert cleaner.clean(lines, Context("d", "en", stopwords=own)).lines == tuple(lines)
    assert cleaner._pairs[own] == []
    french = stoplist_for("fr")
    cleaner.clean(lines, Context("d", "fr", stopwords=french))
    assert len(cleaner._pairs[french]) == 1  # a French page still looks for English strings


def test_a_line_with_the_pages_only_foreign_letters_goes(run_cleaner) -> None:
    """Two Cyrillic letters, the page's only letters outside Latin script, on a line of their own
    (`min_letters`: 2): the page's count of them is what lets the lines be looked at."""
    text = f"{FRENCH}\n{FRENCH} Encore.\nЖЯ\n"
    assert dropped(run_cleaner("foreign_script", text)) == ["ЖЯ"]


def test_a_line_without_letters_is_in_no_script_whatever_min_letters_allows() -> None:
    """With `min_letters` 0, a line of figures on a page with another script in it is no foreign
    line (it has no script: asking its main one failed the page with error:clean)."""
    from dechaff.cleaners.base import Origin
    from dechaff.cleaners.foreign_script import ForeignScript, Params
    from dechaff.core.document import Context, Line

    cleaner = ForeignScript(Params(min_letters=0), Origin("test"))
    lines = [Line(1, FRENCH), Line(2, "— 12 €"), Line(3, "Москва")]
    out = cleaner.clean(lines, Context("doc", "fr"))
    assert [line.text for line in out.lines] == [FRENCH, "— 12 €"]
