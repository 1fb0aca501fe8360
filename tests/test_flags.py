"""Flags on the row (`confidence`, `suspect`): pages a cleaning probably got wrong say so."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_html import SETTINGS, page_source
from test_inputs import ARTICLE_EN

from dechaff.core.document import Line
from dechaff.core.outcome import Removal
from dechaff.engine.engine import Engine
from dechaff.io import html_extract
from dechaff.io.inputs import Source
from dechaff.quality.flags import assess
from dechaff.ruleset.loader import RuleBook

COMMENTS = [
    "Great article, thanks for writing about the bridge, I cross it every day on my way to work.",
    "I do not agree at all, the council should have spent the money on the schools instead.",
    "We have been waiting for this repair for ten years, better late than never I suppose.",
]


def _removed(no: int, text: str) -> Removal:
    return Removal(no, 0, len(text), text, "paragraphs", "paragraphs.short_isolated", "rules/_default.yaml")


def test_a_clean_page_is_confident() -> None:
    kept = [Line(i, text) for i, text in enumerate(ARTICLE_EN, 1)]
    flags = assess(kept, [], {"paragraphs.second_block": 0.1})
    assert flags.reasons == () and flags.confidence > 0.75


def test_comment_headers_removed_between_kept_lines_flag_the_page() -> None:
    # "Name, 14:02" headers go, the comment bodies stay: the kept text is likely comments.
    kept, removed, no = [Line(1, ARTICLE_EN[0])], [], 2
    for k, body in enumerate(COMMENTS):
        removed.append(_removed(no, f"Reader{k} 14:0{k}"))
        kept.append(Line(no + 1, body))
        no += 2
    flags = assess(kept, removed, {})
    assert flags.reasons == ("interleaved_timestamps",) and flags.confidence <= 0.75
    # the same headers outside the kept text (a sidebar of latest posts below it) say nothing
    outside = [_removed(100 + k, f"Reader{k} 14:0{k}") for k in range(3)]
    assert assess(kept, outside, {}).reasons == ()
    # nor does a list of dated links inside the article, one run with no kept text between
    listed = [_removed(no + k, f"* Bridge news, part {k} (12-03-11, 15:2{k})") for k in range(3)]
    article = [Line(1, ARTICLE_EN[0]), Line(no + 3, ARTICLE_EN[1])]
    assert assess(article, listed, {}).reasons == ()
    # nor do timestamped cells beside kept ones on the same lines (a ticker column of a dump)
    kept.append(Line(no + 1, ARTICLE_EN[1]))
    beside = [_removed(line.no, f"14:0{k} Markets close higher") for k, line in enumerate(kept[1:-1])]
    assert assess(kept, beside, {}).reasons == ()


def test_kept_timestamps_and_a_rival_block_flag_the_page() -> None:
    posts = [Line(i, f"Posted by Reader{i} at 10:{i:02d}") for i in range(1, 4)]
    assert assess(posts, [], {}).reasons == ("timestamped_lines",)
    ambiguous = assess([Line(1, ARTICLE_EN[0])], [], {"paragraphs.second_block": 0.6})
    assert ambiguous.reasons == ("ambiguous_main_block",)
    guarded = assess([Line(1, ARTICLE_EN[0])], [], {"paragraphs.backed_off": 1.0})
    assert guarded.reasons == ("ambiguous_main_block",) and guarded.confidence == 0.75


HEADLINES = [
    "Mayor opens the new library",
    "Storm closes the coast road",
    "Rail strike called off",
    "Derby ends in a draw",
]


def test_headlines_kept_beside_the_article_flag_mixed_columns() -> None:
    # A dump laid out in columns: each input line holds a paragraph and, beside it, a headline of
    # another story; both cells were kept.
    beside = [
        line
        for no, (text, headline) in enumerate(zip(ARTICLE_EN, HEADLINES, strict=False), 1)
        for line in (Line(no, text), Line(no, headline, len(text) + 1))
    ]
    flags = assess(beside, [], {})
    assert flags.reasons == ("mixed_columns",) and flags.confidence <= 0.75
    # the same lines one below the other: an article with subheadings, nothing to flag
    stacked = [Line(no, line.text) for no, line in enumerate(beside, 1)]
    assert assess(stacked, [], {}).reasons == ()
    # prose side by side with prose (a paragraph cut in two cells) is no column of headlines
    prose = [Line(line.no, ARTICLE_EN[0]) if line.text in HEADLINES else line for line in beside]
    assert assess(prose, [], {}).reasons == ()


def test_the_row_carries_the_flags(book: RuleBook, tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text("\n".join(ARTICLE_EN) + "\n", encoding="utf-8")
    row = Engine(book, SETTINGS).process(Source("page", path)).row
    assert row["suspect"] is None and isinstance(row["confidence"], float) and row["confidence"] > 0.75


def test_an_extraction_of_a_footer_with_nothing_better_is_flagged(
    book: RuleBook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    footer = ["About us", "Contact", "Advertise with us", "Jobs at Example Media"]
    monkeypatch.setattr(html_extract, "_trafilatura", lambda tree, params, favor: "\n".join(footer))
    html = "<html><body><ul>" + "".join(f"<li>{x}</li>" for x in footer * 3) + "</ul></body></html>"
    row = Engine(book, SETTINGS).process(page_source(tmp_path, html)).row
    assert row["extractor"] == "trafilatura" and row["suspect"] == ["footer_only"]
    assert row["confidence"] <= 0.5


def test_an_extraction_that_kept_a_sliver_of_the_page_s_prose_is_thin() -> None:
    """A blog's front page holds eight posts; an extraction that kept one of them, under a
    seventh of the page's prose, is flagged; one that kept most of it, or a page with little
    prose, is not."""
    posts = [f"{text} (post {k})" for k in range(8) for text in ARTICLE_EN]
    one_post = [Line(i, text) for i, text in enumerate(posts[: len(ARTICLE_EN)], 1)]
    flags = assess(one_post, [], {}, page=["Home", "Archives", *posts])
    assert flags.reasons == ("thin_extraction",) and flags.confidence == 0.75
    most = [Line(i, text) for i, text in enumerate(posts, 1)]
    assert assess(most, [], {}, page=posts).reasons == ()
    small_page = posts[:2]
    assert assess([Line(1, "Hello.")], [], {}, page=small_page).reasons == ()
    assert assess(one_post, [], {}).reasons == ()  # a text input: no page to measure against


def test_the_row_of_a_thin_extraction_is_flagged(book: RuleBook, tmp_path: Path) -> None:
    """The engine measures an HTML page's clean text against the page's own text."""
    post = "".join(f"<p>{text}</p>" for text in ARTICLE_EN)
    others = "".join(
        f"<div class='sidebar'><p>{text} (old post {k})</p></div>" for k in range(9) for text in ARTICLE_EN
    )
    path = tmp_path / "blog.html"
    path.write_text(
        f"<html><body><article><h1>Today</h1>{post}</article>{others}</body></html>", encoding="utf-8"
    )
    row = Engine(book, SETTINGS).process(Source("blog", path, kind="html")).row
    assert row["suspect"] is not None and "thin_extraction" in row["suspect"]
