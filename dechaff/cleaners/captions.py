"""Photo captions and credits: caption + same caption with " - NAME / AGENCY", "© AGENCY YEAR ..."
lines, "... - <Site name>" captions (and the related-article title some sites print right after
them), bare photo-agency lines and image file names.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from dechaff.cleaners.base import Origin, PhraseCleaner, Phrases, ends_sentence, patterns, words
from dechaff.core.document import Context, Line
from dechaff.core.outcome import Hit, Outcome, drop_lines
from dechaff.ruleset.schema import Rule
from dechaff.text.normalise import fold

NAME = "captions"

# " - Daphné BENOIT / AFP", " | Reuters", " (Photo: AP)": the credit a site appends to a caption.
_CREDIT_TAIL = re.compile(r"^ ?[-–—|/(•©] ?.{1,80}$")  # " - AFP", " — Source : Site", " • © Site"
# "<caption> - Site Name": a short capitalised name after a spaced dash, at the end of the line.
_SITE_SUFFIX = re.compile(r" [-|] (\w[\w.'&+ -]{0,38}\w)$")


@dataclass(frozen=True, slots=True)
class Params:
    enabled: bool = True
    credit_lines: Phrases = patterns("regex")  # "© AFP 2023 ...", "Photo : ...", "Crédit photo ..."
    agencies: Phrases = patterns("line")  # a line that is only an agency or photo service
    agency_credits: Phrases = patterns("regex")  # a caption ending in "- NAME / AGENCY"
    image_files: Phrases = patterns("regex")  # bare image file names
    max_words: int = 40  # credits and captions are short
    site_suffix_min_lines: int = 2  # a " - X" suffix must recur this often to be a site caption
    related_after_caption: bool = True  # drop the title-like line glued under a site caption
    related_max_words: int = 20


class Captions(PhraseCleaner):
    name = NAME
    LISTS = (
        ("credit", "credit_lines"),
        ("agency", "agencies"),
        ("agency_credit", "agency_credits"),
        ("image_file", "image_files"),
    )

    def clean(self, lines: Sequence[Line], ctx: Context) -> Outcome:
        hits = self.line_hits(lines, ctx, self.lists, self.params.max_words)
        self._credit_pairs(lines, hits)
        self._site_captions(lines, hits, ctx)
        return drop_lines(lines, hits, NAME)

    def _credit_pairs(self, lines: Sequence[Line], hits: dict[int, Hit]) -> None:
        """A caption printed twice, the second time with its credit appended: drop both. The credit
        is a short tail after a dash, a bar or a sign, or one the `agency_credits` list found at
        the end of the second line (". Crédit photo : Site", after the caption's final stop)."""
        texts = [line.text for line in lines]
        for i, (first, second) in enumerate(pairwise(texts)):
            if len(first) < 10 or not second.startswith(first):
                continue
            tail = second[len(first) :]
            tail = tail[2:] if tail.startswith(" . ") else tail  # "... 2024. . Le360": a stray stop
            credited = i + 1 in hits and hits[i + 1].rule_id.startswith(f"{NAME}.agency_credit@")
            if credited or (_CREDIT_TAIL.match(tail) and not _prose(tail)) or _signed(first, tail):
                hit = self.origin.hit(f"{NAME}.credit_pair")
                hits.setdefault(i, hit)
                hits.setdefault(i + 1, hit)

    def _site_captions(self, lines: Sequence[Line], hits: dict[int, Hit], ctx: Context) -> None:
        """Lines ending in " - <Site name>" (known, or recurring in the page) are captions."""
        p = self.params
        suffixes = [_site_suffix(line.text) if words(line.text) <= p.max_words else None for line in lines]
        counts = Counter(s for s in suffixes if s)
        site = fold(ctx.site_name).casefold() if ctx.site_name else None
        for i, suffix in enumerate(suffixes):
            if not suffix or (suffix != site and counts[suffix] < p.site_suffix_min_lines):
                continue
            hits.setdefault(i, self.origin.hit(f"{NAME}.site_caption"))
            nxt = i + 1
            if (
                p.related_after_caption
                and nxt < len(lines)
                and nxt not in hits
                and _related_title(lines[nxt], p)
            ):
                hits[nxt] = self.origin.hit(f"{NAME}.related_after_caption")


def _signed(caption: str, tail: str) -> bool:
    """Whether `tail`, printed after a whole caption that ends a sentence, is a credit: a few
    capitalised words with no final stop (". DDM - Sophie Rieux", ". Jean Dupont").

    >>> [_signed("Le port.", t) for t in (" DDM - Sophie Rieux", " Le maire a parlé.", " et la mairie")]
    [True, False, False]
    """
    return (
        caption.endswith((".", "!", "?", "»", ")"))
        and tail[:1] == " "
        and tail[1:2].isupper()
        and words(tail.strip()) <= _SIGNED_WORDS
        and not ends_sentence(tail)
    )


_SIGNED_WORDS = 6


def _prose(tail: str) -> bool:
    """Whether a tail after a dash reads as the rest of a title rather than a credit: three or more
    words, most of them lower-case ("Épisode 42 – Abeilles sauvages : les pollinisatrices qu'on
    oublie"); a credit is names and agencies ("- Photo d'illustration : Jean Dupont / AFP").

    >>> [_prose(t) for t in (" – Abeilles sauvages : les abeilles qu'on oublie", " - Jean DUPONT / AFP")]
    [True, False]
    """
    if _CREDIT_WORD.search(tail):  # "– photo d'archives de la ville de Nantes": a credit all the same
        return False
    lower = [w for w in tail.split() if w[:1].islower()]
    return len(lower) >= _PROSE_WORDS and 2 * len(lower) > len([w for w in tail.split() if w[:1].isalpha()])


_PROSE_WORDS = 3
_CREDIT_WORD = re.compile(r"(?i)\b(?:photos?|crédits?|credits?|copyright)\b|©")


def _site_suffix(text: str) -> str | None:
    folded = fold(text)
    if " - " not in folded and " | " not in folded:
        return None  # what `_SITE_SUFFIX` needs first: two scans in C, where the regex tries each space
    m = _SITE_SUFFIX.search(folded)
    if m is None or not m.group(1)[:1].isupper() or words(m.group(1)) > 4:
        return None
    return m.group(1).casefold()


def _related_title(line: Line, p: Params) -> bool:
    """A headline glued under a caption: no blank line before it, short, no final punctuation."""
    return not line.gap_before and words(line.text) <= p.related_max_words and not ends_sentence(line.text)


def build(params: Params, origin: Origin, rules: Sequence[Rule]) -> Captions:
    return Captions(params, origin)
