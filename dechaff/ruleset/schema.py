"""The rule-file schema: typed, frozen values built from YAML, every error naming file and line."""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from functools import partial
from typing import Any

from dechaff.core.sections import CLASSIFIER_MODES, DEDUP_PARAMS, FAVOR, THRESHOLD_KEYS, HtmlParams
from dechaff.ruleset.errors import RuleFileError, did_you_mean
from dechaff.ruleset.patterns import Phrase, compile_re2, literal, user_regex
from dechaff.ruleset.yamlnodes import Located, load_located

KEEP_ACTIONS = ("keep", "keep_from", "keep_until")  # protect lines from every later rule and cleaner
ACTIONS = ("drop", "strip", "drop_from", "drop_until", "drop_pair", "extract", *KEEP_ACTIONS)
CUT_GROUP = "cut"  # (?P<cut>...): the part of a match that `strip` or `drop` removes (RE2 has no look-around)
CUT_ACTIONS = ("drop", "strip")
FIELDS = ("author", "section", "site_name", "dateline", "published")
MATCHERS = ("line", "prefix", "regex")
RULE_KEYS = (
    *MATCHERS,
    "id",
    "action",
    "extract",
    "extract_next",
    "top",
    "bottom",
    "max_words",
    "ignore_case",
    "note",
    "suggested",  # written by `dechaff suggest`: a proposal waiting for review
)
FINGERPRINT_KEYS = ("id", "line", "prefix", "regex", "top", "bottom", "weight", "ignore_case", "note")
EXAMPLE_KEYS = ("input", "expect", "must_contain", "must_not_contain", "note")
COMMON_KEYS = ("version", "description", "cleaners", "rules", "examples", "filters", "html")
KIND_KEYS = {
    "default": (*COMMON_KEYS, "ruleset_version", "dedup"),
    "lang": (*COMMON_KEYS, "lang", "stoplist", "stopwords"),
    "site": (*COMMON_KEYS, "domains", "site_name", "lang", "fingerprints", "fingerprint_threshold"),
    # per-language decide-step thresholds (rules/lang_filters.yaml): `filters` for every listed language
    "lang_filters": ("version", "description", "filters", "languages"),
}


@dataclass(frozen=True, slots=True)
class Rule:
    """One directive: a matcher (line / prefix / regex) plus what to do with matching lines."""

    id: str
    file: str
    line: int
    pattern: str
    regex: Any
    matcher: str = "regex"  # line | prefix | regex: what `pattern` means
    action: str = "drop"
    extract: str | None = None
    extract_next: str | None = None
    top: int | None = None
    bottom: int | None = None
    max_words: int | None = None
    cut: int | None = None  # index of the (?P<cut>...) group: only its span is removed

    def span(self, match: Any) -> tuple[int, int]:
        """What this rule removes of a match: its `cut` group, else all of it ((-1, -1): nothing)."""
        return match.span(self.cut) if self.cut is not None else match.span()


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """A site UI string whose presence identifies the site when the URL is unknown."""

    id: str
    file: str
    line: int
    regex: Any
    top: int | None = None
    bottom: int | None = None
    weight: float = 1.0


@dataclass(frozen=True, slots=True)
class Example:
    """A rule-file test: an input snippet and what cleaning it must give."""

    file: str
    line: int
    input: str
    expect: str | None
    must_contain: tuple[str, ...]
    must_not_contain: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Setting:
    """One cleaner parameter as written in one file."""

    value: Any
    file: str
    line: int


