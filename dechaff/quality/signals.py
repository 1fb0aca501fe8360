"""Quality signals of one clean text: the measures behind datatrove's Gopher, C4 and FineWeb filters.

Only measures, never decisions (those are in `filters`): every value becomes a column of
`metadata.parquet`, so a threshold can be changed later without cleaning again.

Units, chosen so a value equals datatrove's on trafilatura text (one newline per paragraph):

- *lines*: the non-empty lines. Our output puts a blank line between paragraphs; blank lines
  count nowhere.
- *paragraphs*: blocks between blank lines (in our output, the same as lines).
- *tokens*: whitespace-separated, except that every kana or han character is a token of its
  own: Chinese and Japanese put no space between words. This follows the script, not the
  detected language (langdetect takes some Traditional Chinese pages for Korean).
- *words*: tokens with their leading and trailing punctuation stripped; a token of punctuation
  only is not a word.
- *chars*: `len(text)`, the text as written.

Two departures from datatrove, both in FineWeb's two line shares (`fineweb_line_punct_ratio`,
`fineweb_short_line_ratio`), which are taken over `fineweb_lines` lines: a table row as
extractors render it (`| cell | cell |`) is no line of prose and is left out, and a line over
1,000 chars (paragraphs glued together: a page dumped without breaks, a table cell) counts as
its sentence pieces (`dechaff.text.sentences`), not as one line ending with whatever its last
paragraph ends with. A lone `|` token (a table cell separator) is not counted in
`gopher_alpha_words`. Thai tokens are budoux's word-like chunks of each space-separated phrase
(Thai puts spaces between phrases, not words).

The stop words are the document language's list (jusText's, `dechaff.text.stoplists`), never
English's for another language; without a list the stop-word signal is None (no judgement).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import filterfalse, repeat
from operator import methodcaller
from typing import Any, NamedTuple

import numpy as np

from dechaff.core.compiled import twin
from dechaff.core.names import DUP_NGRAMS, SIGNAL_TYPES, TOP_NGRAMS
from dechaff.text.sentences import GLUED_CHARS, pieces
from dechaff.text.words import KANA_HAN, KANA_HAN_CHAR

_CHAR_TOKENS = re.compile(f"[{KANA_HAN}]|[^\\s{KANA_HAN}]+")
_THAI = re.compile("[\u0e00-\u0e7f]")
# datatrove's PUNCTUATION (ASCII, CJK full-width, typographic quotes and dashes) plus a few more.
_PUNCT = (
    "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
    "«»“”„‟‘’‚‛‹›–—―…·•′″¡¿§¶†‡"
    "、。，；：！？（）【】「」『』《》〈〉．％＃＆＊＠～━►∶´１"
)
_LETTER = re.compile(r"[^\W\d_]")
_BULLETS = ("•", "‣", "◦", "▪", "●", "·", "⁃", "-", "*")
_ELLIPSES = ("...", "…")
# FineWeb's stop chars (. ' " ! ?) plus the closing quotes, ellipsis and full stops of other scripts.
_LINE_END = (".", "'", '"', "!", "?", "»", "”", "’", "…", "。", "！", "？", "؟", "।", "」", "』")
_PARAGRAPH_BREAK = re.compile(r"\n{2,}")
# A sentence ends at terminal punctuation (with any closing quotes) followed by a space, or at
# a CJK full stop; an approximation of the punkt tokenizer C4 counts with.
_ENDS, _CLOSERS, _CJK_ENDS = ".!?…", "\"'»”’)]", "。！？"
_SENTENCE_BREAK = re.compile(f"[{re.escape(_ENDS)}][{re.escape(_CLOSERS)}]*\\s+|[{_CJK_ENDS}]")
C4_POLICY = (
    "terms of use",
    "privacy policy",
    "cookie policy",
    "uses cookies",
    "use of cookies",
    "use cookies",
)
C4_LOREM, C4_JAVASCRIPT = "lorem ipsum", "javascript"  # the phrases of two of its line counts
C4_MIN_LINE_WORDS = 3
C4_MAX_WORD_CHARS = 1000
_POLICY = re.compile("|".join(map(re.escape, C4_POLICY)))
FINEWEB_SHORT_LINE = 30


def tokenize(text: str) -> list[str]:
    """Whitespace tokens, every kana or han character a token of its own, a Thai phrase cut into
    its words.

    >>> tokenize("Le chat, noir.")
    ['Le', 'chat,', 'noir.']
    >>> tokenize("日本語 ok")
    ['日', '本', '語', 'ok']
    """
    if KANA_HAN_CHAR.search(text):
        return _CHAR_TOKENS.findall(text)
    if _THAI.search(text):
        parse = _thai_parser().parse
        return [
            word for token in text.split() for word in (parse(token) if _THAI.search(token) else (token,))
        ]
    return text.split()


@lru_cache(maxsize=1)
def _thai_parser() -> Any:
    """budoux's Thai model (Apache-2.0, shipped in the package): loaded on the first Thai text
    only (about 10 ms), so that runs without Thai pay nothing."""
    import budoux

    return budoux.load_default_thai_parser()


def prose_lines(lines: Iterable[str]) -> list[str]:
    """The lines FineWeb's line shares are over: table rows (`| a | b |`) left out, a glued line
    (over 1,000 chars) as its sentence pieces, each without trailing spaces.

    >>> prose_lines(["| Name | Age |", "Some text.  ", "|"])
    ['Some text.', '|']
    """
    out = []
    for line in lines:
        line = line.rstrip()
        if len(line) > 1 and line[0] == "|" == line[-1]:
            continue
        if len(line) > GLUED_CHARS:
            out.extend(line[a:b] for a, b in pieces(line))
        else:
            out.append(line)
    return out


def words_of(tokens: Iterable[str]) -> list[str]:
    """The tokens without leading and trailing punctuation; punctuation-only tokens are no words.

    >>> words_of(["«bonjour»,", "--", "l'ami."])
    ['bonjour', "l'ami"]
    """
    return list(filter(None, map(str.strip, tokens, repeat(_PUNCT))))


class WordMeasures(NamedTuple):
    """What the Gopher signals count of a text's tokens and words (`tokenize`, `words_of`)."""

    tokens: int
    pipes: int  # tokens that are a lone "|" (a table cell separator)
    letters: int  # tokens with a letter in them
    words: int
    word_chars: int
    stop: int | None  # words in the stop list, lower-cased (None: no list)
    top: tuple[int, ...]  # top_ngram_chars for each n of TOP_NGRAMS
    dup: tuple[int, ...]  # dup_ngram_chars for each n of DUP_NGRAMS


