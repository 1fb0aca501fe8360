"""The generic line classifier: menus go, prose stays, whatever stoplist the page was given."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dechaff.cleaners.base import Origin
from dechaff.cleaners.classifier_core import (
    ClassifierParams,
    _Body,
    _fitting,
    _Line,
    _shape,
    classify,
    classify_measured,
    measure_lines,
)
from dechaff.cleaners.paragraphs import Paragraphs, holes, ticker
from dechaff.core.document import Context, Line
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
    assert _fitting(ARTICLE_IS, stoplist_for("no"), "no", ClassifierParams()) == (frozenset(), None)
    title = "Ný áætlun um vegakerfið kynnt"
    out = kept(run_cleaner("paragraphs", "\n\n".join([*MENU, title, *ARTICLE_IS]), lang="no"))
    assert out == [title, *ARTICLE_IS]


def test_with_the_right_stoplist_menus_go_and_prose_stays(run_cleaner) -> None:
    menu = ["Home", "News", "Sport", "Business", "Weather"]
    assert _fitting(ARTICLE_EN * 2, stoplist_for("en"), "en", ClassifierParams())[1] is not None
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


def test_a_thread_heavier_than_its_article_gives_way_to_the_article(run_cleaner) -> None:
    # The thread is the heaviest block (a long share bar keeps the article out of it): the article
    # above its first header is the main block when it holds a fifth of the thread's text.
    # (exactly `comment_headers`, the first right above the thread's first line of text)
    headers = [f"{name} 1{k}.03.2024 at 1{k}:05" for k, name in enumerate(["Anna", "Tom", "Lena"])]
    replies = [f"{a} {b}" for a, b in zip(COMMENTS, [*COMMENTS[1:], COMMENTS[0]], strict=True)]
    thread = [line for pair in zip(headers, replies, strict=True) for line in pair]
    bar = "Share this story | Facebook | Twitter | Email | Print | Save for later | 3 comments"
    page = "\n\n".join(["Home | News | Sport", ARTICLE_EN[0], ARTICLE_EN[1], bar, *thread])
    out = run_cleaner("paragraphs", page, lang="en")
    assert kept(out) == ARTICLE_EN[:2]  # the thread's text does not count against the article's share
    assert set(replies) <= set(dropped(out))
    # an article of one line is under a fifth of the thread: a forum page, left as it is
    forum = "\n\n".join(["Home | News | Sport", ARTICLE_EN[0], bar, *thread])
    assert kept(run_cleaner("paragraphs", forum, lang="en")) == replies
    lines = ["Home | News | Sport", ARTICLE_EN[0], ARTICLE_EN[1], bar, *thread]
    shape = classify(lines, [True] * len(lines), stoplist_for("en"), "en")[1]
    assert (shape.block_share, shape.second_block, shape.backed_off) == (1.0, 0.0, False)  # no rival
    never = replace(ClassifierParams(), comment_headers=0)  # 0: no thread is looked for
    labels = classify(lines, [True] * len(lines), stoplist_for("en"), "en", never)[0]
    assert [line for line, label in zip(lines, labels, strict=True) if label == "good"] == replies
    # entries of a live blog ("14:05", no date) are no comments: they stay the main block
    live = [
        line
        for pair in zip(["Update at 14:05", "Update at 15:20", "Update at 16:45"], replies, strict=True)
        for line in pair
    ]
    page = "\n\n".join(["Home | News | Sport", ARTICLE_EN[0], ARTICLE_EN[1], bar, *live])
    assert kept(run_cleaner("paragraphs", page, lang="en")) == replies
    # a block with its own article before the first header is cut after it, as before
    whole = "\n\n".join(["Home | News | Sport", *ARTICLE_EN, *thread])
    assert kept(run_cleaner("paragraphs", whole, lang="en")) == ARTICLE_EN


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


# Thresholds small enough to reach with short made-up lines; the stop word is "the".
SMALL = ClassifierParams(
    length_low=20,
    length_high=40,
    stopwords_low=0.25,
    stopwords_high=0.5,
    punct_low=0.2,
    punct_high=0.4,
    max_title_case=0.5,
    max_separators=1,
    max_separator_share=0.25,
    max_copyright_words=5,
)
THE = frozenset({"the"})
GOOD_LINE = "the the aaaa bbbbbbb."  # 21 weighted chars, half stop words, a final stop
SHORT_LINE = "aa bb."
NEAR_LINE = "the aaaa bbbb cccccc."  # a quarter stop words
MENU_LINE = "aaaa | bbbb | cccc | dddd eeee ffff"  # three separators in nine words


@pytest.mark.parametrize(
    ("line", "lang", "stopwords", "alone", "measured"),
    [
        # (class on its own), (weight, words, density, ends_sentence, title_case)
        (GOOD_LINE, "en", THE, "good", (21, 4, 0.5, True, 0.0)),
        ("the the aaaa bbbbbb.", "en", THE, "good", (20, 4, 0.5, True, 0.0)),  # length_low itself
        ("the the aaaa bbbbb.", "en", THE, "short", (19, 4, 0.0, True, 0.0)),  # no density below it
        (NEAR_LINE, "en", THE, "neargood", (21, 4, 0.25, True, 0.0)),  # stopwords_low itself
        ("the aaaa bbbb ccc ddddd.", "en", THE, "low_stopwords", (24, 5, 0.2, True, 0.0)),
        ("the the aaaa bbbbbbbbbbb", "en", THE, "neargood", (24, 4, 0.5, False, 0.0)),  # no final stop
        ("the the aaaa " + "b" * 27, "en", THE, "good", (40, 4, 0.5, False, 0.0)),  # ...but length_high
        ("the the aaaa " + "b" * 26, "en", THE, "neargood", (39, 4, 0.5, False, 0.0)),
        ("the the aaaa bbbbbb.)", "en", THE, "good", (21, 4, 0.5, True, 0.0)),  # closers after the stop
        ("the the aaaa bbbbbb?»", "en", THE, "good", (21, 4, 0.5, True, 0.0)),
        ("the the aaaa bbbbbb...", "en", THE, "neargood", (22, 4, 0.5, False, 0.0)),  # a teaser's "..."
        ("The Aaaa Bbbb cccc dddd", "en", THE, "title_case", (23, 5, 0.2, False, 0.6)),
        ("the Aaaa Bbbb cccc dddd", "en", THE, "low_stopwords", (23, 5, 0.2, False, 0.4)),
        ("Aaaa Bbbb Cccc dddddddddddddd", "en", THE, "title_case", (29, 4, 0.0, False, 0.75)),
        ("Aaaa Bbbb Ccccccccccccccccccccc", "en", THE, "low_stopwords", (31, 3, 0.0, False, 1.0)),  # 3 words
        ("aaaa | bbbb | cccc dddd eeee ff", "en", THE, "low_stopwords", (31, 8, 0.0, False, 0.0)),  # 2 of 8
        (MENU_LINE, "en", THE, "separators", (35, 9, 0.0, False, 0.0)),
        ("aa » bb › cc", "en", THE, "separators", (12, 5, 0.0, False, 0.0)),
        ("aa / bb", "en", THE, "short", (7, 3, 0.0, False, 0.0)),  # one separator
        ("© aa bb cc dd", "en", THE, "copyright", (13, 5, 0.0, False, 0.0)),
        ("© aa bb cc dd ee", "en", THE, "short", (16, 6, 0.0, False, 0.0)),  # more than the notice
        ("Copyright aa bb", "en", THE, "copyright", (15, 3, 0.0, False, 0.0)),
        ("aa rights reserved", "en", THE, "copyright", (18, 3, 0.0, False, 0.0)),
        ("aaaa bbbb at 14:05", "en", THE, "timestamp", (18, 4, 0.0, False, 0.0)),
        ("aaaa bbbb cccc at 14:05", "en", THE, "low_stopwords", (23, 5, 0.0, False, 0.0)),  # long: no stamp
        ("aaaa bbbb at 14:65", "en", THE, "short", (18, 4, 0.0, False, 0.0)),  # no clock time
        ("12:30 -- 45 / 2024", "en", THE, "no_letters", (18, 5, 0.0, False, 0.0)),
        ("中文中文中文中", "zh", THE, "low_stopwords", (21, 4, 0.0, False, 0.0)),  # Han weighs three
        ("한국어한국어한국", "ko", THE, "short", (16, 1, 0.0, False, 0.0)),  # hangul two
        ("aaaa, bbbb; cccc dddd eeee.", "en", frozenset(), "good", (27, 5, 0.6, True, 0.0)),  # marks/word
        ("aaaa bbbb cccc dddd eeee.", "en", frozenset(), "neargood", (25, 5, 0.2, True, 0.0)),  # punct_low
        ("aaaa bbbb cccc dddd eeee ffff.", "en", frozenset(), "low_stopwords", (30, 6, 1 / 6, True, 0.0)),
        ("aaaa, bbbb cccc dddd eeee ffff", "th", frozenset(), "good", (30, 6, 1 / 6 + 5 / 6, True, 0.0)),
    ],
)
def test_each_line_is_classed_on_its_own_by_its_measures(
    line: str, lang: str, stopwords: frozenset[str], alone: str, measured: tuple[object, ...]
) -> None:
    m = measure_lines([line], stopwords, lang, SMALL)
    f = m.features[0]
    assert m.alone == [alone]
    assert (f.weight, f.words, pytest.approx(f.density), f.ends_sentence, f.title_case) == measured


def test_a_line_in_another_script_than_the_stoplist_is_measured_by_punctuation() -> None:
    english = stoplist_for("en")
    latin, cyrillic = "The mayor spoke, at length.", "Мэр говорил, долго и подробно."
    by_punct = [f.by_punct for f in measure_lines([latin, cyrillic, "12 34"], english, "en", SMALL).features]
    assert by_punct == [False, True, False]
    counted = measure_lines([latin], english, "en", SMALL).features[0]
    assert (counted.stop_words, counted.density) == (2, 0.4)  # "the", "at": outer punctuation stripped
    assert measure_lines([cyrillic], english, "en", SMALL).features[0].density == 2 / 5


@pytest.mark.parametrize(
    ("sequence", "in_context"),
    [
        # a short line between good ones is kept (up to max_short_run in a row), and so is the
        # one right above good text (a heading); a near-good line next to good text is kept
        ("sGsGssssGnbnbs", "GGGGiiiGGGbLbi"),
        ("GsnssG", "GGGiGG"),  # a run counts near-good lines too; its heading check reads left to right
        ("GsssG", "GGGGG"),
        ("nGn", "GGG"),
        ("sn", "iL"),
        ("bsG", "bGG"),
        ("Gsb", "Gib"),
    ],
)
def test_short_and_near_good_lines_take_their_class_from_their_neighbours(
    sequence: str, in_context: str
) -> None:
    text = {"G": GOOD_LINE, "s": SHORT_LINE, "n": NEAR_LINE, "b": MENU_LINE}
    label = {"G": "good", "i": "short_isolated", "L": "low_stopwords", "b": "separators"}
    m = measure_lines([text[c] for c in sequence], THE, "en", SMALL)
    assert m.in_context == [label[c] for c in in_context]


BLOCK_PAGE = [
    MENU_LINE,
    "Zebra Crossing News",  # the title: two of its three words recur in the text
    "aa bb.",
    "the the zebra crossing.",
    "the the quick crossing.",
    MENU_LINE,
    MENU_LINE,
    MENU_LINE,
    "the the lonely sentence.",  # good on its own, outside the main block
]


def test_the_main_block_its_title_and_the_shape_of_the_page() -> None:
    labels, shape = classify(BLOCK_PAGE, [True] * len(BLOCK_PAGE), THE, "en", SMALL)
    assert labels == ["separators", "good", "good", "good", "good", *["separators"] * 3, "edge"]
    # prose: the three lines good on their own (70 chars), 46 of them in the block; the best block
    # outside it (24) against the block's own mass (6 + 23 + 23)
    assert shape == (46 / 70, 24 / 52, False, 70, False)
    exact = classify(BLOCK_PAGE, [True] * len(BLOCK_PAGE), THE, "en", replace(SMALL, min_block_share=46 / 70))
    assert exact[0] == labels
    guarded, backed = classify(BLOCK_PAGE, [True] * 9, THE, "en", replace(SMALL, min_block_share=0.66))
    assert backed.backed_off and guarded[1:] == ["short_isolated", *labels[2:8], "good"]


def test_the_title_is_the_nearest_line_above_the_block_that_shares_most_of_its_words() -> None:
    def title_of(above: list[str], **params: object) -> list[str]:
        page = [*above, MENU_LINE, "the the zebra crossing.", "the the quick crossing."]
        labels = classify(page, [True] * len(page), THE, "en", replace(SMALL, **params))[0]
        return [line for line, label in zip(above, labels, strict=False) if label == "good"]

    assert title_of(["Zebra Crossing News", "Other Words Here"]) == ["Zebra Crossing News"]
    assert title_of(["Zebra Crossing News", "Quick Zebra Here"]) == ["Quick Zebra Here"]  # a tie: nearest
    assert title_of(["Zebra Crossing Quick", "Zebra Crossing Here"]) == ["Zebra Crossing Quick"]  # 3/3 > 2/3
    far = ["Zebra Crossing News", "Xx Yy.", "Other Words"]
    assert title_of(far, title_lookback=3) == [] and title_of(far, title_lookback=4) == [far[0]]
    assert title_of(["Zebra-Crossing/News"]) == ["Zebra-Crossing/News"]  # split at - and /
    assert title_of(["Zebra"]) == []  # one word is no evidence
    assert title_of(["Zebra Quick Ffff Gggg"]) == ["Zebra Quick Ffff Gggg"]  # half its words: enough
    assert title_of(["Zebra Quick Ffff Gggg", "Crossing Zebra Hhhh Iiii"]) == ["Crossing Zebra Hhhh Iiii"]
    assert title_of(["Zebra Crossing Xx Yy Zz"]) == ["Zebra Crossing Xx Yy Zz"]  # words of 3+ letters only
    assert title_of(["The Zebra Walkers Here"]) == []  # 1 of 3: "the" is not a content word
    assert title_of(["The Zebra Crossings Here"]) == ["The Zebra Crossings Here"]  # crossings ~ crossing
    assert title_of(["Zebra Crossing Zebra Crossing Zebra Crossing Zebra Crossing News"]) == []  # too long
    assert title_of(["Zebra | Crossing | News"]) == []  # boilerplate on its own


def test_lines_without_a_blank_between_them_are_also_judged_as_one_paragraph() -> None:
    paragraph = ["the the aaaa", "bbbb the cccc", "the dddd."]  # short apart, good together

    def labels(gaps: list[bool], max_lines: int = 8) -> list[str]:
        return classify(paragraph, gaps, THE, "en", replace(SMALL, max_paragraph_lines=max_lines))[0]

    assert labels([True, False, False]) == ["good"] * 3
    assert labels([False, False, False], max_lines=3) == ["good"] * 3  # the first line needs no blank
    assert labels([True, True, True]) == ["short_isolated"] * 3
    assert labels([True, False, False], max_lines=2) == ["short_isolated"] * 3  # a dump without blanks
    page = [MENU_LINE, *paragraph, MENU_LINE]
    wrapped = classify(page, [True, True, False, False, True], THE, "en", SMALL)[0]
    assert wrapped == ["separators", "good", "good", "good", "separators"]
    with pytest.raises(ValueError, match="2 gaps for 3 lines"):
        classify(paragraph, [True, True], THE, "en", SMALL)


def test_the_stoplist_is_dropped_for_a_page_it_does_not_fit() -> None:
    def ten_words(stops: int) -> str:
        return " ".join(["the"] * stops + ["word"] * (10 - stops))

    fits = [ten_words(2), *[ten_words(1)] * 4]  # 6 stop words in 50: 12%
    assert _fitting(fits, THE, "en", SMALL)[1] is not None
    assert _fitting([ten_words(1)] * 5, THE, "en", SMALL) == (frozenset(), None)  # 5 in 50
    assert (
        _fitting([*[ten_words(1)] * 4, "x " * 8 + "x"], THE, "en", SMALL)[1] is not None
    )  # 40 words: too few to say
    dropped = measure_lines([ten_words(1)] * 5, THE, "en", SMALL)
    assert all(f.by_punct for f in dropped.features)
    assert all(not f.by_punct for f in measure_lines(fits, THE, "en", SMALL).features)


COMMENT_PARAMS = replace(SMALL, comment_headers=2, comment_article_share=0.5, edge_penalty=0.1)
ARTICLE_42 = "the the the the aaaa bbbbbbb cccccc ddddd."  # as long as the two comments together
HEADERS = ("Ann 1.3 at 14:05", "Bob 2.3 at 9:15")
COMMENT_LINES = ("the the aaaa bbbbbbb.", "the the cccc ddddddd.")


def _thread(article: str, headers: tuple[str, str] = HEADERS, **params: object) -> list[str]:
    page = [article, headers[0], COMMENT_LINES[0], headers[1], COMMENT_LINES[1]]
    return classify(page, [True] * 5, THE, "en", replace(COMMENT_PARAMS, **params))[0]


def test_a_comment_thread_is_cut_only_after_an_article_of_its_share_and_with_enough_headers() -> None:
    cut = ["good", "timestamp", "comment_thread", "timestamp", "comment_thread"]
    kept = ["good", "timestamp", "good", "timestamp", "good"]
    assert _thread(ARTICLE_42) == cut  # the article is half the kept text: enough
    assert _thread(ARTICLE_42[:-2] + ".") == kept  # a character less: not an article before a thread
    assert _thread(ARTICLE_42, ("at 14:05", HEADERS[1])) == kept  # a clock time alone is no header
    assert _thread(ARTICLE_42, comment_headers=3) == kept
    assert _thread(ARTICLE_42, comment_headers=0) == kept
    # after extraction the headers are kept text too, and count in the article's share
    assert _thread(ARTICLE_42, trim_only=True) == ["good"] * 5
    assert _thread(ARTICLE_42, trim_only=True, comment_article_share=0.3) == ["good", *["comment_thread"] * 4]


def test_trim_mode_cuts_before_the_first_and_after_the_last_line_of_prose() -> None:
    trim = replace(SMALL, trim_only=True, trim_max_weight=30)
    page = [
        "aa bb",
        "Zebra Crossing News",
        MENU_LINE,
        "the the zebra crossing.",
        "aa bb",
        "the the quick crossing.",
        "aa bb",
        "x" * 30,  # long: kept wherever it is
        "cc dd",
        f"{MENU_LINE} | {MENU_LINE}",  # ...unless boilerplate on its own, such as a long menu
    ]
    labels, shape = classify(page, [True] * len(page), THE, "en", trim)
    head, tail = ["trim_head", "good", "trim_head"], ["trim_tail", "good", "trim_tail", "trim_tail"]
    assert labels == [*head, "good", "good", "good", *tail]  # the menu line above the text is long too
    assert shape == (1.0, 0.0, False, 46, False)
    near = ["aa bb", NEAR_LINE, "cc dd"]  # near-good is prose in trim mode
    assert classify(near, [True] * 3, THE, "en", trim)[0] == ["trim_head", "good", "trim_tail"]
    assert classify(["aa", "bb"], [True, True], THE, "en", trim) == (
        ["good", "good"],
        (1.0, 0.0, False, 0, False),
    )


def test_what_the_line_model_is_fitted_on_is_the_line_cut_into_its_pieces() -> None:
    params = replace(SMALL, glued_chars=30, piece_chars=20)
    cleaner = Paragraphs(params, Origin("x.yaml"))
    glued = f"{GOOD_LINE} the the cccc ddddddd. {MENU_LINE}."
    lines = [Line(1, "Xx yy", 0, True), Line(2, glued, 0, False)]
    ctx = Context(lang="en", stopwords=THE)
    flat, labels, _ = cleaner.judged_lines(lines, ctx)
    assert [(x.no, x.text, x.start, x.gap_before) for x in flat] == [
        (1, "Xx yy", 0, True),
        (2, GOOD_LINE, 0, False),  # the first piece keeps the line's own gap
        (2, "the the cccc ddddddd.", 22, True),
        (2, f"{MENU_LINE}.", 44, True),
    ]
    assert labels == ["good", "good", "good", "separators"]
    out = cleaner.clean(lines, ctx)  # the cleaner keeps the run of good pieces as one line
    assert [(x.no, x.text) for x in out.lines] == [(1, "Xx yy"), (2, glued[:43])]
    assert [(r.text, r.rule_id, r.rule_file) for r in out.removed] == [
        (f"{MENU_LINE}.", "paragraphs.separators", "x.yaml")
    ]
    assert out.measures == {
        "paragraphs.block_share": 1.0,
        "paragraphs.second_block": 0.0,
        "paragraphs.backed_off": 0.0,
        "paragraphs.prose": 42.0,
        "paragraphs.headline": 0.0,
    }


def test_in_trim_mode_a_thai_line_needs_no_final_stop_to_be_prose() -> None:
    trim = replace(SMALL, trim_only=True)
    page = ["aa bb", "aaaa bbbb cccc dddd eeee ffff", "cc dd"]  # spaces between phrases, no marks
    assert classify(page, [True] * 3, frozenset(), "th", trim)[0] == ["trim_head", "good", "trim_tail"]
    assert classify(page, [True] * 3, frozenset(), "en", trim)[0] == ["good"] * 3  # no prose at all


def test_in_trim_mode_a_sentence_of_names_is_prose_by_its_commas() -> None:
    # no stop word ("Ann (knee), Bob (back), Cy, Di, Ed... miss out.") but a comma for most words
    trim = replace(SMALL, trim_only=True)
    names = "Aa (bb), Cc (dd), Ee, Ff, Gg, Hh, Ii, Jj miss out."
    page = ["aa bb", GOOD_LINE, names, "cc dd"]
    assert classify(page, [True] * 4, THE, "en", trim)[0] == ["trim_head", "good", "good", "trim_tail"]
    unended = names.rstrip(".")  # no final stop: a list of links, not a sentence
    assert classify([*page[:2], unended, "cc dd"], [True] * 4, THE, "en", trim)[0][2] == "trim_tail"
    fewer = names.replace(",", "")  # no commas: the stop words alone decide
    assert classify([*page[:2], fewer, "cc dd"], [True] * 4, THE, "en", trim)[0][2] == "trim_tail"


def test_headlines_of_a_teaser_list_add_no_weight_to_a_block() -> None:
    # A near-good line with no final stop (a teaser's headline) is kept beside good text, but
    # weighs nothing in the choice of the main block: the teaser list after a menu no longer
    # outweighs the article above it.
    head = "the aaaa bbbb cccccc"  # a quarter stop words: near-good, no final stop
    page = [GOOD_LINE] * 4 + [MENU_LINE] + [head, GOOD_LINE] * 3
    labels, shape = classify(page, [True] * len(page), THE, "en", SMALL)
    assert labels == ["good"] * 4 + ["separators"] + ["edge"] * 6
    assert shape.second_block == pytest.approx(63 / 84)  # the teasers' snippets alone: 3 x 21
    # ...but right above the article such a line is its headline, and stays with it
    top = [MENU_LINE, "the xxxx yyyy zzzzzz", *[GOOD_LINE] * 3]  # no word of it in the text
    assert classify(top, [True] * len(top), THE, "en", SMALL)[0] == ["separators", *["good"] * 4]
    ended = [f"{line}." if line == head else line for line in page]  # sentences weigh as prose
    assert classify(ended, [True] * len(page), THE, "en", SMALL)[0][5:] == ["good"] * 6


def test_a_glued_line_of_boilerplate_pieces_only_goes_whole() -> None:
    params = replace(SMALL, glued_chars=30, piece_chars=20)
    cleaner = Paragraphs(params, Origin("x.yaml"))
    menus = f"{MENU_LINE}. {MENU_LINE}."  # two pieces, each a menu of separators
    lines = [Line(1, GOOD_LINE, 0, True), Line(2, GOOD_LINE, 0, True), Line(3, menus, 0, True)]
    out = cleaner.clean(lines, Context(lang="en", stopwords=THE))
    assert [line.no for line in out.lines] == [1, 2]
    assert [(r.line_no, r.text, r.rule_id) for r in out.removed] == [
        (3, f"{MENU_LINE}.", "paragraphs.separators"),
        (3, f"{MENU_LINE}.", "paragraphs.separators"),
    ]


TICKER = " ".join(
    f"{hour}:{minute:02d} {headline}. {lead}"
    for hour, minute, headline, lead in [
        (
            10,
            17,
            "A new city passes one million",
            "The statistics office confirmed the figure on Wednesday morning.",
        ),
        (
            10,
            15,
            "Guard doubled at parliament",
            "The street in front of the building was closed, a witness said.",
        ),
        (
            10,
            10,
            "The dollar gains two kopecks",
            "The currency rose in the first minutes of trading on the exchange.",
        ),
        (
            10,
            8,
            "The index opens higher",
            "The index rose by three quarters of a percent at the opening bell.",
        ),
        (
            10,
            6,
            "Police check a cafe",
            "Photographs taken at a party in the cafe led to an inquiry, police said.",
        ),
    ]
    * 3
)


def test_a_glued_news_ticker_goes_whole(run_cleaner) -> None:
    """A dump laid out in columns glues a ticker of timed headlines into one long line; each item
    reads as prose, the whole is a live-feed widget: it goes, the article above it stays."""
    text = "\n".join([*ARTICLE_EN, TICKER])
    out = run_cleaner("paragraphs", text, lang="en")
    assert len(TICKER) > 1000 and kept(out) == ARTICLE_EN
    assert [r.rule_id for r in out.removed] == ["paragraphs.ticker"]


def test_a_glued_article_that_names_times_is_no_ticker(run_cleaner) -> None:
    """Clock times inside sentences are no items of a ticker: a glued article keeps them."""
    story = (
        "The council met at 10:17 in the town hall and voted the budget before 11:30, when the mayor left. "
        "The vote ended a debate that began at 09:00 on Monday, and the opposition said it would appeal. "
    ) * 6
    out = run_cleaner("paragraphs", "\n".join([*ARTICLE_EN, story.strip()]), lang="en")
    assert len(story) > 1000 and "paragraphs.ticker" not in [r.rule_id for r in out.removed]


def test_a_ticker_has_at_least_its_number_of_timed_items() -> None:
    """`ticker_items` is the least number of timed items: three make a ticker, two do not."""
    three = "10:17 Rates rise. Banks follow. 10:15 Fog at the airport. 09:58 A new mayor."
    assert ticker(three, 3)
    assert not ticker(three.rsplit(" 09:58", 1)[0], 3)


def test_a_ticker_s_removal_names_the_cleaner_and_its_line(run_cleaner) -> None:
    """The removed table and `explain` say which cleaner dropped a line: the ticker's is this one."""
    out = run_cleaner("paragraphs", "\n".join([*ARTICLE_EN, TICKER]), lang="en")
    assert [(r.cleaner, r.line_no, r.text) for r in out.removed] == [("paragraphs", 4, TICKER)]


