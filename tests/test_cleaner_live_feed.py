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