@dataclass(frozen=True, slots=True)
class RuleFile:
    """A validated rule file (default, language pack or site)."""

    path: str
    kind: str
    name: str
    version: int
    sha: str
    ruleset_version: str | None = None
    lang: str | None = None
    stoplist: str | None = None
    stopwords: tuple[str, ...] = ()  # added to the stoplist (lower-cased): see `_stopwords`
    domains: tuple[str, ...] = ()
    site_name: str | None = None
    fingerprints: tuple[Fingerprint, ...] = ()
    fingerprint_threshold: float = 2.0
    cleaners: Mapping[str, Mapping[str, Setting]] | None = None
    rules: tuple[Rule, ...] = ()
    examples: tuple[Example, ...] = ()
    filters: Mapping[str, Setting] | None = None  # decide-step thresholds (dechaff.quality.filters)
    dedup: Mapping[str, Setting] | None = None  # near-duplicate parameters, default file only
    html: Mapping[str, Setting] | None = None  # extraction options for HTML inputs (dechaff.io.html_params)
    languages: Mapping[str, Mapping[str, Setting]] | None = None  # lang_filters only: thresholds per language

    @property
    def label(self) -> str:
        """`path@version`, the form recorded in every metadata row."""
        return f"{self.path}@{self.version}"


ParamSpec = Mapping[str, Mapping[str, tuple[type, str | None]]]
"""cleaner name -> parameter -> (python type, pattern kind for list params or None)."""


class _Reader:
    """Validation helpers bound to one file, so every message carries its path. With an `errors`
    list, a bad item is recorded there and reading goes on (lint reports every error of a file);
    without, the first one is raised (the loader stops at once)."""

    def __init__(self, path: str, errors: list[RuleFileError] | None = None) -> None:
        self.path = path
        self.errors = errors

    def fail(self, line: int, message: str) -> RuleFileError:
        return RuleFileError(self.path, line, message)

    def report(self, error: RuleFileError) -> None:
        if self.errors is None:
            raise error
        self.errors.append(error)

    def guard(self, work: Callable[[], Any], default: Any = None) -> Any:
        """`work()`, or `default` after reporting the error it raised."""
        try:
            return work()
        except RuleFileError as exc:
            self.report(exc)
            return default

    def each(self, items: list[Located], parse: Callable[[_Reader, Located], Any]) -> list[Any]:
        """Every item that parses; the others are reported."""
        out = [self.guard(lambda item=item: parse(self, item), _BAD) for item in items]
        return [x for x in out if x is not _BAD]

    def mapping(self, loc: Located, what: str, allowed: tuple[str, ...]) -> dict[str, Located]:
        if not isinstance(loc.value, dict):
            raise self.fail(loc.line, f"{what} must be a mapping of key: value")
        for key, val in loc.value.items():
            if key not in allowed:
                self.report(self.fail(val.line, f"unknown key '{key}' in {what}{did_you_mean(key, allowed)}"))
        return {key: val for key, val in loc.value.items() if key in allowed}

    def scalar(self, loc: Located, kind: type, what: str) -> Any:
        value = loc.value
        ok = isinstance(value, kind) and not (kind in (int, float) and isinstance(value, bool))
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if not ok:
            hint = " (quote it: YAML reads yes/no/on/off as true/false)" if isinstance(value, bool) else ""
            raise self.fail(loc.line, f"{what} must be {_TYPE_NAMES[kind]}, got {value!r}{hint}")
        if kind is float and not math.isfinite(value):  # YAML's .nan and .inf: no threshold means that
            raise self.fail(loc.line, f"{what} must be a finite number, got {value!r}")
        return value

    def text_list(self, loc: Located, what: str) -> list[Located]:
        items = loc.value if isinstance(loc.value, list) else None
        if items is None:
            raise self.fail(loc.line, f"{what} must be a list")
        for item in items:
            self.scalar(item, str, f"each item of {what}")
        return items


_TYPE_NAMES = {str: "text", int: "a whole number", float: "a number", bool: "true or false"}
_BAD = object()  # an item that did not parse (its error is reported)


def parse_rule_file(text: str, path: str, kind: str, name: str, params: ParamSpec) -> RuleFile:
    """Validate one file's text; raises RuleFileError on the first problem."""
    return _parse(_Reader(path), text, kind, name, params)


