"""The generic line classifier: menus go, prose stays, whatever stoplist the page was given."""

from __future__ import annotations

from dataclasses import replace

from dechaff.cleaners.classifier_core import ClassifierParams, _written_in, classify
from dechaff.text.stoplists import stoplist_for

from conftest import dropped, kept

ARTICLE_IS = [
    "Ríkisstjórnin kynnti í gær nýja áætlun um uppbyggingu vegakerfisins á landsbyggðinni til næstu tíu ára.",
    "Samkvæmt áætluninni verður lögð sérstök áhersla á breikkun þjóðvegarins og fækkun einbreiðra brúa.",
    "Ráðherra sagði á fundi með blaðamönnum að framkvæmdirnar myndu skapa hundruð starfa víða um land.",
    "Sveitarstjórnarmenn fögnuðu tíðindunum en bentu jafnframt á að fjármögnun verkefnisins væri óljós.",
]
MENU = ["Forsíða", "Innlent", "Erlent", "Íþróttir", "Viðskipti"]
ARTICLE_EN = [
    "The city council approved on Tuesday a budget that gives more money to schools and to the buses.",
    "The mayor said that the plan would be paid for by savings in other departments and by a new tax.",
    "Several members of the opposition voted against it, saying that the tax would hurt small shops.",
]


def test_a_stoplist_of_another_language_does_not_empty_the_page(run_cleaner) -> None:
    # Icelandic, which langdetect cannot name, judged with the Norwegian stoplist it guesses.
    assert not _written_in(ARTICLE_IS, stoplist_for("no"), "no", ClassifierParams())
    title = "Ný áætlun um vegakerfið kynnt"
    out = kept(run_cleaner("paragraphs", "\n\n".join([*MENU, title, *ARTICLE_IS]), lang="no"))
    assert out == [title, *ARTICLE_IS]


def test_with_the_right_stoplist_menus_go_and_prose_stays(run_cleaner) -> None:
    menu = ["Home", "News", "Sport", "Business", "Weather"]
    assert _written_in(ARTICLE_EN * 2, stoplist_for("en"), "en", ClassifierParams())
    title = "Council approves the budget"
    out = kept(run_cleaner("paragraphs", "\n\n".join([*menu, title, *ARTICLE_EN]), lang="en"))
    assert out == [title, *ARTICLE_EN]


def test_a_page_dumped_as_one_long_line_is_not_judged_as_a_footer_or_a_menu(run_cleaner) -> None:
    # Naive dumps sometimes hold the whole page on one line: its footer's "©" and a few " | "
    # do not make the article boilerplate. The line is judged by pieces of whole sentences: the
    # footer's piece goes, the rest stays one line (a substring of the input line).
    footer = "© 2024 The Daily Paper. All rights reserved. Contact us. Terms of use. Privacy. Jobs."
    page = " ".join(["Home | News | Sport", *ARTICLE_EN * 4, footer])
    out = run_cleaner("paragraphs", page, lang="en")
    assert kept(out) == [page[: page.index(" ©")]]
    assert dropped(out) == [footer] and out.removed[0].char_start == page.index("©")


def test_a_glued_line_keeps_each_run_of_prose_as_a_line_of_its_own(run_cleaner) -> None:
    # Pieces are runs of whole sentences of 150+ chars: two sentences of the story, or the menu.
    menu = (
        "Weather | Traffic | Sport | Business | Culture | Opinion | Video | Photos | Podcasts | Games | "
        "Puzzles | Newsletters | Events | Jobs | Cars | Homes | Travel | Food | Health | Science."
    )
    story = " ".join(ARTICLE_EN * 2)
    glued = " ".join([story, menu, story])
    out = run_cleaner("paragraphs", glued, lang="en")
    assert kept(out) == [story, story]
    assert [line.start for line in out.lines] == [0, len(story) + len(menu) + 2]
    assert dropped(out) == [menu] and out.removed[0].rule_id == "paragraphs.separators"


def test_a_line_in_another_script_than_the_stoplist_is_judged_by_punctuation(run_cleaner) -> None:
    # A Chinese article that the page's language (English, from a menu) gives the English list:
    # no English stop word in it, yet it is prose; it stays, the English menu goes.
    chinese = [
        "市政府星期二宣布了新的交通计划，目的是减少市中心的拥堵，并改善公共汽车和地铁的服务。",
        "市长表示，这项计划的资金将来自其他部门的节约，以及一项新的停车费，明年一月开始实施。",
        "反对派议员批评这项计划，认为停车费会伤害小商店，并要求在实施之前进行更多的公开讨论。",
    ]
    menu = ["Home", "News", "Sport", "Business", "Weather"]
    out = run_cleaner("paragraphs", "\n\n".join([*chinese, *menu]), lang="en")
    assert kept(out) == chinese


