"""What the rules did in a run: hits per cleaner and per rule, rules that never fired, one site's
own rules apart from the generic ones, and the sites whose clean text still carries lines
repeated across their pages (likely leftovers)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from dechaff.io.tables import really_removed
from dechaff.io.writers import text_path
from dechaff.ruleset.loader import RuleBook
from dechaff.ruleset.patterns import Phrase
from dechaff.ruleset.schema import RuleFile
from dechaff.text.normalise import line_key

_AT_LINE = re.compile(r"@(\d+)$")


@dataclass(frozen=True, slots=True)
class RuleRef:
    """A rule as written: a directive (by id) or one item of a cleaner's phrase list (by line)."""

    file: str
    line: int
    label: str


def written_rules(book: RuleBook, files: set[str]) -> Iterator[RuleRef]:
    """Every directive and phrase of the given files (labels like 'rules/_default.yaml@1')."""
    for rule_file in book.files:
        if rule_file.label in files:
            yield from rules_of(rule_file)


def rules_of(rule_file: RuleFile) -> Iterator[RuleRef]:
    """The directives of one file (by id, with their action), then its phrase-list items."""
    for rule in rule_file.rules:
        yield RuleRef(rule_file.path, rule.line, rule.id)
    for cleaner, section in (rule_file.cleaners or {}).items():
        for key, setting in section.items():
            if isinstance(setting.value, tuple):
                for item in setting.value:
                    if isinstance(item, Phrase):
                        yield RuleRef(rule_file.path, item.line, f"{cleaner}.{key}: {item.source}")


@dataclass(frozen=True, slots=True)
class RuleHits:
    """What one rule of a site's file did on that site's pages."""

    ref: RuleRef
    docs: int  # pages where it removed something (or, a keep rule, overruled a removal)
    lines: int  # lines or spans it removed
    kept: int  # removals it overruled (keep rules)


def site_rule_hits(site: RuleFile, removed: pd.DataFrame) -> list[RuleHits]:
    """Each rule of a site's file, in file order, with its hits in `removed` (that site's rows)."""
    mine = removed[removed["rule_file"] == site.path]
    gone = really_removed(mine)
    at_line = gone["rule_id"].str.extract(_AT_LINE.pattern, expand=False)
    kept = (
        removed[removed["kept_by_file"] == site.path] if "kept_by" in removed.columns else removed.iloc[0:0]
    )
    out = []
    for ref in rules_of(site):
        hit = gone[(gone["rule_id"] == ref.label) | (at_line == str(ref.line))]
        saved = kept[kept["kept_by"] == ref.label]
        docs = len(set(hit["id"]) | set(saved["id"]))
        out.append(RuleHits(ref, docs, len(hit), len(saved)))
    return out


def dead_rules(book: RuleBook, meta: pd.DataFrame, removed: pd.DataFrame) -> list[RuleRef]:
    """Rules of the files this run used that removed nothing."""
    used = {label for files in meta["rule_files"] for label in (files if files is not None else ())}
    fired_ids = set(zip(removed["rule_file"], removed["rule_id"], strict=True))
    if "kept_by" in removed.columns:  # a keep rule that overruled a removal did something
        kept = removed[removed["kept_by"].notna()]
        fired_ids |= set(zip(kept["kept_by_file"], kept["kept_by"], strict=True))
    fired_lines = {(f, int(m.group(1))) for f, r in fired_ids if (m := _AT_LINE.search(r))}
    return [
        ref
        for ref in written_rules(book, used)
        if (ref.file, ref.label) not in fired_ids and (ref.file, ref.line) not in fired_lines
    ]


def residual_noise(out_dir: Path, meta: pd.DataFrame, min_docs: int = 2) -> list[tuple[str, int, float, str]]:
    """Per site: docs, clean lines per doc still repeated across its pages, and an example."""
    by_domain: dict[str, list[str]] = defaultdict(list)
    for row in meta.itertuples():
        path = text_path(out_dir, row.id)
        if isinstance(row.domain, str) and row.status == "ok" and path.exists():
            by_domain[row.domain].append(path.read_text(encoding="utf-8"))
    out = []
    for domain, texts in by_domain.items():
        if len(texts) < min_docs:
            continue
        df: Counter[str] = Counter()
        example: dict[str, str] = {}
        for text in texts:
            keys = {line_key(x): x for x in text.splitlines() if x}
            df.update(keys.keys())
            for k, v in keys.items():
                example.setdefault(k, v)
        repeated = [k for k, n in df.items() if n >= min_docs]
        if repeated:
            worst = max(repeated, key=lambda k: (df[k], k))
            lines = sum(df[k] for k in repeated) / len(texts)
            out.append((domain, len(texts), lines, example[worst]))
    return sorted(out, key=lambda t: (-t[2], t[0]))


def hit_tables(removed: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(per cleaner, per rule) tables of documents and lines hit, most lines first."""
    removed = really_removed(removed)
    if removed.empty:
        empty = pd.DataFrame(columns=["docs", "lines"])
        return empty, empty
    agg = {"docs": ("id", "nunique"), "lines": ("id", "size")}
    per_cleaner = removed.groupby("cleaner").agg(**agg).sort_values(["lines", "docs"], ascending=False)
    per_rule = (
        removed.groupby(["cleaner", "rule_id", "rule_file"])
        .agg(**agg)
        .sort_values(["lines", "docs"], ascending=False)
    )
    return per_cleaner, per_rule