def rule_file_errors(text: str, path: str, kind: str, name: str, params: ParamSpec) -> list[RuleFileError]:
    """Every error of one file, in line order (none: the loader accepts it)."""
    r = _Reader(path, errors=[])
    try:
        _parse(r, text, kind, name, params)
    except RuleFileError as exc:  # one that stops the reading: bad YAML, a file that is not a mapping
        r.report(exc)
    return sorted(r.errors or [], key=lambda e: e.line)


def _parse(r: _Reader, text: str, kind: str, name: str, params: ParamSpec) -> RuleFile:
    top = r.mapping(load_located(text, r.path), "the rule file", KIND_KEYS[kind])
    if "version" not in top:
        r.report(
            r.fail(1, "missing required key 'version' (a whole number, raise it when you change the file)")
        )
    opt: dict[str, Any] = {}

    def section(key: str, read: Callable[[Located], Any]) -> None:
        if key in top:
            value = r.guard(lambda: read(top[key]), _BAD)
            if value is not _BAD:
                opt[key] = value

    for key in ("ruleset_version", "lang", "stoplist", "site_name"):
        section(key, lambda loc, key=key: r.scalar(loc, str, f"'{key}'"))
    section("stopwords", lambda loc: _stopwords(r, loc))
    section("filters", lambda loc: _filters(r, loc))
    section("dedup", lambda loc: _dedup(r, loc))
    section("html", lambda loc: _html(r, loc, tuple(params)))
    if kind == "default" and "ruleset_version" not in top:
        r.report(r.fail(1, "missing required key 'ruleset_version' in the default rule file"))
    if kind == "lang" and "lang" not in top:
        r.report(r.fail(1, "missing required key 'lang' (ISO 639-1 code such as fr)"))
    if kind == "lang_filters":
        section("languages", lambda loc: _languages(r, loc))
    if kind == "site":
        opt["domains"] = (name,)
        section("domains", lambda loc: _domains(r, loc))
        section("fingerprint_threshold", lambda loc: r.scalar(loc, float, "'fingerprint_threshold'"))
        section("fingerprints", lambda loc: tuple(r.each(_items(r, loc, "fingerprints"), _fingerprint)))
    rules = tuple(r.each(r.guard(lambda: _items(r, top.get("rules"), "rules"), []), _rule))
    _unique_ids(r, [(x.id, x.line) for x in rules] + [(f.id, f.line) for f in opt.get("fingerprints", ())])
    examples = r.each(r.guard(lambda: _items(r, top.get("examples"), "examples"), []), _example)
    version = r.guard(lambda: r.scalar(top["version"], int, "'version'"), 0) if "version" in top else 0
    return RuleFile(
        path=r.path,
        kind=kind,
        name=name,
        version=version,
        sha=hashlib.sha256(text.encode()).hexdigest()[:16],
        cleaners=r.guard(lambda: _cleaners(r, top.get("cleaners"), params), {}),
        rules=rules,
        examples=tuple(examples),
        **opt,
    )


def _items(r: _Reader, loc: Located | None, what: str) -> list[Located]:
    if loc is None:
        return []
    if not isinstance(loc.value, list):
        raise r.fail(loc.line, f"'{what}' must be a list (items start with '- ')")
    return loc.value


def _unique_ids(r: _Reader, ids: list[tuple[str, int]]) -> None:
    seen: dict[str, int] = {}
    for rule_id, line in ids:
        if rule_id in seen:
            r.report(r.fail(line, f"duplicate id '{rule_id}' (first used on line {seen[rule_id]})"))
        else:
            seen[rule_id] = line


def _matcher(r: _Reader, m: dict[str, Located], where: int, what: str) -> tuple[str, str, Any]:
    given = [k for k in MATCHERS if k in m]
    if len(given) != 1:
        raise r.fail(where, f"{what} needs exactly one of line / prefix / regex, found {given or 'none'}")
    key = given[0]
    loc = m[key]
    source = r.scalar(loc, str, f"'{key}'")
    if not source.strip():
        raise r.fail(loc.line, f"'{key}' must not be empty")
    ignore_case = r.scalar(m["ignore_case"], bool, "'ignore_case'") if "ignore_case" in m else False
    if key == "regex":
        return key, source, user_regex(source, r.path, loc.line, ignore_case)
    return key, source, compile_re2(literal(source, key, ignore_case), r.path, loc.line)


