"""Line classifier in the spirit of jusText, for plain-text dumps where each line is a paragraph.

Without HTML there is no link density, so the signals are the text itself (length, stopword or
punctuation density, title case, separators, timestamps) and the layout of the document: jusText's
neighbour context, the main block of good text and the title just above it; and, where the page's
URL is known, the line that spells its slug (the headline: the article starts under it). Pure and
deterministic; the lines it keeps are kept again when classified on their own (idempotent on the
dev set).
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from dechaff.core.compiled import twin
from dechaff.core.memo import TEXTS, on_clear
from dechaff.text.scripts import main_script, scripts
from dechaff.text.sentences import GLUED_CHARS, PIECE_CHARS
from dechaff.text.slug import words_of
from dechaff.text.stoplists import APOSTROPHES
from dechaff.text.words import KANA_HAN_CHAR

GOOD = "good"
_SHORT = "short"
_NEARGOOD = "neargood"

# Han and kana (`KANA_HAN_CHAR`) carry a word in one or two characters and use no spaces; a
# hangul syllable is worth about two latin letters, and Korean does put spaces between words.
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")
# Clause and sentence marks of latin, CJK, arabic, devanagari, armenian, ethiopic, burmese, khmer.
_PUNCT = re.compile(r"[,.;:!?，。、；：！？．،؛؟।॥։።၊။។]")
_SENTENCE_END = frozenset(".!?:;。！？．؟।॥։።။។")
_CLOSERS = "\"'”’»)]）」』】"
# Thai, Lao, Khmer and Burmese put spaces between phrases, not words: there a space marks a clause.
_PHRASE_SPACED = frozenset({"th", "lo", "km", "my"})
# Standalone breadcrumb and menu separators (pipes are counted anywhere).
_SEPARATOR = re.compile(r" [»›·•/>◦▪■►▶←→．](?= )")
_INITIAL = re.compile(r" (\w)")
_TRAIL = re.compile(r" [>›] ")  # a breadcrumb's separator ("»" closes a French quote too)
_CLOCK = re.compile(r"[0-9]:[0-5][0-9]")
_STRIP = "\"'“”‘’«»()[]{}.,;:!?…。，、！？（）「」『』【】*•·-–—"
_strip = operator.methodcaller("strip", _STRIP)  # punctuation glued to a word: "end." "(the"
_ALNUM = re.compile(r"[^\W_]")  # str.isalnum
_APOSTROPHE = re.compile(f"[{APOSTROPHES}]")


@dataclass(frozen=True, slots=True)
class ClassifierParams:
    """Thresholds; lengths are in weighted characters (Han or kana count three, hangul two)."""

    length_low: int = 70  # shorter lines are "short" and take their class from their neighbours
    length_high: int = 200  # a line this long with enough stopwords is good without a final stop
    stopwords_low: float = 0.30  # stopword density of a near-good line (jusText's default)
    stopwords_high: float = 0.32  # stopword density of a good line (jusText's default)
    stoplist_min_share: float = 0.12  # fewer stop words in the long lines: the stoplist is not their language
    punct_low: float = 0.05  # punctuation marks per word, standing in for stopwords without a stoplist
    punct_high: float = 0.08  # the same, for a good line
    max_title_case: float = 0.7  # share of capitalised words above which an unpunctuated line is a menu
    max_separators: int = 1  # menus and breadcrumbs chain items with | » ›; prose rarely has two
    max_separator_share: float = 0.05  # ...per word, in a long line: a whole page dumped as one line
    max_copyright_words: int = 60  # a longer line with a copyright sign holds more than the notice
    max_short_run: int = 3  # a longer run of short lines between good text is a list of links
    edge_penalty: float = 3.0  # cost of boilerplate against good text when choosing the main block
    # over-deletion guard: a main block holding less of the page's prose (lines good on their own)
    # than this is no main block (the article would go with the rest): every line good in its
    # context then stays
    min_block_share: float = 0.3
    # comment thread: this many short lines with a date and a clock time ("Anna, 12.03.2012 at
    # 14:05", removed as timestamps) between kept lines are the headers of comments or posts, and
    # the kept text ends at the first of them, when what comes before holds a share of the kept
    # text (the article); 0: never
    comment_headers: int = 3
    comment_article_share: float = 0.2
    # the URL's slug spells the headline: a line holding this share of its words is the title, and
    # the main block must start within `headline_window` lines after it when a block there holds
    # `headline_min_mass` of the best block's mass (0: never)
    headline_match: float = 0.6
    headline_window: int = 15
    headline_min_mass: float = 0.25
    # a near-good line with no final stop shorter than this reads as a headline (on-page headlines
    # rarely pass 120 characters); a longer one is a paragraph cut short
    headline_chars: int = 150
    kicker_words: int = 3  # a shorter line opening the block over its headline is its rubric (0: never)
    title_lookback: int = 10  # lines above the main block searched for the article title
    # a box inside the article (a simulator's form, an offer's prices): at most this many short lines
    # between the main block and more of the article, which resumes under them with this much
    # prose (weighted characters), and no line a rule removed among them (0: never; see `_resumed`)
    widget_lines: int = 8
    widget_resume_mass: int = 400
    title_overlap: float = 0.5  # share of the title's words that must recur in the main block
    max_paragraph_lines: int = 8  # lines with no blank between them form one paragraph, up to this many
    # a list heading ("Ingrédients pour 6 personnes", matched by the paragraphs cleaner's
    # `list_headings`) keeps the short lines under it, up to this many: the items of a recipe's
    # list, not a menu (0: never)
    list_lines: int = 40
    # a run of short lines that are all sentences (a capital first, a final stop, this many words
    # or more) is prose whatever its length: pages written in one-sentence paragraphs went as
    # runs of short lines, a menu's shape (0: never)
    sentence_words: int = 6
    sentence_stopwords: float = 0.2  # ...and this share of stop words (a short line's share is noisy)
    # a bulleted line of this many words or more after its bullet (a capital first, the stop words
    # of a sentence) is an item of the text's own list, as a sentence is, inside a run of short
    # lines between good text ("• Assurer le service en binôme avec le chef de partie"), and so is
    # a key-value line (`_item`) (0: no items, bulleted or key-value)
    item_words: int = 4
    # trim mode (after HTML extraction, which chose the main text already): only lines before the
    # first and after the last line of prose (good or near-good on its own, or a sentence of names
    # and commas) go, never a long one (unless boilerplate on its own: a menu of many separators, a
    # copyright notice)
    trim_only: bool = False
    trim_max_weight: int = 400
    glued_chars: int = GLUED_CHARS  # a longer line is paragraphs glued together: judged by pieces (0: never)
    # a glued line of this many items that start with a clock time ("10:17 Headline...") is a news
    # ticker or a list of posts glued by the dump, a live-feed widget: it goes whole (0: never)
    ticker_items: int = 3
    piece_chars: int = PIECE_CHARS  # ...of whole sentences, at least this long


class _Line(NamedTuple):
    """Features of one line, computed once so that every rule reads the same numbers."""

    weight: int
    by_punct: bool  # density is punctuation per word: no stoplist, or the line is in another script
    words: int
    density: float
    ends_sentence: bool
    title_case: float
    bad_reason: str  # non-empty when the line is boilerplate whatever its neighbours
    stop_words: int  # how many tokens are stop words; -1: not counted (short, or judged by punctuation)


# (stoplist, phrase spacing, params) -> line -> its features: the cascade's rounds measure the
# same lines again. One table per combination, found once per page, so that a line costs one
# dict lookup on its text (a memo keyed by all four would hash the params' 28 fields per line).
_TABLES: dict[tuple[frozenset[str], bool, ClassifierParams], dict[str, _Line]] = {}
_ENTRIES = [0]  # lines held by all the tables together: at most `memo.TEXTS`
_MAX_TABLES = 64


def _clear_tables() -> None:
    _TABLES.clear()
    _ENTRIES[0] = 0


on_clear(_clear_tables)


def _features_of(
    lines: Sequence[str], stopwords: frozenset[str], phrase_spaced: bool, p: ClassifierParams
) -> list[_Line]:
    """`_measure` of each line, memoised: a line met again is one dict lookup; a new one when the
    tables hold `memo.TEXTS` lines empties them all first (the page's own answers are in hand)."""
    key = (stopwords, phrase_spaced, p)
    table = _TABLES.get(key)
    if table is None:
        if len(_TABLES) >= _MAX_TABLES:  # one per site that tunes the classifier: keep a few
            _clear_tables()
        table = _TABLES[key] = {}
    out = []
    for line in lines:
        f = table.get(line)
        if f is None:
            if _ENTRIES[0] >= TEXTS:  # all of them go; the page goes on in a new table
                _clear_tables()  # no walk over the tables: another thread may be adding one
                table = _TABLES[key] = {}
            f = table[line] = _measure(line, stopwords, phrase_spaced, p)
            _ENTRIES[0] += 1
        out.append(f)
    return out


def _weight(line: str, ideographs: int, hangul: int) -> int:
    """A line's length in weighted characters: a han or kana character counts three, hangul two."""
    return len(line) + 2 * ideographs + hangul


def _counts(line: str, long_from: int = 0) -> tuple[int, int, int, bool, int, int, int, bool]:
    """What `_measure`'s regexes find in a line: kana and han characters, hangul, clause and sentence
    marks, a letter?, words (after a space, or first) starting upper-case and lower-case,
    standalone separators (" » "; pipes are counted apart), a clock time (12:30)? The Python twin
    of `_measure.counts` (C), which counts all of them; this one counts the marks and initials
    only of a line of `long_from` weighted characters or more (0 for all lines), since `_measure`
    reads them only there: most lines are short, and the regexes cost more than the rest."""
    ideographs = hangul = 0
    if not line.isascii():
        ideographs, hangul = len(KANA_HAN_CHAR.findall(line)), len(_HANGUL.findall(line))
    punct = upper = lower = 0
    if _weight(line, ideographs, hangul) >= long_from:
        punct = len(_PUNCT.findall(line))
        initials = "".join(_INITIAL.findall(" " + line))
        upper, lower = sum(map(str.isupper, initials)), sum(map(str.islower, initials))
    return (
        ideographs,
        hangul,
        punct,
        _LETTER.search(line) is not None,
        upper,
        lower,
        len(_SEPARATOR.findall(f" {line} ")),
        _CLOCK.search(line) is not None,
    )


def char_flags(ch: str) -> int:
    """What `_measure`'s regexes say of one character, as the bits `_measure.c` reads (it asks
    once per code point, so the regexes stay the one definition)."""
    return (
        1 * bool(KANA_HAN_CHAR.fullmatch(ch))
        | 2 * bool(_HANGUL.fullmatch(ch))
        | 4 * bool(_PUNCT.fullmatch(ch))
        | 8 * bool(_LETTER.fullmatch(ch))
        | 16 * bool(_INITIAL.fullmatch(" " + ch))
        | 32 * ch.isupper()
        | 64 * ch.islower()
        | 128 * bool(_SEPARATOR.match(f" {ch} "))
    )


_c = twin("dechaff.cleaners._measure")  # the C twins of _counts and _measure_py (_measure.c), or None
if _c is not None:
    _c.setup(char_flags)
    _c.setup_measure(_STRIP, _CLOSERS, "".join(sorted(_SENTENCE_END)), _Line)
COMPILED = _c is not None  # tests turn it off to compare the two


def _measure(line: str, stopwords: frozenset[str], phrase_spaced: bool, p: ClassifierParams) -> _Line:
    """Measure one line; densities only for long lines, since short ones follow their neighbours.
    In C where `_measure` is built (7.2 -> 3.7 us a line on the dev set, a long line's stop words
    most of it), but for the scripts of the line (`_foreign_to`), read here."""
    by_punct = not stopwords or _foreign_to(line, stopwords)
    if COMPILED:
        measured = _c.measure(  # type: ignore[union-attr]
            line,
            stopwords,
            phrase_spaced,
            by_punct,
            p.length_low,
            p.max_separators,
            p.max_separator_share,
            p.max_copyright_words,
        )
        if measured is not NotImplemented:  # other types than a rule file's (see _measure.c)
            return measured  # type: ignore[no-any-return]
    return _measure_py(line, stopwords, phrase_spaced, p, by_punct)


def _measure_py(
    line: str, stopwords: frozenset[str], phrase_spaced: bool, p: ClassifierParams, by_punct: bool
) -> _Line:
    """`_measure` in Python, `by_punct` given."""
    tokens = line.split(" ")
    ideographs, hangul, punct, letter, upper, lower, spaced, clock = (
        _c.counts(line) if COMPILED else _counts(line, p.length_low)  # type: ignore[union-attr]
    )
    weight = _weight(line, ideographs, hangul)
    words = len(tokens) + ideographs // 2
    tail = line.rstrip(_CLOSERS)
    # Phrase-spaced scripts leave the end of a sentence unmarked; "..." ends a teaser, not a sentence.
    ends_sentence = phrase_spaced or (tail[-1:] in _SENTENCE_END and not tail.endswith(".."))
    density = title_case = 0.0
    stops = -1
    if weight >= p.length_low:
        if not by_punct:
            stops = _stop_words(line, stopwords)
            density = stops / (_words(tokens) + ideographs // 2)
        else:
            density = (punct + phrase_spaced * (len(tokens) - 1)) / words
        if not ends_sentence:
            title_case = upper / max(1, upper + lower)
    separators = line.count("|") + spaced
    reason = ""
    if not letter:
        reason = "no_letters"
    elif weight < p.length_low and clock:
        reason = "timestamp"
    elif separators > max(p.max_separators, p.max_separator_share * words):
        reason = "separators"
    elif words <= p.max_copyright_words and ("©" in line or "opyright" in line or "rights reserved" in line):
        reason = "copyright"
    return _Line(weight, by_punct, words, density, ends_sentence, title_case, reason, stops)


def _words(tokens: Sequence[str]) -> int:
    """How many of a line's space-separated tokens are words, for its stop-word density: the first
    whatever it is (a list's bullet counts, as in jusText), then those with a letter or a digit.
    Punctuation set apart inside a line (French « », " ; ", " : ", " ? ", a spaced dash) is no
    word: counted as one, it thinned a French line's stop words by a fifth against the same
    sentence in English.

    >>> _words("- Un « mot » : deux ;".split(" "))
    4
    """
    return 1 + sum(1 for token in tokens[1:] if _ALNUM.search(token))


def _stop_words(line: str, stopwords: frozenset[str]) -> int:
    """How many of the line's space-separated tokens (lower-cased, outer punctuation stripped) are
    stop words, or start with one that ends in an apostrophe (an elided article or pronoun that a
    language pack lists: "l'" in "l'accueil").

    >>> _stop_words("The end (of it).", frozenset({"the", "of", "it"}))
    3
    >>> _stop_words("L'accueil d’un ami", frozenset({"l'", "d’"}))
    2
    """
    stops = 0
    for token in map(_strip, line.lower().split(" ")):
        if token in stopwords:
            stops += 1
        else:
            mark = _APOSTROPHE.search(token)
            stops += mark is not None and token[: mark.end()] in stopwords
    return stops


@lru_cache(maxsize=256)
def _script_of_list(stopwords: frozenset[str]) -> str | None:
    """The script most of a stoplist's letters are in ('LATIN', 'CYRILLIC'...)."""
    return main_script(sorted(stopwords), share=0.0)


def _foreign_to(line: str, stopwords: frozenset[str]) -> bool:
    """Whether most letters of `line` are in another script than the stoplist's words: a Chinese
    line judged with an English list after a misdetection, a Latin quote on a Russian page. Such
    a line has no stop words of the list to show, so it is judged by punctuation instead."""
    own = _script_of_list(stopwords)
    if own == "LATIN" and line.isascii():
        return False
    counts = scripts(line)
    letters = sum(counts.values())
    return bool(letters) and own is not None and counts.get(own, 0) < letters / 2


def _intrinsic(f: _Line, p: ClassifierParams) -> str:
    """Context-free class as in jusText: good, near-good, short, or a boilerplate reason."""
    if f.bad_reason:
        return f.bad_reason
    if f.weight < p.length_low:
        return _SHORT
    if not f.ends_sentence and f.title_case > p.max_title_case and f.words >= 4:
        return "title_case"
    low, high = (p.punct_low, p.punct_high) if f.by_punct else (p.stopwords_low, p.stopwords_high)
    if f.density >= high and (f.ends_sentence or f.weight >= p.length_high):
        return GOOD
    return _NEARGOOD if f.density >= low else "low_stopwords"


def _context(
    classes: list[str],
    p: ClassifierParams,
    holes: Sequence[int] = (),
    sentences: Sequence[bool] = (),
    asks: Sequence[bool] = (),
    tail: int = 0,
) -> list[str]:
    """`_context_py`, in C where `_measure` is built but for the runs of short sentences
    (`_sentence_runs`, on pages that have any): 3.2% of a dev dump's time in Python, with them."""
    if COMPILED:
        prose = (
            _sentence_runs(classes, [c in _UNDECIDED for c in classes], holes, sentences, asks, tail)
            if any(sentences)
            else None
        )
        decided = _c.context(  # type: ignore[union-attr]
            classes, GOOD, _SHORT, _NEARGOOD, "short_isolated", "low_stopwords", p.max_short_run, holes, prose
        )
        if decided is not NotImplemented:  # a class that is no exact str (see _measure.c)
            return decided  # type: ignore[no-any-return]
    return _context_py(classes, p, holes, sentences, asks, tail)


_UNDECIDED = (_SHORT, _NEARGOOD)


def _context_py(
    classes: list[str],
    p: ClassifierParams,
    holes: Sequence[int] = (),
    sentences: Sequence[bool] = (),
    asks: Sequence[bool] = (),
    tail: int = 0,
) -> list[str]:
    """Decide short and near-good lines from their nearest decided neighbours (jusText's second pass).

    A short line is kept between good text (a subheading, a one-line paragraph) unless it belongs to a
    long run of short lines; a near-good line is kept next to good text; a short line right above
    good text is its heading. `holes[i]`: how many lines earlier cleaners removed right before
    line i; they count in a run (a byline, dates and share buttons removed from a run of short
    lines leave it as long: the site's name left among them is no subheading). A heading under
    good text (a subheading) has none between it and its text; a title may (its byline and dates
    went). `sentences[i]`: whether line i is a short sentence (`_short_sentence`); a chain of them
    from good text is kept whatever the run's length (`_sentence_runs`; `asks[i]`: whether line i
    ends with "?" or ":", a subheading that asks or announces, never a box's heading; `tail`: how
    many lines earlier cleaners removed after the last one).
    """
    n = len(classes)
    undecided = [c in _UNDECIDED for c in classes]
    prev, nxt, run = [False] * n, [False] * n, [0] * n
    last = False
    for i in range(n):
        prev[i] = last
        if undecided[i]:
            run[i] = run[i - 1] + 1 if i else 1
        else:
            last = classes[i] == GOOD
    last = False
    for i in range(n - 1, -1, -1):
        nxt[i] = last
        if not undecided[i]:
            last = classes[i] == GOOD
        elif i + 1 < n and run[i + 1]:
            run[i] = run[i + 1]  # every line of a run carries the run's length
    prose = (
        _sentence_runs(classes, undecided, holes, sentences, asks, tail) if any(sentences) else [False] * n
    )
    if any(holes):
        _count_holes(run, holes)
    out = list(classes)
    for i, c in enumerate(classes):
        if c == _SHORT:
            kept = prev[i] and nxt[i] and run[i] <= p.max_short_run
            out[i] = GOOD if kept or prose[i] else "short_isolated"
        elif c == _NEARGOOD:
            out[i] = GOOD if prev[i] or nxt[i] else "low_stopwords"
    for i in range(n - 1):
        if classes[i] == _SHORT and out[i + 1] == GOOD and not (prev[i] and holes and holes[i + 1]):
            out[i] = GOOD
    return out


_BOX_LINES = 2  # lines removed under a line that is no sentence: a box's, gone but for its heading


def _asks(lines: Sequence[str]) -> list[bool]:
    """For each line, whether it ends with "?" or ":": a subheading that asks or announces (its
    text follows), never the heading of a box whose lines went (`_sentence_runs`)."""
    return [line[-1:] in ("?", ":") for line in lines]


def _sentence_runs(
    classes: Sequence[str],
    undecided: Sequence[bool],
    holes: Sequence[int],
    sentences: Sequence[bool],
    asks: Sequence[bool] = (),
    tail: int = 0,
) -> list[bool]:
    """For each line, whether it is in a run of undecided lines between two good lines whose short
    lines are sentences (`_short_sentence`), two or more, but for subheadings: a short line that
    is no sentence, right above a sentence or the good line, one for two sentences or fewer (a
    teaser list alternates titles and one-sentence summaries: one for one), and the heading of a
    box whose lines went (no sentence, right above two removed lines or more: not kept; a caption
    whose credit and buttons went is one too; a line that asks, `asks`, is a subheading over an ad
    slot). Nothing is removed
    inside the run or right before the good line under it (a caption is a sentence too, its credit
    removed under it), but right before a subheading (an ad marker between two sections). Such a
    run is a page written in one-sentence paragraphs, which no run length makes a menu. Of a run
    that good text does not close (the article's end, then the footer), or that is no such run,
    only the short sentences that open it may be prose (`_last_sentences`).

    >>> _sentence_runs(["good", "short", "short", "good"], [0, 1, 1, 0], [], [0, 1, 1, 0])
    [False, True, True, False]
    >>> _sentence_runs(["good", "short", "short", "good"], [0, 1, 1, 0], [0, 1, 0, 0], [0, 1, 1, 0])
    [False, True, True, False]
    >>> _sentence_runs(["good", "short", "short", "good"], [0, 1, 1, 0], [0, 0, 1, 0], [0, 1, 1, 0])
    [False, False, False, False]
    >>> _sentence_runs(["good", "short", "short", "good"], [0, 1, 1, 0], [0, 0, 0, 1], [0, 1, 1, 0])
    [False, False, False, False]
    >>> _sentence_runs(["good", "short", "short", "short", "short"], [0, 1, 1, 1, 1], [], [0, 1, 1, 1, 0])
    [False, False, False, False, False]
    >>> _sentence_runs(["good", "short", "good"], [0, 1, 0], [], [0, 1, 0])  # one is no run
    [False, False, False]
    >>> page = ["good", "short", "short", "short", "short", "good"]
    >>> _sentence_runs(page, [0, 1, 1, 1, 1, 0], [0, 0, 0, 1, 0, 0], [0, 1, 1, 0, 1, 0])  # a subheading
    [False, True, True, True, True, False]
    >>> _sentence_runs(page, [0, 1, 1, 1, 1, 0], [0, 0, 0, 0, 1, 0], [0, 1, 1, 0, 1, 0])  # a hole under it
    [False, False, False, False, False, False]
    >>> _sentence_runs(page, [0, 1, 1, 1, 1, 0], [], [0, 0, 1, 0, 1, 0])  # titles and summaries
    [False, False, False, False, False, False]
    >>> _sentence_runs(page, [0, 1, 1, 1, 1, 0], [], [0, 1, 1, 0, 0, 0])  # two lines no sentence
    [False, False, False, False, False, False]
    >>> boxed = ["good", "short", "short", "short", "short", "short", "good"]  # a shop box went under line 2
    >>> _sentence_runs(boxed, [0, 1, 1, 1, 1, 1, 0], [0, 0, 0, 3, 0, 0, 0], [0, 1, 0, 0, 1, 1, 0])
    [False, True, False, True, True, True, False]
    >>> _sentence_runs(boxed, [0, 1, 1, 1, 1, 1, 0], [0, 0, 0, 3, 0, 0, 0], [0, 1, 0, 1, 1, 1, 0])  # caption
    [False, True, False, True, True, True, False]
    >>> asks = [0, 0, 1, 0, 0, 0, 0]  # "Quand semer ?" over an ad slot: a subheading
    >>> _sentence_runs(boxed, [0, 1, 1, 1, 1, 1, 0], [0, 0, 0, 3, 0, 0, 0], [0, 1, 0, 1, 1, 1, 0], asks)
    [False, True, True, True, True, True, False]
    """
    n = len(classes)
    out = [False] * n
    for i, j in _runs(undecided):
        if not (i > 0 and classes[i - 1] == GOOD):
            continue
        if not (j < n and classes[j] == GOOD):
            _last_sentences(classes, holes, sentences, i, j, out, tail)
            continue
        short = [k for k in range(i, j) if classes[k] == _SHORT]
        # a line that is no sentence right above two or more lines an earlier cleaner removed is
        # the heading of that box (a shop's, a caption over its credit and share buttons): neither
        # a subheading nor prose (over one removed line, a date or a "read more", it is a title)
        boxed = {
            k
            for k in short
            if not sentences[k] and holes and holes[k + 1] >= _BOX_LINES and not (asks and asks[k])
        }
        heads = {k for k in short if not sentences[k]} - boxed
        said = len(short) - len(heads) - len(boxed)
        titled = said >= 2 * max(1, len(heads)) and all(sentences[k + 1] for k in heads if k + 1 < j)
        # lines removed before a subheading, the box's, or an ad slot under a subheading that asks
        allowed = heads | {k + 1 for k in boxed} | {k + 1 for k in heads if asks and asks[k]}
        if titled and not (holes and any(holes[k] for k in range(i + 1, j + 1) if k not in allowed)):
            out[i:j] = [k not in boxed for k in range(i, j)]
            continue
        _last_sentences(classes, holes, sentences, i, j - 1, out)  # not up to the good line under it
    return out


_CLOSING_HOLE = 2  # lines removed under the article's one last sentence (a share bar, tags), at least


def _last_sentences(
    classes: Sequence[str],
    holes: Sequence[int],
    sentences: Sequence[bool],
    i: int,
    j: int,
    out: list[bool],
    tail: int = 0,
) -> None:
    """In a run `i:j` under good text: its first lines, two or more short sentences with nothing
    removed before any, when something removed ends them (the furniture under the article: a
    related link, a reader box) or the page does. The article's last paragraphs, a sentence each
    ("La boulangerie est ouverte du mardi au dimanche."), not the footer under them. One such
    sentence alone is the article's last when `_CLOSING_HOLE` lines or more went under it (a share
    bar, tags; `tail` at the page's end), not one (a caption's credit, a footer's copyright), and
    when it does not speak to the reader or for the site (`ADDRESSED`: "Retrouvez toute
    l'actualité du Lot sur notre site.").
    (Closed by good text, the run is passed without its last line: a sentence whose credit went
    right above the good line is a caption.)

    >>> out, classes = [False] * 5, ["good", "short", "short", "short", "short"]
    >>> _last_sentences(classes, [0, 0, 0, 1, 0], [0, 1, 1, 0, 0], 1, 5, out)
    >>> out
    [False, True, True, False, False]
    >>> out = [False] * 5  # a list's items are no article's last sentences
    >>> _last_sentences(classes, [0, 0, 0, 1, 0], [0, ITEM, ITEM, 0, 0], 1, 5, out)
    >>> out
    [False, False, False, False, False]
    >>> for hole in (2, 1):  # one sentence over a share bar's two lines that went, over a credit
    ...     out = [False] * 3
    ...     _last_sentences(["good", "short", "short"], [0, 0, hole], [0, 1, 0], 1, 3, out)
    ...     print(out)
    [False, True, False]
    [False, False, False]
    >>> out = [False] * 2  # the page's last line, two lines gone under it
    >>> _last_sentences(["good", "short"], [0, 0], [0, 1], 1, 2, out, tail=2)
    >>> out
    [False, True]
    """
    k = i
    said = [bool(s) and s != ITEM for s in sentences[i:j]]  # a list's items end the article's sentences
    while k < j and classes[k] == _SHORT and said[k - i] and not (holes and holes[k]):
        k += 1
    if k - i >= 2 and (k == len(classes) or (holes and holes[k])):
        out[i:k] = [True] * (k - i)
    elif (
        k - i == 1
        and sentences[i] == 1  # a sentence: not a list's item, not one to the reader
        and _gone_above(holes, k, len(classes), tail) >= _CLOSING_HOLE
    ):
        out[i] = True


def _gone_above(holes: Sequence[int], k: int, n: int, tail: int) -> int:
    """How many lines earlier cleaners removed right above line `k` of `n` (`holes`, none when not
    given), or after the last line when `k` is past it (`tail`)."""
    return (holes[k] if holes else 0) if k < n else tail


def _runs(undecided: Sequence[bool]) -> list[tuple[int, int]]:
    """The runs of undecided lines, as `(first, past the last)`.

    >>> _runs([0, 1, 1, 0, 1])
    [(1, 3), (4, 5)]
    """
    out: list[tuple[int, int]] = []
    i, n = 0, len(undecided)
    while i < n:
        if undecided[i]:
            j = i
            while j < n and undecided[j]:
                j += 1
            out.append((i, j))
            i = j
        else:
            i += 1
    return out


def _count_holes(run: list[int], holes: Sequence[int]) -> None:
    """Add to each run of undecided lines (`run`, as `_context` finds them) the lines removed before
    it, inside it and right after it."""
    for i, j in _runs(run):
        run[i:j] = [run[i] + sum(holes[i : j + 1])] * (j - i)


def _value(label: str, f: _Line, p: ClassifierParams) -> float:
    """What a line weighs in the choice of the main block: its length when good, minus
    `edge_penalty` times it otherwise."""
    return f.weight if label == GOOD else -p.edge_penalty * f.weight


def _main_block(values: Sequence[float]) -> tuple[float, tuple[int, int]]:
    """Densest run of good text: the maximum-sum segment of `values` (good lines count plus, the
    rest minus), with its sum."""
    best, span = 0.0, (0, -1)
    run, start = 0.0, 0
    for i, value in enumerate(values):
        run += value
        if run <= 0:
            run, start = 0.0, i + 1
        elif run > best:
            best, span = run, (start, i)
    return best, span


class Shape(NamedTuple):
    """How a page's prose is laid out, as the main-block choice saw it (for the row's flags)."""

    block_share: float  # share of the page's prose (lines good on their own) inside the main block
    second_block: float  # mass of the best block outside the main block, relative to the main block's
    backed_off: bool  # the guard kept every line good in its context: the main block held too little prose
    prose: int  # weight of the lines that read as prose on their own (trim mode: near-good ones too)
    headline: bool = False  # the URL's headline chose the block (the heaviest one lay elsewhere)


def _shape(
    labels: list[str],
    classes: list[str],
    feats: list[_Line],
    p: ClassifierParams,
    headline: int = -1,
    headers: Sequence[int] = (),
    forum: bool = False,
) -> tuple[Shape, tuple[int, int]]:
    """The main block (of the labels in context) and how much of the page's prose it holds (a
    line kept as near-good with no final stop and of a headline's length, `headline_chars`,
    judged by its stop words, weighs nothing in that choice: the headlines of a teaser list would
    carry the block from the article into the list; such lines right above the block are its
    headline and join it; code and unspaced scripts, judged by punctuation, keep their weight);
    with a `headline` line, the block that starts soonest after it when the best block does not;
    when the best block is a comment thread (`comment_headers` of the `headers` in it, and less
    than `comment_article_share` of its good text before the first), the best block above the
    thread, the article the comments are about, when it holds that share of the thread's good
    text (the thread's prose then counts for nothing). A block with an article before its thread
    is cut later (`_comment_thread`). A `forum`'s thread (its posts each under a header that starts
    like the others', the first one too) whose posts hold the block: the block runs from the first
    post to the last (the heaviest block under the first and under the last header)."""
    heads = [
        label == GOOD and _headline_like(c, f, p) for label, c, f in zip(labels, classes, feats, strict=True)
    ]
    values = [
        0.0 if head else _value(label, f, p) for label, f, head in zip(labels, feats, heads, strict=True)
    ]
    best, (start, end) = _main_block(values)
    while 0 < start <= end and heads[start - 1]:  # the article's own headline, right above it
        start -= 1
    anchored, scope = False, len(values)
    if headline >= 0 and end >= 0 and (start > headline + p.headline_window or end < headline):
        mass, span = _block_after(values, headline + 1, p.headline_window)
        if mass >= p.headline_min_mass * best:
            best, (start, end), anchored = mass, span, True
    thread = [i for i in headers if start - 1 <= i <= end]
    if forum and not anchored and end >= 0 and (headers[0] < start or end < headers[-1]):  # every post
        upto = headers[1] if len(headers) > 1 else len(values)
        first = headers[0] + 1 + _main_block(values[headers[0] + 1 : upto])[1][0]
        mass, (a, b) = _main_block(values[headers[-1] + 1 :])
        start, end = min(start, first), max(end, headers[-1] + 1 + b if b >= a else end)
        best = sum(values[start : end + 1])
    elif not anchored and p.comment_headers and len(thread) >= p.comment_headers:
        kept = [max(value, 0.0) for value in values]  # the text a block keeps
        least = p.comment_article_share * sum(kept[start : end + 1])
        mass, span = _main_block(values[: thread[0]])
        if sum(kept[start : thread[0]]) < least <= sum(kept[span[0] : span[1] + 1]):
            best, (start, end), scope = mass, span, thread[0]
    before, after = _main_block(values[:start])[0], _main_block(values[end + 1 : scope])[0]
    second = max(before, after) if end >= 0 else 0.0
    prose = [f.weight if c == GOOD else 0 for c, f in zip(classes, feats, strict=True)][:scope]
    total = sum(prose)
    share = sum(prose[start : end + 1]) / total if total else 1.0
    backed_off = share < p.min_block_share
    return Shape(share, second / best if best else 0.0, backed_off, total, anchored), (start, end)


def _resumed(
    lines: Sequence[str],
    labels: Sequence[str],
    classes: Sequence[str],
    feats: Sequence[_Line],
    holes: Sequence[int],
    gaps: Sequence[bool],
    edge: int,
    step: int,
    p: ClassifierParams,
) -> tuple[range, range]:
    """The lines of the article on the other side of a box set in it, and the box when it is a
    list of the article's (`_list_box`), or empty ranges: from the main block's `edge` line (its
    last, `step` 1: the article resumes under the box; its first, `step` -1: the article began
    above it), at most `widget_lines` lines that are short on their own (a simulator's fields and
    button, an offer's prices, a map's caption), then a run of text whose good lines weigh
    `widget_resume_mass` or more before the boilerplate outweighs them (the block's own sums), two
    paragraphs of prose or more (`_RESUMED_PARAGRAPHS`). A line a rule removed where the box meets
    the block or the run (share buttons, tags, "Lire aussi", a byline) says the article ends or
    starts there (an ad marker inside the box says nothing). Each of the box's lines is a
    paragraph of its own (`gaps`, when given): short lines with no blank line between them are a
    menu. A box that is a list of the article's own (`_list_box`: a heading, items in parts), on
    either side of the block, stays with it: up to `list_lines` and a heading, with one paragraph
    of prose beyond it; of a widget's size (its items need not be short), with two."""
    none = range(0), range(0)
    n, k = len(labels), edge + step
    while 0 <= k < n and labels[k] != GOOD and abs(k - edge) <= max(p.widget_lines, p.list_lines + 1):
        k += step
    if not p.widget_lines or k == edge + step or not 0 <= k < n or labels[k] != GOOD:
        return none
    box = range(min(edge, k) + 1, max(edge, k))
    meets = (edge + 1, k) if step > 0 else (edge, k + 1)  # holes[i]: lines removed right above line i
    if holes and any(holes[i] for i in meets):
        return none
    short = len(box) <= p.widget_lines
    if short and all(_box_line(classes, gaps, i) for i in box):
        listed = range(0)  # a box: its lines each a short paragraph
    else:  # a list of the article's own (a longer box, whatever its blank lines, which the
        # cascade's next round reads otherwise), or lines of data in a widget's box (a race's
        # podium under its heading, which stays; a match's statistics, which go); above the
        # block, only right over a paragraph of prose (over a headline, or lines of its own, the
        # article starts under the list)
        if step < 0 and not (classes[edge] == GOOD and feats[edge].ends_sentence):
            return none
        listed = _list_box(lines, classes, feats, holes, gaps, box)
        if (
            not listed
            and short
            and all(_box_line(classes, gaps, i) or _data_line(lines, classes, i) for i in box)
        ):
            headed = len(box) > 1 and classes[box[0]] == _SHORT
            data = headed and all(_data_line(lines, classes, i) and classes[i] not in _BOX for i in box[1:])
            listed = box if data else range(0)
        elif not listed:
            return none
    run, best, last, j = 0.0, 0.0, k, k
    while 0 <= j < n:
        run += _value(labels[j], feats[j], p)
        if run <= 0:
            break
        if run > best:
            best, last = run, j
        j += step
    if best < p.widget_resume_mass:
        return none
    found = range(min(k, last), max(k, last) + 1)
    prose = sum(classes[i] == GOOD and feats[i].ends_sentence for i in found)
    return (found, listed) if prose >= (1 if listed and not short else _RESUMED_PARAGRAPHS) else none


# a list set in the article (`_list_box`): its heading's words at most, its items (at least, and
# their words on average)
_LIST_HEADING_WORDS = 6
_LIST_ITEMS = 3
_LIST_ITEM_WORDS = 3.5
# what an item of data holds between its parts: "Durée : 2 jours", "Lundi 7 octobre, de 9 h à
# 12 h", "Jour 1 – Trouver sa place", "Ouvert toute l'année ; hauteur 3,50 m"
_PARTS = re.compile(r" : |, | [–-] |; ")


def _list_box(
    lines: Sequence[str],
    classes: Sequence[str],
    feats: Sequence[_Line],
    holes: Sequence[int],
    gaps: Sequence[bool],
    box: range,
) -> range:
    """`box` when it is a list of the article's own, or an empty range: a heading of its
    own paragraph ("Services et tarifs"), then `_LIST_ITEMS` items or more, none removed among
    them, short lines of no boilerplate kind, each with a bullet or in parts (`_PARTS`: a menu's
    entries and a teaser's titles are neither), the first one perhaps the sentence that announces
    them (ending with a colon); a heading over the article's next part may close the box."""
    if not box or classes[box[0]] != _SHORT or feats[box[0]].words > _LIST_HEADING_WORDS:
        return range(0)
    if feats[box[0]].ends_sentence or (gaps and not gaps[box[0]]):
        return range(0)
    items = box[1:]
    last = items[-1] if items else -1
    if items and not _data_item(lines[last]) and _box_line(classes, gaps, last):
        if holes and holes[last]:
            return range(0)
        items = items[:-1]  # the heading of what follows
    if len(items) < _LIST_ITEMS or sum(feats[i].words for i in items) < _LIST_ITEM_WORDS * len(items):
        return range(0)
    for i in items:
        if classes[i] not in _ITEMS or (holes and holes[i]):
            return range(0)
        if not (_data_item(lines[i]) or (i == items[0] and lines[i].endswith(":"))):
            return range(0)
    return box


def _data_item(line: str) -> bool:
    """Whether a line reads as an item of a list: in parts (`_PARTS`), or a bullet first and a
    capital after it or a final ";" or "." (a list of things in lower case, "• une clé à molette",
    is told by its heading: `list_headings`)."""
    if _PARTS.search(line) is not None:
        return True
    return line[:1] in _BULLETS and _item_shaped(line[1:].strip())


def _item_shaped(rest: str) -> bool:
    """Whether a bulleted line's text (`rest`, after its bullet) reads as a list's item: a capital
    first, or lower case where it ends as a list's items do ("- du ruban de masquage ;")."""
    return rest[:1].isupper() or rest.rstrip(_CLOSERS)[-1:] in (";", ".")


def _rival(labels: Sequence[str], feats: Sequence[_Line], p: ClassifierParams, lo: int, hi: int) -> float:
    """The mass of the best block outside lines `lo` to `hi`, relative to theirs (`Shape.second_block`)."""
    values = [_value(label, f, p) for label, f in zip(labels, feats, strict=True)]
    own = sum(max(value, 0.0) for value in values[lo : hi + 1])
    rival = max(_main_block(values[:lo])[0], _main_block(values[hi + 1 :])[0])
    return rival / own if own else 0.0


_BOX = frozenset({_SHORT, _NEARGOOD})  # a box's lines: short ones, none a kind of boilerplate


def _data_line(lines: Sequence[str], classes: Sequence[str], i: int) -> bool:
    """Whether line `i` is a box's line of data, whatever its length and blank lines: in parts
    (`_data_item`) and of no boilerplate kind but its few stop words or its capitals (a race's
    podium, "Possession : 54 % – 46 %. Tirs : 15 – 8.")."""
    return classes[i] in _ITEMS and _data_item(lines[i])


def _box_line(classes: Sequence[str], gaps: Sequence[bool], i: int) -> bool:
    """Whether line `i` reads as a box's: short, of no boilerplate kind, a paragraph of its own."""
    return classes[i] in _BOX and (not gaps or gaps[i])


# paragraphs of prose (good alone, a final stop) in the article resumed under a box: one is a
# help box's ("Où s'informer ?" / "Pour toute question, contactez ...")
_RESUMED_PARAGRAPHS = 2


def _headline_like(c: str, f: _Line, p: ClassifierParams) -> bool:
    """Whether a line reads as a headline: near-good with no final stop, of a headline's length,
    judged by its stop words."""
    return c == _NEARGOOD and not f.ends_sentence and not f.by_punct and f.weight < p.headline_chars


def _kicker(c: str, f: _Line, c_next: str, f_next: _Line, p: ClassifierParams) -> bool:
    """Whether a line that opens the main block is the rubric over its headline ("Économie" above
    the title), not a heading of prose: a line of at most `kicker_words` words, then a headline (a
    near-good line of a headline's length, no final stop)."""
    return (
        c == _SHORT
        and f.words <= p.kicker_words
        and c_next == _NEARGOOD
        and not f_next.ends_sentence
        and f_next.weight < p.headline_chars
    )


def _rubric(line: str) -> bool:
    """Whether a kicker-shaped line reads as a rubric whatever the text says: one word, or in
    capitals ("Mobilité", "ÉLECTIONS"); a short title has two words or more in lower case too
    ("Tarte Tatin", "Le far breton").

    >>> [_rubric(t) for t in ("Mobilité", "ÉCO & ENTREPRISES", "Tarte Tatin", "Le far breton")]
    [True, True, False, False]
    """
    return " " not in line or (line.upper() == line and any(map(str.isalpha, line)))


def _named_in_block(
    line: str, lines: Sequence[str], labels: list[str], span: tuple[int, int], stopwords: frozenset[str]
) -> bool:
    """Whether a content word of `line` recurs in the good text of `span`: a short title ("Tarte
    Tatin") names the story, a rubric ("Économie") only its section."""
    body = " ".join(lines[i] for i in range(span[0], span[1] + 1) if labels[i] == GOOD).lower()
    return any(word in body for word in _vocabulary(line, stopwords))


def _block_after(values: Sequence[float], first: int, window: int) -> tuple[float, tuple[int, int]]:
    """The heaviest run of `values` that starts within `window` positions from `first`, with its
    sum ((0, (0, -1)) when none is positive)."""
    best, span = 0.0, (0, -1)
    for start in range(first, min(first + window, len(values))):
        if values[start] <= 0:
            continue
        run = 0.0
        for end in range(start, len(values)):
            run += values[end]
            if run > best:
                best, span = run, (start, end)
    return best, span


@lru_cache(maxsize=TEXTS)
def _slug_words(line: str) -> frozenset[str]:
    """The folded words of a line, as a URL's slug spells them (memoised: every round and every
    page of a site looks at the same lines again)."""
    return frozenset(words_of(line))


on_clear(_slug_words.cache_clear)


def _headline(lines: Sequence[str], feats: list[_Line], slug: frozenset[str], p: ClassifierParams) -> int:
    """Index of the line that spells the URL's slug (`headline_match` of its words or more, the
    closest spelling first: a breadcrumb that ends with the title loses to the title), or -1."""
    if not slug or not p.headline_match:
        return -1
    best, best_fit = -1, 0.0
    for i, line in enumerate(lines):
        if feats[i].bad_reason or feats[i].weight >= p.length_high:
            continue
        words = _slug_words(line)
        shared = len(words & slug)
        if shared < p.headline_match * len(slug):
            continue
        fit = shared / len(words | slug)
        if fit >= best_fit:  # ties: the later line, nearer the text than a page title at the top
            best, best_fit = i, fit
    return best


def _vocabulary(line: str, stopwords: frozenset[str]) -> set[str]:
    """Content words of a line (character pairs for scripts without spaces), for title matching."""
    text = line.lower().replace("-", " ").replace("/", " ")
    words = {w for w in map(_strip, text.split(" ")) if len(w) > 2}
    dense = "".join(KANA_HAN_CHAR.findall(line))
    return (words - stopwords) | {dense[k : k + 2] for k in range(len(dense) - 1)}


# scripts whose spaces do not part words (Thai, Lao, Burmese, Khmer: their tokens are phrases) or
# that glue particles to words (Korean): looked for anywhere in the text
_UNSPACED = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\uac00-\ud7af]")
_STEM = 5  # a word of this many letters or more recurs as any word that starts the same way
# content words of a title that wins over shorter ones: a line of two names ("Marion Lefèvre",
# "Lille 2 - 1 Metz", "Réalisé par Léa Morand") is the text's words too, but 211 of 216 gold
# titles of the French probe sets have three or more
_TITLE_WORDS = 3
_PAIR_SHARE = 0.35  # of a headline's and its standfirst's words together: see `_title`
_stem = operator.itemgetter(slice(None, _STEM))


class _Body:
    """The text a title is looked for in: a word recurs as itself, or, from `_STEM` letters on, as
    any word that starts with the same `_STEM` letters (plurals, derivations: "baguette" in
    "baguettes"); not inside another word ("cher" is not in "chercher"). Character pairs of han
    and kana, the phrases of unspaced scripts and Korean words are looked for anywhere in the text."""

    def __init__(self, text: str) -> None:
        self.text = text.lower()
        # its words and stems in C where built: 0.20 -> 0.09 ms a dev dump, 1.8% of a dump's
        # instructions (a str made only of a word not met before, no Python call per token)
        made = _c.words_and_stems(self.text, _STEM) if COMPILED else NotImplemented  # type: ignore[union-attr]
        self.words, self.stems = _words_and_stems(self.text) if made is NotImplemented else made

    def repeats(self, word: str) -> bool:
        if KANA_HAN_CHAR.match(word) or _UNSPACED.search(word):
            return word in self.text
        return word[:_STEM] in self.stems if len(word) >= _STEM else word in self.words


def _words_and_stems(text: str) -> tuple[set[str], set[str]]:
    """A lowered text's words (parted at spaces, hyphens and slashes, `_STRIP` stripped) and their
    first `_STEM` letters: `_measure.words_and_stems` in Python."""
    # each distinct token stripped once: half of a page's tokens are repeats
    words = set(map(_strip, set(text.replace("-", " ").replace("/", " ").split(" "))))
    # a shorter word's whole self is shorter than a stem, so no stem `repeats` asks for
    return words, set(map(_stem, words))


@lru_cache(maxsize=8)
def _body(text: str) -> _Body:
    """The block's text as a title is looked for in it: the next rounds of the cascade often
    find the same block again (a third of the calls on the dev dumps)."""
    return _Body(text)


on_clear(_body.cache_clear)


def _title(
    lines: Sequence[str],
    labels: list[str],
    feats: list[_Line],
    span: tuple[int, int],
    stopwords: frozenset[str],
    p: ClassifierParams,
) -> int:
    """Index of the title above the main block, or -1: the line whose words the text repeats most.

    Bylines, dates and menus sit between title and text, so adjacency is no help; shared words are.
    First, within twice `title_lookback`, a headline right over its standfirst (two lines of
    prose outside the block, "edge", the first with a title's shape and `_TITLE_WORDS` content
    words, the second no title) whose words together the text repeats `_PAIR_SHARE` of, the one
    farthest up: a caption or a date line under it may share more words than the headline alone,
    and a related teaser with its summary, under the head, as many as the head or more. Else: a line
    that ends with a full stop is no title (`_statement`). A line of `_TITLE_WORDS` content
    words or more wins over a shorter one. When no such line shares enough, the standfirst does:
    the line right above the nearest prose outside the block ("edge") whose words the text repeats
    that much, within twice `title_lookback` (a video's or a podcast's player, its chapters and
    buttons between the standfirst and the text), is the title, if it has a title's shape and
    words and shares half as much (a headline that says "derby" where the text says "match");
    else the shorter line, if any.
    """
    start, end = span
    if start <= 0:
        return -1  # nothing above the block (a third of the calls: the text is not measured)
    body = _body(" ".join(lines[i] for i in range(start, end + 1) if labels[i] == GOOD))

    def repeated(vocab: set[str]) -> float:
        """The share of these words the text repeats."""
        return sum(map(body.repeats, vocab)) / max(len(vocab), 1)

    def shared(i: int) -> tuple[bool, float]:
        """Whether line i has a title's number of words, and the share of them the text repeats."""
        vocab = _vocabulary(lines[i], stopwords)
        return len(vocab) >= _TITLE_WORDS, repeated(vocab) if len(vocab) > 1 else 0.0

    def score(i: int) -> float:
        return shared(i)[1]

    def titled(i: int) -> bool:  # a trail ("Industrie > Énergie") is no title: its crumbs recur
        f, line = feats[i], lines[i]
        return not (f.bad_reason or f.weight >= p.length_high or _statement(line) or _TRAIL.search(line))

    further = range(start - 1, max(-1, start - 1 - 2 * p.title_lookback), -1)
    # a headline over its standfirst, both prose outside the block; the farthest up first: the
    # article's head is over any teaser or caption
    for i in reversed(further):
        if i > 0 and labels[i] == labels[i - 1] == "edge" and titled(i - 1) and not titled(i):
            head = _vocabulary(lines[i - 1], stopwords)
            if len(head) >= _TITLE_WORDS and repeated(head | _vocabulary(lines[i], stopwords)) >= _PAIR_SHARE:
                return i - 1
    best, best_key = -1, (False, p.title_overlap)
    above = range(start - 1, max(-1, start - 1 - p.title_lookback), -1)
    for i in above:
        if not titled(i):
            continue
        key = shared(i)
        if key[1] >= p.title_overlap and (key > best_key or (best < 0 and key == best_key)):
            best, best_key = i, key  # ties: the line nearest the text
    opens = start + 1 if labels[start] == "kicker" and start < end else start  # the headline under its kicker
    if best >= 0 and not best_key[0] and labels[opens] == GOOD and titled(opens) and shared(opens) > best_key:
        return -1  # the block opens with a headline, a label above is the header's (a site's name)
    if not best_key[0]:
        standfirst = next((i for i in further if labels[i] == "edge" and score(i) >= p.title_overlap), 0)
        if standfirst > 0 and titled(standfirst - 1):
            worded, share = shared(standfirst - 1)
            if worded and share >= p.title_overlap / 2:
                return standfirst - 1
    return best


def _statement(line: str) -> bool:
    """Whether a line ends with a full stop: no title's shape (4 of 306 gold titles under 150
    characters end so), but a film's credits ("De Léa Morand. Avec ...") or a caption's, whose
    names the text repeats more than its title's words.

    >>> [_statement(line) for line in ("De Léa Morand. Avec Inès Carpentier.", "L'été...", "Qui ?")]
    [True, False, False]
    """
    return line.endswith(".") and not line.endswith("..")


def _classify_lines(
    lines: Sequence[str],
    stopwords: frozenset[str],
    lang: str,
    p: ClassifierParams,
    slug: frozenset[str],
    holes: Sequence[int] = (),
    gaps: Sequence[bool] = (),
    heads: Sequence[int] = (),
    tail: int = 0,
    addresses: Callable[[str], bool] | None = None,
    feats: list[_Line] | None = None,
) -> tuple[list[str], Shape, Measured]:
    """Label lines that are each one paragraph: features, neighbour context, main block, title;
    and what it measured of them (`holes`: see `_context`; `heads`: the list headings, see
    `_list_items`, with the blank lines before each line, `gaps`; `feats`: their features with
    this stoplist, when measured already)."""
    if not lines:
        return [], Shape(1.0, 0.0, False, 0), Measured([], [], [])
    if feats is None:
        feats = _features_of(lines, stopwords, lang in _PHRASE_SPACED, p)
    sentences: list[bool] = []
    if p.sentence_words and stopwords:
        sentences = [
            f.weight < p.length_low and not f.bad_reason and _short_sentence(line, f, stopwords, p)
            for line, f in zip(lines, feats, strict=True)
        ]
        for i in _clauses(lines, feats, p):
            sentences[i] = True
        for i, line in enumerate(lines):
            if not sentences[i] and feats[i].weight < p.length_low and _item(line, stopwords, p):
                sentences[i] = ITEM
            elif sentences[i] is True and addresses is not None and addresses(line):
                sentences[i] = ADDRESSED
    measured = _measure_page(lines, stopwords, lang, p, holes, heads, gaps, sentences, feats, tail)
    feats, classes = measured.features, measured.alone
    labels = list(measured.in_context)
    headline = _headline(lines, feats, slug, p)
    headers = [i for i, f in enumerate(feats) if f.bad_reason == "timestamp" and _dated(lines[i])]
    forum = bool(p.comment_headers) and len(headers) >= p.comment_headers
    forum = forum and len(signatures := {_signature(lines[i]) for i in headers}) == 1 and "" not in signatures
    shape, (start, end) = _shape(labels, classes, feats, p, headline, headers, forum)
    if shape.backed_off:
        return labels, shape, measured
    boxed = end >= 0 and not forum
    resumed, below = (
        _resumed(lines, labels, classes, feats, holes, gaps, end, 1, p) if boxed else (range(0),) * 2
    )
    began, above = (
        _resumed(lines, labels, classes, feats, holes, gaps, start, -1, p)
        if boxed and not shape.headline
        else (range(0),) * 2
    )
    if resumed or began:  # the rival block is what is left outside the article's parts
        lo, hi = (began or range(start, start + 1)).start, (resumed or range(end, end + 1))[-1]
        shape = shape._replace(second_block=_rival(labels, feats, p, lo, hi))

    def on_its_own(a: int, b: int) -> list[str]:
        """Lines `a` to `b` (past the last) decided from each other only."""
        after = _gone_above(holes, b, len(lines), tail)
        return _context(classes[a:b], p, holes[a:b], sentences[a:b], _asks(lines[a:b]), after)

    for part in (resumed, began):  # each decided on its own too; the box's lines keep their labels
        if part:
            labels[part.start : part.stop] = on_its_own(part.start, part.stop)
    for listed in (below, above):  # a list of the article's own stays whole
        labels[listed.start : listed.stop] = [GOOD] * len(listed)
    # from its first paragraph of prose: the title, dates and standfirst above it are the title's search
    began = range(next((i for i in began if classes[i] == GOOD), began.stop), began.stop)
    # Decide the block again on its own, so that no kept line leans on a neighbour outside it.
    labels[start : end + 1] = on_its_own(start, end + 1)
    start = began.start if began else start  # the article's head is above the box
    if (
        start < end
        and start != headline
        and _kicker(classes[start], feats[start], classes[start + 1], feats[start + 1], p)
        and (
            _rubric(lines[start])
            or not _named_in_block(lines[start], lines, labels, (start + 1, end), stopwords)
        )
    ):
        labels[start] = "kicker"
    labels = [
        label if start <= i <= end or i in resumed or i in below or label != GOOD else "edge"
        for i, label in enumerate(labels)
    ]
    if end >= 0:
        title = _title(lines, labels, feats, (start, end), stopwords, p)
        if 0 <= headline < start and start - headline <= p.title_lookback:
            title = headline
        if title >= 0:
            labels[title] = GOOD
            for i in range(title + 1, start):  # the standfirst: prose between the title and the text
                if classes[i] == GOOD and labels[i] == "edge":
                    labels[i] = GOOD
    return labels, shape, measured


def _trim(
    lines: Sequence[str],
    stopwords: frozenset[str],
    lang: str,
    p: ClassifierParams,
    slug: frozenset[str],
    feats: list[_Line] | None = None,
) -> tuple[list[str], Shape]:
    """Trim mode: "trim_head" before the first line of prose (but its title), "trim_tail" after
    the last, good between them and for any line of `trim_max_weight` or more that is no
    boilerplate on its own (a long menu); all good without prose. `feats`: the lines' features
    with this stoplist, when measured already."""
    if feats is None:
        feats = _features_of(lines, stopwords, lang in _PHRASE_SPACED, p)
    prose = [i for i, (f, line) in enumerate(zip(feats, lines, strict=True)) if _prose(f, line, p)]
    shape = Shape(1.0, 0.0, False, sum(feats[i].weight for i in prose))
    if not prose:
        return [GOOD] * len(lines), shape
    first, last = prose[0], prose[-1]
    labels = [
        GOOD
        if first <= i <= last or (f.weight >= p.trim_max_weight and not f.bad_reason)
        else "trim_head"
        if i < first
        else "trim_tail"
        for i, f in enumerate(feats)
    ]
    title = _title(lines, labels, feats, (first, last), stopwords, p)
    headline = _headline(lines, feats, slug, p)
    if 0 <= headline < first and first - headline <= p.title_lookback:
        title = headline
    if title >= 0:  # the headline above the text, as in full mode
        labels[title] = GOOD
    return _comment_thread(lines, labels, [f.bad_reason == "timestamp" for f in feats], p), shape


def _prose(f: _Line, line: str, p: ClassifierParams) -> bool:
    """Trim mode's prose: a line good or near-good on its own, or a long sentence whose few stop
    words are made up by its commas (a list of names in a sentence)."""
    if _intrinsic(f, p) in (GOOD, _NEARGOOD):
        return True
    return (
        not f.bad_reason
        and f.ends_sentence
        and f.weight >= p.length_low
        and punctuation_marks(line) / f.words >= p.punct_high
    )


def _paragraphs(gaps: Sequence[bool], max_lines: int) -> list[tuple[int, int]]:
    """Spans of lines with no blank line between them; a longer span is a dump without blank lines."""
    starts = [i for i, gap in enumerate(gaps) if gap or i == 0]
    spans: list[tuple[int, int]] = []
    for a, b in zip(starts, [*starts[1:], len(gaps)], strict=True):
        spans.extend([(a, b)] if b - a <= max_lines else [(k, k + 1) for k in range(a, b)])
    return spans


def _written_in(
    lines: Sequence[str], feats: Sequence[_Line], stopwords: frozenset[str], p: ClassifierParams
) -> bool:
    """Whether the stoplist fits the text: a misdetected language (Icelandic taken for Norwegian)
    gives a stoplist that every line fails, and the whole page would go. Judged on long lines
    (ten words or more), once there are 50 such words; on the dev set pages in the right language
    have 22% or more stop words, the one misdetected page 9%. The stop words are those the line
    features (`feats`, with this stoplist) count: the classifier measures the lines once for both.
    """
    spaces = [line.count(" ") for line in lines]
    tokens = sum(n + 1 for n in spaces if n >= 9)
    if tokens < 50:
        return True
    stops = 0
    for line, f, n in zip(lines, feats, spaces, strict=True):
        if n >= 9:
            stops += f.stop_words if f.stop_words >= 0 else _stop_words(line, stopwords)
    return stops >= p.stoplist_min_share * tokens


def _fitting(
    lines: Sequence[str], stopwords: frozenset[str], lang: str, p: ClassifierParams
) -> tuple[frozenset[str], list[_Line] | None]:
    """The stoplist to judge the lines with (none when it does not fit them, `_written_in`), and
    their features with it when measured (None: not yet)."""
    if not stopwords:
        return stopwords, None
    feats = _features_of(lines, stopwords, lang in _PHRASE_SPACED, p)
    return (stopwords, feats) if _written_in(lines, feats, stopwords, p) else (frozenset(), None)


class Measured(NamedTuple):
    """What the classifier reads of each line of a page (for the line model's features)."""

    features: list[_Line]
    alone: list[str]  # class on its own: good, neargood, short or a boilerplate reason
    in_context: list[str]  # after jusText's neighbour pass, before the main block is chosen


def measure_lines(
    lines: Sequence[str], stopwords: frozenset[str], lang: str, params: ClassifierParams = ClassifierParams()
) -> Measured:
    """Each line measured and classed as `classify` does it (same stoplist fallback)."""
    stopwords, feats = _fitting(lines, stopwords, lang, params)
    return _measure_page(lines, stopwords, lang, params, feats=feats)


def _measure_page(
    lines: Sequence[str],
    stopwords: frozenset[str],
    lang: str,
    p: ClassifierParams,
    holes: Sequence[int] = (),
    heads: Sequence[int] = (),
    gaps: Sequence[bool] = (),
    sentences: Sequence[bool] = (),
    feats: list[_Line] | None = None,
    tail: int = 0,
) -> Measured:
    """Features, class alone and class in context of each line, for the stoplist as given; the
    list headings of `heads` and their items (`_list_items`, which reads `gaps`) are good alone;
    `sentences`: see `_context`; `feats`: the features when measured already."""
    if feats is None:
        feats = _features_of(lines, stopwords, lang in _PHRASE_SPACED, p)
    alone = [_intrinsic(f, p) for f in feats]
    if gaps:  # a sentence that announces a list heads it too
        heads = sorted({*heads, *(i for i, line in enumerate(lines) if _announces(line, alone[i]))})
    if heads and p.list_lines:
        for i in _list_items(alone, gaps, heads, p, holes, lines):
            alone[i] = GOOD
    for i in (*_numbered_steps(lines, alone), *_enumeration(lines, alone)):
        alone[i] = GOOD
    return Measured(feats, alone, _context(alone, p, holes, sentences, _asks(lines), tail))


_BULLETS = frozenset("•·-–—*▪►✓✔")
# "2. ", "3) ", "3 - ", "12 : ": a numbered step or item; "23e : ", "1re - ", "90e+4 : ", "45+2' ":
# a match report's minute
_STEP = re.compile(
    r"^(\d{1,2}[.)] |\d{1,3}(e|er|re|'|’)?(\+\d{1,2})?(e|'|’)? ?[:–-] |\d{1,3}(\+\d{1,2})?(e|'|’) )"
)


def _clauses(lines: Sequence[str], feats: Sequence[_Line], p: ClassifierParams) -> list[int]:
    """A sentence that announces a list with a colon and the short lines that end it: each in
    lower case, ending with ";" or "," but the last ("."), or each after a bullet: "Trois moyens
    sont possibles :" / "par lettre recommandée ;" / "par remise en main propre." Such lines read
    as the sentences they are (`_short_sentence`).

    >>> p = ClassifierParams()
    >>> text = ["Trois moyens sont possibles :", "par lettre ;", "par acte ;", "en main propre.", "Suite"]
    >>> _clauses(text, [_measure(t, frozenset(), False, p) for t in text], p)
    [0, 1, 2, 3]
    >>> text = ["Voici les prix moyens :", "• Gazole : 1,68 €", "• GPL : 0,99 €", "Suite", "* Menu :", "* A"]
    >>> _clauses(text, [_measure(t, frozenset(), False, p) for t in text], p)
    [0, 1, 2]
    """
    out: list[int] = []
    opener = -1  # the line that announces the list, while it goes on
    for i, line in enumerate(lines):
        short = feats[i].weight < p.length_low
        if opener >= 0 and short and (line[:1] in _BULLETS or (line[:1].islower() and line[-1:] in ";,.")):
            out += [opener, i] if not out or out[-1] < opener else [i]
            if line[:1] not in _BULLETS and line[-1:] == ".":
                opener = -1
        else:  # a sentence that announces them, not a menu's entry ("* Routers:")
            opener = i if line.endswith(":") and line[:1] not in _BULLETS and feats[i].words >= 4 else -1
    return out


def _short_sentence(line: str, f: _Line, stopwords: frozenset[str], p: ClassifierParams) -> bool:
    """Whether a short line is a sentence: a capital first (after a step's number: "2. Retirez les
    branches ..."), a final stop ("." "!"; a question is a
    teaser's shape too), `sentence_words` words or more, `sentence_stopwords` of them stop words.

    >>> fr = frozenset({"le", "la", "de", "du", "en", "est"})
    >>> p = ClassifierParams()
    >>> [_short_sentence(t, _measure(t, fr, False, p), fr, p) for t in (
    ...     "Le château domine la vieille ville de Annecy.", "Le château domine la vieille ville",
    ...     "Château, musée et jardins du lac.", "Le prix du lac en été ?",
    ...     "le château domine la vieille ville de Annecy.", "2. Le château domine la ville de Annecy.",
    ...     "23e : Le château domine la ville de Annecy.")]
    [True, False, False, False, False, True, True]
    """
    return (
        f.ends_sentence
        and not f.by_punct
        and f.words >= p.sentence_words
        and _STEP.sub("", line, count=1)[:1].isupper()
        and line.rstrip(_CLOSERS)[-1:] in ".!"
        and _stop_words(line, stopwords) >= p.sentence_stopwords * _words(line.split(" "))
    )


ITEM = 2  # `sentences[i]` of a list's item (`_item`): a sentence in a run closed by good text only
ADDRESSED = 3  # ...of a sentence to the reader or for the site: no article's one last sentence


# "Mardi : 14 h – 18 h 30", "Salaire : 2 150 € brut", "Weight: 189 g": a label, a colon, a value
_KEY_VALUE = re.compile(r"^[^\W_][^:]{0,60}? ?: \S")
_LABEL_WORDS = 8  # words of a key-value line's label, at most
_VALUE_WORDS = 4  # ...and of a value with no number ("Devis : les mentions à ne pas oublier" reads on)
# a value that is only a phone number (an area code in brackets first, at most; 9 to 15 digits: no
# date, score, year or population), an e-mail address or a web address: a contact box's line
_CONTACT = re.compile(
    r"((?P<phone>\+?(\(\d{1,4}\) ?)?\d[\d .-]*\d)( ?/ ?(?P<other>\+?\d[\d .-]*\d))?|[^ @]+@[^ @]+\.[^ @]+"
    r"|(https?://|www\.)\S+)$",
    re.I,
)
_PHONE_DIGITS = range(9, 16)


def _contact(value: str) -> bool:
    """Whether a key-value line's value is only a phone number, an e-mail or a web address."""
    m = _CONTACT.match(value)
    if m is None or m.group("phone") is None:
        return m is not None
    numbers = [number for number in m.group("phone", "other") if number]  # "04 50 ... / 06 12 ..."
    return all(sum(c.isdigit() for c in number) in _PHONE_DIGITS for number in numbers)


def _item(line: str, stopwords: frozenset[str], p: ClassifierParams) -> bool:
    """Whether a line is an item of a list written in words: a bullet, then `item_words` words or
    more, a capital first (or a final ";" or "."), `sentence_stopwords` of them stop words (a menu's
    entries and a teaser's titles have few); or a key-value line (a label of `_LABEL_WORDS` words at
    most, perhaps a number first, a colon, a value: opening hours, prices, a data sheet, "23
    personnes : environ 51 %"; a number with two stop words at most, or a few words).

    >>> fr = frozenset({"le", "la", "de", "du", "en", "et", "les", "des", "avec", "dans", "un", "sur"})
    >>> p = ClassifierParams()
    >>> [_item(t, fr, p) for t in ("• Assurer le service avec le chef", "• Contact", "Assurer le service",
    ...     "• Commis de cuisine (H/F) – Annecy-le-Vieux – CDD 6 mois", "• assurer le service avec le chef",
    ...     "- assurer le service avec le chef ;")]
    [True, False, False, False, False, True]
    >>> [_item(t, fr, p) for t in ("Mardi : 14 h – 18 h 30", "Weight: 189 g", "14:32 Le titre", "Note :")]
    [True, True, False, False]
    >>> [_item(t, fr, p) for t in ("Genre : Aventure / Enquête", "Devis : les mentions à ne pas oublier",
    ...     "Micro-entreprise : comment déclarer ?", "Thonon : 3 blessés dans un accident sur la RD 1005",
    ...     "Salaire : 2 150 € à 2 400 € brut mensuel", "70 personnes : plus de 99,9 %",
    ...     "Lyon : 3 blessés dans la nuit de samedi", "Repas : 1,00 € le repas du midi")]
    [True, False, False, False, True, True, False, True]
    >>> [_item(t, fr, p) for t in ("Tél. : 04 50 12 34 56", "Courriel : accueil@mairie.fr",
    ...     "Site : www.mairie.fr", "Tarif : 12 €", "Horaires : 9 h - 12 h", "Phone: (970) 555-0100",
    ...     "Tél. : 04 50 12 34 56 / 06 12 34 56 78")]
    [False, False, False, True, True, False, False]
    >>> [_item(t, fr, p) for t in ("Date : 12/03/2024", "Population : 12 345 (2020)", "Score: 3-1 (2-0)",
    ...     "Budget : 1 200 000", "Réf. : 2024-118", "Naissance : 12.03.1998", "Score : 102 / 98")]
    [True, True, True, True, True, True, True]
    """
    if not p.item_words:
        return False
    if line[:1] not in _BULLETS:
        m = _KEY_VALUE.match(line) if ": " in line else None  # what the pattern needs: one C scan
        if m is None or m.group().count(" ") > _LABEL_WORDS or line.endswith("?"):
            return False
        # a number with two stop words at most, or a few words: a headline's second half reads on
        # ("Thonon : 3 blessés dans un accident sur la RD 1005")
        value = line[m.end() - 1 :]
        if _contact(value):  # "Tél. : 04 50 12 34 56", "Email: x@y.org": a contact box's
            return False
        if any(c.isdigit() for c in value):
            return _stop_words(value, stopwords) <= 2
        return value.count(" ") < _VALUE_WORDS
    rest = line[1:].strip()
    tokens = rest.split(" ")
    return (
        len(tokens) >= p.item_words
        and _item_shaped(rest)
        and _stop_words(rest, stopwords) >= p.sentence_stopwords * _words(tokens)
    )


_ITEMS = frozenset({_SHORT, _NEARGOOD, "low_stopwords", "title_case"})
_ANNOUNCED_ITEMS = 3  # items under a sentence that announces them, unless prose closes the list
_ITEM_WORDS = 3  # ...of this many words on average (a form's fields, a footer's links have fewer)


_NUMBER = re.compile(r"^(\d{1,2})[.)] ")
_STEPS = 3  # numbered lines in a row that make a list of steps


def _numbered_steps(lines: Sequence[str], classes: Sequence[str]) -> list[int]:
    """The lines of a numbered list ("1. ", "2. ", "3. " in a row, nothing between) that are not
    good on their own when most of the list is: a step full of figures ("2. Semaine 3 : 10 × 400 m
    à VMA ...") reads as few stop words, but it is one of the steps around it.

    >>> steps = ["1. Un pas.", "2. 10 × 400 m", "3. Un autre pas.", "Fin"]
    >>> _numbered_steps(steps, ["good", "low_stopwords", "good", "good"])
    [1]
    >>> _numbered_steps(steps, ["short", "short", "good", "good"])  # a list of links
    []
    >>> _numbered_steps([*steps[:2], "4. Un autre pas."], ["good", "low_stopwords", "good"])
    []
    """
    out: list[int] = []
    if sum(line[:1].isdecimal() for line in lines) < _STEPS:  # `_NUMBER`'s \d: a decimal digit
        return out  # (most pages: fewer lines that start with one)
    i, n = 0, len(lines)
    while i < n:
        m = _NUMBER.match(lines[i])
        j = i + 1
        if m is not None:
            at = int(m.group(1))
            while j < n and (k := _NUMBER.match(lines[j])) is not None and int(k.group(1)) == at + j - i:
                j += 1
            run = range(i, j)
            if j - i >= _STEPS and 2 * sum(classes[k] == GOOD for k in run) > j - i:
                out += [k for k in run if classes[k] in _ITEMS]
        i = j
    return out


_CODE = re.compile(r"[{}=]|\)\s?;$")  # a statement's ("var a = 1;", 'console.log("...");'), no item's


def _enumeration(lines: Sequence[str], classes: Sequence[str]) -> list[int]:
    """The lines of an enumeration set out one item a line, each ending with ";" but the last
    (";" or "."), `_STEPS` or more in a row, that are not good on their own when two or more of
    them are: a job offer's "Intéressement et participation ;" is an item of the benefits around
    it ("Une rémunération de 28 000 à 34 000 euros brut annuels ;"), though short alone. A menu
    or a list of links ends no line with a semicolon; a line of code (an "=", a brace, a call's
    ");") ends the run.

    >>> items = ["Un CDI à temps plein ;", "Une prime ;", "Un salaire sur treize mois ;", "Un CSE.", "Fin"]
    >>> _enumeration(items, ["good", "short", "good", "short", "short"])
    [1, 3]
    >>> _enumeration(items, ["good", "short", "short", "short", "short"])  # one good item
    []
    >>> _enumeration(["Un CDI ;", "Une prime ;", "Un CSE.", "Fin"], ["good", "short", "good", "good"])
    [1]
    >>> _enumeration(["a = 1;", 'log("Une phrase de prose assez longue ici");', "b = 2;"], ["good"] * 3)
    []
    """
    out: list[int] = []
    if ("\n".join(lines) + "\n").count(";\n") < _STEPS - 1:  # a run ends but its last item with ";"
        return out  # (most pages: one such line or none, counted in C)
    i, n = 0, len(lines)
    while i < n:
        j = i
        while j < n and lines[j].endswith(";") and not _CODE.search(lines[j]):
            j += 1
        if j < n and j > i and lines[j].endswith("."):
            j += 1  # the last item
        run = range(i, j)
        if j - i >= _STEPS and sum(classes[k] == GOOD for k in run) >= 2:
            out += [k for k in run if classes[k] in _ITEMS]
        i = max(j, i + 1)
    return out


def _worded_list(lines: Sequence[str], items: Sequence[int]) -> bool:
    """Whether the lines under a sentence that announces them are a list in their own right:
    `_ANNOUNCED_ITEMS` or more, of `_ITEM_WORDS` words on average."""
    return len(items) >= _ANNOUNCED_ITEMS and sum(
        lines[k].count(" ") + 1 for k in items
    ) >= _ITEM_WORDS * len(items)


def _announces(line: str, class_: str) -> bool:
    """Whether a line is prose that announces a list: "Below is the list of players invited:",
    "Voici les résultats du premier tour :" (not a bullet's "* Routers:")."""
    return class_ == GOOD and line.endswith(":") and line[:1] not in _BULLETS


def _list_items(
    classes: Sequence[str],
    gaps: Sequence[bool],
    heads: Sequence[int],
    p: ClassifierParams,
    holes: Sequence[int] = (),
    lines: Sequence[str] = (),
) -> list[int]:
    """Each short list heading of `heads` ("Ingrédients pour 6 personnes") and the items under it:
    the lines that are no prose and no boilerplate on their own (short, near-good, few stop words,
    title case), up to `list_lines` of them, skipping lines with no letter (a stepper's "-" and
    "+"). A heading in `heads` that is prose announcing the list (`_announces`) has three items or
    more of `_ITEM_WORDS` words on average (a form's "Nom", "Prénom" under "remplissez le
    formulaire ci-dessous :", a footer's links under "... dans les rubriques suivantes :" are no
    list), or fewer closed by prose (a command between two paragraphs of a tutorial): one line
    under a call to action ("... click below to sign up:") is a form or a pitch more often than
    an item. The list ends at prose, at other boilerplate, at a line an earlier cleaner removed
    after two or more items (`holes[j]`: how many right before line j; a tags line, a rating
    widget: the page goes on to its furniture; a servings stepper's buttons sit above the first
    items), and at a blank line after two or more items with none between them (the list's block
    is over; items each set apart go on).

    >>> classes = ["short", "no_letters", "short", "short", "short", "short"]
    >>> _list_items(classes, [1, 1, 1, 0, 1, 0], [0], ClassifierParams())
    [0, 2, 3]
    >>> _list_items(classes, [1, 1, 1, 0, 1, 0], [0], ClassifierParams(list_lines=2))
    [0, 2]
    >>> spaced = ["short"] * 6
    >>> _list_items(spaced, [1] * 6, [0], ClassifierParams(), holes=[0, 0, 0, 1, 0, 0])
    [0, 1, 2]
    >>> _list_items(spaced, [1] * 6, [0], ClassifierParams(), holes=[0, 1, 0, 0, 0, 0])
    [0, 1, 2, 3, 4, 5]
    """
    out: list[int] = []
    for head in heads:
        said = bool(lines) and _announces(lines[head], classes[head])
        if classes[head] != _SHORT and not said:
            continue
        items: list[int] = []
        run = 0  # items so far with no blank line between them
        for j in range(head + 1, min(len(classes), head + 1 + p.list_lines)):
            if holes and holes[j] and len(items) >= 2:
                break
            if gaps[j] and run >= 2 and not _sublist(classes, gaps, holes, lines, items, j):
                break
            if classes[j] == "no_letters":
                run = 0 if gaps[j] else run
                continue
            if classes[j] not in _ITEMS:
                break
            run = 1 if gaps[j] else run + 1
            items.append(j)
        closed = items and items[-1] + 1 < len(classes) and classes[items[-1] + 1] == GOOD
        if items and (not said or closed or _worded_list(lines, items)):
            out += [head, *items]
    return out


def _sublist(
    classes: Sequence[str],
    gaps: Sequence[bool],
    holes: Sequence[int],
    lines: Sequence[str],
    items: list[int],
    j: int,
) -> bool:
    """Whether the block at line `j` (after a blank line) goes on with the list of `items`: a
    recipe's next part ("Pour la pâte" over its quantities), a short line, then two or more items
    with no blank line or removed line between them, the items of both blocks mostly quantities
    (lines that start with a number; a menu's or a teaser list's do not).

    >>> page = ["Pour la pâte", "200 g de farine", "3 œufs", "Pour le caramel", "150 g de sucre", "1 pincée"]
    >>> gaps = [1, 0, 0, 1, 0, 0]
    >>> _sublist(["short"] * 6, gaps, [], page, [0, 1, 2], 3)
    True
    >>> _sublist(["short"] * 6, gaps, [], [*page[:3], "Rubriques", "Sport", "Culture"], [0, 1, 2], 3)
    False
    """
    if not lines or classes[j] != _SHORT:
        return False
    block = []
    for k in range(j + 1, len(classes)):
        if gaps[k] or (holes and holes[k]) or classes[k] not in _ITEMS:
            break
        block.append(k)
    above = [k for k in items if not gaps[k]]
    return len(block) >= 2 and _quantities(lines, block) and _quantities(lines, above)


def _quantities(lines: Sequence[str], items: Sequence[int]) -> bool:
    """Whether half or more of these lines start with a number, after a bullet if any ("200 g de
    farine", "- 3 œufs", "½ citron").

    >>> _quantities(["200 g de farine", "- 3 œufs", "• ½ citron", "Sel"], [0, 1, 2, 3])
    True
    """
    return 2 * sum(_QUANTITY.match(lines[k]) is not None for k in items) >= len(items)


_QUANTITY = re.compile(f"^[{re.escape(''.join(sorted(_BULLETS)))}]? ?[\\d½¼¾⅓⅔⅛]")


def digits_and_marks(line: str) -> tuple[int, int]:
    """Decimal digits and clause or sentence marks in `line` (what the line model reads of its
    shape), in C where `_measure` is built."""
    if COMPILED:
        return _c.digits_and_marks(line)  # type: ignore[no-any-return,union-attr]
    return len(_DIGIT.findall(line)), punctuation_marks(line)


def punctuation_marks(line: str) -> int:
    """Clause and sentence marks in `line`, of every script the classifier knows."""
    return len(_PUNCT.findall(line))


def classify(
    lines: Sequence[str],
    gaps: Sequence[bool],
    stopwords: frozenset[str],
    lang: str,
    params: ClassifierParams = ClassifierParams(),  # frozen, so one shared default is safe
    slug: frozenset[str] = frozenset(),
) -> tuple[list[str], Shape]:
    """One label per line: "good" (keep) or a short reason why it is boilerplate; and the shape of
    the page's good text.

    Reasons: short_isolated, low_stopwords, title_case, no_letters, timestamp, separators,
    copyright, edge (good-looking text outside the main block), kicker (a short line that opens
    the main block right above a headline: the section's name), comment_thread (after the first
    of several comment headers).
    """
    labels, shape, _ = classify_measured(lines, gaps, stopwords, lang, params, slug)
    return labels, shape


def classify_measured(
    lines: Sequence[str],
    gaps: Sequence[bool],
    stopwords: frozenset[str],
    lang: str,
    params: ClassifierParams = ClassifierParams(),
    slug: frozenset[str] = frozenset(),
    holes: Sequence[int] = (),
    heads: Sequence[int] = (),
    tail: int = 0,
    addresses: Callable[[str], bool] | None = None,
) -> tuple[list[str], Shape, Measured | None]:
    """`classify`, and what it measured of the lines (`measure_lines`; None in trim mode), which
    the line model reads too: measuring them once serves both. `holes[i]`: how many lines earlier
    cleaners removed right before line i (see `_context`; none when not given), `tail` after the
    last; `heads`: the lines that are list headings (see `_list_items`); `addresses`: whether a
    line speaks to the reader (see `ADDRESSED`)."""
    if len(gaps) != len(lines):
        raise ValueError(f"{len(gaps)} gaps for {len(lines)} lines")
    # a stoplist that does not fit: judged by punctuation, as for a language without a stoplist
    stopwords, feats = _fitting(lines, stopwords, lang, params)
    if params.trim_only:
        return (*_trim(lines, stopwords, lang, params, slug, feats), None)
    labels, shape, measured = _classify_lines(
        lines, stopwords, lang, params, slug, holes, gaps, heads, tail, addresses, feats
    )
    spans = [] if all(gaps) else _paragraphs(gaps, params.max_paragraph_lines)
    if len(lines) > len(spans) > 0:  # a paragraph wrapped over several lines is also judged whole
        joined = [" ".join(lines[a:b]) for a, b in spans]
        span_holes = [sum(holes[a:b]) for a, b in spans] if holes else ()
        merged = _classify_lines(joined, stopwords, lang, params, slug, span_holes, tail=tail)[0]
        for label, (a, b) in zip(merged, spans, strict=True):
            if label == GOOD:  # but a dated clock time stays one (a post's header glued under a post)
                labels[a:b] = [
                    old if old == "timestamp" and _dated(lines[i]) else GOOD
                    for i, old in enumerate(labels[a:b], a)
                ]
    stamped = [label == "timestamp" for label in labels]
    return _comment_thread(lines, labels, stamped, params), shape, measured


_TIME = re.compile(r"\d{1,2}:[0-5]\d(?::[0-5]\d)?")  # 9:05, 14:05, 14:05:30: the whole clock time


def _dated(line: str) -> bool:
    """Whether a line holds a date besides its clock time (a number left once the time is gone):
    a comment's or a post's header, where a live blog's "10:15" holds none."""
    return bool(_DIGIT.search(_TIME.sub("", line, count=1)))


def _signature(line: str) -> str:
    """What a forum's template repeats on each post's header, whoever wrote it: the first word,
    lower-cased, and the template's mark after the member's name ("par »" of "par Anna » lun. 3
    juin 09:14", "message »" of "Message par Anna » ..."); without such a mark, the first two words
    ("post by" of "Post by Anna 3.6 9:14"; "Par Anna, le 3 juin" and "Par Marc, le 4 juin" differ).
    "" when the first word holds a digit or the second starts with one: a date's "March 1," or
    "Le 3" is no forum's signature."""
    words = line.lower().split(" ", 2)
    if len(words) < 2 or any(map(str.isdigit, words[0])) or words[1][:1].isdigit():
        return ""
    if _TEMPLATE_MARK not in line:
        return "" if any(map(str.isdigit, words[1])) else f"{words[0]} {words[1]}"
    return f"{words[0]} {_TEMPLATE_MARK}"


_TEMPLATE_MARK = "»"  # phpBB's; a news byline parts its name from its date with "·", "|" (no forum's)


def _comment_thread(
    lines: Sequence[str], labels: list[str], stamped: Sequence[bool], p: ClassifierParams
) -> list[str]:
    """Kept lines from the first comment header on become "comment_thread": `comment_headers` or
    more `stamped` lines (short, with a clock time: removed as timestamps, or kept between the
    first and the last line of prose in trim mode) that also hold a date (a number besides the
    clock time: a comment's or a post's header, where a live blog's "10:15" holds none) between
    kept lines, after an article holding `comment_article_share` of the kept text. When the first
    kept text is itself under a header that starts like the first of those (up to three lines
    above it), the page is a forum's thread, every post of it content, and nothing is cut."""
    good = [i for i, label in enumerate(labels) if label == GOOD]
    if not p.comment_headers or len(good) < 2:
        return labels
    headers = [i for i in range(good[0] + 1, good[-1]) if stamped[i] and _dated(lines[i])]
    if len(headers) < p.comment_headers:
        return labels
    cut = headers[0]
    lead = [i for i in range(max(0, good[0] - 3), good[0]) if stamped[i] and _dated(lines[i])]
    signature = _signature(lines[cut])
    if lead and signature and _signature(lines[lead[-1]]) == signature:
        return labels  # the first post is under a header like the others': a forum's thread
    total = sum(len(lines[i]) for i in good)
    if sum(len(lines[i]) for i in good if i < cut) < p.comment_article_share * total:
        return labels
    return [label if i < cut or label != GOOD else "comment_thread" for i, label in enumerate(labels)]
