"""`dechaff suggest`: rules learned from some pages of a site improve F1 on its other pages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from dechaff.authoring.evaluate import score
from dechaff.authoring.suggest import Page, Suggestion, extend, suggest
from dechaff.cli import main
from dechaff.engine.engine import Engine, Settings
from dechaff.engine.rulebook import load_book
from dechaff.io.source import Source
from dechaff.text.normalise import line_key

from conftest import ROOT, STORIES

SITES = ("news.bcm.ru", "blogs.wsj.com")  # dev-set sites with 3 article pages each


def _pages(devset: Path, domain: str) -> list[str]:
    rows = [json.loads(line) for line in (devset / "index.jsonl").read_text(encoding="utf-8").splitlines()]
    return sorted(r["id"] for r in rows if r["domain"] == domain and r["has_gold"])


@pytest.mark.parametrize("domain", SITES)
def test_rules_learned_on_some_pages_help_the_others(shared: Path, tmp_path: Path, domain: str) -> None:
    devset = shared / "devset"
    pages = _pages(devset, domain)
    assert len(pages) >= 3
    generic = Engine(load_book(None), Settings(quality_filter=False))
    before, after = [], []
    for held in pages:
        rules = tmp_path / held / "rules"
        shutil.copytree(ROOT / "rules", rules)
        train = tmp_path / held / "train"
        train.mkdir()
        for page in pages:
            if page != held:
                shutil.copy(devset / "dumps" / f"{page}.txt", train)
        assert main(["suggest", str(train), "--domain", domain, "--rules", str(rules), "--write"]) == 0
        written = (rules / "sites" / f"{domain}.yaml").read_text(encoding="utf-8")
        assert "suggested: true" in written
        learned = Engine(load_book(rules), Settings(quality_filter=False))
        dump = devset / "dumps" / f"{held}.txt"
        gold = (devset / "gold" / f"{held}.txt").read_text(encoding="utf-8")
        before.append(score(generic.process(Source(held, dump)).text or "", gold).f1)
        after.append(score(learned.process(Source(held, dump, domain=domain)).text or "", gold).f1)
    assert sum(after) / len(after) > sum(before) / len(before)
    assert all(a >= b - 0.01 for a, b in zip(after, before, strict=True))


def test_draft_on_made_up_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for i, story in enumerate(STORIES, 1):
        promo = f"Édition du {i} mars 2024 : inscrivez-vous pour recevoir nos articles chaque matin"
        text = f"{story}\n{promo}\n{story.replace('.', ', selon la préfecture.')}\n"
        (tmp_path / f"page{i}.txt").write_text(text, encoding="utf-8")
    assert main(["suggest", str(tmp_path), "--domain", "example.org"]) == 0
    out = capsys.readouterr().out
    assert "# example.org: 3 pages, 1 suggested rules" in out
    assert '"^Édition du \\\\d+ mars \\\\d+ : inscrivez-vous pour recevoir nos articles chaque matin$"' in out
    assert "in 3/3 pages" in out and "maire" not in out.split("e.g.")[0]


def test_extend_keeps_comments_and_rules() -> None:
    text = "# a site\nversion: 1\nrules:\n  - id: old\n    line: Menu\n\nexamples: []\n"
    new = Suggestion("s-pub", "line", "Pub", "drop", None, 2, 3, 3, "Pub")
    out = extend(text, [new])
    assert out.startswith("# a site\nversion: 1\nrules:\n  - id: old\n    line: Menu\n  - {")
    assert out.rstrip().endswith("examples: []")
    assert extend(out, [new]) == out  # already there: not added twice


# A made-up site: each page is an article under its title, then a "Lire aussi" list linking to the
# other pages' articles (their titles) and to a few recurring stories, then a footer.
TITLES = [
    "Le marché couvert de la ville rouvre enfin ses portes après deux ans de travaux",
    "Un nouveau sentier de douze kilomètres permet de faire le tour complet du lac",
    "Le club d'aviron de la ville est champion régional pour la troisième fois de suite",
    "La fête du lac aura lieu le premier week-end de juillet avec un grand feu d'artifice",
]
OTHERS = [
    "Les écoles de la commune fermeront leurs portes une semaine plus tôt que prévu cette année",
    "Le pont de la digue rouvre à la circulation après trois mois de travaux sur la chaussée",
    "Une exposition de photos anciennes du lac et de ses villages ouvre à la médiathèque",
]
BODIES = [
    [
        "Les halles accueillent de nouveau les commerçants dès samedi matin, après un long chantier.",
        "La mairie a fait refaire la toiture et une trentaine d'étals ont été installés dans l'allée.",
        "Une navette gratuite relie désormais la gare au centre-ville toutes les vingt minutes.",
    ],
    [
        "Le nouveau sentier permet de faire le tour du lac à pied ou à vélo sans croiser une route.",
        "Les bénévoles de l'association ont balisé le parcours pendant tout l'hiver et installé des bancs.",
        "Il sera inauguré dimanche par une marche ouverte à tous, suivie d'un pique-nique sur la plage.",
    ],
    [
        "Les rameurs du club ont remporté dimanche la course reine devant plus de mille spectateurs.",
        "L'équipe féminine a dominé la course du début à la fin, et les juniors ont fini deuxièmes.",
        "Le président du club espère une subvention pour remplacer les bateaux les plus anciens.",
    ],
    [
        "Un feu d'artifice sera tiré depuis la jetée et des concerts gratuits auront lieu sur la plage.",
        "Les organisateurs attendent vingt mille visiteurs et ont prévu des navettes supplémentaires.",
        "Les associations qui veulent tenir un stand peuvent s'inscrire à la mairie jusqu'en mai.",
    ],
]


def _site(folder: Path, side: list[str] | None = None) -> list[Path]:
    """Four pages; with `side`, a side column whose items are glued after the article's sentences."""
    folder.mkdir()
    paths = []
    for i, title in enumerate(TITLES):
        body = BODIES[i]
        if side:
            body = [f"{line} {side[(i + k) % len(side)]}" for k, line in enumerate(body)]
        # questions, as teasers' headlines often are: the generic cascade keeps the list (a
        # headline without a final stop would weigh nothing there, and the list would go)
        links = [
            f"{x} ?" for x in (TITLES[(i + 1) % 4], TITLES[(i + 2) % 4], OTHERS[i % 3], OTHERS[(i + 1) % 3])
        ]
        lines = [title, *body, "Lire aussi", *links, "Nous contacter", "© 2024 La Gazette du Lac"]
        path = folder / f"page{i + 1}.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def _suggested(capsys: pytest.CaptureFixture[str], *argv: str) -> list[str]:
    assert main(["suggest", *argv]) == 0
    return [line for line in capsys.readouterr().out.splitlines() if line.startswith("  - {")]


