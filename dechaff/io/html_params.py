"""The `html:` section of rule files: how a page is extracted before the text cascade.

The defaults here are trafilatura's own; the project's tuned values live in `rules/_default.yaml`,
and a language pack or a site file refines them (lists extend, scalars override).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from typing import Any

FAVOR = ("precision", "balanced", "recall")


@dataclass(frozen=True, slots=True)
class HtmlParams:
    """Extraction options for one cascade (default + language pack + site)."""

    prune_xpaths: tuple[str, ...] = ()  # elements removed from the tree before extraction
    favor: str = "balanced"  # trafilatura's precision / recall trade-off
    include_tables: bool = True
    include_comments: bool = True
    fast: bool = False  # trafilatura's fast mode: no second opinion from its own fallback extractors
    metadata: bool = True  # trafilatura's page metadata (title, author, date, site name, categories)
    min_extracted_chars: int = 0  # below this, jusText also runs and the longer text wins
    skip_cleaners: tuple[str, ...] = ()  # cascade steps that extraction makes redundant


def merged_html(sections: Iterable[Mapping[str, Any] | None]) -> HtmlParams:
    """HtmlParams from the defaults and each file's section in cascade order.

    Values are the schema's `Setting`s (anything with a `.value`).
    """
    values: dict[str, Any] = {f.name: f.default for f in fields(HtmlParams)}
    for section in sections:
        for key, setting in (section or {}).items():
            old = values[key]
            values[key] = old + setting.value if isinstance(old, tuple) else setting.value
    return HtmlParams(**values)