def _positions(r: _Reader, m: dict[str, Located]) -> dict[str, int]:
    out = {}
    for key in ("top", "bottom", "max_words"):
        if key in m:
            value = r.scalar(m[key], int, f"'{key}'")
            if value < 1:
                raise r.fail(m[key].line, f"'{key}' must be 1 or more")
            out[key] = value
    return out


def _rule(r: _Reader, loc: Located) -> Rule:
    m = r.mapping(loc, "a rule", RULE_KEYS)
    rule_id = _id(r, m, loc, "rule")
    matcher, pattern, regex = _matcher(r, m, loc.line, f"rule '{rule_id}'")
    if "suggested" in m:
        r.scalar(m["suggested"], bool, "'suggested'")
    action = _choice(r, m, "action", ACTIONS) or "drop"
    extract = _choice(r, m, "extract", FIELDS)
    extract_next = _choice(r, m, "extract_next", FIELDS)
    if action == "extract" and extract is None:
        raise r.fail(loc.line, f"rule '{rule_id}': action 'extract' needs 'extract: <field>'")
    if extract_next is not None and action != "drop_pair":
        raise r.fail(
            m["extract_next"].line, f"rule '{rule_id}': 'extract_next' only goes with action 'drop_pair'"
        )
    if action == "strip" and (extract or extract_next):
        raise r.fail(loc.line, f"rule '{rule_id}': a 'strip' rule cannot extract a field")
    cut = regex.groupindex.get(CUT_GROUP) if f"<{CUT_GROUP}>" in regex.pattern else None  # no compile
    if cut is not None and action not in CUT_ACTIONS:
        raise r.fail(
            m[matcher].line,
            f"rule '{rule_id}': a (?P<cut>...) group names the part of the line to remove, so it only "
            f"goes with action {' or '.join(CUT_ACTIONS)}, not '{action}'",
        )
    return Rule(
        rule_id,
        r.path,
        loc.line,
        pattern,
        regex,
        matcher,
        action,
        extract,
        extract_next,
        cut=cut,
        **_positions(r, m),
    )


def _id(r: _Reader, m: dict[str, Located], loc: Located, what: str) -> str:
    if "id" not in m:
        raise r.fail(loc.line, f"every {what} needs an 'id'")
    return r.scalar(m["id"], str, "'id'")


def _choice(r: _Reader, m: dict[str, Located], key: str, choices: tuple[str, ...]) -> str | None:
    if key not in m:
        return None
    value = r.scalar(m[key], str, f"'{key}'")
    if value not in choices:
        raise r.fail(
            m[key].line,
            f"unknown {key} '{value}'{did_you_mean(value, choices)}; one of: {', '.join(choices)}",
        )
    return value


def _fingerprint(r: _Reader, loc: Located) -> Fingerprint:
    m = r.mapping(loc, "a fingerprint", FINGERPRINT_KEYS)
    fp_id = _id(r, m, loc, "fingerprint")
    _, _, regex = _matcher(r, m, loc.line, f"fingerprint '{fp_id}'")
    pos = _positions(r, m)
    pos.pop("max_words", None)
    weight = r.scalar(m["weight"], float, "'weight'") if "weight" in m else 1.0
    return Fingerprint(fp_id, r.path, loc.line, regex, weight=weight, **pos)


def _example(r: _Reader, loc: Located) -> Example:
    m = r.mapping(loc, "an example", EXAMPLE_KEYS)
    if "input" not in m:
        raise r.fail(loc.line, "every example needs an 'input'")
    if not ({"expect", "must_contain", "must_not_contain"} & m.keys()):
        raise r.fail(loc.line, "an example needs 'expect', 'must_contain' or 'must_not_contain'")
    lists = {
        k: tuple(i.value for i in r.text_list(m[k], f"'{k}'")) if k in m else () for k in EXAMPLE_KEYS[2:4]
    }
    expect = r.scalar(m["expect"], str, "'expect'") if "expect" in m else None
    return Example(r.path, loc.line, r.scalar(m["input"], str, "'input'"), expect, **lists)


