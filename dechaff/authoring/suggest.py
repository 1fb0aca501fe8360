"""Propose site rules from what repeats across pages of one site (numbers and dates masked):
markers of blocks of chaff, repeated lines, side columns glued onto content lines; each with its
evidence, written into the site's rule file if asked."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from dechaff.authoring.glued import glued
from dechaff.cleaners import PARAM_SPECS
from dechaff.engine.engine import Engine
from dechaff.engine.timeout import DocumentTimeout, time_limit
from dechaff.io.source import Source
from dechaff.ruleset.errors import RuleFileError
from dechaff.ruleset.schema import parse_rule_file
from dechaff.run.survey import SiteLines
from dechaff.text.normalise import line_key

EDGE = 5  # "at the top" / "at the bottom" = within this many lines of the edge in every page
BLOCK_SHARE = 0.8  # a marker starts a trailing block in at least this share of its pages
_META = re.compile(r"([.^$*+?{}\[\]\\|()])")  # escape only what is special, so rules stay readable
MAX_WORDS = 30  # a longer repeated line is prose (an excerpt, a syndicated quote), not a site's UI
BLOCK_WORDS = 12  # a line of a block of links: a headline or a menu item has at most this many words...
BLOCK_CHARS = 90  # ...and than this (zh/ja lines have no spaces)
_SENTENCE_ENDS = tuple(".…。")  # a headline may end in ? or !, prose mostly ends in a full stop
SHORT_WORDS = 4  # a line this short is no sentence, whatever mark ends it
_CLOSERS = "\"'»”)）」』】"


@dataclass(frozen=True, slots=True)
class Suggestion:
    rule_id: str
    matcher: str  # line | regex
    pattern: str
    action: str  # drop | drop_from | drop_until | strip
    top: int | None
    bottom: int | None
    docs: int
    total: int
    example: str
    lines: int = 0  # strip: the lines it trims

    def yaml(self) -> str:
        """One rule as a YAML list item, every string JSON-quoted (valid YAML, any character)."""
        parts = [
            f"id: {json.dumps(self.rule_id, ensure_ascii=False)}",
            f"{self.matcher}: {json.dumps(self.pattern, ensure_ascii=False)}",
        ]
        if self.action != "drop":
            parts.append(f"action: {self.action}")
        if self.top:
            parts.append(f"top: {self.top}")
        if self.bottom:
            parts.append(f"bottom: {self.bottom}")
        where = f"glued to {self.lines} lines in " if self.lines else "in "
        note = f"{where}{self.docs}/{self.total} pages, e.g. {self.example[:60]}"
        parts += ["suggested: true", f"note: {json.dumps(note, ensure_ascii=False)}"]
        return "  - {" + ", ".join(parts) + "}"


def _pattern(variants: set[str]) -> tuple[str, str]:
    """An exact line when every page prints it alike, else a regex with its numbers generalised."""
    if len(variants) == 1:
        return "line", next(iter(variants))
    example = min(variants)
    pieces = re.split(r"(\d+)", example)
    body = "".join(r"\d+" if i % 2 else _META.sub(r"\\\1", piece) for i, piece in enumerate(pieces))
    return "regex", f"^{body}$"


def _slug(text: str, taken: set[str]) -> str:
    base = "s-" + ("-".join(re.findall(r"\w+", text.lower()))[:32].strip("-") or "line")
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a site as `suggest` sees it: its normalised lines, the keys of the lines the
    current rules keep, and the key of its title (its first kept line)."""

    lines: tuple[str, ...]
    kept: frozenset[str]
    title: str | None


