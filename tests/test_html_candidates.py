"""The HTML path's second looks: the page's naive dump, table rows as cells, the classifier in trim
mode after extraction, precision mode against balanced mode when it keeps a sliver of the page,
and the text cascade over the page dump when the extraction reads as no prose at all."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_html import SETTINGS, page_source, rules_with_site
from test_inputs import ARTICLE_EN, html_page

from dechaff.cleaners.classifier_core import ClassifierParams, classify
from dechaff.core.sections import HtmlParams
from dechaff.engine.engine import DocResult, Engine
from dechaff.engine.pipeline import Pipeline
from dechaff.io import html_extract
from dechaff.io.html_dump import dump
from dechaff.io.inputs import Source
from dechaff.ruleset.errors import RuleFileError
from dechaff.ruleset.loader import RuleBook
from dechaff.ruleset.schema import parse_rule_file
from dechaff.text.stoplists import stoplist_for

from conftest import ROOT

FOOTER = ["About us", "Contact", "Advertise with us", "© 2024 Example Media"]


def test_the_page_dump_has_every_visible_block_on_its_own_line() -> None:
    tree = lxml.html.fromstring(
        "<html><head><title>T</title><style>p {}</style></head><body>"
        "<nav><a href='/'>Home</a> <a href='/n'>News</a></nav>"
        "<p>First <b>bold</b> paragraph.<script>track()</script></p>"
        "<div style='display: none'>Hidden offer</div><p hidden>Also hidden</p>"
        "<ul><li>One</li><li>Two<!-- note --> and a half</li></ul>"
        "<table><tr><td>Cell A</td><td>Cell B</td></tr></table>text after<br>the break</body></html>"
    )
    assert dump(tree).split("\n") == [
        "Home News",
        "First bold paragraph.",
        "One",
        "Two and a half",
        "Cell A",
        "Cell B",
        "text after",
        "the break",
    ]


def test_the_page_dump_skips_hidden_and_unrendered_blocks_but_keeps_their_tails() -> None:
    assert dump(lxml.html.fromstring("<p>a<span hidden>x</span>b</p>")) == "ab"
    assert dump(lxml.html.fromstring("<li>a<p hidden>x</p>b</li>")) == "ab"  # a hidden block breaks no line
    assert dump(lxml.html.fromstring("<div><p>a<div hidden>x</div>b</p></div>")).split("\n") == ["a", "b"]
    assert dump(lxml.html.fromstring("<div>a<script>x()</script>b<br>c</div>")).split("\n") == ["ab", "c"]
    # a page that is nothing but a comment, or a hidden or unrendered root: nothing to show
    assert dump(lxml.html.fromstring("\xa0<!-- c -->")) == ""
    assert dump(lxml.html.fromstring("<script>x()</script>")) == ""
    assert dump(lxml.html.fromstring("<p hidden>x</p>")) == ""
    for hidden in ('aria-hidden="true"', 'style="color: red; DISPLAY : none"', 'style="visibility:hidden"'):
        page = f"<div><p>a</p><p {hidden}>x</p><p>b</p></div>"
        assert dump(lxml.html.fromstring(page)).split("\n") == ["a", "b"]
    shown = ('aria-hidden="false"', 'style="display: block"', "style")
    for attribute in shown:
        assert dump(lxml.html.fromstring(f"<div><p {attribute}>x</p></div>")) == "x"


def test_table_rows_become_cells_each_a_substring_of_its_row() -> None:
    text = "Intro line.\n| Team | Points |\n| Lions | 12 |\n|\nLast line | not a row"
    assert html_extract.table_cells(text).split("\n") == [
        "Intro line.",
        "Team",
        "Points",
        "Lions",
        "12",
        "|",
        "Last line | not a row",
    ]


def test_trim_mode_cuts_only_before_the_first_and_after_the_last_line_of_prose() -> None:
    lines = ["Share", "Tweet", *ARTICLE_EN[:2], "Read more", ARTICLE_EN[2], "Related", "Sport | Weather"]
    trim = ClassifierParams(trim_only=True)
    labels, shape = classify(lines, [True] * len(lines), stoplist_for("en"), "en", trim)
    assert labels == ["trim_head", "trim_head", "good", "good", "good", "good", "trim_tail", "trim_tail"]
    assert shape.prose > 0
    titled = ["Share", "Council approves the budget", *ARTICLE_EN[:2], "Related"]
    labels, _ = classify(titled, [True] * len(titled), stoplist_for("en"), "en", trim)
    assert labels == ["trim_head", "good", "good", "good", "trim_tail"]  # the headline stays, as in full mode
    nothing, none = classify(FOOTER, [True] * 4, stoplist_for("en"), "en", trim)
    assert nothing == ["good"] * 4 and none.prose == 0  # no prose: nothing to trim around


def test_after_extraction_the_classifier_trims_and_table_cells_are_lines(
    book: RuleBook, tmp_path: Path
) -> None:
    scores = [("Lions", 12), ("Tigers", 9)]
    rows = "".join(f"<tr><td>{team}</td><td>{points}</td></tr>" for team, points in scores)
    extra = f"<table>{rows}</table>"
    html = html_page("Budget", ARTICLE_EN, extra=extra).replace(
        "</article>", "<p>Share this story</p><p>Follow us</p></article>"
    )
    result = Engine(book, SETTINGS).process(page_source(tmp_path, html))
    out = (result.text or "").split("\n\n")
    assert result.row["extractor"] == "trafilatura" and result.row["extractor_reason"] == "first"
    assert out[-1].strip() == ARTICLE_EN[-1]  # "Share this story", "Follow us": after the last prose
    assert {"Share this story", "Follow us"} <= {r.text for r in result.removed}
    assert "| Lions | 12 |" not in (result.source_text or "") and "Lions" in (result.source_text or "")


def _fake_trafilatura(monkeypatch: pytest.MonkeyPatch, by_favor: dict[str, str]) -> None:
    monkeypatch.setattr(html_extract, "_trafilatura", lambda tree, params, favor: by_favor[favor])


def _page_tree() -> lxml.html.HtmlElement:
    return lxml.html.fromstring(html_page("Budget", ARTICLE_EN * 3))


def test_precision_mode_keeping_a_sliver_gives_way_to_balanced_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    params = HtmlParams(favor="precision", recheck_share=0.25, collapsed_share=0.2)
    full = "\n".join(ARTICLE_EN * 3)
    _fake_trafilatura(monkeypatch, {"precision": ARTICLE_EN[0], "balanced": full})
    got = html_extract.extract(_page_tree(), params, lambda text: frozenset())
    assert (got.text, got.extractor, got.reason) == (full, "trafilatura", "precision_collapsed")
    # a fair share of the page, or balanced mode no better: precision mode's text stays
    _fake_trafilatura(monkeypatch, {"precision": "\n".join(ARTICLE_EN), "balanced": full})
    assert html_extract.extract(_page_tree(), params, lambda text: frozenset()).reason == "first"
    _fake_trafilatura(monkeypatch, {"precision": ARTICLE_EN[0], "balanced": ARTICLE_EN[1]})
    assert html_extract.extract(_page_tree(), params, lambda text: frozenset()).text == ARTICLE_EN[0]


def test_an_extraction_with_no_prose_gives_way_to_the_cascade_over_the_page(
    book: RuleBook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An extractor that took the footer for the article (as on a site nobody tuned for).
    monkeypatch.setattr(html_extract, "_trafilatura", lambda tree, params, favor: "\n".join(FOOTER))
    html = html_page("Budget", ARTICLE_EN).replace("Copyright 2024 Example Media", "<br>".join(FOOTER))
    result = Engine(book, SETTINGS).process(page_source(tmp_path, html))
    assert result.row["extractor"] == "page_dump" and result.row["extractor_reason"] == "no_prose"
    assert all(line in (result.text or "") for line in ARTICLE_EN)
    assert "Advertise with us" not in (result.text or "")
    # output lines are substrings of what the cascade read: the page dump
    assert all(line in (result.source_text or "") for line in (result.text or "").split("\n") if line)


def test_an_extraction_with_prose_is_kept_even_when_short(
    book: RuleBook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(html_extract, "_trafilatura", lambda tree, params, favor: ARTICLE_EN[0])
    html = html_page("Budget", ARTICLE_EN * 3)
    result = Engine(book, SETTINGS).process(page_source(tmp_path, html))
    assert result.row["extractor"] == "trafilatura" and result.text == ARTICLE_EN[0] + "\n"


@pytest.mark.parametrize(
    ("yaml", "message"),
    [
        ("version: 1\nhtml:\n  classifier: trimmed\n", "unknown classifier mode 'trimmed' (did you mean"),
        ("version: 1\nhtml:\n  recheck_share: -0.5\n", "'html.recheck_share' must be 0 or more"),
    ],
)
def test_new_html_settings_are_checked(yaml: str, message: str) -> None:
    with pytest.raises(RuleFileError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_rule_file(yaml, "rules/sites/example.org.yaml", "site", "example.org", {})


def test_the_shipped_rules_trim_after_extraction(book: RuleBook) -> None:
    assert (ROOT / "rules" / "_default.yaml").is_file()
    from dechaff.core.sections import html_params

    params = html_params([book.default.html])
    assert params.classifier == "trim" and params.table_cells and not params.skip_cleaners
    assert params.recheck_share > 0 and params.page_dump_gain > 0


TAGS = "Budget Council Mayor Schools Bridges Transport Parking Fees Grant Vote Opposition Residents"


def test_the_page_dump_wins_with_dump_gain_times_the_words_and_is_cleaned_as_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    html = html_page("Budget", [ARTICLE_EN[0], TAGS, ARTICLE_EN[1]])
    html = html.replace("Copyright 2024 Example Media", "<br>".join(FOOTER))

    def run(extraction: str, gain: float) -> DocResult:
        monkeypatch.setattr(html_extract, "_trafilatura", lambda tree, params, favor: extraction)
        site = f"version: 1\ndomains: [example.org]\nhtml: {{page_dump_gain: {gain}, headline: false}}\n"
        book = rules_with_site(tmp_path / f"{len(extraction)}-{gain}", site)
        return Engine(book, SETTINGS).process(page_source(tmp_path, html, url="https://example.org/a"))

    # The footer, no prose, kept whole in trim mode (6 words: "About us", "Contact", "Advertise
    # with us"); the cascade over the page dump keeps 18 words: 3 times as many.
    footer = "\n".join(FOOTER)
    assert run(footer, 3.5).row["extractor"] == "trafilatura"
    won = run(footer, 3)
    assert (won.row["extractor"], won.row["extractor_reason"]) == ("page_dump", "no_prose")
    dump_lines = (won.source_text or "").splitlines()
    assert won.row["lines_in"] == len(dump_lines) == 9 and dump_lines[-1] == FOOTER[-1]
    book = rules_with_site(tmp_path / "text", "version: 1\ndomains: [example.org]\n")
    source = Source("d", tmp_path / "d.txt", url="https://example.org/a", content=won.source_text)
    assert won.text == Engine(book, SETTINGS).process(source).text  # the cascade for text, not extractions
    assert run("Contact", 18).row["extractor"] == "page_dump"  # one word: 18 times that
    assert run("Contact", 18.5).row["extractor"] == "trafilatura"


TEASERS = [
    "A new bakery has opened in the old station building, and the queue on its first morning was long.",
    "The football club has signed two young players from the region, who will join the team this summer.",
    "The museum will show a collection of old maps of the valley from June until the end of the year.",
]


def _fake_justext(monkeypatch: pytest.MonkeyPatch, lines: list[str]) -> None:
    import justext

    class Paragraph:
        def __init__(self, text: str) -> None:
            self.text, self.is_boilerplate = text, False

    monkeypatch.setattr(justext, "justext", lambda markup, stopwords, encoding: [Paragraph(x) for x in lines])


def test_of_a_short_extraction_and_a_longer_one_the_page_dumps_cascade_referees(
    book: RuleBook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # trafilatura keeps the short article (under min_extracted_chars), jusText adds teasers that
    # are not on the page: the cascade over the page's dump agrees with trafilatura's text
    html = html_page("Budget", ARTICLE_EN[:2])
    monkeypatch.setattr(html_extract, "_trafilatura", lambda tree, params, favor: "\n".join(ARTICLE_EN[:2]))
    _fake_justext(monkeypatch, [*ARTICLE_EN[:2], *TEASERS])
    result = Engine(book, SETTINGS).process(page_source(tmp_path, html))
    assert (result.row["extractor"], result.row["extractor_reason"]) == ("trafilatura", "agrees_with_page")
    assert result.text == "\n\n".join(ARTICLE_EN[:2]) + "\n"
    assert result.row["lines_in"] == 3  # the row describes the text that was cleaned: headline and 2 lines
    # ...and with jusText's text when the page holds what jusText found
    html = html_page("Budget", [*ARTICLE_EN[:2], *TEASERS])
    result = Engine(book, SETTINGS).process(page_source(tmp_path, html, name="long"))
    assert (result.row["extractor"], result.row["extractor_reason"]) == ("justext", "short")
    assert result.text == "\n\n".join([*ARTICLE_EN[:2], *TEASERS]) + "\n"


@pytest.mark.parametrize("failing", [2, 3])  # the page dump's cascade, then the chosen text's
def test_a_bug_in_the_referee_s_cleaning_is_the_document_s_clean_error(
    book: RuleBook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: int
) -> None:
    html = html_page("Budget", ARTICLE_EN[:2])
    monkeypatch.setattr(html_extract, "_trafilatura", lambda tree, params, favor: "\n".join(ARTICLE_EN[:2]))
    _fake_justext(monkeypatch, [*ARTICLE_EN[:2], *TEASERS])
    calls = []
    clean = Pipeline.clean

    def fails_once_reached(self: Pipeline, *args: object, **kwargs: object) -> object:
        calls.append(1)
        if len(calls) == failing:
            raise ValueError("boom")
        return clean(self, *args, **kwargs)

    monkeypatch.setattr(Pipeline, "clean", fails_once_reached)
    row = Engine(book, SETTINGS).process(page_source(tmp_path, html)).row
    assert (row["status"], row["error"]) == ("error:clean", "ValueError: boom")


def test_text_agreement_is_the_f1_of_the_bags_of_words() -> None:
    from dechaff.text.overlap import agreement

    assert agreement("The cat sat.", "the cat sat down") == pytest.approx(2 * 3 / 7)
    assert agreement("a a b", "a b b") == pytest.approx(2 * 2 / 6)  # counted as bags, not sets
    assert agreement("中国经济", "中国") == pytest.approx(2 * 2 / 6)  # a han character is a word
    assert agreement("a b", "") == agreement("", "") == 0.0


def test_the_pages_headline_heads_the_extracted_text(
    book: RuleBook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # trafilatura keeps the headline in its metadata, out of the main text; the gold texts keep it
    html = html_page("Council approves the budget", ARTICLE_EN)
    monkeypatch.setattr(html_extract, "_trafilatura", lambda tree, params, favor: "\n".join(ARTICLE_EN))
    result = Engine(book, SETTINGS).process(page_source(tmp_path, html))
    assert result.text == "\n\n".join(["Council approves the budget", *ARTICLE_EN]) + "\n"
    # once only, and never a headline that is no text of the page (a <title> alone is not shown)
    tree = lxml.html.fromstring(html)
    params = HtmlParams(headline=True)
    monkeypatch.setattr(
        html_extract, "_trafilatura", lambda tree, params, favor: "Council approves the budget\nBody."
    )
    assert html_extract.extract(tree, params, lambda text: frozenset()).text.split("\n")[:2] == [
        "Council approves the budget",
        "Body.",
    ]
    hidden = lxml.html.fromstring(html.replace("<h1>Council approves the budget</h1>", ""))
    assert html_extract.headline(hidden, dump(hidden)) == ""
    assert html_extract.headline(tree, dump(tree)) == "Council approves the budget"
    assert (
        html_extract.extract(tree, HtmlParams(), lambda text: frozenset()).text
        == "Council approves the budget\nBody."
    )
    monkeypatch.setattr(html_extract, "_trafilatura", lambda tree, params, favor: "Body.")
    assert (
        html_extract.extract(tree, HtmlParams(), lambda text: frozenset()).text == "Body."
    )  # off by default
    assert (
        html_extract.extract(tree, params, lambda text: frozenset()).text
        == "Council approves the budget\nBody."
    )


INLINE_PAGE = """<html><body><div id="post"><h2>Budget night at the council</h2>
<div class="date"><span>Posted on Monday</span></div>
    The council met on Monday to talk about the <a href="/b">new budget</a> for the schools and \
