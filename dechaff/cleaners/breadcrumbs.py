"""Breadcrumbs ("Accueil › Monde › ...") and the site / section labels printed above a title.

The last crumb before the (often truncated) title is the section, kept in the metadata. A trail
further down whose last crumb is the start of the next line (the page's title) is where the
article begins: what lies above it is the page's header and menus, dropped with it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from dechaff.cleaners.base import Origin, PhraseCleaner, Phrases, ends_sentence, patterns, phrase_hit, words
from dechaff.core.document import Context, Line
from dechaff.core.outcome import Hit, Outcome, drop_lines
from dechaff.ruleset.schema import Rule
from dechaff.text.normalise import fold

NAME = "breadcrumbs"

_SEPARATORS = re.compile(r" ?[›>»/|·•→] ?")
# whether a line holds a separator at all: its spaces are optional, and a class alone is scanned
# for at C speed where the optional space first is tried at every position (0.26 us a line, 0.91)
_SEPARATOR = re.compile(r"[›>»/|·•→]")
_ELLIPSIS = ("...", "…")
# hangul jamo, kana, han, hangul syllables, full-width forms: two columns each
_WIDE = re.compile(
    "[\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff01-\uff60]"
)


@dataclass(frozen=True, slots=True)
class Params:
    enabled: bool = True
    home: Phrases = patterns("regex")  # the first crumb: "Accueil", "Home", "Startseite"
    skip_crumbs: Phrases = patterns("prefix")  # crumbs that are never the section ("Dernières minutes")
    top: int = 5  # breadcrumbs live in the first lines
    max_words: int = 30
    labels: bool = True  # drop a run of short label lines above the title
    label_max_words: int = 3
    label_max_chars: int = 30
    cut_above_trail: bool = True  # a trail ending in the next line's title: the lines above it go
    trail_title_chars: int = 10  # the title echoed by the trail's last crumb has at least this many chars


class Breadcrumbs(PhraseCleaner):
    name = NAME
    LISTS = (("home", "home"), ("skip", "skip_crumbs"))

    def clean(self, lines: Sequence[Line], ctx: Context) -> Outcome:
        p = self.params
        hits: dict[int, Hit] = {}
        fields: dict[str, str] = {}
        for i, line in enumerate(lines[: p.top]):
            if words(line.text) > p.max_words:
                continue
            home = self.match("home", line.text)
            if home is not None and _looks_like_trail(line.text[len(_matched_prefix(home, line.text)) :]):
                hits[i] = phrase_hit(NAME, "home", home)
                section = self._section(
                    line.text[len(_matched_prefix(home, line.text)) :], lines[i + 1 : i + 4]
                )
                if section:
                    fields.setdefault("section", section)
            elif _is_crumb_trail(line.text):
                hits[i] = self.origin.hit(f"{NAME}.trail")
        if p.cut_above_trail:
            self._above_trail(lines, hits)
        if p.labels:
            self._labels(lines, hits)
        return drop_lines(lines, hits, NAME, fields)

    def _above_trail(self, lines: Sequence[Line], hits: dict[int, Hit]) -> None:
        """The first trail (a home crumb, or three crumbs) whose last crumb starts the next line:
        it and every line above it are the header (menus whose dropdowns a dump glued into long
        lines read as prose, and would otherwise join the article)."""
        p = self.params
        for i in range(len(lines) - 1):
            text = lines[i].text
            if words(text) > p.max_words or not _SEPARATOR.search(text):
                continue
            crumbs = [c for c in _SEPARATORS.split(text) if c.strip()]
            if len(crumbs) < (2 if self.match("home", text) is not None else 3):
                continue
            last = crumbs[-1].strip().rstrip(".…").rstrip()
            if len(last) < p.trail_title_chars:
                continue
            if fold(lines[i + 1].text).startswith(fold(last)):
                above = self.origin.hit(f"{NAME}.above_trail")
                for j in range(i):
                    hits.setdefault(j, above)
                hits.setdefault(i, self.origin.hit(f"{NAME}.trail"))
                return

    def _section(self, rest: str, following: Sequence[Line]) -> str | None:
        """The last crumb, once the echo of the (truncated) title at the end is removed."""
        rest = rest.strip(" ›>»/|·•→:")
        if rest.endswith(_ELLIPSIS):
            body = rest.rstrip(".…").rstrip()
            for nxt in following:
                cut = _title_echo_start(body, nxt.text)
                if cut is not None:
                    rest = body[:cut].rstrip()
                    break
        crumbs = []
        for crumb in _SEPARATORS.split(rest):
            skip = self.match("skip", crumb)
            if skip is not None:
                crumb = crumb[len(_matched_prefix(skip, crumb)) :].strip()
            if crumb:
                crumbs.append(crumb)
        return crumbs[-1] if crumbs else None

    def _labels(self, lines: Sequence[Line], hits: dict[int, Hit]) -> None:
        """A run of two or more tiny lines (site name, section) at the very top, above a longer line."""
        p = self.params
        run = []
        for i, line in enumerate(lines):
            if i in hits:
                continue
            tiny = words(line.text) <= p.label_max_words and _width(line.text) <= p.label_max_chars
            if not tiny or ends_sentence(line.text):
                break
            run.append(i)
        if len(run) >= 2 and run[-1] + 1 < len(lines):
            hits.update(dict.fromkeys(run, self.origin.hit(f"{NAME}.top_labels")))


def _width(text: str) -> int:
    """Characters, a han, kana or hangul one counting twice (as wide on screen as two Latin ones,
    and about a word: a 28-character Chinese headline is no label)."""
    return len(text) if text.isascii() else len(text) + len(_WIDE.findall(text))


def _matched_prefix(phrase: object, text: str) -> str:
    m = phrase.regex.search(fold(text))  # type: ignore[attr-defined]
    return text[: m.end()] if m is not None and m.start() == 0 else ""


def _title_echo_start(body: str, title: str) -> int | None:
    """Offset in `body` where a prefix of `title` begins and runs to the end of `body`."""
    folded_body, folded_title = fold(body), fold(title)
    for start in range(len(folded_body)):
        if (start == 0 or folded_body[start - 1] == " ") and folded_title.startswith(folded_body[start:]):
            return start if len(folded_body) - start >= 10 else None
    return None


def _looks_like_trail(rest: str) -> bool:
    """After the home word: nothing, separators, or a truncated title (a sentence is not a trail)."""
    rest = rest.strip()
    return not rest or rest.endswith(_ELLIPSIS) or (bool(_SEPARATORS.search(rest)) and not rest.endswith("."))


def _is_crumb_trail(text: str) -> bool:
    """Three or more short segments joined by a breadcrumb separator, or two section names
    joined by ">" or "›" ("Économie > Impôts": capitalised, three words at most each; not a title
    "Lyon → Marseille à vélo").

    >>> [_is_crumb_trail(t) for t in ("Économie > Impôts", "Monde › Europe › Article", "Prix > 5 euros")]
    [True, True, False]
    >>> [_is_crumb_trail(t) for t in ("Lyon → Marseille", "Politique > Élections.", "Vie locale › Sports")]
    [False, False, True]
    """
    parts = [s for s in re.split(r" [›>»→] ", text) if s]
    if len(parts) == 2:
        pair = [s for s in re.split(r" [›>] ", text) if s]
        return len(pair) == 2 and all(words(s) <= 3 and s[0].isupper() and not ends_sentence(s) for s in pair)
    return len(parts) >= 3 and all(words(s) <= 5 for s in parts[:-1])


def build(params: Params, origin: Origin, rules: Sequence[Rule]) -> Breadcrumbs:
    return Breadcrumbs(params, origin)
