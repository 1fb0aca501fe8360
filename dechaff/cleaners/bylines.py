"""Bylines ("Mélanie Rostagnat avec AFP", "Par Jean Dupont", or "Article rédigé par" with the name
on the next line) and datelines ("Paris, 31 déc. (Cinktank.com) –", "Publié le ..."): removed
from the text, kept in the metadata. A second article under the page's own, with a byline and a
date of its own (an infinite scroll's next one), goes with them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from dechaff.cleaners.base import (
    Origin,
    PhraseCleaner,
    Phrases,
    ends_sentence,
    extract_value,
    patterns,
    phrase_hit,
    words,
)
from dechaff.core.document import Context, Line
from dechaff.core.outcome import Hit, Outcome, drop_lines
from dechaff.ruleset.schema import Rule
from dechaff.text.normalise import fold
from dechaff.text.sentences import first_sentence

NAME = "bylines"

# A person's name on a line of its own: two to four capitalised words, particles allowed between.
_PARTICLES = frozenset({"de", "da", "di", "del", "della", "des", "du", "la", "le", "van", "von", "der"})
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_BIO_CLAUSE = 8  # words of the clause before the author's name that opens a biography, at most
_SIGNATURES = 2  # the author's name alone on a line, at most: a box's heading, a signature
# words after a name that join another name to it ("Jean Dupont et Marie Lenoir ont reçu ..."): no verb
_JOINS = frozenset({"et", "and", "und", "y", "e", "i", "ou", "or", "de", "du", "des", "of", "von", "van"})


@dataclass(frozen=True, slots=True)
class Params:
    enabled: bool = True
    authors: Phrases = patterns("regex")  # a (?P<value>...) group gives the author's name
    datelines: Phrases = patterns("regex")  # place + date lines opening a wire story
    published: Phrases = patterns("regex")  # "Publié le ...", "Updated ..."; (?P<value>...) = the date
    # a line that only announces the author ("Article rédigé par", "By"): it goes, and so does the
    # next line when it is a name (the author)
    labels: Phrases = patterns("regex")
    # the heading of an author's box ("À propos de l'auteure", "About the author"): it goes, and so
    # do the author's name under it and the biography that opens with a name, of up to `box_words`
    boxes: Phrases = patterns("regex")
    # a box heading with a (?P<value>...) subject ("À propos de Voltéa") goes only with the paragraph
    # under it whose first sentence names the subject and reads as one of these (a company's or a
    # charity's description: "Fondée en 2020, Voltéa développe ..."); else both stay
    about: Phrases = patterns("regex")
    max_words: int = 14
    box_words: int = 120
    # an article appended under the page's own (an infinite scroll's next one) goes (`_next_article`)
    next_article: bool = True


class Bylines(PhraseCleaner):
    """Each kind of line is also the metadata field its value goes to (a label's name: the author).

    Text-local although a label takes the next line with it: a label always goes in the round
    that meets it, so a name line has one above it only in that round (later rounds judge it alone).
    """

    name = NAME
    text_local = True
    LISTS = (
        ("author", "authors"),
        ("dateline", "datelines"),
        ("published", "published"),
        ("label", "labels"),
        ("box", "boxes"),
        ("about", "about"),  # no field: what a box's paragraph reads as (`_about`)
    )
    # every line it takes is one a list matches or goes with one (a name by a date, a box under its
    # heading, the next article after its byline and date): `about` is only read under a box
    GATES = ("author", "dateline", "published", "label", "box")

    def clean(self, lines: Sequence[Line], ctx: Context) -> Outcome:
        hits: dict[int, Hit] = {}
        found: list[tuple[int, str, str]] = []  # (line, field, value), in the order found
        dated: list[int] = []  # the lines of dates, whose neighbour may be the author's name
        named: list[int] = []  # the lines of authors' names
        for i, line in enumerate(lines):
            if i in hits or line.text in ctx.quiet or words(line.text) > self.params.max_words:
                continue
            folded = fold(line.text)
            for field_name, phrases in self.lists.items():
                phrase = phrases.first(folded) if phrases and field_name != "about" else None
                if phrase is None:
                    continue
                hits[i] = phrase_hit(NAME, field_name, phrase)
                if field_name in ("published", "dateline"):
                    dated.append(i)
                elif field_name == "author":
                    named.append(i)
                if field_name == "box":
                    subject = extract_value(phrase.regex, line.text, folded)
                    if subject == line.text:  # no subject: the author's box
                        self._box(lines, i, hits)
                    else:
                        self._about(lines, i, hits, subject)
                elif field_name != "label":
                    found.append((i, field_name, extract_value(phrase.regex, line.text, folded)))
                elif i + 1 < len(lines) and is_name(lines[i + 1].text):
                    hits[i + 1] = hits[i]
                    found.append((i + 1, "author", lines[i + 1].text))
                break
        names = _names_by_dates(lines, dated, hits)
        named += [j for j, _ in names]
        found += [(j, "author", name) for j, name in names]
        start = _next_article(lines, dated, named, hits) if self.params.next_article else None
        if start is not None:
            for k in range(start, len(lines)):
                hits.setdefault(k, self.origin.hit(f"{NAME}.next_article"))
        fields: dict[str, str] = {}
        for i, field_name, value in found:  # the first of each field, not the next article's
            if start is None or i < start:
                fields.setdefault(field_name, value)
        byline = next((i for i, name, _ in found if name == "author" and (start is None or i < start)), None)
        if byline is not None and is_name(fields["author"]):  # the byline gave the author field
            self._authors_box(lines, fields["author"], byline, byline not in dict(names), hits)
        return drop_lines(lines, hits, NAME, fields)

    def _authors_box(
        self, lines: Sequence[Line], author: str, byline: int, explicit: bool, hits: dict[int, Hit]
    ) -> None:
        """The author's box with no heading, told by the byline's name (on line `byline`; `explicit`
        when a rule read it, "Par ...", not a name by a date): that name alone on a line (the box's
        heading, a signature), the biography right under it, of up to `box_words`, that opens with
        the name or with a clause of up to `_BIO_CLAUSE` words, then the name ("Journaliste à
        Épinal depuis 2011, Antoine Gérard suit ..."), then a word in lower case (a verb); and,
        the name signed explicitly, a biography that opens with it and a verb without the name
        above it ("Nadia Benali est journaliste ..."). Under a byline in the page's upper half,
        only what is below it (the headline and standfirst above it may name the author); else
        the page's lower half. The name alone more than `_SIGNATURES` times is a transcript's
        speaker, no box."""
        hit = self.origin.hit(f"{NAME}.authors_box")
        below = range(byline + 1 if byline < len(lines) / 2 else len(lines) // 2, len(lines))
        if sum(lines[i].text == author for i in below) > _SIGNATURES:
            return  # a transcript's or a list's labels: the name is the page's, no box's
        for i in below:
            text = lines[i].text
            if i in hits or words(text) > self.params.box_words:
                continue
            if text == author:
                hits[i] = hit
                continue
            clause, _, rest = text.partition(", ")
            headed = hits.get(i - 1) == hit and lines[i - 1].text == author
            opening = (
                text if text.startswith(author) else rest if headed and words(clause) <= _BIO_CLAUSE else ""
            )
            verb = opening[len(author) :].split(" ", 2)[1:2] if opening.startswith(f"{author} ") else []
            if verb and verb[0][:1].islower() and verb[0] not in _JOINS and (headed or explicit):
                hits[i] = hit

    def _box(self, lines: Sequence[Line], i: int, hits: dict[int, Hit]) -> None:
        """The lines of the author's box under its heading at `i`: a name alone, then a biography
        that opens with a name ("Julie Marchand est ...") or with a clause before it ("Journaliste
        depuis 2009, Julie Marchand a ..."); nothing else (the article may go on)."""
        j = i + 1
        if j < len(lines) and is_name(lines[j].text):
            hits[j] = hits[i]
            j += 1
        if j < len(lines) and words(lines[j].text) <= self.params.box_words:
            text = lines[j].text
            if opens_with_name(text) or opens_with_name(text.partition(", ")[2]):
                hits[j] = hits[i]

    def _about(self, lines: Sequence[Line], i: int, hits: dict[int, Hit], subject: str) -> None:
        """A company's box under its heading at `i` ("À propos de Voltéa"): the heading and the
        paragraph under it go together when the paragraph's first sentence names the `subject` (as
        words) and describes it (`about`); else both stay (a guide's "À propos de Marseille" over
        a paragraph on Marseille, an interview's question)."""
        j = i + 1
        if j < len(lines) and words(lines[j].text) <= self.params.box_words:
            first = first_sentence(lines[j].text)
            named = re.search(rf"(?<!\w){re.escape(subject)}(?!\w)", first, re.IGNORECASE) is not None
            if named and self.match("about", first) is not None:
                hits[j] = hits[i]
                return
        del hits[i]


def _names_by_dates(lines: Sequence[Line], dated: list[int], hits: dict[int, Hit]) -> list[tuple[int, str]]:
    """A name alone right above or under a date line ("Publié le 29/03/2024", then "Sophie
    Rieux") is the byline that date belongs to: it goes with the date's rule, and is the author.
    Two or three words only: a headline in title case ("Council Approves School Budget") is no name.
    Returns each name with its line."""
    out = []
    for i in dated:
        for j in (i - 1, i + 1):
            if 0 <= j < len(lines) and j not in hits and is_name(lines[j].text) and words(lines[j].text) <= 3:
                hits[j] = hits[i]
                out.append((j, lines[j].text))
    return out


_PROSE_CHARS = 100  # a paragraph of an article's body, not a caption's or a teaser's line
_STANDFIRST_CHARS = 60
_HEAD_LINES = 4  # lines above a dateline that may hold its article's head (headline, standfirst, caption)
_ARTICLE_PROSE = 3  # paragraphs of the first article before the second one's head


def _prose(text: str) -> bool:
    return len(text) >= _PROSE_CHARS and ends_sentence(text)


def _headline(text: str) -> bool:
    n = words(text)
    return (
        5 <= n <= 30
        and text[:1].isupper()
        and text[-1:] not in ".;,"
        and not text.lower().startswith(("re:", "re :"))
    )


def _next_article(
    lines: Sequence[Line], dated: list[int], named: list[int], hits: dict[int, Hit]
) -> int | None:
    """The first line of a second article appended under the page's own (an infinite scroll's
    next article: its kicker, headline, standfirst, then a byline and a date of its own), or None.
    The page has two groups of byline and date lines, no more (a live blog's entries and a
    thread's posts are signed and dated each), the second with an author's name and a date; the
    first article's prose lies between them (`_ARTICLE_PROSE` paragraphs), two paragraphs follow
    the second, and a headline sits within `_HEAD_LINES` lines above it (the farthest: a caption
    can look like one) with a standfirst or a caption between them (a forum's post has its
    author's details there, short lines), not right under a paragraph (a subheading over a post
    embedded in the article: the next article comes after the first one's furniture). The page's
    own article is the first: an infinite scroll appends the next ones under it."""
    groups: list[list[int]] = []
    for i in sorted({*dated, *named}):
        if groups and i - groups[-1][-1] <= 2:
            groups[-1].append(i)
        else:
            groups.append([i])
    if len(groups) != 2:  # more: a live blog's or a thread's entries, each signed and dated
        return None
    end, (a, b) = groups[0][-1], (groups[1][0], groups[1][-1])
    if not ({*named} & {*groups[1]} and {*dated} & {*groups[1]}):
        return None
    if sum(_prose(lines[k].text) for k in range(end + 1, a)) < _ARTICLE_PROSE:
        return None
    if sum(_prose(lines[k].text) for k in range(b + 1, min(len(lines), b + 6))) < 2:
        return None
    heads = [
        k
        for k in range(a - 1, max(end, a - 1 - _HEAD_LINES), -1)
        if k not in hits and _headline(lines[k].text)
    ]
    if not heads or not any(len(lines[k].text) >= _STANDFIRST_CHARS for k in range(heads[-1] + 1, a)):
        return None
    start = heads[-1]
    if start - 1 > end and _prose(lines[start - 1].text):
        return None  # right under a paragraph: a subheading over an embedded post, not a new head
    kicker = lines[start - 1].text if start - 1 > end else ""
    return start - 1 if words(kicker) <= 3 and kicker.isupper() else start


def is_name(text: str) -> bool:
    """Whether a line is a person's name alone: two to four capitalised words, with particles
    between them (one word is as likely a button: "Partager").

    >>> [is_name(t) for t in ("Jeanne Morel", "Marie-Claire de Vries", "Partager", "Des enjeux majeurs")]
    [True, True, False, False]
    """
    tokens = text.split(" ")
    if not 2 <= len(tokens) <= 6 or not all(_WORD.fullmatch(t) for t in tokens):
        return False
    names = [t for t in tokens if t not in _PARTICLES]
    return 2 <= len(names) <= 4 and tokens[0] in names and all(t[0].isupper() for t in names)


def opens_with_name(text: str) -> bool:
    """Whether a line opens with a person's name: two or three capitalised words ("Me Claire
    Dubreuil"), then a word in lower case (a verb).

    >>> [opens_with_name(t) for t in ("Julie Marchand est rédactrice.", "Julie Marchand", "Le Monde est né")]
    [True, False, False]
    """
    first = text.split(" ", 4)
    if first[0].lower().rstrip("'’") in _ARTICLES:  # "Le Monde est ...", "La France a ...": no person
        return False
    return any(
        len(first) > n and is_name(" ".join(first[:n]).rstrip(",")) and first[n][:1].islower() for n in (2, 3)
    )


_ARTICLES = frozenset(
    {"le", "la", "les", "l", "un", "une", "des", "the", "a", "an", "der", "die", "das", "el", "il"}
)


def build(params: Params, origin: Origin, rules: Sequence[Rule]) -> Bylines:
    return Bylines(params, origin)