the roads, which had been <i>put off</i> for a year. It was a long meeting with many people there \
who wanted to speak about it.<p /><div>The mayor said the plan would be ready soon, and that the \
parks would get money too. People were happy with the news and went home after the vote.</div>
</div></body></html>"""


def test_inline_elements_of_a_paragraph_do_not_break_its_line() -> None:
    # trafilatura breaks the line around a link or an emphasis in text that sits straight in a
    # <div>: one paragraph would come out as short fragments that trim mode cuts as menus
    tree = lxml.html.fromstring(INLINE_PAGE)
    lines = html_extract._trafilatura(tree, HtmlParams(), "precision").split("\n")
    assert [line.strip() for line in lines] == [
        "Budget night at the council",
        "Posted on Monday",
        "The council met on Monday to talk about the new budget for the schools and the roads, which had"
        " been put off for a year. It was a long meeting with many people there who wanted to speak"
        " about it.",
        "The mayor said the plan would be ready soon, and that the parks would get money too. People were"
        " happy with the news and went home after the vote.",
    ]
    # a sentence that ends before the space, a new line with a capital, and table rows stay lines
    kept = "Ends here. \nNew one \n| a | b |\nNext"
    assert html_extract.inline_breaks(kept) == kept
    assert html_extract.inline_breaks("the \nlink\n and, \n so on") == "the link and, so on"


@settings(max_examples=2000, deadline=None)
@given(
    st.text(alphabet="ab \t\n\u00a0\u2028\x1c\u200bé", max_size=8),
    st.text(alphabet="ab \t\n\u00a0\u2028\x1c\u200bé", max_size=30),
)
def test_a_title_is_shown_in_a_line_as_each_lines_words_say(title: str, page: str) -> None:
    title = " ".join(title.split())
    expected = any(title in " ".join(line.split()) for line in page.split("\n"))
    assert html_extract.shown_in(title, page) == expected


def test_the_dumps_table_of_tags_says_what_their_names_say() -> None:
    """The table is a shortcut for the names lxml's HTML parser gives; any other name (upper case,
    a namespace, a custom element) is worked out from the name."""
    from lxml import etree

    from dechaff.io import html_dump

    for name, kind in html_dump._KINDS.items():
        expected = 2 if name in html_dump._SKIP else 1 if name in html_dump._BLOCK else 0
        assert kind == expected, name
    xml = "<root><DIV>a<my-note>b</my-note></DIV><x:p xmlns:x='urn:x'>c</x:p><SCRIPT>d</SCRIPT>e</root>"
    assert dump(etree.fromstring(xml)).split("\n") == ["ab", "c", "e"]