def suggest(pages: Sequence[Page], min_docs: int, min_share: float) -> list[Suggestion]:
    """Rules for one site's pages, strongest evidence first: markers that open or close a block
    of chaff (`drop_from` / `drop_until`), then single repeated lines, then side columns glued
    onto content lines (`strip` with a `cut` group).

    Single lines are proposed only when the current rules keep them (a rule for a line the
    generic cascade drops anyway adds nothing, and can hide a marker a generic cleaner needs);
    a marker may be such a line, as long as its block holds lines the rules keep, and never its
    page's own title. Nor is a headline proposed (`_headlines`): a line that is content on its own
    page, however often other pages link to it.
    """
    lines = SiteLines()
    for page in pages:
        lines.add(list(page.lines))
    frequent = lines.frequent(min_docs, min_share)
    kept = set().union(*(page.kept for page in pages))
    ordered = sorted(frequent, key=lambda k: (-lines.df[k], sum(lines.from_top[k]) / lines.df[k], k))
    candidates = [k for k in ordered if k.strip() and k.count(" ") < MAX_WORDS]
    covered: set[str] = set()
    taken: set[str] = set()
    out: list[Suggestion] = []

    def propose(key: str, action: str) -> None:
        matcher, pattern = _pattern(lines.variants[key])
        top = bottom = None
        if action == "drop":  # a marker is found by its block, wherever the page puts it
            top = max(lines.from_top[key]) + 1 if max(lines.from_top[key]) < EDGE else None
            last = max(lines.from_bottom[key])
            bottom = last + 1 if top is None and last < EDGE else None
        example = lines.examples[key]
        out.append(
            Suggestion(
                _slug(example, taken),
                matcher,
                pattern,
                action,
                top,
                bottom,
                lines.df[key],
                lines.docs,
                example,
            )
        )

    blocks = {key: _blocks(key, pages, frequent, min_docs) for key in candidates}
    for action, order in (("drop_from", candidates), ("drop_until", _latest_first(candidates, lines))):
        for key in order:
            block = blocks[key].get(action)
            if block is not None and key not in covered:
                covered.update({key, *block})
                propose(key, action)
    headlines = _headlines(pages, frequent, lines)
    for key in candidates:
        if key not in covered and key in kept and key not in headlines:
            propose(key, "drop")
    need = max(min_docs, int(min_share * lines.docs + 0.999999))
    for side in glued([page.lines for page in pages], need, set(lines.df)):
        rule_id = _slug(f"glued {side.side}", taken)
        out.append(
            Suggestion(
                rule_id,
                "regex",
                side.pattern,
                "strip",
                None,
                None,
                side.pages,
                lines.docs,
                side.example,
                side.lines,
            )
        )
    return out


def _chaff(key: str, frequent: frozenset[str]) -> bool:
    """A line that can sit in a block of chaff: repeated across the site's pages, or short and
    not ending like a sentence (a link, a menu item, a headline in a list)."""
    if key in frequent:
        return True
    words = key.count(" ") + 1
    # "(07-12-11, 09:00)" or "Menu:" ends no sentence, nor does a line of a few words ("18:58 28.11.2011 г.")
    sentence = key.rstrip(_CLOSERS).endswith(_SENTENCE_ENDS) and words > SHORT_WORDS
    return not sentence and words <= BLOCK_WORDS and len(key) <= BLOCK_CHARS


def _blocks(key: str, pages: Sequence[Page], frequent: frozenset[str], min_docs: int) -> dict[str, set[str]]:
    """For `drop_from` (lines after the marker) and `drop_until` (lines before it): the block's
    line keys, when in most of the marker's pages that block is all chaff and not the page's own
    title (another page's title in a list of links is chaff), and some page has a line in it that
    the current rules keep (else the rule would change nothing)."""
    found: dict[str, list[list[str]]] = {"drop_from": [], "drop_until": []}
    saves = {"drop_from": False, "drop_until": False}
    seen = 0
    for page in pages:
        keys = [line_key(text) for text in page.lines]
        if key not in keys:
            continue
        seen += 1
        i = keys.index(key)
        for action, block in (("drop_from", keys[i + 1 :]), ("drop_until", keys[:i])):
            if block and page.title not in block and all(_chaff(k, frequent) for k in block):
                found[action].append(block)
                saves[action] = saves[action] or any(k in page.kept for k in block)
    need = max(min_docs, BLOCK_SHARE * seen)
    return {a: {k for b in bs for k in b} for a, bs in found.items() if len(bs) >= need and saves[a]}


def _headlines(pages: Sequence[Page], frequent: frozenset[str], lines: SiteLines) -> set[str]:
    """Lines that are headlines of articles, which a site repeats in its lists of links but which
    are content on their own page: the title of one page (`_own_title`) that sits elsewhere on
    other pages (a banner that was first on one page stays where it is), and the items of lists
    whose items change from page to page that are not on (nearly) every page."""
    firsts = Counter(title for page in pages if (title := _own_title(page, lines)))
    titles = {
        key
        for key, n in firsts.items()
        if n == 1 and max(lines.from_top[key]) - min(lines.from_top[key]) > EDGE
    }
    rotating = {k for k in _rotating(pages, frequent) if lines.df[k] < BLOCK_SHARE * lines.docs}
    return titles | rotating