def _settings(
    r: _Reader, loc: Located, what: str, allowed: tuple[str, ...], read: Callable[[str, Located], Any]
) -> dict[str, Setting]:
    """A section of key: value settings, each read (and its errors reported) on its own."""
    out: dict[str, Setting] = {}
    for key, val in r.mapping(loc, what, allowed).items():
        value = r.guard(lambda key=key, val=val: read(key, val), _BAD)
        if value is not _BAD:
            out[key] = Setting(value, r.path, val.line)
    return out


def _domains(r: _Reader, loc: Located) -> tuple[str, ...]:
    """A site file's host names, lower-cased; an empty one would name no site (or every one)."""
    items = r.text_list(loc, "'domains'")
    for item in items:
        if not item.value.strip() or any(ch.isspace() for ch in item.value):
            raise r.fail(
                item.line, f"each item of 'domains' must be a host name such as ex.com, got {item.value!r}"
            )
    return tuple(item.value.lower() for item in items)


def _stopwords(r: _Reader, loc: Located) -> tuple[str, ...]:
    """Words a language pack adds to its stoplist, lower-cased. jusText's lists are the most
    frequent words of Wikipedia, written in the third person: they lack "I", "you", "your"
    (French "vous", "votre"), so the prose of how-tos, recipes, interviews and blogs, which speaks
    to and as a person, scores as having few stop words. An entry that ends in an apostrophe is an
    elided form ("l'", "d'"): a token that starts with it counts ("l'accueil")."""
    items = r.text_list(loc, "'stopwords'")
    for item in items:
        if not item.value.strip() or any(ch.isspace() for ch in item.value):
            raise r.fail(item.line, f"each item of 'stopwords' must be one word, got {item.value!r}")
    return tuple(item.value.lower() for item in items)


def _filters(r: _Reader, loc: Located) -> dict[str, Setting]:
    """Decide-step thresholds: a number, or null to switch the check off for this cascade."""

    def read(key: str, val: Located) -> float | None:
        value = None if val.value is None else r.scalar(val, float, f"'filters.{key}'")
        if value is not None and value < 0:
            raise r.fail(val.line, f"'filters.{key}' must be 0 or more (or null to switch it off)")
        return value

    return _settings(r, loc, "'filters'", THRESHOLD_KEYS, read)


def _languages(r: _Reader, loc: Located) -> dict[str, dict[str, Setting]]:
    """Language code (as the language detector names it: fr, pt) -> its `filters` thresholds."""
    if not isinstance(loc.value, dict):
        raise r.fail(loc.line, "'languages' must be a mapping of language code: thresholds")
    out: dict[str, dict[str, Setting]] = {}
    for code, section in loc.value.items():
        if not (isinstance(code, str) and code.isascii() and code.isalpha() and code.islower()):
            r.report(r.fail(section.line, f"'{code}' is not a language code such as fr"))
            continue
        out[code] = r.guard(lambda section=section: _filters(r, section), {})
    return out


def _dedup(r: _Reader, loc: Located) -> dict[str, Setting]:
    """Near-duplicate parameters: whole numbers of 1 or more, a Jaccard threshold in (0, 1]."""

    def read(key: str, val: Located) -> Any:
        value = r.scalar(val, DEDUP_PARAMS[key], f"'dedup.{key}'")
        if key == "threshold" and not 0 < value <= 1:
            raise r.fail(val.line, "'dedup.threshold' must be above 0 and at most 1")
        if key != "threshold" and value < 1:
            raise r.fail(val.line, f"'dedup.{key}' must be 1 or more")
        return value

    return _settings(r, loc, "'dedup'", tuple(DEDUP_PARAMS), read)


