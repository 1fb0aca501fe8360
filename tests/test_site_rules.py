"""The directive engine, on a rule file written in a temp folder next to the shipped default."""

from __future__ import annotations

from pathlib import Path

import pytest

from dechaff.cleaners import PARAM_SPECS
from dechaff.cleaners.site_rules import SiteRules
from dechaff.core.document import Context
from dechaff.ruleset.loader import load_rulebook

from conftest import kept, lines_of, rules_copy

SITE = """
version: 1
domains: [example.org]
rules:
  - {id: exact, line: "Newsletter du matin"}
  - {id: prefix, prefix: "Publicité"}
  - {id: regex, regex: "^\\\\d+ min de lecture$"}
  - {id: trim, regex: " \\\\(mis à jour\\\\)$", action: strip}
  - {id: cut-end, line: "Sur le même thème", action: drop_from}
  - {id: cut-start, line: "Article", action: drop_until}
  - {id: pair, prefix: "Vidéo :", action: drop_pair}
  - {id: author, regex: "^Auteur : (?P<value>.+)$", extract: author}
  - {id: section, line: "Économie", top: 3, action: extract, extract: section}
"""


@pytest.fixture()
def site_rules(tmp_path: Path) -> SiteRules:
    book = load_rulebook(rules_copy(tmp_path, {"example.org": SITE}), PARAM_SPECS)
    return SiteRules(book.site_for_host("www.example.org").rules)


def test_every_directive(site_rules: SiteRules) -> None:
    text = (
        "Menu\nÉconomie\nArticle\nLe titre (mis à jour)\nNewsletter du matin\nPublicité - partenaire\n"
        "4 min de lecture\nVidéo : le reportage\nLe reportage en images\nAuteur : Ana Lima\nLe texte.\n"
        "Sur le même thème\nAutre article\n"
    )
    out = site_rules.clean(lines_of(text), Context())
    assert kept(out) == ["Article", "Le titre", "Le texte."]
    assert out.fields == {"section": "Économie", "author": "Ana Lima"}
    by_rule = {r.text: r.rule_id for r in out.removed}
    assert by_rule["(mis à jour)"] == "trim" and by_rule["Menu"] == "cut-start"
    assert by_rule["Le reportage en images"] == "pair" and by_rule["Autre article"] == "cut-end"
    assert all(r.rule_file.endswith("sites/example.org.yaml") for r in out.removed)


def test_positions_and_middle_strip(site_rules: SiteRules) -> None:
    text = "Un\nDeux\nTrois\nÉconomie\nLe mot (mis à jour) reste au milieu de la ligne."
    out = site_rules.clean(lines_of(text), Context())
    assert "section" not in out.fields  # 'top: 3' keeps the rule to the first three lines
    assert kept(out)[-1] == "Le mot (mis à jour) reste au milieu de la ligne."


def test_subdomain_uses_parent_file_and_longest_match_wins(book) -> None:
    assert book.site_for_host("amp.lesoir.be").domains == ("lesoir.be",)
    assert book.site_for_host("notlesoir.be") is None
    assert book.site_for_host("fr.sputniknews.africa").name == "fr.sputniknews.africa"
    assert book.site_for_host("sputniknews.africa") is None
