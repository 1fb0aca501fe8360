"""Properties of the whole cascade on arbitrary text: it only deletes or trims, and it is idempotent."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dechaff.core.document import Context
from dechaff.engine.engine import normalise
from dechaff.engine.pipeline import Pipeline
from dechaff.ruleset.loader import RuleBook
from dechaff.text.normalise import render
from dechaff.text.stoplists import stoplist_for

WORDS = [
    "le",
    "la",
    "de",
    "et",
    "un",
    "the",
    "of",
    "and",
    "Paris",
    "AFP",
    "©",
    "Lire",
    "aussi",
    ":",
    "-",
    "/",
    "cookies",
    "Fil",
    "d'actu",
    "0",
    "loader",
    "Accueil",
    "...",
    "Via::",
    "réactions",
    "Vos",
    "jpg",
    "gouvernement",
    "annonce",
    "réforme",
    "Москва",
    "新闻",
    "\u00a0",
    ".",
    "«",
    "»",
    "avec",
    "Par",
]
line = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), max_size=30).map(" ".join)
document = st.lists(st.one_of(line, st.just("")), max_size=25).map("\n".join)


def clean(book: RuleBook, text: str, site: str | None) -> tuple[list[str], list[str]]:
    lines, _ = normalise(text, 100_000)
    site_file = book.site_for_host(site)
    pipeline = Pipeline(book.cascade("fr", site_file))
    ctx = Context("p", "fr", site, pipeline.site_name, stoplist_for("fr"))
    return [x.text for x in lines], [x.text for x in pipeline.clean(lines, ctx).lines]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=document,
    site=st.sampled_from([None, "bfmtv.com", "lesoir.be", "cinktank.com", "fr.sputniknews.africa"]),
)
def test_output_lines_come_from_input_and_cleaning_is_idempotent(
    book: RuleBook, text: str, site: str | None
) -> None:
    normalised, out = clean(book, text, site)
    for kept in out:
        assert any(kept in source for source in normalised)
    _, again = clean(book, render(out), site)
    assert again == out