def test_a_rubric_over_the_headline_is_no_heading() -> None:
    """A short line right above good text is its heading, but not above a headline: there it is
    the section's name (a kicker). A subheading over a paragraph still stays."""
    headline = "The city council approves the new budget for schools and buses after a long debate"
    lines = ["Politics", headline, *ARTICLE_EN[:2], "What comes next", ARTICLE_EN[2]]
    labels, _ = classify(lines, [True] * len(lines), stoplist_for("en"), "en")
    assert labels == ["kicker", "good", "good", "good", "good", "good"]
    banner = ["The Daily Lake Gazette", *lines[1:]]  # four words: a banner, left to site rules
    assert classify(banner, [True] * len(banner), stoplist_for("en"), "en")[0][0] == "good"
    # one word or capitals: the section's name, even when the text says it ("schools" recurs)
    for rubric in ("Schools", "SCHOOLS AND BUSES"):
        named = [rubric, *lines[1:]]
        assert classify(named, [True] * len(named), stoplist_for("en"), "en")[0][0] == "kicker", rubric


def test_lines_removed_before_count_in_a_run_of_short_lines() -> None:
    """The site's name left alone between the standfirst and the text, once the byline, dates and
    share buttons around it went (`holes`), still belongs to a run of short lines: it goes. Without
    removed lines around it, it is kept as a one-line paragraph between good text. A short line
    right above good text is its heading, with lines removed between them too when nothing good
    is above it (a title, then the byline and dates that went)."""
    lines = [ARTICLE_EN[0], "Radio News", *ARTICLE_EN[1:]]
    gaps, en = [True] * len(lines), stoplist_for("en")
    assert classify(lines, gaps, en, "en")[0] == ["good"] * 4
    with_holes, _, _ = classify_measured(lines, gaps, en, "en", holes=[0, 2, 4, 0])
    assert with_holes == ["good", "short_isolated", "good", "good"]
    heading = ["Menu", "What comes next", *ARTICLE_EN]
    assert classify_measured(heading, [True] * 5, en, "en", holes=[0, 0, 0, 0, 0])[0][1] == "good"
    assert classify_measured(heading, [True] * 5, en, "en", holes=[0, 0, 2, 0, 0])[0][1] == "good"