def signals(text: str, stopwords: frozenset[str]) -> dict[str, float | int | None]:
    """Every column of SIGNAL_TYPES for `text`, with its language's stop words (empty: none known)."""
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return {name: kind(0) for name, kind in SIGNAL_TYPES.items()} | {"gopher_stop_words": None}
    measured = (
        _c.word_measures(text, stopwords or None, "’" in text, TOP_NGRAMS, DUP_NGRAMS)
        if COMPILED and _c is not None
        else None
    )
    counts = WordMeasures(*measured) if measured is not None else word_measures(text, stopwords)
    dup_lines, dup_line_chars = duplicates(lines)
    judged = prose_lines(lines)
    return {
        **_gopher_quality(text, lines, counts),
        **_gopher_repetition(text, lines, counts, dup_lines, dup_line_chars),
        **_c4(lines),
        "fineweb_line_punct_ratio": _share(sum(line.endswith(_LINE_END) for line in judged), judged),
        "fineweb_short_line_ratio": _share(sum(len(line) <= FINEWEB_SHORT_LINE for line in judged), judged),
        "fineweb_char_dup_ratio": _ratio(dup_line_chars, len(text) - text.count("\n")),
        # datatrove counts newlines in single-newline text: one fewer than the lines.
        "fineweb_list_ratio": _ratio(len(lines) - 1, counts.tokens),
        "fineweb_lines": len(judged),
    }


def word_measures(text: str, stopwords: frozenset[str]) -> WordMeasures:
    """The tokens' and words' counts, and the n-gram repetition over word ids (tuples, not joined
    strings). `_ngrams.word_measures` is its C twin (Thai, which budoux cuts, stays here)."""
    tokens = tokenize(text)
    words = words_of(tokens)
    stop = None
    if stopwords:
        folded: Iterable[str] = map(str.lower, words)
        if "’" in text:
            folded = map(methodcaller("replace", "’", "'"), folded)
        stop = sum(map(stopwords.__contains__, folded))
    # str.isalpha settles most tokens; only the others ("fini.", "2024") need the regex
    letters = sum(map(str.isalpha, tokens)) + sum(
        map(bool, map(_LETTER.search, filterfalse(str.isalpha, tokens)))
    )
    index = {w: i for i, w in enumerate(dict.fromkeys(words))}
    seq = np.fromiter(map(index.__getitem__, words), dtype=np.int64, count=len(words))
    ends = np.concatenate(([0], np.cumsum(np.fromiter(map(len, index), dtype=np.int64)[seq])))
    grams = {1: seq}
    top = []
    for n in TOP_NGRAMS:
        grams[n] = longer_grams(seq, grams[n - 1], n)
        top.append(top_ngram_chars(grams[n], ends, n))
    dup, chars = [], 1
    for n in DUP_NGRAMS:
        # a repeated (n+1)-gram holds a repeated n-gram: once none repeats, no longer one does
        if chars:
            grams[n] = longer_grams(seq, grams[n - 1], n)
            chars = dup_ngram_chars(grams[n], ends, n)
        dup.append(chars)
    return WordMeasures(
        len(tokens),
        tokens.count("|"),
        letters,
        len(words),
        sum(map(len, words)),
        stop,
        tuple(top),
        tuple(dup),
    )


