"""The rule book a run uses: the given rules folder (or the project's own) with every cleaner's
parameters known to the schema."""

from __future__ import annotations

from pathlib import Path

from dechaff.cleaners import PARAM_SPECS
from dechaff.ruleset.loader import RuleBook, default_rules_dir, load_rulebook


def load_book(rules: Path | None) -> RuleBook:
    """The rule book from `rules` or the project's own rules folder (validated before any work)."""
    return load_rulebook(rules or default_rules_dir(), PARAM_SPECS)
