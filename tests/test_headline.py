"""The URL's slug as the headline: the line that spells it is the title, and the article is the
text under it, not a heavier block of teasers further down the page."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import quote

import pytest

from dechaff.api.cleaner import clean_text
from dechaff.cleaners.classifier_core import ClassifierParams, _headline, classify, measure_lines
from dechaff.text.slug import ascii_fold, slug_words
from dechaff.text.stoplists import stoplist_for

URL = "https://news.example.org/local/2024/05/council-approves-the-new-school-budget_48213.html"
TITLE = "Council approves the new school budget"
ARTICLE = [
    "The city council approved on Tuesday a budget that gives more money to the schools of the town.",
    "The mayor said that the plan would be paid for by savings in other departments and by a new tax.",
    "Several members of the opposition voted against it, saying that the tax would hurt small shops.",
]
MENU = [f"Section {n}" for n in range(18)]  # 18 short lines: the teasers start far below the title
TEASERS = [
    "A new bakery has opened in the old station building, and the queue on its first morning was long.",
    "The football club has signed two young players from the region, who will join the team this summer.",
    "The museum will show a collection of old maps of the valley from June until the end of the year.",
    "Roadworks on the main bridge will close one lane for three weeks, and the buses will take a detour.",
    "The library is asking for volunteers who would read stories to the children on Saturday mornings.",
]
MORE = "More from the town"  # right above good text: the teasers' heading
PAGE = ["Home", "Local news", TITLE, *ARTICLE, *MENU, MORE, *TEASERS, "Contact"]
EN = stoplist_for("en")


DEFAULT = ClassifierParams()


def kept(lines: list[str], slug: frozenset[str], params: ClassifierParams = DEFAULT) -> list[str]:
    labels, _ = classify(lines, [True] * len(lines), EN, "en", params, slug)
    return [line for line, label in zip(lines, labels, strict=True) if label == "good"]


@pytest.mark.parametrize(
    ("url", "words"),
    [
        (URL, {"council", "approves", "the", "new", "school", "budget"}),
        (
            "http://x.pl/pilka/grzegorz-lato-zostal-czlonkiem_220639.html",
            {"grzegorz", "lato", "zostal", "czlonkiem"},
        ),
        (
            "https://x.com/a/b/the_longest+segment-wins/short-one?q=not-this-one-at-all",
            {"the", "longest", "segment", "wins"},
        ),
        (f"https://x.ru/{quote('новые-школы-города')}", {"новые", "школы", "города"}),  # percent-encoded
        ("https://example.com/news/world/123456", set()),  # sections and an id: no headline
        ("https://example.com/two-words", set()),
        ("https://example.com/a-b-c-d-1-2-3", set()),  # single letters and digits are no words
        ("http://[broken", set()),
        (None, set()),
    ],
)
def test_the_slug_words_are_the_longest_path_segment_folded(url: str | None, words: set[str]) -> None:
    assert slug_words(url) == words


def test_folding_drops_accents_and_spells_letters_that_have_none_to_drop() -> None:
    folded = "zostal ore strasse aeble oeuvre dakovo thing isik"
    assert ascii_fold("Został Øre Straße Æble Œuvre Đakovo Þing Işık") == folded


def test_folding_a_page_of_every_code_point_keeps_its_table_bounded() -> None:
    """The fold's table of marks remembers code points it met, up to `_MAX_CODES`: hostile text
    with every code point must still fold right and not grow it for good."""
    from dechaff.text import slug

    everything = "".join(chr(c) for c in range(0x80, 0x30000) if not 0xD800 <= c < 0xE000)
    folded = ascii_fold(f"Café {everything}")
    assert folded.startswith("cafe ") and "\u0301" not in folded and "é" not in folded
    assert len(slug._NO_MARKS) <= slug._MAX_CODES


def test_without_a_headline_the_heavier_block_of_teasers_wins() -> None:
    assert kept(PAGE, frozenset()) == [MORE, *TEASERS]


def test_under_its_headline_the_article_wins_and_the_headline_is_its_title() -> None:
    assert kept(PAGE, slug_words(URL)) == [TITLE, *ARTICLE]


def test_the_article_must_start_within_the_window_and_weigh_its_share() -> None:
    slug = slug_words(URL)
    # the article's heading ("Section 5", kept as such) 6 lines under the title
    far = ["Home", TITLE, *MENU[:6], *ARTICLE, *MENU, MORE, *TEASERS]
    assert kept(far, slug, replace(ClassifierParams(), headline_window=5)) == [MORE, *TEASERS]
    assert kept(far, slug, replace(ClassifierParams(), headline_window=6)) == [TITLE, MENU[5], *ARTICLE]
    assert kept(PAGE, slug, replace(ClassifierParams(), headline_min_mass=0.6)) == [MORE, *TEASERS]
    assert kept(PAGE, slug, replace(ClassifierParams(), headline_min_mass=0.5)) == [TITLE, *ARTICLE]
    assert kept(PAGE, slug, replace(ClassifierParams(), headline_match=0)) == [MORE, *TEASERS]


def test_the_headline_is_the_line_that_spells_the_slug_most_closely() -> None:
    slug = slug_words(URL)
    crumb = f"Home / Local / {TITLE}"
    related = "Council approves school plan"  # 3 of the slug's 6 words: under the share
    page = [crumb, related, TITLE, *ARTICLE, *MENU, MORE, *TEASERS]
    assert kept(page, slug) == [TITLE, *ARTICLE]
    assert kept([crumb, *page[1:]], slug, replace(ClassifierParams(), headline_match=0.5))[0] == TITLE
    assert kept(
        [related, *ARTICLE, *MENU, MORE, *TEASERS], slug, replace(ClassifierParams(), headline_match=0.5)
    ) == [
        related,
        *ARTICLE,
    ]


def test_a_headline_below_the_main_block_does_not_move_it_when_its_block_is_the_main_one() -> None:
    page = ["Home", TITLE, *ARTICLE, *ARTICLE]
    assert kept(page, slug_words(URL)) == kept(page, frozenset()) == [TITLE, *ARTICLE, *ARTICLE]


def test_in_trim_mode_the_headline_is_kept_as_the_title() -> None:
    trim = replace(ClassifierParams(), trim_only=True, title_lookback=3)
    page = ["Share this", "Long night at city hall ends", *MENU[:2], *ARTICLE]  # few words of the text
    assert kept(page, frozenset(), trim) == ARTICLE
    slug = slug_words("https://x.org/long-night-at-city-hall-ends")
    assert kept(page, slug, trim) == [page[1], *ARTICLE]
    assert kept(["Share this", page[1], *MENU[:3], *ARTICLE], slug, trim) == ARTICLE  # over title_lookback


def test_the_engine_reads_the_headline_from_the_url_it_is_given() -> None:
    text = "\n\n".join(PAGE) + "\n"
    assert clean_text(text, lang="en").text == "\n\n".join([MORE, *TEASERS]) + "\n"
    assert clean_text(text, lang="en", url=URL).text == "\n\n".join([TITLE, *ARTICLE]) + "\n"


def test_teasers_above_the_headline_give_way_to_the_article_under_it() -> None:
    page = [MORE, *TEASERS, *MENU, TITLE, *ARTICLE, "Contact"]
    assert kept(page, frozenset()) == [MORE, *TEASERS]
    assert kept(page, slug_words(URL)) == [TITLE, *ARTICLE]


def test_a_partial_spelling_a_long_line_or_an_earlier_twin_is_not_the_headline() -> None:
    slug = slug_words(URL)
    related = "Council approves school plan"  # 3 of the slug's 6 words: under headline_match
    assert kept([related, *ARTICLE, *MENU, MORE, *TEASERS], slug) == [MORE, *TEASERS]
    lead = f"{TITLE}, as the mayor had asked, and " + " ".join(ARTICLE)  # prose that spells the slug
    crumb = f"News | Local | {TITLE}"  # boilerplate on its own (separators)
    lines = [crumb, lead, TITLE, "Home"]
    feats = measure_lines(lines, EN, "en").features
    assert feats[1].weight >= ClassifierParams().length_high and feats[0].bad_reason
    assert _headline(lines, feats, slug, ClassifierParams()) == 2
    assert _headline(lines[:2], feats[:2], slug, ClassifierParams()) == -1
    # the page title at the top and the article's own title: the later one heads the article
    assert kept([TITLE, "Home", "News", TITLE, *ARTICLE, *MENU, MORE, *TEASERS], slug) == [TITLE, *ARTICLE]


def test_a_block_the_headline_chose_is_not_flagged_as_ambiguous() -> None:
    text = "\n\n".join(PAGE) + "\n"
    assert "ambiguous_main_block" in (clean_text(text, lang="en").metadata["suspect"] or [])
    assert clean_text(text, lang="en", url=URL).metadata["suspect"] is None


def test_a_thread_under_the_headline_stays_the_main_block() -> None:
    # the headline chose the block: the thread rule does not move it back above
    headers = [f"{name} 1{k}.03.2024 at 1{k}:05" for k, name in enumerate(["Anna", "Tom", "Lena"])]
    thread = [line for pair in zip(headers, TEASERS[:3], strict=True) for line in pair]
    page = [MORE, *TEASERS, *MENU, TITLE, *thread]
    assert kept(page, frozenset()) == [MORE, *TEASERS]
    assert kept(page, slug_words(URL)) == [TITLE, *TEASERS[:3]]  # two headers between: no cut after


def test_paragraphs_wrapped_over_lines_are_judged_whole_under_the_headline_too() -> None:
    """A dump that wraps each paragraph over two lines: the pass over whole paragraphs reads the
    headline as well, so the teasers' block does not come back through it."""
    lines: list[str] = []
    gaps: list[bool] = []
    for line in PAGE:
        words = line.split(" ")
        if line in ARTICLE or line in TEASERS:  # two lines, the second with no gap before it
            half = len(words) // 2
            lines += [" ".join(words[:half]), " ".join(words[half:])]
            gaps += [True, False]
        else:
            lines.append(line)
            gaps.append(True)
    labels, _ = classify(lines, gaps, EN, "en", DEFAULT, slug_words(URL))
    kept_text = " ".join(line for line, label in zip(lines, labels, strict=True) if label == "good")
    assert kept_text == " ".join([TITLE, *ARTICLE])


def test_the_headline_on_the_first_line_is_the_title_up_to_title_lookback_lines_above_the_block() -> None:
    """A headline whose words the article hardly uses (the title's own vote, by shared words, picks
    nothing) is still the title, from the page's very first line, when the main block starts
    `title_lookback` lines under it or fewer."""
    headline = "Long night at city hall ends"
    slug = slug_words("https://x.org/2024/long-night-at-city-hall-ends")
    page = [headline, *MENU[:4], *ARTICLE]  # the block starts at its heading, MENU[3]: 4 lines under
    assert kept(page, frozenset()) == [MENU[3], *ARTICLE]
    assert kept(page, slug, replace(ClassifierParams(), title_lookback=4)) == [headline, MENU[3], *ARTICLE]
    assert kept(page, slug, replace(ClassifierParams(), title_lookback=3)) == [MENU[3], *ARTICLE]
