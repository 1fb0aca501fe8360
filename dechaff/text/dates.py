"""Dates as data: a publication date as a page prints it ("12 mars 2024 à 10h15", "5. März 2024,
14:30 Uhr", "2024年3月5日") to ISO 8601 ("2024-03-12T10:15"), for the `published` column.

dateparser (a dependency of trafilatura's htmldate) knows the month and day names of every
language pack. It is imported on the first date that is not already ISO 8601 (HTML metadata
dates are, and skip it): the import and the first language's data cost about 0.3 s once per
process, each further language about 40 ms, then a date about 1 ms; answers are memoised per
text. A run that meets no such date never pays any of it; a run told to warm (`RunConfig.warm`)
loads every language pack's data in its parent before the workers fork (`warm`), so that no
worker loads them again.

Only absolute dates are read: "il y a 2 heures" or "hier" depend on when the page was fetched,
so they give None (the text stays in `published_text`), as does a date without its year (a
parser would fill in the current one) or without its month; a date without its day is its month
("mars 2024 à 10h15": 2024-03, where dateparser takes the clock's day when a time is given).
The result never depends on the machine's clock or time zone: a time zone printed with the date
is kept as an offset, none is assumed otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from functools import lru_cache
from typing import Any

from dechaff.core.memo import on_clear
from dechaff.core.uncounted import uncounted

_SETTINGS = {
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],  # no relative dates
    "PREFER_DAY_OF_MONTH": "first",
    "REQUIRE_PARTS": ["month", "year"],
}
# what dateparser fills a missing day from when the text has a time ("March 2024 10:15"): not
# PREFER_DAY_OF_MONTH then, but the day of its "now", which it takes from the clock unless given
_BASE = datetime(2000, 1, 1)
_FOUR_DIGITS = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_ISO = re.compile(r"\d{4}-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?$")
MAX_CHARS = 80  # a longer text is a sentence that mentions a date, not a date


@lru_cache(maxsize=4096)
def iso_date(text: str, lang: str = "und") -> str | None:
    """The date in `text` as ISO 8601: `YYYY-MM-DD`, with `THH:MM` (and seconds, offset) when the
    text gives a time, or `YYYY-MM` when it gives no day; None when it holds no absolute date.

    >>> iso_date("12 mars 2024 à 10h15", "fr"), iso_date("2024年3月5日", "ja"), iso_date("hier", "fr")
    ('2024-03-12T10:15', '2024-03-05', None)
    """
    if len(text) > MAX_CHARS or not _FOUR_DIGITS.search(text):
        return None
    if _ISO.match(text):  # already ISO (HTML metadata): no need for dateparser
        try:
            return _iso(datetime.fromisoformat(text if len(text) > 7 else f"{text}-01"), len(text) > 7)
        except ValueError:
            pass
    data = _parser(lang).get_date_data(text)
    if data.date_obj is None and lang != "en":  # "Updated March 5, 2024" on a French page
        lang = "en"
        data = _parser(lang).get_date_data(text)
    when: datetime | None = data.date_obj
    if when is None or str(when.year) not in _FOUR_DIGITS.findall(text):
        return None  # e.g. "12 mars" read as the year 2012
    has_day = data.period != "month"
    if has_day and when.day == _BASE.day:  # the 1st, or no day at all and a time: read from the 2nd
        again = _parser(lang, _BASE.day + 1).get_date_data(text).date_obj
        has_day = again is None or again.day == when.day
    return _iso(when, has_day)


def _iso(when: datetime, has_day: bool) -> str:
    if not has_day:
        return f"{when.year:04d}-{when.month:02d}"
    if (when.hour, when.minute, when.second) == (0, 0, 0) and when.tzinfo is None:
        return when.date().isoformat()
    return when.isoformat(timespec="seconds" if when.second else "minutes")


@lru_cache(maxsize=64)
def _parser(lang: str, day: int = _BASE.day) -> Any:
    """A dateparser parser for one language alone: its own order of day and month ("12/03/2024"
    is 12 March in French, December 3 in English); English for a language dateparser lacks. Made
    once per process and language, with a first date read (dateparser loads the language's data
    and compiles its patterns then; the import alone is 0.3 s): no document's time (`uncounted`).
    Its "now" is the `day` of `_BASE`'s month, never the clock: a date with a time and no day
    takes that day (`iso_date` tells it from a printed 1st by reading it again from the 2nd)."""
    with uncounted():
        from dateparser.data.languages_info import language_order  # heavy: only when a date is met
        from dateparser.date import DateDataParser

        settings = {**_SETTINGS, "RELATIVE_BASE": _BASE.replace(day=day)}
        parser = DateDataParser(languages=[lang if lang in language_order else "en"], settings=settings)
        parser.get_date_data("05/03/2024")
        return parser


def warm(langs: Iterable[str]) -> None:
    """dateparser imported, its time-zone patterns compiled and each language's data read, as the
    first date of each language would (about 0.4 s for the seven shipped packs, then a date takes
    1 ms): done in a run's parent before its workers fork when the run is told to warm
    (`Engine.warm`), once for all of them instead of once in each. No answer is memoised."""
    try:
        for lang in dict.fromkeys(("en", *langs)):
            _parser(lang)
    except Exception:  # only a head start: each document that needs a date meets the failure
        return  # itself, as before, and its row says so


on_clear(iso_date.cache_clear)
