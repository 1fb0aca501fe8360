"""`dechaff explain` and `dechaff report`: every removed line is shown with its cleaner and rule,
and the HTML is a standalone page whose links all resolve."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lhtml

from dechaff.cli import main

from conftest import ROOT, rules_copy

SEED = ROOT / "seeds" / "001_971055e0ff385ae0.txt"


def test_explain_terminal_names_cleaner_rule_and_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert "domain=fr.sputniknews.africa" in out
    caption = next(line for line in out.splitlines() if "Militaires US en Irak - Sputnik Afrique" in line)
    assert "captions:captions.site_caption (rules/sites/fr.sputniknews.africa.yaml)" in caption
    kept = next(line for line in out.splitlines() if "Les États-Unis contre le Kataeb Hezbollah" in line)
    assert "◂" not in kept


def test_explain_html_marks_spans(tmp_path: Path) -> None:
    src = tmp_path / "page.txt"
    src.write_text("Il a dénoncé des violations Voir l'article en entier\nS'abonner\n", encoding="utf-8")
    out = tmp_path / "x.html"
    assert main(["explain", str(src), "--html", str(out)]) == 0
    tree = lhtml.fromstring(out.read_text(encoding="utf-8"))
    struck = [e.text_content() for e in tree.find_class("rm")]
    assert "Voir l'article en entier" in struck and "S'abonner" in struck
    assert "Il a dénoncé des violations" in tree.find_class("line")[0].text_content()
    assert not tree.xpath("//script | //link[@href] | //img")  # no network assets


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> lhtml.HtmlElement:
    out = tmp_path_factory.mktemp("run")
    assert main(["run", str(ROOT / "seeds"), "--out", str(out)]) == 0
    page = out / "report.html"
    assert main(["report", str(out), "--html", str(page)]) == 0
    return lhtml.fromstring(page.read_text(encoding="utf-8"))


def test_report_groups_documents_by_domain(report: lhtml.HtmlElement) -> None:
    docs = report.find_class("doc")
    assert len(docs) == 5
    domains = [h.text_content() for h in report.xpath("//h2[starts-with(@id, 'domain-')]")]
    assert domains == ["(unknown site)", "bfmtv.com", "cinktank.com", "fr.sputniknews.africa", "lesoir.be"]


def test_report_links_rules_and_documents(report: lhtml.HtmlElement) -> None:
    ids = set(report.xpath("//@id"))
    links = [a.get("href")[1:] for a in report.xpath("//a[starts-with(@href, '#')]")]
    assert links and all(link in ids for link in links)
    rule_rows = report.xpath("//tr[starts-with(@id, 'rule-')]")
    assert len(rule_rows) >= 10
    logo = report.xpath("//tr[@id='rule-logo_and_section']")[0]
    assert "rules/sites/bfmtv.com.yaml" in logo.text_content()
    assert logo.xpath(".//a/@href") == ["#doc-000_25705d69f82cf47e"]


def test_report_struck_text_is_what_was_removed(report: lhtml.HtmlElement) -> None:
    struck = {e.text_content() for e in report.find_class("rm")}
    assert "Mélanie Rostagnat avec AFP" in struck and "PhotoNews" in struck
    assert not any("Colère irakienne" in s for s in struck)


def test_explain_shows_what_a_trim_or_a_cut_left(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = (
        "version: 1\ndomains: [example.org]\nrules:\n"
        '  - {id: side, regex: "[.!?](?P<cut> Les plus lus : [^.!?]+[.!?])"}\n'
        '  - {id: weather, regex: "[.!?](?P<cut> Météo : \\\\d+ °C)$", action: strip}\n'
    )
    rules = rules_copy(tmp_path, {"example.org": site})
    page = tmp_path / "page.txt"
    page.write_text(
        "Le marché couvert rouvre samedi après deux ans de travaux. Les plus lus : Un ours vu en forêt. "
        "La mairie a repeint les halles et refait toute la toiture du bâtiment.\n"
        "Les commerçants attendent une foule nombreuse pour la réouverture des halles. Météo : 12 °C\n",
        encoding="utf-8",
    )
    assert main(["explain", str(page), "--domain", "example.org", "--rules", str(rules)]) == 0
    lines = capsys.readouterr().out.splitlines()
    results = [line.strip() for line in lines if line.strip().startswith("= ")]
    assert results == [
        "= Le marché couvert rouvre samedi après deux ans de travaux. ┃ "
        "La mairie a repeint les halles et refait toute la toiture du bâtiment.",
        "= Les commerçants attendent une foule nombreuse pour la réouverture des halles.",
    ]