def test_holes_count_the_lines_removed_between_two_lines() -> None:
    lines = [Line(3, "a"), Line(3, "b"), Line(4, "c"), Line(9, "d")]
    assert holes(lines, (1, 2, 3, 4, 6, 7, 9)) == [2, 0, 0, 2]
    assert holes(lines, ()) == []


def test_the_standfirst_between_the_title_and_the_text_is_kept() -> None:
    """Prose between the title found above the main block and the block (the standfirst), cut off
    from it by a long boilerplate line (a caption, a menu), is the article's too."""
    title = "The city council approves the budget for schools and buses"
    standfirst = "The vote ended a debate of several months, in which the opposition tried to delay the plan."
    menu = "Home | News | Local | Politics | Schools | Budget | Video | Photos | Weather | Traffic"
    lines = ["Menu", title, standfirst, "Jane Doe", menu, *ARTICLE_EN]
    labels, _ = classify(lines, [True] * len(lines), stoplist_for("en"), "en")
    assert labels == [
        "short_isolated",
        "good",
        "good",
        "short_isolated",
        "separators",
        "good",
        "good",
        "good",
    ]
    without_title = ["Menu", standfirst, "Jane Doe", menu, *ARTICLE_EN]
    assert classify(without_title, [True] * 7, stoplist_for("en"), "en")[0][1] == "edge"

    # a player's widgets between them: more lines than `title_lookback` between the title and
    # the text, but the standfirst under the title is found within twice that
    plain = "The council voted the budget for the schools and the buses of the city, with a new tax."
    player = ["Play", "00:00 / 31:47", "1x", "Download (MP3, 29 MB)", "Chapters"]
    player += [f"{m:02d}:10 {part}" for m, part in enumerate(("Opening", "Schools", "Buses", "Taxes"))]
    player += ["Show the transcript", "Download", "Share"]  # 12 lines
    lines = ["Menu", title, plain, *player, *ARTICLE_EN]
    labels, _ = classify(lines, [True] * len(lines), stoplist_for("en"), "en")
    assert labels[1:3] == ["good", "good"] and labels[-3:] == ["good"] * 3
    farther = ["Menu", title, plain, *player, *player[:9], *ARTICLE_EN]  # past twice the lookback
    assert classify(farther, [True] * len(farther), stoplist_for("en"), "en")[0][1:3] == ["edge", "edge"]


