"""Lines that are several paragraphs glued together, cut back into pieces of whole sentences.

A page dumped without line breaks, or a table cell that an extractor renders as one line, gives
lines of thousands of characters: judged whole, one menu inside decides the fate of the article
around it, and the line's last character stands for all its sentences. Such a line is judged
piece by piece instead; every piece is a substring of the line (spaces at its edges trimmed).
"""

from __future__ import annotations

import re

GLUED_CHARS = 1000  # a longer line is taken for paragraphs glued together
PIECE_CHARS = 150  # sentences are grouped into pieces of at least this many characters
# A sentence ends at . ! ? … (closing quotes or brackets included) before a space, or at a CJK
# full stop (its closing quotes included).
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*(?= )|[。！？][\"'”’»)\]」』]*")


def pieces(line: str, glued: int = GLUED_CHARS, piece: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """Spans (start, end) of `line` to judge one by one: the whole line, or for a line over
    `glued` chars, runs of whole sentences of at least `piece` chars (a short rest joins the
    last run).

    >>> pieces("Short line.")
    [(0, 11)]
    >>> line = "One sentence here. " * 10 + "Another one. " * 10
    >>> [(a, b, line[a:b][-4:]) for a, b in pieces(line, glued=100, piece=150)]
    [(0, 151, 'ere.'), (152, 319, 'one.')]
    """
    if not glued or len(line) <= glued:
        return [(0, len(line))]
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(line):
        if m.end() - start >= piece:
            spans.append((start, m.end()))
            start = m.end()
    if start < len(line):
        if spans and len(line) - start < piece // 3:
            spans[-1] = (spans[-1][0], len(line))
        else:
            spans.append((start, len(line)))
    return [trimmed for a, b in spans if (trimmed := _trim(line, a, b))[1] > trimmed[0]]


def first_sentence(text: str) -> str:
    """`text` up to the end of its first sentence (all of it if none ends before its last word).

    >>> first_sentence("Fondée en 2019, Solvéo fabrique des vélos. Elle emploie 40 salariés.")
    'Fondée en 2019, Solvéo fabrique des vélos.'
    >>> first_sentence("Une seule phrase")
    'Une seule phrase'
    """
    m = _SENTENCE_END.search(text)
    return text if m is None else text[: m.end()]


def _trim(line: str, a: int, b: int) -> tuple[int, int]:
    """The span without the spaces at its edges."""
    while a < b and line[a] == " ":
        a += 1
    while b > a and line[b - 1] == " ":
        b -= 1
    return a, b
