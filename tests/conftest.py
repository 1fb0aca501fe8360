"""Shared fixtures: the shipped rule book, a one-cleaner runner, and the ../shared data (optional)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from dechaff.cleaners import CASCADE, PARAM_SPECS
from dechaff.cleaners.base import Cleaner
from dechaff.core.document import Line
from dechaff.core.outcome import Outcome
from dechaff.engine.engine import Engine, Prepared, normalise
from dechaff.engine.pipeline import merged_params
from dechaff.engine.rulebook import load_book
from dechaff.io.source import Source
from dechaff.ruleset.loader import RuleBook
from dechaff.ruleset.schema import parse_rule_file

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("DECHAFF_SHARED") or ROOT.parent / "shared")
"""The shared data: beside the project, or where DECHAFF_SHARED says (a copy of the project such
as the mutation tester's runs elsewhere)."""

# Three short made-up news pages of one site, for tests of site-level (cross-page) features.
STORIES = [
    "Le maire a inauguré lundi la nouvelle école du quartier nord, attendue depuis dix ans par les familles.",
    "Les pompiers sont intervenus toute la nuit pour éteindre un feu de forêt qui menaçait des maisons.",
    "Le club de rugby a remporté samedi son troisième match de la saison devant un public enthousiaste.",
]


def misbehave_on(monkeypatch: pytest.MonkeyPatch, doc_id: str, misbehave: Callable[[], object]) -> None:
    """Make the engine call `misbehave` (crash, hang) as it starts on one document (in
    `Engine.prepare`, so under the engine's time limit), and work for the others."""
    real = Engine.prepare

    def patched(self: Engine, source: Source, row: dict[str, object] | None = None) -> Prepared:
        if source.id == doc_id:
            misbehave()
        return real(self, source, row)

    monkeypatch.setattr(Engine, "prepare", patched)


def hang() -> None:
    """A document that never finishes (stands in for a pathological page)."""
    while True:
        pass


def rules_copy(tmp_path: Path, sites: dict[str, str] | None = None, default_extra: str = "") -> Path:
    """A copy of the shipped rules in `tmp_path`, plus site files (domain -> YAML) and text appended
    to `_default.yaml`: how tests try a rule file without touching the project's."""
    root = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", root)
    for domain, text in (sites or {}).items():
        (root / "sites" / f"{domain}.yaml").write_text(text, encoding="utf-8")
    if default_extra:
        default = root / "_default.yaml"
        default.write_text(default.read_text(encoding="utf-8") + default_extra, encoding="utf-8")
    return root


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--rules-dir", default=None, help="rules folder whose examples test_rule_examples runs")


def rules_dir_option(config: pytest.Config) -> Path | None:
    value = config.getoption("--rules-dir")
    return Path(value) if value else None


@pytest.fixture(scope="session")
def book() -> RuleBook:
    return load_book(None)


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not beside the project")
    return SHARED


def lines_of(text: str) -> list[Line]:
    return normalise(text, 100_000)[0]


@pytest.fixture(scope="session")
def engine(book: RuleBook) -> Engine:
    return Engine(book)


def prepared(engine: Engine, text: str, lang: str | None = "fr", site: str | None = None) -> Prepared:
    """`text` as the engine hands it to the cascade: a page of `site` in `lang` (None: detected)."""
    return engine.prepare(Source("t", Path("t.txt"), domain=site, lang=lang, content=text))


@pytest.fixture(scope="session")
def run_cleaner(engine: Engine) -> Callable[..., Outcome]:
    """Run one cleaner, configured from the shipped rules for `lang` (and a site), on `text` as the
    engine prepares it (enabled or not: a test may try a cleaner the shipped rules leave off)."""

    def run(name: str, text: str, lang: str = "fr", site: str | None = None) -> Outcome:
        doc = prepared(engine, text, lang, site)
        module = next(m for m in CASCADE if name == m.NAME)
        params, origin = merged_params(module, doc.pipeline.files)
        return module.build(params, origin, doc.pipeline.rules).clean(doc.lines, doc.context)

    return run


SITE_FILE = "rules/sites/example.org.yaml"


def cleaner_from(name: str, rule_file: str) -> Cleaner:
    """Cleaner `name` configured by the text of one site file alone (`SITE_FILE`), so that a test
    knows the line each of its phrases was written on."""
    parsed = parse_rule_file(rule_file, SITE_FILE, "site", "example.org", PARAM_SPECS)
    module = next(m for m in CASCADE if name == m.NAME)
    params, origin = merged_params(module, [parsed])
    return module.build(params, origin, parsed.rules)


def kept(outcome: Outcome) -> list[str]:
    return [line.text for line in outcome.lines]


def dropped(outcome: Outcome) -> list[str]:
    return [r.text for r in outcome.removed]