def _html(r: _Reader, loc: Located, cleaner_names: tuple[str, ...]) -> dict[str, Setting]:
    """Extraction options: XPaths compiled here, so a bad one names its file and line at load."""
    spec = param_spec_of(HtmlParams)

    def read(key: str, val: Located) -> Any:
        value = _param(r, val, spec[key][0], None, f"'html.{key}'")
        if key == "favor" and value not in FAVOR:
            hint = did_you_mean(value, FAVOR)
            raise r.fail(val.line, f"unknown favor '{value}'{hint}; one of: {', '.join(FAVOR)}")
        if key == "classifier" and value not in CLASSIFIER_MODES:
            hint = did_you_mean(value, CLASSIFIER_MODES)
            modes = ", ".join(CLASSIFIER_MODES)
            raise r.fail(val.line, f"unknown classifier mode '{value}'{hint}; one of: {modes}")
        if key in ("min_extracted_chars", "recheck_share", "collapsed_share", "page_dump_gain") and value < 0:
            raise r.fail(val.line, f"'html.{key}' must be 0 or more")
        if key == "prune_xpaths":
            from lxml import etree  # only rule files that prune load lxml

            for item in val.value:
                try:
                    etree.XPath(item.value)
                except etree.XPathSyntaxError as exc:
                    raise r.fail(item.line, f"bad XPath '{item.value}': {exc}") from None
        if key == "skip_cleaners":
            for item in val.value:
                if item.value not in cleaner_names:
                    hint = did_you_mean(item.value, cleaner_names)
                    raise r.fail(item.line, f"unknown cleaner '{item.value}'{hint}")
        return value

    return _settings(r, loc, "'html'", tuple(spec), read)


def _cleaners(r: _Reader, loc: Located | None, params: ParamSpec) -> dict[str, dict[str, Setting]]:
    if loc is None:
        return {}
    out: dict[str, dict[str, Setting]] = {}
    for name, section in r.mapping(loc, "'cleaners'", tuple(params)).items():
        settings = r.guard(partial(_cleaner, r, name, section, params[name]), _BAD)
        if settings is not _BAD:
            out[name] = settings
    return out


def _cleaner(
    r: _Reader, name: str, section: Located, spec: Mapping[str, tuple[type, str | None]]
) -> dict[str, Setting]:
    """One cleaner's parameters; pattern lists are compiled here."""

    def read(key: str, val: Located) -> Any:
        kind, pattern_kind = spec[key]
        return _param(r, val, kind, pattern_kind, f"'{name}.{key}'")

    return _settings(r, section, f"cleaner '{name}'", tuple(spec), read)


_PATTERN_COMPILERS: dict[str, Callable[[str, str, int], Any]] = {
    "regex": lambda s, p, n: user_regex(s, p, n, ignore_case=True),
    "phrase": lambda s, p, n: compile_re2(literal(s, "phrase", ignore_case=True), p, n),
    "line": lambda s, p, n: compile_re2(literal(s, "line", ignore_case=True), p, n),
    "prefix": lambda s, p, n: compile_re2(literal(s, "prefix", ignore_case=True), p, n),
}


def _param(r: _Reader, loc: Located, kind: type, pattern_kind: str | None, what: str) -> Any:
    if kind is tuple:
        items = r.text_list(loc, what)
        if pattern_kind is None:
            return tuple(i.value for i in items)
        compile_one = _PATTERN_COMPILERS[pattern_kind]
        return tuple(
            r.each(items, lambda _, i: Phrase(i.value, compile_one(i.value, r.path, i.line), r.path, i.line))
        )
    return r.scalar(loc, kind, what)


def param_spec_of(params_type: type) -> dict[str, tuple[type, str | None]]:
    """Read a cleaner's Params dataclass into the schema's (type, pattern kind) form."""
    spec: dict[str, tuple[type, str | None]] = {}
    for f in fields(params_type):
        if f.metadata.get("internal"):
            continue  # set by the engine, never by a rule file
        default = f.default
        kind = tuple if isinstance(default, tuple) else type(default)
        spec[f.name] = (kind, f.metadata.get("patterns"))
    return spec
