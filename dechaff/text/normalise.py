"""Text normalisation shared by the reader, the cascade and the rule loader.

Everything that matches text (rules, phrase lists, fingerprints) sees the same normal form, so a
pattern never has to care about nbsp, NFD accents or typographic apostrophes.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from dechaff.core.memo import TEXTS, on_clear

_SPACE_LIKE = (
    [chr(c) for c in range(0x00, 0x20)]
    + [chr(c) for c in range(0x7F, 0xA1)]
    + ["\u1680", "\u180e", "\u202f", "\u205f", "\u3000", "\u2028", "\u2029"]
    + [chr(c) for c in range(0x2000, 0x200C)]  # en quad .. zero width space
    + ["\u2060", "\ufeff"]  # word joiner, BOM / zero width no-break space
)
_DELETE = ["\u00ad"]  # soft hyphen: invisible, only a break hint
_TABLE = {ord(c): " " for c in _SPACE_LIKE} | {ord(c): None for c in _DELETE}
_RUNS = re.compile(r" {2,}")

# Same-length folding used only for matching, so match offsets stay valid on the real text.
_FOLDS = {"’": "'", "‘": "'", "‛": "'", "ʼ": "'", "′": "'", "–": "-", "—": "-", "‒": "-", "−": "-"}

_FOLDABLE = re.compile("[" + "".join(_FOLDS) + "]")


def normalise_line(text: str) -> str:
    """NFC, every space-like or control character to a space, runs collapsed, ends stripped.

    >>> normalise_line("  a\\u00a0\\u00a0b\\u200bc\\t ")
    'a b c'
    """
    if text.isascii():
        cleaned = text.translate(_TABLE)
    else:
        cleaned = unicodedata.normalize("NFC", text).translate(_TABLE)
    return _RUNS.sub(" ", cleaned).strip(" ")


# Text renderers (inscriptis, lynx, w3m) lay table cells side by side and pad the columns with
# plain spaces, so one line of a dump can hold a menu cell and a paragraph of the article. Prose
# never puts three spaces between two words (two after a full stop is an old typing habit); runs
# with a no-break space in them are an editor's spacing ("Read more:\u00a0 Title"), not padding.
COLUMN_GAP = 3
COLUMN_SPACES = " " * COLUMN_GAP  # a line without a tab or these is one cell: no need to ask
_COLUMN_GAP = re.compile(f"[ \t]{{{COLUMN_GAP},}}")


def column_cells(raw: str, norm: str) -> list[tuple[int, str]]:
    """The cells of a raw line laid out in columns: (offset in `norm`, cell text) for each part
    between runs of `COLUMN_GAP` or more spaces or tabs; `norm` is `normalise_line(raw)`, and every
    cell is a substring of it. A line without such a run is one cell.

    >>> column_cells("Home  \t Council backs the budget.", "Home Council backs the budget.")
    [(0, 'Home'), (5, 'Council backs the budget.')]
    """
    if "\t" not in raw and COLUMN_SPACES not in raw:  # most lines: no regex to run
        return [(0, norm)]
    spaced = raw.strip(" \t")
    if not _COLUMN_GAP.search(spaced):
        return [(0, norm)]
    cells: list[tuple[int, str]] = []
    at = 0
    for part in filter(None, map(normalise_line, _COLUMN_GAP.split(spaced))):
        start = norm.find(part, at)
        if start < 0:  # NFC joined across the gap (a combining mark after it): keep the line whole
            return [(0, norm)]
        cells.append((start, part))
        at = start + len(part)
    return cells


def normalise_lines(text: str) -> list[str]:
    r"""`normalise_line` of every line of `split_lines(text)`, NFC taken on the whole text at once.

    NFC never composes across a line break (a newline is a starter that combines with nothing), so
    normalising the whole text and then splitting gives the same lines, at C speed. Every
    space-like character and the soft hyphen are unprintable (tested), so a printable line
    (`str.isprintable`, a C scan: all but about 1 in 500 of the dev set's) holds none of them:
    it only has its runs of spaces collapsed and its ends stripped; the others go through
    `normalise_line` (NFC again is a no-op). Three regexes over the whole text cost four times as
    much.

    >>> normalise_lines("a\u00a0 b\r\n\u2028 e\u0301 ")
    ['a b', '', 'é']
    """
    if not text:
        return []
    lines = (text if text.isascii() else unicodedata.normalize("NFC", text)).splitlines()
    for k, line in enumerate(lines):
        if not line.isprintable():  # a control, format or separator character: maybe space-like
            lines[k] = normalise_line(line)
            continue
        if "  " in line:
            line = _RUNS.sub(" ", line)
        lines[k] = line.strip(" ")
    return lines


def split_lines(text: str) -> list[str]:
    """Split on every line boundary Python knows (CRLF, CR, U+2028, NEL...), keeping empty lines."""
    return text.splitlines()


@lru_cache(maxsize=TEXTS)
def fold(text: str) -> str:
    """Fold typographic apostrophes and dashes to ASCII without changing the length.

    Memoised: every cleaner folds the same lines again, and `str.translate` with a mapping is slow.

    >>> fold("l’article – suite")
    "l'article - suite"
    """
    if text.isascii() or not _FOLDABLE.search(text):
        return text  # most lines: no replacing, which visits every character of a non-ASCII text
    # one str.replace per folded character: each is a C scan of the text, where `translate` looks
    # every character up in a dict (a foldable dev line, 215 characters on average: 6.6 us against
    # 16.8); the same text, since each character goes to ASCII, which none of them is
    for typographic, ascii in _FOLDS.items():
        if typographic in text:
            text = text.replace(typographic, ascii)
    return text


on_clear(fold.cache_clear)


def render(lines: list[str]) -> str:
    """The output convention: one paragraph per line, a blank line between, a final newline."""
    return "\n\n".join(lines) + "\n" if lines else ""


_DIGITS = re.compile(r"\d+")


def line_key(text: str) -> str:
    """A line's identity across pages of a site: folded, case-free, every number masked.

    >>> line_key("Mis à jour le 12/03/2024 – 10h15")
    'mis à jour le 0/0/0 - 0h0'
    """
    return _DIGITS.sub("0", fold(text).casefold())
