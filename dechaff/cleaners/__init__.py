"""The cascade, in order. Each module holds one cleaner family: NAME, Params and build()."""

from __future__ import annotations

from types import ModuleType

from dechaff.cleaners import (
    breadcrumbs,
    bylines,
    captions,
    comments,
    cookies,
    foreign_script,
    live_feed,
    paragraphs,
    related_links,
    repeated_lines,
    site_boilerplate,
    site_rules,
    ui_tokens,
)
from dechaff.core.names import CASCADE_NAMES
from dechaff.ruleset.schema import param_spec_of

# In the order of `CASCADE_NAMES` (see there why site_rules comes first and paragraphs last).
CASCADE: tuple[ModuleType, ...] = (
    site_rules,
    site_boilerplate,
    cookies,
    live_feed,
    comments,
    captions,
    related_links,
    breadcrumbs,
    bylines,
    ui_tokens,
    foreign_script,
    repeated_lines,
    paragraphs,
)

if tuple(m.NAME for m in CASCADE) != CASCADE_NAMES:  # one order, written once
    raise ImportError("the cleaner modules are not in the order of core.names.CASCADE_NAMES")
PARAM_SPECS = {m.NAME: param_spec_of(m.Params) for m in CASCADE}