def _gopher_quality(text: str, lines: list[str], counts: WordMeasures) -> dict[str, float | int | None]:
    """GopherQualityFilter's measures; ratios per word, except the letter share (per token)."""
    n = counts.words
    return {
        "gopher_words": n,
        "gopher_mean_word_length": _ratio(counts.word_chars, n),
        "gopher_hash_ratio": _ratio(text.count("#"), n),
        "gopher_ellipsis_ratio": _ratio(text.count("...") + text.count("…"), n),
        "gopher_bullet_lines": _share(sum(line.lstrip().startswith(_BULLETS) for line in lines), lines),
        "gopher_ellipsis_lines": _share(sum(line.rstrip().endswith(_ELLIPSES) for line in lines), lines),
        # a lone "|" separates table cells (extractors render tables as | a | b |): markup, not a word
        "gopher_alpha_words": _ratio(counts.letters, counts.tokens - counts.pipes),
        "gopher_stop_words": counts.stop,
    }


def _gopher_repetition(
    text: str, lines: list[str], counts: WordMeasures, dup_lines: int, dup_line_chars: int
) -> dict[str, float]:
    """GopherRepetitionFilter's measures."""
    stripped = text.strip()
    # a clean text parts its paragraphs with one blank line: str.split in C (3 against 42 us a dev
    # dump for the regex), the regex only where three line breaks or more run together
    paragraphs = stripped.split("\n\n") if "\n\n\n" not in stripped else _PARAGRAPH_BREAK.split(stripped)
    dup_paras, dup_para_chars = duplicates(paragraphs)
    size = len(text)
    return {
        "gopher_dup_para_frac": _share(dup_paras, paragraphs),
        "gopher_dup_para_char_frac": _ratio(dup_para_chars, size),
        "gopher_dup_line_frac": _share(dup_lines, lines),
        "gopher_dup_line_char_frac": _ratio(dup_line_chars, size),
        **{
            f"gopher_top_{n}gram_char_frac": _ratio(c, size)
            for n, c in zip(TOP_NGRAMS, counts.top, strict=True)
        },
        **{
            f"gopher_dup_{n}gram_char_frac": _ratio(c, size)
            for n, c in zip(DUP_NGRAMS, counts.dup, strict=True)
        },
    }


def char_flags(ch: str) -> int:
    """What `word_measures` asks of one character, as the bits `_ngrams.c` reads (it asks once per
    code point, so these definitions stay the only ones)."""
    return (
        1 * ch.isspace()  # str.split's whitespace, and the \s of _CHAR_TOKENS
        | 2 * bool(KANA_HAN_CHAR.fullmatch(ch))
        | 4 * bool(_THAI.fullmatch(ch))
        | 8 * (ch in _PUNCT)
        | 16 * bool(_LETTER.fullmatch(ch))
    )


def duplicates(items: Sequence[str]) -> tuple[int, int]:
    """(items seen before, their chars): datatrove's find_duplicates.

    >>> duplicates(["a", "bb", "a", "bb", "a"])
    (3, 4)
    """
    seen: set[str] = set()
    count = chars = 0
    for item in items:
        if item in seen:
            count += 1
            chars += len(item)
        else:
            seen.add(item)
    return count, chars


def longer_grams(seq: np.ndarray, shorter: np.ndarray, n: int) -> np.ndarray:
    """Ids of the n-grams of `seq` (dense word ids) from the ids of its (n-1)-grams: equal ids
    exactly when the n-grams are equal. An n-gram is the pair (its first n-1 words, its last
    word), numbered by np.unique, so no n-gram is built as a tuple and no hash can collide.

    >>> seq = np.array([0, 1, 0, 1, 2])
    >>> longer_grams(seq, seq, 2).tolist()  # (0,1) (1,0) (0,1) (1,2)
    [0, 1, 0, 2]
    """
    if len(seq) < n:
        return np.zeros(0, dtype=np.int64)
    code = shorter[:-1] * (len(seq) + 1) + seq[n - 1 :]
    return np.unique(code, return_inverse=True)[1].astype(np.int64)