def test_short_copyright_and_menu_lines_still_go(run_cleaner) -> None:
    lines = ["Home | News | Sport | Weather", *ARTICLE_EN, "© 2024 The Daily Paper. All rights reserved."]
    assert kept(run_cleaner("paragraphs", "\n\n".join(lines), lang="en")) == ARTICLE_EN


def test_prose_spread_over_many_small_blocks_is_not_cut_down_to_one(run_cleaner) -> None:
    # Five paragraphs of prose, each between long menu lines: no block holds 30% of the prose,
    # so there is no main block to trust; the guard keeps every paragraph and says it did.
    menu = "Home | News | Sport | Business | Weather | Culture | Travel | Opinion | Video | Games"
    paragraphs = [
        "The city council approved on Tuesday a budget that gives more money to schools and to the buses.",
        "The mayor said that the plan would be paid for by savings in other departments and by a new tax.",
        "Several members of the opposition voted against it, saying that the tax would hurt small shops.",
        "The new budget also sets aside money for the repair of the old bridge over the river next year.",
        "A public meeting on the details of the plan will be held at the town hall at the end of the month.",
    ]
    page = "\n\n".join(x for p in paragraphs for x in (menu, p)) + "\n\n" + menu
    out = run_cleaner("paragraphs", page, lang="en")
    assert kept(out) == paragraphs
    assert out.measures["paragraphs.backed_off"] == 1.0 and out.measures["paragraphs.block_share"] < 0.3
    # the same lines with the guard off: one block only
    lines = page.split("\n\n")
    off = ClassifierParams(min_block_share=0.0)
    labels, shape = classify(lines, [True] * len(lines), stoplist_for("en"), "en", off)
    assert labels.count("good") == 1 and not shape.backed_off


COMMENTS = [
    "I live next to the school and the new classrooms are badly needed, so this is good news for us.",
    "The tax will not hurt the shops at all, most of them are doing very well since the market opened.",
    "Nobody asked the bus drivers what they think about the new lines, and they know the town best.",
]


def test_a_comment_thread_after_the_article_goes(run_cleaner) -> None:
    # Headers with a date and a clock time between kept comments: the text ends at the first one.
    headers = ["Anna 12.03.2024 at 14:05", "Tom 12.03.2024 at 15:20", "Lena 13.03.2024 at 08:45"]
    thread = [line for pair in zip(headers, COMMENTS, strict=True) for line in pair]
    out = run_cleaner("paragraphs", "\n\n".join([*ARTICLE_EN, *thread]), lang="en")
    assert kept(out) == ARTICLE_EN
    assert set(dropped(out)) >= set(COMMENTS)
    # a live blog's clock times without a date are no comment headers: its entries stay
    stamps = ["14:05 GMT", "15:20 GMT", "16:45 GMT"]
    live = [line for pair in zip(stamps, COMMENTS, strict=True) for line in pair]
    assert kept(run_cleaner("paragraphs", "\n\n".join([*ARTICLE_EN, *live]), lang="en")) == [
        *ARTICLE_EN,
        *COMMENTS,
    ]
    # and a thread that is most of the page (a forum, no article before it) is left as it is
    forum = [ARTICLE_EN[0], *thread, *thread]
    assert COMMENTS[0] in kept(run_cleaner("paragraphs", "\n\n".join(forum), lang="en"))


def test_after_html_extraction_a_comment_thread_is_trimmed_too() -> None:
    headers = [
        "Posted by: Anna | 12.03.2024 14:05",
        "Posted by: Tom | 12.03.2024 15:20",
        "Lena, 13.03.2024 08:45",
    ]
    thread = [line for pair in zip(headers, COMMENTS, strict=True) for line in pair]
    lines = [*ARTICLE_EN, *thread]
    trim = ClassifierParams(trim_only=True)
    labels, _ = classify(lines, [True] * len(lines), stoplist_for("en"), "en", trim)
    assert labels == ["good"] * 3 + ["comment_thread"] * 6
    assert (
        classify(lines, [True] * len(lines), stoplist_for("en"), "en", replace(trim, comment_headers=0))[0]
        == ["good"] * 9
    )