def _own_title(page: Page, lines: SiteLines) -> str | None:
    """The page's first kept line that is no banner (a line on every page, always at the same
    place): where the rules keep the site's name above the headline, the headline."""
    for text in page.lines:
        key = line_key(text)
        places = lines.from_top[key]
        if key in page.kept and not (lines.df[key] == lines.docs and min(places) == max(places)):
            return key
    return page.title


def _rotating(pages: Sequence[Page], frequent: frozenset[str]) -> set[str]:
    """Lines of lists whose items change from page to page (most read, see also): a run of chaff
    lines of which a third or more (two at least) are on one page only."""
    out: set[str] = set()
    for page in pages:
        run: list[str] = []
        for key in [*(line_key(text) for text in page.lines), None]:
            if key is not None and _chaff(key, frequent):
                run.append(key)
                continue
            once = sum(k not in frequent for k in run)
            if once >= max(2, len(run) / 3):
                out.update(run)
            run = []
    return out


def _latest_first(keys: list[str], lines: SiteLines) -> list[str]:
    """Keys by their mean position, lowest on the page first: the last marker above the content
    covers the most."""
    return sorted(keys, key=lambda k: (-sum(lines.from_top[k]) / lines.df[k], k))


def draft(domain: str, suggestions: list[Suggestion]) -> str:
    """A complete new site file holding the suggestions."""
    items = "\n".join(s.yaml() for s in suggestions) if suggestions else "  []"
    return (
        f"# {domain}: rules suggested by `dechaff suggest` from lines repeated across its pages.\n"
        "# Review each one (suggested: true), then remove that flag and add examples.\n"
        f"version: 1\ndomains: [{json.dumps(domain)}]\n\nrules:\n{items}\n"
    )


def extend(text: str, suggestions: list[Suggestion]) -> str:
    """An existing file with the suggestions appended to its `rules:` list (comments kept)."""
    known = set(re.findall(r"^\s*-?\s*\{?\s*id:\s*\"?([^\",}\n]+)", text, flags=re.M))
    fresh = [s for s in suggestions if s.rule_id not in known]
    lines = text.rstrip("\n").split("\n")
    starts = [i for i, line in enumerate(lines) if re.match(r"^rules:\s*(#.*)?$", line)]
    items = [s.yaml() for s in fresh]
    if not starts:
        return "\n".join([*lines, "", "rules:", *items]) + "\n"
    end = starts[0] + 1
    while end < len(lines) and (not lines[end].strip() or lines[end][:1] in (" ", "-", "#")):
        end += 1
    while end > starts[0] + 1 and not lines[end - 1].strip():
        end -= 1
    return "\n".join([*lines[:end], *items, *lines[end:]]) + "\n"


def write(rules_dir: Path, domain: str, suggestions: list[Suggestion]) -> Path:
    """Create or extend `sites/<domain>.yaml`; the result is validated before anything is written."""
    path = rules_dir / "sites" / f"{domain}.yaml"
    text = (
        extend(path.read_text(encoding="utf-8"), suggestions) if path.exists() else draft(domain, suggestions)
    )
    label = f"{rules_dir.name}/sites/{path.name}"
    try:
        parse_rule_file(text, label, "site", domain, PARAM_SPECS)
    except RuleFileError as exc:
        message = f"suggestions not written, they would break the file: {exc.message}"
        raise RuleFileError(exc.path, exc.line, message) from None
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def site_pages(engine: Engine, sources: Iterable[Source], domain: str | None) -> dict[str, list[Page]]:
    """The pages of each site (all of `domain`'s when given, else as the manifest, their URL or
    canonical link, or fingerprints say), each cleaned with the current rules under the run's
    time limit; unreadable or runaway ones are skipped (`run` records why)."""
    sites: dict[str, list[Page]] = {}
    for source in sources:
        try:
            with time_limit(engine.settings.time_limit):
                doc = engine.prepare(replace(source, domain=domain) if domain else source)
                out = [line_key(line.text) for line in doc.clean().lines]
        except (Exception, DocumentTimeout):
            continue
        if doc.match.domain:
            page = Page(tuple(line.text for line in doc.lines), frozenset(out), out[0] if out else None)
            sites.setdefault(doc.match.domain, []).append(page)
    return sites
