"""Related links and article navigation: "Lire aussi : ...", "À découvrir", "Read more",
"Article précédent<title>" (often glued to the next title with no space), and the teaser titles
listed under a bare heading ("À lire aussi :" on its own line)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from dechaff.cleaners.base import Origin, PhraseCleaner, Phrases, ends_sentence, patterns, words
from dechaff.core.document import Context, Line
from dechaff.core.outcome import Hit, Outcome, drop_lines
from dechaff.ruleset.schema import Rule

NAME = "related_links"


@dataclass(frozen=True, slots=True)
class Params:
    enabled: bool = True
    prefixes: Phrases = patterns("regex")  # "Lire aussi", "Read more": the line is a teaser link
    navigation: Phrases = patterns("prefix")  # "Article précédent": matches even glued to a title
    max_words: int = 30
    # a bare heading (a prefix line of at most `heading_words` words: "À lire aussi :") takes with
    # it up to `teaser_lines` teaser titles under it: lines of at most `teaser_words` words that
    # end no sentence (0: none)
    heading_words: int = 4
    teaser_lines: int = 6
    teaser_words: int = 20
    # ...or, under a heading that names the site ("À lire aussi sur sudouest.fr"), up to
    # `teaser_lines` teasers each with its summary: a kicker or two of `kicker_words` words at most
    # (no clock time), a title, then one sentence or paragraph of `summary_words` words at most,
    # two such teasers or more in a row (0: never). Under a bare "À lire aussi :" whose links are
    # lost, the same shape is the page's own: news in brief, a live blog's entries, a listicle.
    summary_words: int = 45
    kicker_words: int = 3


class RelatedLinks(PhraseCleaner):
    """Text-local although a bare heading takes the teasers under it: a heading always goes in the
    round that meets it, so a teaser has one above it only in that round."""

    name = NAME
    text_local = True
    LISTS = (("prefix", "prefixes"), ("navigation", "navigation"))
    GATES = ("prefix", "navigation")  # a teaser goes only under a heading a prefix matches

    def clean(self, lines: Sequence[Line], ctx: Context) -> Outcome:
        hits = self.line_hits(lines, ctx, self.lists, self.params.max_words)
        if self.params.teaser_lines:
            self._teasers(lines, hits)
        return drop_lines(lines, hits, NAME)

    def _teasers(self, lines: Sequence[Line], hits: dict[int, Hit]) -> None:
        """The teaser titles under each bare heading join it."""
        p = self.params
        headings = [i for i, hit in hits.items() if hit.rule_id.startswith(f"{NAME}.prefix")]
        for i in headings:
            heading = _SITE.sub("", lines[i].text)  # "À lire aussi sur sudouest.fr": its first words
            if words(heading.rstrip(" :|")) > p.heading_words or not self._bare(lines[i].text):
                continue  # "Lire aussi : <title>": the teaser is on the line itself
            # teasers set right under their heading end at a blank line: what follows it is the
            # page again (the article's next subheading), not one more teaser; so do two or more
            # set in a block of their own (the article's kicker and headline under "Les plus lus")
            tight = i + 1 < len(lines) and not lines[i + 1].gap_before
            names_site = heading != lines[i].text
            summarised = self._summarised(lines, i + 1, hits, tight) if names_site else []
            for j in summarised:
                hits[j] = self.origin.hit(f"{NAME}.teaser")
            if summarised:
                continue  # its teasers, summaries and all, are taken
            packed = 0  # teasers in the block so far (no blank line between them)
            for j in range(i + 1, min(len(lines), i + 1 + p.teaser_lines)):
                text = lines[j].text
                if j in hits or words(text) > p.teaser_words or ends_sentence(text) or _wraps(lines, j):
                    break
                if lines[j].gap_before and ((tight and j > i + 1) or packed >= 2):
                    break  # set in a block of their own: a blank line ends them
                if j > i + 1 and _subheading(lines, j, p.heading_words + 1):
                    break
                packed = packed + 1 if j == i + 1 or not lines[j].gap_before else 1
                hits[j] = self.origin.hit(f"{NAME}.teaser")

    def _summarised(self, lines: Sequence[Line], start: int, hits: dict[int, Hit], tight: bool) -> list[int]:
        """The lines of the teasers with summaries from `start` on ("Gironde", "Lacanau : des
        surfeurs formés au sauvetage", "Depuis trois ans, le club ..."): none unless there are two
        or more in a row, each under its kicker. A teaser ends at its summary; a marker between
        teasers ("Abonnés") reads as the next one's kicker. Teasers set `tight` under their heading
        end at a blank line."""
        p, n = self.params, len(lines)
        taken: list[int] = []
        k, teasers = start, 0
        while p.summary_words and teasers < p.teaser_lines:
            if tight and k > start and k < n and lines[k].gap_before:
                break
            entry = []
            while k < n and k not in hits and len(entry) < 2 and _kicker(lines[k].text, p.kicker_words):
                entry.append(k)
                k += 1
            title = lines[k].text if entry and k < n and k not in hits else ""
            if not title or words(title) > p.teaser_words or ends_sentence(title):
                break
            summary = lines[k + 1].text if k + 1 < n and k + 1 not in hits else ""
            if not ends_sentence(summary) or words(summary) > p.summary_words:
                break
            taken += [*entry, k, k + 1]
            teasers += 1
            k += 2
            while k < n and k in hits:
                k += 1
        return taken if teasers >= 2 else []

    def _bare(self, text: str) -> bool:
        """Whether the prefix that matched `text` is all of it (but a colon or a bar)."""
        rest = self.rest_after("prefix", text)
        return rest is not None and not rest.strip(" :|")


def _kicker(text: str, most: int) -> bool:
    """Whether a line is a teaser's kicker: a few words ("Gironde", "Abonnés"), no sentence, no
    clock time (a live blog's "14h32" heads its own entry)."""
    return words(text) <= most and not ends_sentence(text) and not any(map(str.isdigit, text))


# a heading's last words that name the site: " sur sudouest.fr", " dans lejournal.be :"
_SITE = re.compile(r" (?:sur|dans|on|at) [\w-]+\.[a-z]{2,4} ?:?$", re.IGNORECASE)


_PARAGRAPH_WORDS = 20  # a paragraph of prose, longer than a teaser's summary sentence


def _subheading(lines: Sequence[Line], j: int, most: int) -> bool:
    """Whether line `j`, under teasers, is the article's next subheading: a few words (`most` at
    most, no colon: a teaser's title is a headline, "Lille : le marché ... agrandi ?") over a
    paragraph of prose."""
    text, nxt = lines[j].text, lines[j + 1].text if j + 1 < len(lines) else ""
    return (
        text[:1].isupper()  # not a bulleted link ("* Title")
        and words(text) <= most
        and ":" not in text
        and ends_sentence(nxt)
        and words(nxt) > _PARAGRAPH_WORDS
    )


def _wraps(lines: Sequence[Line], j: int) -> bool:
    """Whether line `j` runs on into the next (no blank line between, the next starts in lower
    case): the start of a paragraph wrapped over lines, not a teaser."""
    nxt = lines[j + 1] if j + 1 < len(lines) else None
    return nxt is not None and not nxt.gap_before and nxt.text[:1].islower()


def build(params: Params, origin: Origin, rules: Sequence[Rule]) -> RelatedLinks:
    return RelatedLinks(params, origin)
