from __future__ import annotations

from conftest import kept

BODY = "\n".join(
    f"Paragraphe {i} de l'article, avec une phrase complète et assez longue pour compter." for i in range(6)
)


def test_trailing_widget_is_cut(run_cleaner) -> None:
    out = run_cleaner("live_feed", BODY + "\nFil d'actu\n0\nloader\nChat\n")
    assert kept(out) == BODY.splitlines()
    assert {r.line_no for r in out.removed} == {7, 8, 9, 10}


def test_heading_followed_by_real_text_is_kept(run_cleaner) -> None:
    long_para = " ".join(["La séance continue et les députés examinent les amendements un par un."] * 5)
    text = BODY + "\nEn direct\n" + long_para + "\n"
    assert kept(run_cleaner("live_feed", text)) == [*BODY.splitlines(), "En direct", long_para]


def test_marker_at_the_top_is_not_a_trailing_widget(run_cleaner) -> None:
    text = "En direct\n" + BODY
    assert kept(run_cleaner("live_feed", text))[0] == "En direct"


FEED = [
    "Fil d'actu",
    "10h42",
    "Incendie dans un entrepôt près de Lyon : les pompiers toujours mobilisés",
    "10:15 Ligue 1 : le PSG s'impose à Marseille",
    "Il y a 12 min",
    "Bourse : le CAC 40 ouvre en hausse",
    "À l'instant",
    "Météo : vigilance orange dans le Sud-Ouest",
]


def test_a_feed_inside_the_page_goes_with_its_items(run_cleaner) -> None:
    """A time before its headline or alone above it; the run ends at the first line that is
    neither (the title under the feed, the article's sentences)."""
    lines = BODY.splitlines()
    title = "Le gouvernement présente son plan pour les transports"
    text = "\n".join([*lines[:2], *FEED, title, *lines[2:]])
    out = run_cleaner("live_feed", text)
    assert kept(out) == [*lines[:2], title, *lines[2:]]
    assert {r.rule_id.split("@")[0] for r in out.removed} == {"live_feed.marker"}


def test_a_live_blog_and_a_lone_time_stay(run_cleaner) -> None:
    lines = BODY.splitlines()
    live_blog = [
        "En direct",
        "10:42",
        "Le président est arrivé à l'Élysée pour la réunion avec les ministres.",
        "10:30",
        "Les ministres attendent dans la cour depuis le début de la matinée.",
    ]
    assert kept(run_cleaner("live_feed", "\n".join([*lines[:2], *live_blog, *lines[2:]])))[2:7] == live_blog
    one_item = ["Fil d'actu", "10h42", "Incendie près de Lyon"]
    assert kept(run_cleaner("live_feed", "\n".join([*lines[:2], *one_item, *lines[2:]])))[2:5] == one_item
