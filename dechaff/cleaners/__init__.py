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
from dechaff.ruleset.schema import param_spec_of

# site_rules first: a site's own directives (and the fields they extract) win over heuristics;
# paragraphs last: the generic classifier only judges what the specific cleaners left.
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

NORMALISE = "normalise"
MOJIBAKE = "mojibake"  # ftfy repair before normalising (`dechaff.io.mojibake`)
NAMES: tuple[str, ...] = (MOJIBAKE, NORMALISE, *(m.NAME for m in CASCADE))
PARAM_SPECS = {m.NAME: param_spec_of(m.Params) for m in CASCADE}
