"""`published` as data: dates as the language packs' pages print them, to ISO 8601; the text as
found stays in `published_text`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dechaff.engine.engine import Engine, Settings
from dechaff.engine.rulebook import load_book
from dechaff.io.source import Source
from dechaff.text.dates import iso_date

# One made-up date per shipped language pack, in the forms their pages print (and their `published`
# patterns capture), with and without a time.
CASES = [
    ("de", "5. März 2024, 14:30 Uhr", "2024-03-05T14:30"),
    ("de", "05.03.2024", "2024-03-05"),
    ("en", "March 5, 2024", "2024-03-05"),
    ("en", "Tuesday, 5 March 2024 at 10:15 GMT", "2024-03-05T10:15+00:00"),
    ("en", "03/12/2024", "2024-03-12"),
    ("es", "5 de marzo de 2024 a las 10:15", "2024-03-05T10:15"),
    ("es", "martes, 5 de marzo de 2024", "2024-03-05"),
    ("fr", "12 mars 2024 à 10h15", "2024-03-12T10:15"),
    ("fr", "1er avril 2024", "2024-04-01"),
    ("fr", "12/03/2024", "2024-03-12"),
    ("it", "5 marzo 2024 ore 10:15", "2024-03-05T10:15"),
    ("it", "05/03/2024", "2024-03-05"),
    ("ja", "2024年3月5日 10時30分", "2024-03-05T10:30"),
    ("ja", "2024年3月5日(火)", "2024-03-05"),
    ("zh", "2024年3月5日 10:30", "2024-03-05T10:30"),
    ("zh", "2024-03-05", "2024-03-05"),
    ("und", "2024-03-05T10:00:00+01:00", "2024-03-05T10:00+01:00"),
    ("fr", "mars 2024", "2024-03"),
]


@pytest.mark.parametrize(("lang", "text", "iso"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_language_pack_dates(lang: str, text: str, iso: str) -> None:
    assert iso_date(text, lang) == iso


@pytest.mark.parametrize(
    ("lang", "text"),
    [("fr", "il y a 2 heures"), ("fr", "hier"), ("en", "yesterday"), ("fr", "12 mars"), ("de", "14:30 Uhr")],
)
def test_no_absolute_date_gives_none(lang: str, text: str) -> None:
    """Relative dates depend on when the page was fetched, a date without a year on today."""
    assert iso_date(text, lang) is None


def test_clock_and_time_zone_of_the_machine_do_not_matter() -> None:
    code = (
        "from dechaff.text.dates import iso_date as d; "
        "print(d('12 mars 2024 à 10h15', 'fr'), d('2024-03-05T23:30:00-05:00'))"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            env={**os.environ, "TZ": tz},
            check=True,
        ).stdout
        for tz in ("UTC", "Pacific/Kiritimati", "America/Los_Angeles")
    }
    assert runs == {"2024-03-12T10:15 2024-03-05T23:30-05:00\n"}


DAYLESS = [
    ("en", "March 2024 10:15", "2024-03"),
    ("fr", "mars 2024 à 10h15", "2024-03"),
    ("de", "März 2024, 14:30 Uhr", "2024-03"),
    ("en", "1 March 2024 10:15", "2024-03-01T10:15"),
    ("fr", "1er mars 2024 à 10h15", "2024-03-01T10:15"),
    ("en", "2 March 2024 10:15", "2024-03-02T10:15"),
    ("fr", "12 mars 2024 à 10h15", "2024-03-12T10:15"),
]


@pytest.mark.parametrize("day", ["2031-05-17 09:30Z", "2032-11-03 21:10Z", "2033-02-01 00:30Z"])
def test_a_date_with_a_time_and_no_day_is_its_month_on_any_day(day: str) -> None:
    """dateparser fills a missing day from its clock when the text has a time (not from its
    day-of-month setting): "March 2024 10:15" was 2024-03-17T10:15 on the 17th. The month, on
    every day of the run, 1st included; a printed 1st stays the 1st."""
    import time_machine

    from dechaff.text import dates

    with time_machine.travel(day, tick=False):
        dates.iso_date.cache_clear()
        try:
            assert [iso_date(text, lang) for lang, text, _ in DAYLESS] == [iso for *_, iso in DAYLESS]
        finally:
            dates.iso_date.cache_clear()


def test_published_column_is_iso_and_the_text_is_kept(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(
        "Publié le 12 mars 2024 à 10h15\n"
        "Le marché couvert de la ville rouvre ses portes samedi matin après deux années de travaux, et "
        "les commerçants attendent une foule nombreuse pour l'occasion.\n",
        encoding="utf-8",
    )
    row = Engine(load_book(None), Settings(quality_filter=False)).process(Source("page", page)).row
    assert (row["published"], row["published_text"]) == ("2024-03-12T10:15", "12 mars 2024 à 10h15")
    page.write_text(page.read_text(encoding="utf-8").replace("le 12 mars 2024 à 10h15", "il y a 2 heures"))
    row = Engine(load_book(None), Settings(quality_filter=False)).process(Source("page", page)).row
    assert (row["published"], row["published_text"]) == (None, "2 heures")


def test_warming_dateparser_is_only_a_head_start(monkeypatch: pytest.MonkeyPatch) -> None:
    # a run's parent warms dateparser before forking; if dateparser fails there, the run goes on
    # (each document that needs a date meets the failure itself, and its row says so)
    from dechaff.text import dates

    def broken(lang: str) -> object:
        raise RuntimeError("no locale data")

    monkeypatch.setattr(dates, "_parser", broken)
    dates.warm(["fr", "de"])  # no exception


def test_loading_a_date_parser_is_no_document_s_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """dateparser's import and a language's data (0.3 s once, then 0.05 s a language) are loaded on
    a worker's first date: outside that document's time limit (here the load is made to take 0.8 s)."""
    import time

    from dateparser import date as dateparser_date

    from dechaff.engine.timeout import time_limit
    from dechaff.text import dates

    real = dateparser_date.DateDataParser

    def slow(*args: object, **kwargs: object) -> object:
        end = time.monotonic() + 0.8
        while time.monotonic() < end:
            pass
        return real(*args, **kwargs)

    monkeypatch.setattr(dateparser_date, "DateDataParser", slow)
    dates._parser.cache_clear()
    dates.iso_date.cache_clear()
    try:
        with time_limit(0.5):
            assert iso_date("12 mars 2024 à 10h15", "fr") == "2024-03-12T10:15"
    finally:
        dates._parser.cache_clear()  # no parser made by the slow stand-in stays for other tests
        dates.iso_date.cache_clear()
