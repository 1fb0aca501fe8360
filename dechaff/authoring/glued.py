"""Find a side column glued onto content lines: the same short texts, on many pages of a site,
stuck after a sentence's end or before a sentence's start on lines that are otherwise different
("... avant l'été. Les plus lus", "...が決まった。人気記事ランキング"), as dumps of table layouts and
of many zh/ja pages print them. Each side gets one `strip` rule whose `cut` group removes only
the glued text, with the sentence mark or capital next to it as context that stays.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from dechaff.text.normalise import line_key

_ENDS = ".!?。！？」）"
# A line whose last sentence mark is followed by a short text without one: (head)(space)(tail). A
# latin mark needs a space after it ("12.03.2024" ends no sentence); a CJK one does not.
_AFTER_END = re.compile(r"^(.*(?:[.!?](?= )|[。！？」）]))( ?)([^.!?。！？」）]+)$")
_LETTER = re.compile(r"[^\W\d_]")
_SEPARATORS = tuple(":|›»>-–")
MAX_WORDS = 10  # glued UI text is short; a longer tail is the start of a sentence left unfinished
MAX_CHARS = 60
MIN_REST = 20  # chars of content the glued text must be stuck to
MAX_PREFIX_WORDS = 5
MAX_ALTERNATIVES = 20
_META = re.compile(r"([.^$*+?{}\[\]\\|()])")


@dataclass
class _Seen:
    """Where one candidate glued text was found."""

    pages: set[int] = field(default_factory=set)
    rests: set[str] = field(default_factory=set)  # the content it was stuck to (keys)
    lines: set[str] = field(default_factory=set)  # keys of the whole lines carrying it
    variants: set[str] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class Glued:
    """Glued texts of one side, strongest evidence first, and the lines that carry them."""

    side: str  # end | start
    texts: tuple[str, ...]
    pages: int
    lines: int
    example: str
    pattern: str


def glued(pages: Sequence[Sequence[str]], need: int, standalone: set[str]) -> list[Glued]:
    """The side texts glued at the end and at the start of lines of these pages (lists of
    normalised lines) in at least `need` pages, stuck to at least two different contents.
    `standalone`: line keys that appear as lines of their own on some page (a side-column item
    printed alone is evidence for it). Lines the current rules drop count too: a glued text is
    often why they are dropped (a sentence that no longer ends like one)."""
    ends: dict[str, _Seen] = defaultdict(_Seen)
    starts: dict[str, _Seen] = defaultdict(_Seen)
    for n, lines in enumerate(pages):
        for text in lines:
            key = line_key(text)
            m = _AFTER_END.match(text)
            if m and len(m.group(1)) >= MIN_REST and _short(m.group(3)):
                _note(ends, m.group(3), m.group(1), n, key)
            for head, rest in _prefixes(text):
                _note(starts, head, rest, n, key)
    out = []
    for side, seen in (("end", ends), ("start", starts)):
        found = [
            (key, s)
            for key, s in seen.items()
            if len(s.pages) >= need and len(s.rests) >= 2 and (side == "end" or _boundary(key, standalone))
        ]
        found = _maximal(found, side)
        if found:
            found.sort(key=lambda ks: (-len(ks[1].pages), -len(ks[1].lines), ks[0]))
            out.append(_rule(side, found[:MAX_ALTERNATIVES]))
    return out


def _short(text: str) -> bool:
    """Short enough to be a glued UI text, and words rather than a number or a dash."""
    return len(text) <= MAX_CHARS and text.count(" ") < MAX_WORDS and _LETTER.search(text) is not None


def _note(seen: dict[str, _Seen], glue: str, rest: str, page: int, line: str) -> None:
    s = seen[line_key(glue)]
    s.pages.add(page)
    s.rests.add(line_key(rest))
    s.lines.add(line)
    if len(s.variants) < 5:
        s.variants.add(glue)


def _prefixes(text: str) -> Iterable[tuple[str, str]]:
    """(first words, rest) where the rest starts a sentence: a capital or a digit after a space."""
    words = text.split(" ")
    for k in range(1, min(MAX_PREFIX_WORDS, len(words) - 1) + 1):
        head, rest = " ".join(words[:k]), " ".join(words[k:])
        if head.endswith(tuple(_ENDS)):
            return
        if len(rest) >= MIN_REST and (rest[0].isupper() or rest[0].isdigit()) and _short(head):
            yield head, rest


def _boundary(key: str, standalone: set[str]) -> bool:
    """A prefix is glued UI, not the start of a sentence, when the site also prints it as a line of
    its own or it ends with a separator ("Rubrique :", "Monde ›")."""
    return key in standalone or key.endswith(_SEPARATORS)


def _maximal(found: list[tuple[str, _Seen]], side: str) -> list[tuple[str, _Seen]]:
    """Drop a candidate that is part of a longer one seen on the same lines ("plus lus" inside
    "les plus lus")."""
    keep = []
    for key, s in found:
        longer = (
            other
            for other, t in found
            if other != key
            and t.lines >= s.lines
            and (other.endswith(key) if side == "end" else other.startswith(key))
        )
        if next(longer, None) is None:
            keep.append((key, s))
    return keep


def _escaped(variants: set[str]) -> str:
    """One alternative: the text as printed, its numbers generalised when the pages differ."""
    example = min(variants)
    if len(variants) == 1:
        return _META.sub(r"\\\1", example)
    pieces = re.split(r"(\d+)", example)
    return "".join(r"\d+" if i % 2 else _META.sub(r"\\\1", p) for i, p in enumerate(pieces))


def _rule(side: str, found: list[tuple[str, _Seen]]) -> Glued:
    alternatives = "|".join(_escaped(s.variants) for _, s in found)
    if side == "end":
        pattern = f"[{_ENDS}](?P<cut> ?(?:{alternatives}))$"
    else:
        pattern = f"^(?P<cut>(?:{alternatives}) )[\\p{{Lu}}\\d]"
    pages = set().union(*(s.pages for _, s in found))
    lines = set().union(*(s.lines for _, s in found))
    return Glued(
        side,
        tuple(min(s.variants) for _, s in found),
        len(pages),
        len(lines),
        min(found[0][1].variants),
        pattern,
    )
