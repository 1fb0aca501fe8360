"""The peers the speed bench times are run as their users run them: datatrove's C4 filter as a
line cleaner, jusText on a dump's lines (each a paragraph)."""

from __future__ import annotations

import pytest

from dechaff.bench import peers
from dechaff.text.stoplists import stoplist_for

DUMP = "\n".join(
    [
        "Menu",
        "Accueil › Monde",
        "La municipalité a voté mardi soir le budget de la piscine, après trois heures de débat animé "
        "entre la majorité et une opposition qui voulait que les travaux attendent la fin de la saison "
        "et que le prix de l'entrée ne change pas pour les familles de la commune.",
        "Les commerçants du centre-ville demandent depuis des mois un parking plus proche des halles, "
        "car les clients qui viennent des villages voisins se plaignent de devoir marcher avec leurs "
        "courses sous la pluie, et plusieurs boutiques ont déjà fermé leurs portes cet hiver.",
        "Partager sur Facebook",
    ]
)


def test_c4_keeps_the_sentences_and_drops_the_menu() -> None:
    c4 = peers.c4_lines()
    if c4 is None:
        pytest.skip("datatrove is not installed (pip install 'dechaff[datatrove]')")
    assert c4(DUMP).splitlines() == DUMP.splitlines()[2:4]


def test_justext_on_lines_keeps_prose() -> None:
    kept = peers.justext_on_lines(DUMP, stoplist_for("fr"))
    assert "La municipalité a voté mardi soir" in kept
    assert "Menu" not in kept.splitlines()