def test_a_headline_over_its_standfirst_is_the_title_before_a_caption_nearer_the_text() -> None:
    """A headline right over its standfirst, both prose outside the block, is the title, though a
    caption under them, nearer the text, shares more of its words (a photo of the council); a
    teaser and its summary on another subject share too few words to be the article's."""
    title = "Schools and buses get more money in the new city budget"
    standfirst = "The council voted the plan on Tuesday, after months of debate with the opposition."
    caption = "The city council approved the budget for schools and buses on Tuesday"
    meta = ["Jane Doe", "12 March 2024", caption, "Share", "Print"]
    lines = ["Menu", "Politics", title, standfirst, *meta, *ARTICLE_EN]
    labels, _ = classify(lines, [True] * len(lines), stoplist_for("en"), "en")
    assert labels[2:4] == ["good", "good"] and labels[6] != "good"
    # the pair's words together: 5 of 11 recur in the text (0.45, over _PAIR_SHARE)
    loose = "The vote ended a fight over parking fees and the harbour district, with the opposition."
    lines = ["Menu", "Politics", title, loose, *meta, *ARTICLE_EN]
    assert classify(lines, [True] * len(lines), stoplist_for("en"), "en")[0][2] == "good"
    # a headline of two content words is no pair's: the caption nearer the text is the title
    lines = ["Menu", "Politics", "Schools vote", standfirst, *meta, *ARTICLE_EN]
    labels, _ = classify(lines, [True] * len(lines), stoplist_for("en"), "en")
    assert labels[2] != "good" and labels[6] == "good"
    # a related teaser with its summary on the same subject, between the head and the text,
    # shares more of the text's words than the head: the pair farthest up is the head
    related = [
        "Opposition says the new tax will hurt small shops",
        "Small shops say the tax voted by the council on Tuesday will hurt them, the opposition says.",
    ]
    share = "Share | Facebook | Twitter | Email | Print | Copy link | WhatsApp | LinkedIn | Reddit"
    tags = "Tags | Budget | Schools | Buses | Tax | Council | Opposition | City | Vote | Debate"
    text = [
        "The city council approved on Tuesday a budget that gives more money to schools and to the "
        "buses, after a debate that lasted well into the night.",
        "The mayor said that the plan would be paid for by savings in other departments and by a new "
        "tax on the largest commercial properties in the centre.",
        "Several members of the opposition voted against it, saying that the tax would hurt small "
        "shops that are already struggling with high rents and falling trade.",
    ]
    head = [
        "The city council approves the budget for schools and buses",
        "The vote ended a debate of several months, in which the opposition tried to delay the plan.",
    ]
    lines = ["Menu", *head, "Jane Doe", tags, *related, share, *text]
    labels, _ = classify(lines, [True] * len(lines), stoplist_for("en"), "en")
    assert labels[1:3] == ["good", "good"] and labels[5] != "good"
    teaser = [
        "Harbour festival draws record crowds to the old port",
        "Thousands of visitors came to see the tall ships sail into the harbour at dawn, and the "
        "cafes on the quay were full all day long.",
    ]
    lines = ["Menu", *teaser, *meta, *ARTICLE_EN]
    labels, _ = classify(lines, [True] * len(lines), stoplist_for("en"), "en")
    assert "good" not in labels[1:3] and labels[5] == "good"  # the caption: the nearest that shares


