"""Propose site rules from lines that repeat across pages of one site (numbers and dates
masked), with their evidence, and write them into the site's rule file if asked."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from dechaff.cleaners import PARAM_SPECS
from dechaff.engine.engine import Engine
from dechaff.io.source import Source
from dechaff.ruleset.errors import RuleFileError
from dechaff.ruleset.schema import parse_rule_file
from dechaff.run.survey import SiteLines
from dechaff.text.normalise import line_key

EDGE = 5  # "at the top" / "at the bottom" = within this many lines of the edge in every page
BLOCK_SHARE = 0.8  # a marker starts a trailing block in at least this share of its pages
_META = re.compile(r"([.^$*+?{}\[\]\\|()])")  # escape only what is special, so rules stay readable
MAX_WORDS = 30  # a longer repeated line is prose (an excerpt, a syndicated quote), not a site's UI


@dataclass(frozen=True, slots=True)
class Suggestion:
    rule_id: str
    matcher: str  # line | regex
    pattern: str
    action: str  # drop | drop_from
    top: int | None
    bottom: int | None
    docs: int
    total: int
    example: str

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
        note = f"in {self.docs}/{self.total} pages, e.g. {self.example[:60]}"
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


def suggest(
    lines: SiteLines, min_docs: int, min_share: float, residual: set[str] | None = None
) -> list[Suggestion]:
    """Rules for the lines frequent in this site's pages, strongest evidence first.

    `residual` (line keys the current rules still keep) limits proposals to what is not already
    removed: a rule for a line the generic cascade drops anyway adds nothing, and can hide a
    marker a generic cleaner needs (a "Comments" heading that cuts the comment section).
    """
    frequent = lines.frequent(min_docs, min_share)
    ordered = sorted(frequent, key=lambda k: (-lines.df[k], sum(lines.from_top[k]) / lines.df[k], k))
    covered: set[str] = set()
    taken: set[str] = set()
    out: list[Suggestion] = []
    for key in ordered:
        if key in covered or not key.strip() or key.count(" ") >= MAX_WORDS:
            continue
        if residual is not None and key not in residual:
            continue
        tails = lines.tails[key]
        block = sum(bool(t) and all(k in frequent for k in t) for t in tails)
        action = "drop_from" if block >= BLOCK_SHARE * len(tails) and block >= min_docs else "drop"
        if action == "drop_from":
            covered.update(k for t in tails for k in t)
        matcher, pattern = _pattern(lines.variants[key])
        top = max(lines.from_top[key]) + 1 if max(lines.from_top[key]) < EDGE else None
        bottom = (
            max(lines.from_bottom[key]) + 1 if top is None and max(lines.from_bottom[key]) < EDGE else None
        )
        out.append(
            Suggestion(
                _slug(lines.examples[key], taken),
                matcher,
                pattern,
                action,
                top,
                bottom,
                lines.df[key],
                lines.docs,
                lines.examples[key],
            )
        )
    return out


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


def residual_keys(engine: Engine, sources: Iterable[Source], domain: str | None) -> set[str]:
    """Keys of the lines the current rules keep in these pages (cleaned as pages of `domain`)."""
    kept: set[str] = set()
    for source in sources:
        result = engine.process(replace(source, domain=domain or source.domain))
        kept.update(line_key(line) for line in (result.text or "").split("\n") if line)
    return kept