def top_ngram_chars(ids: np.ndarray, ends: np.ndarray, n: int) -> int:
    """Chars covered by the most frequent n-gram (first seen wins a tie), counted as datatrove
    joins it: words plus the n - 1 spaces, times its count. Unlike datatrove, an n-gram seen
    only once is no repetition and counts 0, so a short text is not called repetitive.
    `ends`: cumulative word lengths (0 first), so words i..i+n-1 hold ends[i+n] - ends[i] chars.

    >>> seq = np.array([0, 1, 0, 1, 2])  # words of 1, 2, 1, 2, 3 chars: (0, 1) twice
    >>> top_ngram_chars(longer_grams(seq, seq, 2), np.array([0, 1, 3, 4, 6, 9]), 2)  # (1 + 2 + 1) * 2
    8
    """
    if len(ids) == 0:
        return 0
    counts = np.bincount(ids)
    best = int(counts.max())
    if best < 2:
        return 0
    first = int(np.argmax(counts[ids] == best))  # the first position of a most frequent n-gram
    return (int(ends[first + n] - ends[first]) + n - 1) * best


def dup_ngram_chars(ids: np.ndarray, ends: np.ndarray, n: int) -> int:
    """Chars of the words inside repeated n-grams, each word counted once: datatrove's
    find_all_duplicate (a repeat jumps the window past it, so overlaps are not counted twice).

    Only n-grams seen more than once can repeat, so only their positions are walked; the
    others never enter `seen` without changing the result.

    >>> seq = np.array([0, 1, 0, 1, 0, 1])  # words of 1 and 2 chars: repeats at 2 and 4
    >>> dup_ngram_chars(longer_grams(seq, seq, 2), np.array([0, 1, 3, 4, 6, 7, 9]), 2)  # (1 + 2) * 2
    6
    """
    counts = np.bincount(ids)
    if len(counts) == len(ids):
        return 0
    seen: set[int] = set()
    chars = free = 0  # `free`: first position not jumped over by the last repeat
    for i in np.flatnonzero(counts[ids] > 1).tolist():
        if i < free:
            continue
        gram = int(ids[i])
        if gram in seen:
            chars += int(ends[i + n] - ends[i])
            free = i + n
        else:
            seen.add(gram)
    return chars


def _c4(lines: list[str]) -> dict[str, int | float]:
    """C4QualityFilter's line pass as FineWeb ran it (no terminal-punctuation filter): lines of
    fewer than 3 words or with a word over 1000 chars are skipped, 'lorem ipsum' is looked for
    in the rest, 'javascript' lines are dropped before the '{' check, policy lines before the
    sentence count. In C where `_ngrams` is built (`c4_counts` is its Python twin)."""
    counted = (
        _c.c4(lines, C4_LOREM, C4_JAVASCRIPT, C4_POLICY, C4_MIN_LINE_WORDS, C4_MAX_WORD_CHARS)
        if COMPILED and _c is not None
        else None
    )
    short, javascript, policy, lorem, curly, sentences = counted or c4_counts(lines)
    return {
        "c4_sentences": sentences,
        "c4_short_lines": _share(short, lines),
        "c4_javascript_lines": javascript,
        "c4_policy_lines": policy,
        "c4_lorem_ipsum_lines": lorem,
        "c4_curly_bracket_lines": curly,
    }


def c4_counts(lines: list[str]) -> tuple[int, int, int, int, int, int]:
    """(short lines, javascript lines, policy lines, lorem ipsum lines, curly bracket lines,
    sentences) of `_c4`'s line pass."""
    short = javascript = policy = lorem = curly = sentences = 0
    for line in lines:
        words = line.split()
        if len(words) < C4_MIN_LINE_WORDS:
            short += 1
            continue
        if len(line) > C4_MAX_WORD_CHARS and max(map(len, words)) > C4_MAX_WORD_CHARS:
            continue
        low = line.lower()
        lorem += C4_LOREM in low
        if C4_JAVASCRIPT in low:
            javascript += 1
            continue
        curly += "{" in line
        if _POLICY.search(low):
            policy += 1
            continue
        sentences += sum(map(bool, map(str.strip, _SENTENCE_BREAK.split(line))))
    return short, javascript, policy, lorem, curly, sentences


def c4_flags(ch: str) -> int:
    """What `_ngrams.c4` asks of one character (once per code point): a space, a sentence's end,
    a closer after it, a CJK end, and whether its lower case holds ASCII (then the phrases,
    looked for in `line.lower()`, are left to Python)."""
    return (
        1 * ch.isspace()  # str.split's whitespace, and the \s of _SENTENCE_BREAK
        | 2 * (ch in _ENDS)
        | 4 * (ch in _CLOSERS)
        | 8 * (ch in _CJK_ENDS)
        | 16 * (not ch.isascii() and any(c.isascii() for c in ch.lower()))
    )


def _share(count: int, of: Sequence[object]) -> float:
    return count / len(of) if of else 0.0


def _ratio(count: int, total: int) -> float:
    return count / total if total else 0.0


_c = twin("dechaff.quality._ngrams")  # the C twins of word_measures and c4_counts (_ngrams.c), or None
if _c is not None:
    _c.setup(char_flags)
    _c.setup_c4(c4_flags)
COMPILED = _c is not None  # tests turn it off to compare the two