def test_what_a_rubric_is_not() -> None:
    """No kicker over a near-good line that ends in a full stop (prose: judged here by its
    punctuation, no stoplist), over a short line, or when its words recur in the text (a short
    title)."""
    body = [
        "First, the council met; then, after a vote, it approved the plan, the budget, and the rules.",
        "Later, the mayor spoke, thanked staff, praised members, and asked everyone, again, to stay calm.",
        "Finally, the meeting ended, lights went off, doors closed, and people left, tired but happy.",
    ]
    prose = "The council approved the new budget for schools and buses after the long evening debate."
    labels, _ = classify(["Politics", prose, *body], [True] * 5, frozenset(), "xx")
    assert labels == ["good"] * 5
    en = stoplist_for("en")
    lines = ["Politics", "Budget approved today", *ARTICLE_EN]
    assert "kicker" not in classify(lines, [True] * len(lines), en, "en")[0]
    cut_short = (  # no final stop, but longer than a headline: a paragraph cut short
        "The city council approved on Tuesday a budget that gives more money to schools and to the "
        "buses of the region after a debate of several hours in the hall"
    )
    lines = ["Politics", cut_short, *ARTICLE_EN]
    assert classify(lines, [True] * len(lines), en, "en")[0][0] == "good"
    lines = ["Politics", cut_short[:124], *ARTICLE_EN]
    assert classify(lines, [True] * len(lines), en, "en")[0][0] == "kicker"
    lines = ["Tarte Tatin", cut_short[:124], *ARTICLE_EN]  # the line the page's URL spells: its title
    assert classify(lines, [True] * 5, en, "en")[0][0] == "kicker"
    assert classify(lines, [True] * 5, en, "en", slug=frozenset({"tarte", "tatin"}))[0][0] == "good"
    headline = "Approved after a long debate on Tuesday night in the hall"
    lines = ["Council budget", headline, *ARTICLE_EN]
    assert classify(lines, [True] * len(lines), en, "en")[0][0] != "kicker"
    # a short title over a subtitle that says its words again is still the title (a review found
    # a first version that read the subtitle's words as a rubric's)
    subtitle = "The easiest banana bread you will ever bake, moist and full of flavour"
    bread = [
        "This banana bread is the recipe I come back to every time there are brown bananas left.",
        "Mash the bananas with a fork, stir in the butter, the sugar and the eggs, then the flour.",
        "Bake the banana bread for about an hour, until a skewer pushed into the middle comes out clean.",
    ]
    lines = ["Banana bread", subtitle, *bread]
    assert classify(lines, [True] * len(lines), en, "en")[0][0] == "good"


