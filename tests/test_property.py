"""Properties of the whole cascade on arbitrary text: it only deletes or trims, and it is idempotent."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dechaff.engine.engine import Engine
from dechaff.io.decode import InputRefused
from dechaff.text.normalise import render

from conftest import prepared

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


def clean(engine: Engine, text: str, site: str | None) -> tuple[list[str], list[str]]:
    try:
        doc = prepared(engine, text, "fr", site)
    except InputRefused:  # an empty page is dropped before the cascade
        return [], []
    return [x.text for x in doc.lines], [x.text for x in doc.clean().lines]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=document,
    site=st.sampled_from([None, "bfmtv.com", "lesoir.be", "cinktank.com", "fr.sputniknews.africa"]),
)
def test_output_lines_come_from_input_and_cleaning_is_idempotent(
    engine: Engine, text: str, site: str | None
) -> None:
    normalised, out = clean(engine, text, site)
    for kept in out:
        assert any(kept in source for source in normalised)
    _, again = clean(engine, render(out), site)
    assert again == out
