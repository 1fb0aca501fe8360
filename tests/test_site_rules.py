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


CUT = """
version: 1
domains: [example.org]
rules:
  - {id: side-ja, regex: "[。）」！？](?P<cut> [^。）」！？]+)$", action: strip}
  - {id: side-fr, regex: "[.!?](?P<cut> Les plus lus : [^.!?]+[.!?])", action: drop}
  - {id: side-middle, regex: "(?P<cut>Météo du jour)", action: strip}
"""


@pytest.fixture()
def cut_rules(tmp_path: Path) -> SiteRules:
    book = load_rulebook(rules_copy(tmp_path, {"example.org": CUT}), PARAM_SPECS)
    return SiteRules(book.site_for_host("example.org").rules)


def _maps_back(text: str, out) -> None:
    """Every removed span is exactly the text at its offsets in the (normalised) input line."""
    inputs = {line.no: line.text for line in lines_of(text)}
    for r in out.removed:
        assert inputs[r.line_no][r.char_start : r.char_end] == r.text
    for line in out.lines:
        assert line.text in inputs[line.no] and inputs[line.no][line.start :].startswith(line.text)


def test_strip_cut_group_keeps_the_context(cut_rules: SiteRules) -> None:
    text = "駅前の図書館が来月から夜九時まで開くことになった。 人気記事ランキング\n短い行です。\n"
    out = cut_rules.clean(lines_of(text), Context())
    assert kept(out) == ["駅前の図書館が来月から夜九時まで開くことになった。", "短い行です。"]
    # the space between the kept text and the cut belongs to neither
    assert [(r.text, r.rule_id) for r in out.removed] == [("人気記事ランキング", "side-ja")]
    _maps_back(text, out)


def test_strip_cut_group_in_the_middle_is_left_alone(cut_rules: SiteRules) -> None:
    text = "La Météo du jour annonce de la pluie sur toute la région dès demain matin.\n"
    out = cut_rules.clean(lines_of(text), Context())
    assert kept(out) == ["La Météo du jour annonce de la pluie sur toute la région dès demain matin."]
    assert not out.removed


def test_drop_cut_group_removes_a_span_in_the_middle(cut_rules: SiteRules) -> None:
    text = (
        "Le marché couvert rouvre samedi. Les plus lus : Un ours vu en forêt. La mairie a repeint les "
        "halles. Les plus lus : Le pont ferme. Les commerçants sont ravis.\n"
    )
    out = cut_rules.clean(lines_of(text), Context())
    assert kept(out) == [
        "Le marché couvert rouvre samedi.",
        "La mairie a repeint les halles.",
        "Les commerçants sont ravis.",
    ]
    cuts = [" Les plus lus : Un ours vu en forêt.", " Les plus lus : Le pont ferme."]
    assert [r.text for r in out.removed] == cuts
    assert {r.rule_id for r in out.removed} == {"side-fr"}
    assert [line.gap_before for line in out.lines] == [True, False, False]
    _maps_back(text, out)


def test_subdomain_uses_parent_file_and_longest_match_wins(book) -> None:
    assert book.site_for_host("amp.lesoir.be").domains == ("lesoir.be",)
    assert book.site_for_host("notlesoir.be") is None
    assert book.site_for_host("fr.sputniknews.africa").name == "fr.sputniknews.africa"
    assert book.site_for_host("sputniknews.africa") is None


def test_a_cut_leaves_the_spaces_between_it_and_the_rest_out_of_the_record() -> None:
    from dechaff.core.document import Line
    from dechaff.core.outcome import Hit, cut_edge

    line = Line(3, "Publicité  Le texte reste.", start=2)
    rest, removal = cut_edge(line, 0, 11, "x", Hit("r", "f"))  # the cut at the start, with its spaces
    assert (rest.text, removal.text, removal.char_start, removal.char_end) == (
        "Le texte reste.",
        "Publicité",
        2,
        11,
    )
    rest, removal = cut_edge(line, 9, len(line.text), "x", Hit("r", "f"))  # at the end
    assert (rest.text, removal.text, removal.char_start) == ("Publicité", "Le texte reste.", 13)