def test_lines_removed_before_a_run_count_too() -> None:
    lines = [ARTICLE_EN[0], "Radio News", "Jane Doe", *ARTICLE_EN[1:]]
    labels, _, _ = classify_measured(lines, [True] * 5, stoplist_for("en"), "en", holes=[0, 2, 0, 0, 0])
    assert labels[:3] == ["good", "short_isolated", "good"]  # Jane Doe: right above the text


def test_what_the_line_model_is_fitted_on_counts_the_removed_lines() -> None:
    """`dechaff train` sees the labels the cleaner gives, removed lines counted."""
    cleaner = Paragraphs(ClassifierParams(), Origin("x.yaml"))
    texts = [ARTICLE_EN[0], "Radio News", *ARTICLE_EN[1:]]
    lines = [Line(no, text, 0, True) for no, text in zip((1, 4, 9, 10), texts, strict=True)]
    ctx = Context(lang="en", stopwords=stoplist_for("en"), numbers=tuple(range(1, 11)))
    _, labels, measured = cleaner.judged_lines(lines, ctx)
    assert labels == ["good", "short_isolated", "good", "good"]
    assert measured is not None and measured.in_context[1] == "short_isolated"


@pytest.mark.parametrize(
    ("word", "body", "repeats"),
    [
        ("baguette", "Les baguettes de tradition.", True),  # from five letters: the same start
        ("département", "Le concours départemental.", True),
        ("cher", "Il faut chercher ailleurs.", False),  # not inside another word
        ("actu", "Actuellement, rien.", False),
        ("loir", "Brévannes-sur-Loir fête son pain.", True),  # words split at hyphens
        ("서울", "서울시는 발표했다.", True),  # Korean glues particles to words: anywhere
        ("東京", "昨日東京で会議があった。", True),  # han pairs: anywhere
    ],
)
def test_what_counts_as_a_title_word_recurring_in_the_text(word: str, body: str, repeats: bool) -> None:
    assert _Body(body).repeats(word) is repeats


