"""`dechaff rules lint`: everything the loader rejects, plus what it accepts but a rule author
would regret: fragile or RE2-divergent patterns, patterns that cannot match normalised text,
duplicate and shadowed rules, fingerprints that can never fire, files without examples."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import re2

from dechaff.ruleset.loader import DEFAULT_FILE, LANG_DIR, LANG_FILTERS_FILE, SITE_DIR
from dechaff.ruleset.patterns import RE2_OPTIONS, names_case, prepare
from dechaff.ruleset.schema import MATCHERS, ParamSpec, RuleFile, parse_rule_file, rule_file_errors
from dechaff.ruleset.yamlnodes import Located, load_located
from dechaff.text.normalise import fold, normalise_line
from dechaff.text.regex import re2_options


@dataclass(frozen=True, slots=True)
class Finding:
    path: str
    line: int
    level: str  # error | warning | info (info is shown with --verbose only)
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.level}: {self.message} [{self.code}]"


@dataclass(frozen=True, slots=True)
class _Pattern:
    source: str
    line: int
    is_regex: bool
    where: str


# A group whose content repeats, itself repeated without bound: (a+)+, (\w*)*, (x+ ?)+, (a+){2,}.
# (Bounded outer repeats such as ( \w+){1,3} cost polynomial time at worst and are not flagged.)
_NESTED = re.compile(r"\((?:[^()\\]|\\.)*?(?:[+*]|\{\d+,\d*\})(?:[^()\\]|\\.)*\)(?:[+*]|\{\d+,\})")
_INVISIBLE = {
    "\u00a0": "no-break space",
    "\u202f": "narrow no-break space",
    "\u200b": "zero-width space",
    "\t": "tab",
    "\u2060": "word joiner",
    "\ufeff": "BOM",
}
_SET_MEMORY = 512 << 20  # RE2 budget for one set of a file's rules; halved sets when it is not enough
# RE2 instructions past which a pattern is heavy: the shipped ones have 50,000 at most (before the
# shared set loosens their counters, `patterns.loosened`), and a list's own set, which long lines
# meet, has RE2's default budget, then four times it (`patterns.search_set`)
HEAVY_PROGRAM = 60_000
_DEAD_ESCAPES = re.compile(r"\\(t|n|r|f|v|xa0|x\{a0\}|u00a0|u202f|u200b|x\{202f\})", re.IGNORECASE)


def kind_of(path: Path) -> str:
    """Which schema applies, from where the file sits in a rules folder."""
    if path.name == DEFAULT_FILE:
        return "default"
    if path.name == LANG_FILTERS_FILE and path.parent.name not in (LANG_DIR, SITE_DIR):
        return "lang_filters"
    return {LANG_DIR: "lang", SITE_DIR: "site"}.get(path.parent.name, "site")


def rule_files(path: Path) -> list[Path]:
    """A file given directly, or every rule file under a given folder."""
    return sorted(path.rglob("*.yaml")) if path.is_dir() else [path]


def lint_file(path: Path, label: str, params: ParamSpec) -> list[Finding]:
    """All findings for one file: every schema error (the loader's checks, not just the first),
    then, for a file the loader accepts, what it accepts but an author would regret."""
    kind = kind_of(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [Finding(label, 1, "error", "unreadable", str(exc))]
    errors = rule_file_errors(text, label, kind, path.stem, params)
    if errors:
        return [Finding(e.path, e.line, "error", "schema", e.message) for e in errors]
    parsed = parse_rule_file(text, label, kind, path.stem, params)
    tree = load_located(text, label).value
    findings = [f for p in _patterns(tree, params) for f in _check_pattern(label, p)]
    findings += _duplicates_and_shadows(parsed)
    findings += _fingerprints(parsed)
    findings += _suggested(label, tree)
    if not parsed.examples and kind != "lang_filters":  # thresholds cut no line an example could show
        findings.append(
            Finding(label, 1, "warning", "no-examples", "no 'examples': add an input and its expect")
        )
    return sorted(findings, key=lambda f: (f.line, f.code))


def _suggested(path: str, tree: dict[str, Located]) -> Iterator[Finding]:
    """Rules `dechaff suggest` wrote that nobody has reviewed yet."""
    items = tree.get("rules")
    for item in items.value if items is not None else []:
        flag = item.value.get("suggested")
        if flag is not None and flag.value is True:
            rule_id = item.value["id"].value
            yield Finding(
                path,
                flag.line,
                "warning",
                "suggested",
                f"rule '{rule_id}' is still marked 'suggested: true': check it against the pages "
                "(keep, fix or delete it), then remove the flag",
            )


def _patterns(tree: dict[str, Located], params: ParamSpec) -> Iterator[_Pattern]:
    """Every pattern of a file the schema accepted (so each rule is a mapping, each list a list)."""
    for section in ("rules", "fingerprints"):
        items = tree.get(section)
        for item in items.value if items is not None else []:
            for key in MATCHERS:
                loc = item.value.get(key)
                if loc is not None:
                    yield _Pattern(loc.value, loc.line, key == "regex", f"{section[:-1]} {key}")
    cleaners = tree.get("cleaners")
    for name, section in cleaners.value.items() if cleaners is not None else []:
        for key, loc in section.value.items():
            kind = params[name][key][1]
            if kind is not None:
                for item in loc.value:
                    yield _Pattern(str(item.value), item.line, kind == "regex", f"{name}.{key}")


def _check_pattern(path: str, p: _Pattern) -> Iterator[Finding]:
    for ch, name in _INVISIBLE.items():
        if ch in p.source:
            yield Finding(
                path,
                p.line,
                "warning",
                "invisible-char",
                f"{p.where} {p.source!r} contains a {name}; text is normalised first, so it is "
                "matched as a plain space: write a space",
            )
    if "  " in p.source:
        yield Finding(
            path,
            p.line,
            "warning",
            "double-space",
            f"{p.where} {p.source!r} has two spaces in a row; normalised text never does",
        )
    if not p.is_regex:
        if p.source != p.source.strip():
            yield Finding(
                path,
                p.line,
                "warning",
                "edge-space",
                f"{p.where} {p.source!r} starts or ends with a space; lines are stripped first",
            )
        return
    dead = _DEAD_ESCAPES.search(p.source)
    if dead:
        yield Finding(
            path,
            p.line,
            "error",
            "never-matches",
            f"regex {p.source!r} needs {dead.group(0)!r}, which normalised text never contains "
            "(tabs, newlines and no-break spaces become plain spaces)",
        )
    if _NESTED.search(p.source):
        yield Finding(
            path,
            p.line,
            "warning",
            "catastrophic",
            f"regex {p.source!r} nests quantifiers; RE2 runs it in linear time, but under Python "
            "re it backtracks exponentially: simplify it (e.g. (a+)+ -> a+)",
        )
    if re.search(r"(?<!\\)\\[bB]", p.source):
        yield Finding(
            path,
            p.line,
            "warning",
            "re2-ascii",
            f"regex {p.source!r} uses \\b or \\B, which RE2 computes on ASCII letters only "
            "(so 'é' is not a word character): use (^| ) and ( |$) or a class instead",
        )
    size = _program_size(p.source)
    if size > HEAVY_PROGRAM:
        yield Finding(
            path,
            p.line,
            "warning",
            "heavy-regex",
            f"regex {p.source!r} compiles to {size:,} RE2 instructions: a counted repetition copies "
            "what it repeats that many times ([^\\p{Ll}]{1,60} is 60 Unicode classes). The cascade's "
            "shared set holds it loosened ({1,60} as +), but every line that set finds is checked "
            "with the pattern itself, and a line too long for that set meets the list's own set, "
            "which a few such patterns overfill (each is then asked alone); an exact count ({60}) "
            "overfills the shared set too. Use + or * where the line's length bounds the match anyway",
        )
    if "." in p.where and names_case(p.source) and "(?i" not in p.source:
        yield Finding(
            path,
            p.line,
            "info",
            "case-sensitive",
            f"regex {p.source!r} names a letter case, so it is matched case-sensitively "
            "(wrap case-free parts in (?i:...))",
        )


def _program_size(source: str) -> int:
    """RE2 instructions of a user regex as the cascade compiles it (0 when it does not compile:
    the schema check reports that)."""
    try:
        return int(re2.compile(prepare(source, ignore_case=True), RE2_OPTIONS).programsize)
    except (re2.error, ValueError):
        return 0


def _rule_sets(sources: Sequence[str], start: int = 0) -> list[tuple[int, Any]]:
    """RE2 sets of `sources` as (index of the first, set): one set, halved while too large to compile."""
    found = re2.Set.SearchSet(re2_options(_SET_MEMORY))
    for source in sources:
        found.Add(source)
    try:
        found.Compile()
    except re2.error:
        if len(sources) == 1:
            raise
        half = len(sources) // 2
        return _rule_sets(sources[:half], start) + _rule_sets(sources[half:], start + half)
    return [(start, found)]


def _duplicates_and_shadows(parsed: RuleFile) -> Iterator[Finding]:
    """Each literal rule is matched once against a set of every rule (linear in the number of
    rules, not quadratic); a rule an earlier one with no position limit and the same action
    matches can never fire."""
    rules = parsed.rules
    sets = _rule_sets([rule.regex.pattern for rule in rules])
    seen: dict[str, int] = {}
    for i, rule in enumerate(rules):
        key = f"{rule.regex.pattern}|{rule.action}|{rule.top}|{rule.bottom}|{rule.max_words}"
        if key in seen:
            yield Finding(
                parsed.path,
                rule.line,
                "warning",
                "duplicate",
                f"rule '{rule.id}' repeats the rule on line {seen[key]}",
            )
            continue
        seen[key] = rule.line
        literal = fold(normalise_line(rule.pattern)) if rule.matcher != "regex" else None
        if not literal:
            continue
        hits = sorted(start + j for start, found in sets for j in found.Match(literal) or ())
        if i not in hits:  # a set's matcher ran out of memory (it says nothing): ask rule by rule
            hits = [j for j in range(i) if rules[j].regex.search(literal)]
        for j in hits:
            earlier = rules[j]
            wider = earlier.top is None and earlier.bottom is None and earlier.max_words is None
            if j < i and wider and earlier.action == rule.action:
                yield Finding(
                    parsed.path,
                    rule.line,
                    "warning",
                    "shadowed",
                    f"rule '{rule.id}' can never fire: rule '{earlier.id}' (line {earlier.line}) "
                    "matches every line it matches",
                )
                break


def _fingerprints(parsed: RuleFile) -> Iterator[Finding]:
    total = sum(fp.weight for fp in parsed.fingerprints)
    if parsed.fingerprints and total < parsed.fingerprint_threshold:
        yield Finding(
            parsed.path,
            parsed.fingerprints[0].line,
            "error",
            "fingerprint-threshold",
            f"fingerprint weights add up to {total:g}, below fingerprint_threshold "
            f"{parsed.fingerprint_threshold:g}: the site can never be recognised",
        )


def lint(paths: Sequence[Path], params: ParamSpec) -> list[Finding]:
    findings: list[Finding] = []
    for given in paths:
        files = rule_files(given)
        if not files:  # a folder (perhaps named like a file, `bad.yaml/`) is not zero errors
            findings.append(
                Finding(given.as_posix(), 1, "error", "no-rule-file", "a folder with no rule file (*.yaml)")
            )
        for path in files:
            findings += lint_file(path, path.as_posix(), params)
    return findings
