"""Build the cascade for one combination of rule files once, then run it on documents.

The cascade runs again on its own output (with every line now a separate paragraph, as it will
be written) until nothing more is removed, so cleaning a clean output changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from dechaff.cleaners import CASCADE, site_rules
from dechaff.cleaners.base import Cleaner, Origin
from dechaff.core.document import Context, Line
from dechaff.core.outcome import Removal, merge_fields
from dechaff.core.sections import defaults_of, merge_sections
from dechaff.ruleset.patterns import PhraseSet, SharedSet
from dechaff.ruleset.schema import RuleFile

MAX_ROUNDS = 6


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The result of the whole cascade on one document."""

    lines: tuple[Line, ...]
    removed: tuple[Removal, ...]
    fields: dict[str, str]


def merged_params(module: Any, files: Sequence[RuleFile]) -> tuple[Any, Origin]:
    """A cleaner's Params from its defaults and each file in turn: lists extend, scalars override."""
    sections = [(rule_file.cleaners or {}).get(module.NAME) for rule_file in files]
    origin = next(
        (f.path for f, s in zip(reversed(files), reversed(sections), strict=True) if s), files[0].path
    )
    return module.Params(**merge_sections(defaults_of(module.Params), sections)), Origin(origin)


def _phrase_sets(cleaners: Sequence[Cleaner]) -> Iterator[PhraseSet]:
    """Every PhraseSet the cleaners hold, as attributes or inside tuples such as (kind, set) pairs."""
    for cleaner in cleaners:
        for value in (getattr(cleaner, name) for name in dir(cleaner) if not name.startswith("_")):
            for item in value if isinstance(value, tuple | list) else (value,):
                inner = item if isinstance(item, tuple) else (item,)
                yield from (x for x in inner if isinstance(x, PhraseSet))


class Pipeline:
    """The compiled cascade for one rule-file combination (default + language pack + site); `skip`
    names cleaners left out (those that HTML extraction already did the work of)."""

    def __init__(self, files: Sequence[RuleFile], skip: frozenset[str] = frozenset()) -> None:
        self.files = tuple(files)
        self.labels = tuple(f.label for f in self.files)
        self.site_name = next((f.site_name for f in reversed(self.files) if f.site_name), None)
        self.stoplist_name = next((f.stoplist for f in reversed(self.files) if f.stoplist), None)
        self.cleaners: list[Cleaner] = []
        for module in CASCADE:
            params, origin = merged_params(module, self.files)
            if not params.enabled or module.NAME in skip:
                continue
            if module is site_rules:
                self.cleaners.append(site_rules.SiteRules([r for f in self.files for r in f.rules]))
            else:
                self.cleaners.append(module.build(params, origin))
        self.shared = SharedSet(_phrase_sets(self.cleaners))

    def clean(self, lines: Sequence[Line], ctx: Context) -> Cleaned:
        current = tuple(lines)
        removed: list[Removal] = []
        found: dict[str, str] = {}
        for _ in range(MAX_ROUNDS):
            before = len(removed)
            for cleaner in self.cleaners:
                out = cleaner.clean(current, ctx)
                current = out.lines
                removed.extend(out.removed)
                found = merge_fields(found, out.fields.items())
            if len(removed) == before:
                break
            current = tuple(replace(line, gap_before=True) for line in current)
        return Cleaned(current, tuple(removed), found)
