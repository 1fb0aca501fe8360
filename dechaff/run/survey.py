"""Batch-level line statistics: which lines repeat across pages of the same site.

Feeds the `site_boilerplate` cleaner (through `Settings.repeated`) and `dechaff suggest`. Counts
are document frequencies over the whole batch, so they do not depend on file order.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from dechaff.cleaners import site_boilerplate
from dechaff.engine.engine import Engine, Settings
from dechaff.engine.pipeline import merged_params
from dechaff.engine.timeout import DocumentTimeout
from dechaff.io.source import Source
from dechaff.ruleset.loader import RuleBook
from dechaff.text.normalise import line_key


@dataclass
class SiteLines:
    """Per site: pages seen, and for each line key the pages it is on and where it sits."""

    docs: int = 0
    df: Counter[str] = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)
    variants: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    from_top: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    from_bottom: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    tails: dict[str, list[list[str]]] = field(default_factory=lambda: defaultdict(list))

    def add(self, texts: list[str]) -> None:
        self.docs += 1
        keys = [line_key(t) for t in texts]
        seen: set[str] = set()
        for i, (key, text) in enumerate(zip(keys, texts, strict=True)):
            if key in seen:
                continue
            seen.add(key)
            self.df[key] += 1
            self.examples.setdefault(key, text)
            if len(self.variants[key]) < 5:
                self.variants[key].add(text)
            self.from_top[key].append(i)
            self.from_bottom[key].append(len(texts) - 1 - i)
            self.tails[key].append(keys[i + 1 :])

    def frequent(self, min_docs: int, min_share: float) -> frozenset[str]:
        need = max(min_docs, int(min_share * self.docs + 0.999999))
        return frozenset(k for k, n in self.df.items() if n >= need)


def survey(engine: Engine, sources: Iterable[Source], domain: str | None = None) -> dict[str, SiteLines]:
    """Lines per site over every readable source, each under the run's per-document time limit
    (unreadable or runaway ones are left to the cleaning run, which records why)."""
    sites: dict[str, SiteLines] = defaultdict(SiteLines)
    for source in sources:
        try:
            found, texts = engine.survey(source)
        except (Exception, DocumentTimeout):
            continue
        name = domain or found
        if name:
            sites[name].add(texts)
    return dict(sites)


def enabled_anywhere(book: RuleBook) -> bool:
    """Whether any rule file turns the `site_boilerplate` cleaner on (the survey costs a pass)."""
    for rule_file in book.files:
        setting = (rule_file.cleaners or {}).get(site_boilerplate.NAME, {}).get("enabled")
        if setting is not None and setting.value:
            return True
    return False


def with_repeated(book: RuleBook, settings: Settings, sources: Iterable[Source]) -> Settings:
    """Settings carrying, per site that enables `site_boilerplate`, its lines repeated in the batch.

    Only `_default` and site files are consulted (the language of a page is not known yet here).
    """
    if not enabled_anywhere(book):
        return settings
    repeated = []
    for name, lines in sorted(survey(Engine(book, settings), sources).items()):
        params, _ = merged_params(site_boilerplate, book.cascade("und", book.site_for_host(name)))
        if params.enabled:
            repeated.append((name, lines.frequent(params.min_docs, params.min_share)))
    return replace(settings, repeated=tuple(repeated))
