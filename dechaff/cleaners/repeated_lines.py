"""Lines printed twice in one page (a title repeated under itself, a menu in header and footer):
the first occurrence stays, later ones go; but a table of contents goes and the headings it
lists stay (numbered or not). A pull quote (a line that is only a quotation, under the article's
first paragraph, whose words another paragraph holds) goes too."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from dechaff.cleaners.base import Origin, words
from dechaff.core.document import Context, Line
from dechaff.core.outcome import Hit, Outcome, drop_lines
from dechaff.ruleset.schema import Rule
from dechaff.text.normalise import fold

NAME = "repeated_lines"

# the number of a numbered table's entry or heading ("2.1 Déclin", "3. Typology", "Étape 1 : installer
# rsync", "Step 2: test"), matched on folded lower-case text: the other may have none
_NUMBERED = re.compile(
    r"^(?:(?:étape|step|partie|part|chapitre|chapter|schritt|teil|paso|parte) )?"
    r"\d{1,2}(?:\.\d{1,2})*\.?(?: ?:)? (?=\S)"
)


# a line that is only a quotation: « ... », “ ... ”, " ... " (folded: the quotes are as printed)
_QUOTATION = re.compile(r'^[«“"] ?([^«»“”"]+?) ?[»”"]$')
_OPENING = frozenset('«“"')  # what `_QUOTATION` starts with: other lines are not matched at all
_QUOTES = 20  # quotations under the first paragraph, at most, for any to be a pull quote


@dataclass(frozen=True, slots=True)
class Params:
    enabled: bool = True
    min_chars: int = 2  # lone characters are left to ui_tokens
    # a table of contents: this many lines or more in a row (of at most `contents_words` words),
    # each printed again later in the same order, no two of the copies next to each other (the
    # headings of the text, each over its own paragraphs; a menu repeated in the footer is
    # repeated as a block): the entries go and the headings stay (0: never)
    contents_entries: int = 3
    contents_words: int = 12
    # a pull quote: a line that is only a quotation of at least this many words (a subheading that
    # quotes the text, "« Tout a été fait dans les règles »", is shorter), below a paragraph
    # of `pull_quote_after` words (not a headline: the title may quote the text), whose quoted
    # words a longer line of the page holds (0: never)
    pull_quote_words: int = 10
    pull_quote_after: int = 40


class RepeatedLines:
    name = NAME
    phrase_sets = ()
    text_local = False  # a line goes when an earlier one has its text
    gate_sets = None

    def __init__(self, params: Params, origin: Origin) -> None:
        self.params = params
        self.origin = origin

    def clean(self, lines: Sequence[Line], ctx: Context) -> Outcome:
        keys = [
            fold(line.text).casefold() if len(line.text) >= self.params.min_chars else None for line in lines
        ]
        contents = self._contents(lines, keys)
        seen: set[str] = set()
        hits: dict[int, Hit] = {}
        for i, key in enumerate(keys):
            if key is None:
                continue
            if i in contents:
                hits[i] = self.origin.hit(f"{NAME}.contents")
            elif key in seen:
                hits[i] = self.origin.hit(f"{NAME}.duplicate")
            seen.add(key)
        for heading in contents.values():  # the heading each entry names stays
            if heading not in contents:
                hits.pop(heading, None)
        for i in self._pull_quotes(lines, keys):
            hits.setdefault(i, self.origin.hit(f"{NAME}.pull_quote"))
        return drop_lines(lines, hits, NAME)

    def _pull_quotes(self, lines: Sequence[Line], keys: Sequence[str | None]) -> list[int]:
        """The lines that are a pull quote (see `Params.pull_quote_words`): their words stand in a
        paragraph of the body (from its first long one on, not the headline; a line that is itself
        a quotation holds none: a quote printed twice is a duplicate, its first copy stays). A page
        of more than `_QUOTES` quotations is a collection of quotes, not an article's pull quotes."""
        p = self.params
        if not p.pull_quote_words:
            return []
        body = next((i for i, line in enumerate(lines) if words(line.text) >= p.pull_quote_after), len(lines))
        quotes: list[tuple[int, str]] = []
        paragraphs: list[str] = []  # the body's lines that may hold a quote's words
        for i in range(body, len(lines)):
            key = keys[i]
            m = _QUOTATION.match(key) if key is not None and key[:1] in _OPENING else None
            if m is None and key is not None and words(key) >= 2 * p.pull_quote_words:
                paragraphs.append(key)
            elif m is not None and i > body and words(m.group(1)) >= p.pull_quote_words:
                quotes.append((i, m.group(1).rstrip(".!?… ")))  # it may close what the text goes on with
        if len(quotes) > _QUOTES:
            return []
        text = "\n".join(paragraphs)
        return [i for i, said in quotes if said in text]

    def _contents(self, lines: Sequence[Line], keys: Sequence[str | None]) -> dict[int, int]:
        """The entries of tables of contents, each with the index of the heading it names (see
        `Params.contents_entries`)."""
        p = self.params
        if not p.contents_entries:
            return {}
        # each line under its text without a number (an entry and its heading may each have one or
        # not: "2.1 Déclin" and "Déclin", "Déclin" and "2. Déclin"), and a heading also under its
        # label ("Design : sobre et bien fini" is the entry "Design")
        plain = [_plain(key) if key is not None else None for key in keys]
        where: dict[str, list[int]] = {}
        for i, key in enumerate(plain):
            if key is not None:
                where.setdefault(key, []).append(i)
                # a heading's label, not a transcript's speaker ("Anne Morel : Je crois que ...")
                label = key.split(" : ", 1)[0] if " : " in key else ""
                if label and words(lines[i].text) <= p.contents_words:
                    where.setdefault(label, []).append(i)
        copies: dict[int, list[int]] = {}  # a line -> its later copies, numbers aside, in order
        first: set[str] = set()
        for i, key in enumerate(keys):
            if key is not None and key not in first:
                first.add(key)
                at = where[plain[i]]  # type: ignore[index]
                if len(at) > 1 and (later := [k for k in at if k > i]):  # [i] alone: most lines
                    copies[i] = later  # each list of `where` grew with i: already in order
        out: dict[int, int] = {}
        if len(copies) < p.contents_entries:  # a run of entries is lines with copies (most pages: none)
            return out
        i = 0
        while i < len(lines):
            named: list[int] = []  # the heading each entry of the run names, in order, none adjacent
            j = i
            while j in copies and words(lines[j].text) <= p.contents_words:
                heading = next((k for k in copies[j] if not named or k > named[-1] + 1), None)
                if heading is None:
                    break
                named.append(heading)
                j += 1
            if j - i >= p.contents_entries:
                out.update(zip(range(i, j), named, strict=True))
            i = max(j, i + 1)
        return out


def _plain(key: str) -> str:
    """A line's key without its number (`_NUMBERED`, anchored: a match, where `sub` would search on).

    >>> _plain("2.1 déclin"), _plain("step 2: test"), _plain("déclin 2.1 ")
    ('déclin', 'test', 'déclin 2.1 ')
    """
    m = _NUMBERED.match(key)
    return key if m is None else key[m.end() :]


def build(params: Params, origin: Origin, rules: Sequence[Rule]) -> RepeatedLines:
    return RepeatedLines(params, origin)