def test_end_marker_the_generic_cascade_removes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pages = _site(tmp_path / "pages")
    generic = Engine(load_book(None), Settings(quality_filter=False))
    first = generic.process(Source("page1", pages[0], domain="gazette.example"))
    assert "Lire aussi" not in first.text and OTHERS[0] in first.text  # the marker goes, its list stays
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    proposed = _suggested(
        capsys, str(tmp_path / "pages"), "--domain", "gazette.example", "--rules", str(rules)
    )
    assert proposed == [
        '  - {id: "s-lire-aussi", line: "Lire aussi", action: drop_from, suggested: true, '
        'note: "in 4/4 pages, e.g. Lire aussi"}'
    ]  # and no headline: each is content on its own page
    assert (
        main(
            [
                "suggest",
                str(tmp_path / "pages"),
                "--domain",
                "gazette.example",
                "--rules",
                str(rules),
                "--write",
            ]
        )
        == 0
    )
    learned = Engine(load_book(rules), Settings(quality_filter=False))
    for i, page in enumerate(pages):
        text = learned.process(Source(page.stem, page, domain="gazette.example")).text or ""
        assert text.startswith(TITLES[i]) and not any(other in text for other in OTHERS)
        assert sum(title in text for title in TITLES) == 1


def test_side_column_glued_after_sentences(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    side = ["Petites annonces", "Météo : 12 °C", "Agenda du week-end"]
    pages = _site(tmp_path / "pages", side)
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    proposed = _suggested(
        capsys, str(tmp_path / "pages"), "--domain", "gazette.example", "--rules", str(rules)
    )
    glued = [line for line in proposed if "action: strip" in line]
    assert len(glued) == 1 and "(?P<cut>" in glued[0] and "Petites annonces" in glued[0]
    assert (
        main(
            [
                "suggest",
                str(tmp_path / "pages"),
                "--domain",
                "gazette.example",
                "--rules",
                str(rules),
                "--write",
            ]
        )
        == 0
    )
    learned = Engine(load_book(rules), Settings(quality_filter=False))
    text = learned.process(Source("page1", pages[0], domain="gazette.example")).text or ""
    assert BODIES[0][0] in text.split("\n")  # the side item is cut, the sentence's full stop stays
    assert not any(item in text for item in side)


def test_manifest_and_sites_with_nothing_to_suggest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _site(tmp_path / "pages")
    quiet = tmp_path / "pages" / "quiet"
    quiet.mkdir()
    for i, sentence in enumerate(BODIES[0][:2]):
        (quiet / f"q{i}.txt").write_text(f"{sentence}\n", encoding="utf-8")
    manifest = tmp_path / "m.csv"
    rows = [f"page{i},https://www.gazette.example/a/{i}.html" for i in range(1, 5)]
    rows += ["quiet/q0,https://calme.example/1", "quiet/q1,https://calme.example/2"]
    manifest.write_text("id,url\n" + "\n".join(rows) + "\n", encoding="utf-8")
    assert main(["suggest", str(tmp_path / "pages"), "--manifest", str(manifest)]) == 0
    out = capsys.readouterr().out
    assert "# gazette.example: 4 pages, 1 suggested rules" in out
    assert "# calme.example" not in out and out.rstrip().endswith(
        "# nothing to suggest for 1 site(s): calme.example (2 pages)"
    )


def test_html_pages_are_grouped_by_their_canonical_link(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "html"
    folder.mkdir()
    for i, title in enumerate(TITLES):
        links = "".join(f"<li><a href='/x{k}'>{TITLES[(i + k) % 4]}</a></li>" for k in (1, 2))
        # the promo between paragraphs: after the last one, the classifier would trim it anyway
        *head, last = (f"<p>{sentence}</p>" for sentence in BODIES[i])
        (folder / f"p{i}.html").write_text(  # no URL given: the canonical link names the site
            f"<html lang='fr'><head><title>{title}</title>"
            f"<link rel='canonical' href='https://www.gazette.example/a/{i}.html'></head>"
            f"<body><article><h1>{title}</h1>{''.join(head)}"
            f"<p>La Gazette du Lac, chaque semaine chez votre marchand de journaux</p>{last}"
            f"</article><ul>{links}</ul></body></html>",
            encoding="utf-8",
        )
    assert main(["suggest", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "# gazette.example: 4 pages" in out and "no site found" not in out


def test_a_headline_kept_under_the_site_banner_is_no_rule() -> None:
    # The rules keep the banner above each page's headline, and drop the lists that link to the
    # other pages' headlines: each headline is kept only on its own page, where it is content.
    banner = "La Gazette du Lac"
    pages = []
    for i, title in enumerate(TITLES):
        links = [TITLES[(i + 1) % 4], TITLES[(i + 2) % 4]]
        lines = (banner, title, *BODIES[i], "Lire aussi", *links)
        kept = frozenset(line_key(x) for x in (banner, title, *BODIES[i]))
        pages.append(Page(lines, kept, line_key(banner)))
    proposed = [s.pattern for s in suggest(pages, 2, 0.5)]
    assert proposed == [banner]