def test_a_menu_line_whose_words_hide_inside_the_text_s_words_is_no_title() -> None:
    """ "Actu Loir-et-Cher": "actu" and "cher" are inside "actuellement" and "chercher", not words of
    the text; the headline's words are."""
    fr = stoplist_for("fr")
    body = [
        "Les boulangers de Brévannes viennent chercher le prix de la meilleure baguette, actuellement "
        "le plus convoité du département, et la boulangerie de la rue Nationale l'a emporté.",
        "Le jury a goûté les baguettes à l'aveugle, puis il a désigné la boulangerie de la rue Nationale "
        "comme la meilleure du département, devant une trentaine de concurrents.",
        "Les clients viennent désormais de loin pour acheter la baguette primée, et la boulangerie "
        "a dû embaucher un apprenti pour suivre la demande du Loir, et au-delà.",
    ]
    title = "La boulangerie de la rue Nationale décroche le prix de la meilleure baguette du département"
    lines = ["Actu Loir-et-Cher", title, "Par la rédaction", "Partager", "Lire plus tard", "Écouter", *body]
    labels, _ = classify(lines, [True] * len(lines), fr, "fr")
    assert labels[0] != "good" and labels[1] == "good"


def test_a_forums_first_post_under_a_header_like_the_others_is_no_article() -> None:
    """A forum's thread: the first post is under a header that starts like the others', so the
    posts after it are posts too, not comments on it; an article has no such header above it."""
    posts = ["Post by A 1.3 9:00", ARTICLE_42, "Post by B 1.3 14:05", COMMENT_LINES[0], "Post by C 2.3 9:15"]
    posts.append(COMMENT_LINES[1])
    labels = classify(posts, [True] * 6, THE, "en", COMMENT_PARAMS)[0]
    assert labels == ["timestamp", "good", "timestamp", "good", "timestamp", "good"]
    other = ["Ann 1.3 at 9:00", *posts[1:]]  # a header unlike the others' above the first post
    assert classify(other, [True] * 6, THE, "en", COMMENT_PARAMS)[0][3::2] == ["comment_thread"] * 2
    dated = ["March 1.3 at 9:00", ARTICLE_42, "March 1.3 at 14:05", COMMENT_LINES[0], "March 2.3 at 9:15"]
    dated.append(COMMENT_LINES[1])  # dates alike are no forum's signature: the comments go
    assert classify(dated, [True] * 6, THE, "en", COMMENT_PARAMS)[0][3::2] == ["comment_thread"] * 2
    # a template's mark after each member's name: a forum, whoever wrote each post
    marked = ["Post by Ann » 1.3 9:00", ARTICLE_42, "Post by Bob » 1.3 14:05", COMMENT_LINES[0]]
    marked += ["Post by Cy7 » 2.3 9:15", COMMENT_LINES[1]]
    assert classify(marked, [True] * 6, THE, "en", COMMENT_PARAMS)[0][1::2] == ["good"] * 3
    # a byline and comments headed like it, with no template's mark: the names differ, so the
    # comments go (an article's "By ann 1.3" is no forum post)
    bylined = ["By ann 1.3 9:00", ARTICLE_42, "By bob 1.3 14:05", COMMENT_LINES[0]]
    bylined += ["By cy 2.3 9:15", COMMENT_LINES[1]]
    assert classify(bylined, [True] * 6, THE, "en", COMMENT_PARAMS)[0][3::2] == ["comment_thread"] * 2
    # a news byline's mark between its name and its date is no forum's template
    dotted = ["By ann · 1.3 9:00", ARTICLE_42, "By bob · 1.3 14:05", COMMENT_LINES[0]]
    dotted += ["By cy · 2.3 9:15", COMMENT_LINES[1]]
    assert classify(dotted, [True] * 6, THE, "en", COMMENT_PARAMS)[0][3::2] == ["comment_thread"] * 2
    # a date's number as the second word: no forum's signature, whatever the mark
    numbered = ["Le 1 » 1.3 9:00", ARTICLE_42, "Le 1 » 1.3 14:05", COMMENT_LINES[0], "Le 2 » 2.3 9:15"]
    numbered.append(COMMENT_LINES[1])
    assert classify(numbered, [True] * 6, THE, "en", COMMENT_PARAMS)[0][3::2] == ["comment_thread"] * 2


