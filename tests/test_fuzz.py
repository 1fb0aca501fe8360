"""Fuzzing the cascade, the engine and the rule loader with hypothesis: random Unicode, control
characters, huge lines and random rule files never raise, and the cascade only ever keeps (parts
of) lines of the normalised input."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from dechaff.cleaners import PARAM_SPECS
from dechaff.engine.engine import Engine
from dechaff.io.decode import InputRefused
from dechaff.io.inputs import Source
from dechaff.ruleset.errors import RuleFileError
from dechaff.ruleset.loader import RuleBook
from dechaff.ruleset.schema import ACTIONS, FIELDS, RULE_KEYS, RuleFile, parse_rule_file

from conftest import prepared

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))

CONTROL = st.sampled_from(
    [chr(c) for c in range(32)] + ["\x7f", "\x85", "\u00a0", "\u200b", "\u2028", "\u2029", "\ufeff", "\u00ad"]
)
WORDS = st.sampled_from(
    ["Lire aussi", "Publicité", "© AFP 2024", "Accueil › Monde", "cookies", "Par Jean Dupont", "réforme"]
)
any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=80)
line = st.one_of(
    any_text,
    WORDS,
    st.lists(st.one_of(any_text, CONTROL, WORDS), max_size=8).map("".join),
    st.tuples(st.sampled_from("a é中\x00"), st.integers(5_000, 120_000)).map(lambda t: t[0] * t[1]),
)
document = st.lists(line, max_size=20).map("\n".join)

REGEX_PIECES = st.sampled_from(
    ["a", "é", " ", "'", "’", ".", "\\w", "\\W", "\\d", "\\D", "\\s", "\\", "[", "[^", "]", "(", ")",
     "(?P<value>", "(?i)", "(?=", "\\1", "+", "*", "?", "{2,3}", "{", "}", "|", "^", "$", "\\p{Lu}", "-"]
)  # fmt: skip
regex = st.lists(REGEX_PIECES, max_size=10).map("".join)
scalar = st.one_of(st.none(), st.booleans(), st.integers(-3, 5), any_text, regex)
junk_rule = st.dictionaries(
    st.one_of(st.sampled_from(RULE_KEYS), st.sampled_from(["rgex", "acton", "x"])),
    st.one_of(scalar, st.sampled_from(ACTIONS + FIELDS), st.lists(scalar, max_size=3)),
    max_size=7,
)
plausible_rule = st.fixed_dictionaries(
    {"id": st.uuids().map(str)},
    optional={
        "action": st.sampled_from(ACTIONS),
        "extract": st.sampled_from(FIELDS),
        "top": st.integers(1, 4),
        "bottom": st.integers(1, 4),
        "max_words": st.integers(1, 9),
        "ignore_case": st.booleans(),
    },
).flatmap(
    lambda r: st.sampled_from(["line", "prefix", "regex"]).flatmap(
        lambda key: st.one_of(regex, WORDS, any_text).filter(str.strip).map(lambda value: {**r, key: value})
    )
)
rule = st.one_of(plausible_rule, plausible_rule, junk_rule)
cleaner_section = st.sampled_from(sorted(PARAM_SPECS)).flatmap(
    lambda name: st.fixed_dictionaries(
        {
            name: st.dictionaries(
                st.sampled_from(sorted(PARAM_SPECS[name])),
                st.one_of(scalar, st.lists(regex, max_size=3)),
                max_size=3,
            )
        }
    )
)  # fmt: skip
messy_file = st.fixed_dictionaries(
    {"version": st.one_of(st.just(1), scalar)},
    optional={
        "domains": st.lists(st.sampled_from(["fuzz.example", "bfmtv.com"]), max_size=2),
        "site_name": any_text,
        "rules": st.lists(rule, max_size=6),
        "cleaners": cleaner_section,
        "fingerprints": st.lists(rule, max_size=2),
        "lang": st.sampled_from(["fr", "en", "xx"]),
    },
)
plausible_file = st.fixed_dictionaries(
    {"version": st.just(1), "rules": st.lists(plausible_rule, min_size=1, max_size=6)},
    optional={"cleaners": cleaner_section, "site_name": any_text},
)
rule_file = st.one_of(plausible_file, messy_file).map(lambda d: yaml.safe_dump(d, allow_unicode=True))
raw_yaml = st.text(st.sampled_from("version: 1\n -[]{}:'\"#&*!|>%@`\t\\é"), max_size=120)


def cleaned(engine: Engine, text: str, site: str | None) -> tuple[list[str], list[str]]:
    """The lines the engine hands to the cascade for `text` (a French page of `site`), and those kept."""
    try:
        doc = prepared(engine, text, "fr", site)
    except InputRefused:  # an empty page is dropped before the cascade
        return [], []
    return [x.text for x in doc.lines], [x.text for x in doc.clean().lines]


def assert_kept_lines_come_from_input(normalised: list[str], out: list[str]) -> None:
    for kept in out:
        assert any(kept in source for source in normalised), kept


def load(text: str) -> RuleFile | None:
    """The loader's contract: a RuleFile or a RuleFileError naming the file and a line, nothing else."""
    try:
        return parse_rule_file(text, "rules/sites/fuzz.example.yaml", "site", "fuzz.example", PARAM_SPECS)
    except RuleFileError as exc:
        assert exc.path == "rules/sites/fuzz.example.yaml" and exc.line >= 1
        return None


@FUZZ
@given(text=document)
def test_cascade_on_random_text(engine: Engine, text: str) -> None:
    normalised, out = cleaned(engine, text, "bfmtv.com")
    assert_kept_lines_come_from_input(normalised, out)


@FUZZ
@given(data=st.one_of(document.map(lambda t: t.encode("utf-8", "surrogatepass")), st.binary(max_size=300)))
def test_engine_on_random_bytes(book: RuleBook, tmp_path_factory, data: bytes) -> None:  # type: ignore[no-untyped-def]
    path: Path = tmp_path_factory.mktemp("fuzz") / "doc.txt"
    path.write_bytes(data)
    result = Engine(book).process(Source("doc", path))
    assert not str(result.row["status"]).startswith("error"), result.row["error"]
    if result.text is not None:
        assert result.text.endswith("\n") and "\n\n\n" not in result.text


@settings(FUZZ, max_examples=150)
@given(text=st.one_of(rule_file, rule_file, rule_file, raw_yaml), doc=document)
def test_random_rule_files_load_or_fail_cleanly_and_clean_safely(book: RuleBook, text: str, doc: str) -> None:
    site = load(text)
    event("loaded" if site is not None and site.rules else "rejected or no rules")
    if site is None:
        return
    # The loaded file as the only site (and no language pack) of a book: a page of it gets
    # `_default` then this file, as it would in a rules folder of its own.
    alone = RuleBook(book.root, book.default, {}, (replace(site, domains=("fuzz.example",)),))
    normalised, out = cleaned(Engine(alone), doc, "fuzz.example")
    assert_kept_lines_come_from_input(normalised, out)