def test_a_forums_block_runs_to_the_last_post_when_it_starts_above_the_first_header() -> None:
    """The thread's title is heavy enough to open the block above the first post's header, and
    the members' cards cut the block before the last post: the thread still runs to the last post
    (a block is widened to every post when it misses the first one or the last)."""

    def line(weight: int, good: bool) -> _Line:
        return _Line(weight, False, weight // 6, 0.4, good, 0.0, "", -1)

    rows = [("good", 200), ("timestamp", 30), ("good", 400), ("timestamp", 30), ("good", 300)]
    rows += [("short_isolated", 20)] * 6 + [("timestamp", 30), ("good", 80)]
    labels = [label for label, _ in rows]
    feats = [line(weight, label == "good") for label, weight in rows]
    assert _shape(labels, labels, feats, ClassifierParams(), -1, [1, 3, 11], True)[1] == (0, 12)
    # not a forum: the same page's block ends where the cards begin
    assert _shape(labels, labels, feats, ClassifierParams(), -1, [1, 3, 11], False)[1] == (0, 4)


HEATING_POSTS = [  # two members answering each other
    "Bonjour, notre chaudière au fioul a vingt-cinq ans et nous voudrions la remplacer avant "
    "l'hiver prochain. Nous hésitons entre une pompe à chaleur et une chaudière à granulés.",
    "Bonsoir, tout dépend de vos émetteurs : avec de vieux radiateurs en fonte, une pompe à "
    "chaleur haute température s'impose, sinon le rendement s'effondre dès qu'il gèle dehors.",
    "Nos radiateurs sont justement en fonte, dans toutes les pièces sauf la cuisine. Faut-il les "
    "changer tous, ou une partie seulement, si nous choisissons la pompe à chaleur ?",
    "Pas forcément : faites d'abord calculer les déperditions pièce par pièce, car souvent deux ou "
    "trois radiateurs trop petits suffisent à imposer une température de départ trop haute.",
    "Le chauffagiste passe la semaine prochaine pour ce calcul, et nous demanderons aussi un devis "
    "pour une chaudière à granulés afin de comparer les deux sur dix ans.",
    "Bonne idée, et pensez à vérifier les aides auxquelles vous avez droit avant de signer quoi "
    "que ce soit, car certaines exigent une visite préalable d'un conseiller.",
]


def test_a_forum_post_header_glued_under_a_post_stays_a_header() -> None:
    # phpBB prints "Message" over "par ... » date" in one block; once the repeated "Message",
    # "Haut" and profile lines are gone, a header is the last line of the post's paragraph above
    # it: judged whole, that paragraph is good, but its dated line is still a post's header, so
    # the posts under it are a forum's posts, not comments on the first one
    title = "Remplacer une chaudière au fioul : pompe à chaleur ou granulés ?"
    lines, gaps = ["Forum Chauffage", title], [True, True]
    for k, text in enumerate(HEATING_POSTS):
        name = ("Camille_R", "Thermo56")[k % 2]
        lines += [f"par {name} » {k + 5} févr. 2024 1{k}:4{k}", text]
        gaps += [not k, True]  # each header but the first is glued under the post above it
    labels = classify(lines, gaps, stoplist_for("fr"), "fr")[0]
    assert labels[2::2] == ["timestamp"] * len(HEATING_POSTS)
    assert labels[3::2] == ["good"] * len(HEATING_POSTS)


def test_a_how_tos_tools_are_a_list_not_a_menu(run_cleaner) -> None:
    prose = (
        "Avant de démonter quoi que ce soit, observez bien où l'eau s'échappe : par le bec, "
        "c'est le joint du clapet qui est usé, et il faudra le remplacer."
    )
    steps = (
        "Coupez ensuite l'arrivée d'eau générale, ouvrez le robinet pour vider l'eau qui reste, "
        "puis retirez le cache de la manette avec un tournevis."
    )
    tools = ["• une clé à molette", "• un tournevis plat", "• un joint de clapet neuf", "• un chiffon doux"]
    text = "\n\n".join([prose, "Le matériel nécessaire", "\n".join(tools), steps])
    assert kept(run_cleaner("paragraphs", text)) == [prose, "Le matériel nécessaire", *tools, steps]
    untitled = kept(run_cleaner("paragraphs", "\n\n".join([prose, "Nos magasins", "\n".join(tools), steps])))
    assert untitled != [prose, "Nos magasins", *tools, steps]  # no list heading: judged as short lines


def test_an_english_pages_own_lists_under_their_headings(run_cleaner) -> None:
    """The English pack's list headings ("What you should do", "Hotel facilities") keep the short
    lines under them; a bare "Facilities" is a site menu's entry, its neighbours a menu."""
    prose = (
        "Heavy snow is expected across southern Manitoba from this evening, with up to 25 centimetres "
        "falling by Wednesday morning and strong winds causing blowing snow on open highways."
    )
    after = (
        "Environment Canada will update the warning at noon, and schools in the region will announce "
        "any closures on their websites before seven o'clock tomorrow morning."
    )
    items = ["Postpone non-essential travel tonight", "Keep a winter kit in your car", "Check on neighbours"]
    text = "\n\n".join([prose, after, "What you should do", "\n".join(items)])
    assert kept(run_cleaner("paragraphs", text, lang="en")) == [prose, after, "What you should do", *items]
    menu = ["Rooms", "Dining", "Offers", "Weddings"]
    text = "\n\n".join([prose, after, "Facilities", "\n".join(menu)])
    assert kept(run_cleaner("paragraphs", text, lang="en")) == [prose, after]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="abé -./", max_size=40), st.text(alphabet="abé", min_size=1, max_size=7))
def test_a_word_recurs_as_itself_or_from_five_letters_as_its_stem(body: str, word: str) -> None:
    text = _Body(body)
    stems = {w[:5] for w in text.words if len(w) >= 5}  # the stems of long words only
    assert text.repeats(word) == (word[:5] in stems if len(word) >= 5 else word in text.words)
