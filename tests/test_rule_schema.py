"""The rule-file schema read directly (no rules folder, no engine): what a valid file becomes, and
the exact message, file and line of each mistake an author can make."""

from __future__ import annotations

import pytest

from dechaff.cleaners import PARAM_SPECS
from dechaff.ruleset.errors import RuleFileError
from dechaff.ruleset.schema import parse_rule_file, rule_file_errors

PATH = "rules/sites/ex.yaml"

SITE = """version: 3
site_name: Le Quotidien
lang: fr
domains: [Example.ORG, news.example.org]
fingerprint_threshold: 1.5
fingerprints:
  - {id: fp-menu, line: Accueil Politique, top: 5, weight: 2}
  - {id: fp-foot, regex: '^© Le Quotidien', bottom: 3}
rules:
  - {id: menu, line: Accueil}
  - {id: pub, prefix: Publicité, action: drop_from, top: 2, bottom: 4, max_words: 6, ignore_case: true}
  - {id: by, regex: '^Par (?P<value>\\w+)$', action: extract, extract: author}
  - {id: tail, regex: 'x(?P<cut> y)$', action: strip}
  - {id: pair, line: Auteur, action: drop_pair, extract_next: author, suggested: true, note: n}
cleaners:
  cookies:
    enabled: false
    phrases: [accepter les cookies]
  captions:
    max_words: 12
filters: {min_doc_words: 30, max_symbol_word_ratio: null}
html: {favor: precision, prune_xpaths: ['//aside'], skip_cleaners: [cookies], recheck_share: 0.25}
examples:
  - {input: "Accueil\\nTexte.", expect: "Texte."}
  - input: a
    must_contain: [a, b]
    must_not_contain: [c]
"""


def test_a_valid_site_file_reads_into_typed_values_that_know_their_lines() -> None:
    f = parse_rule_file(SITE, PATH, "site", "example.org", PARAM_SPECS)
    assert (f.path, f.kind, f.name, f.version, f.label) == (PATH, "site", "example.org", 3, f"{PATH}@3")
    assert len(f.sha) == 16 and f.sha != parse_rule_file(SITE + "\n", PATH, "site", "x", PARAM_SPECS).sha
    assert (f.lang, f.site_name, f.stoplist, f.ruleset_version) == ("fr", "Le Quotidien", None, None)
    assert f.domains == ("example.org", "news.example.org")  # lower-cased
    assert f.fingerprint_threshold == 1.5
    assert [(p.id, p.file, p.line, p.regex.pattern, p.top, p.bottom, p.weight) for p in f.fingerprints] == [
        ("fp-menu", PATH, 7, r"^Accueil\ Politique$", 5, None, 2.0),
        ("fp-foot", PATH, 8, "^© Le Quotidien", None, 3, 1.0),
    ]
    fields = (
        "id",
        "file",
        "line",
        "pattern",
        "matcher",
        "action",
        "extract",
        "extract_next",
        "top",
        "bottom",
    )
    rules = [tuple(getattr(r, k) for k in (*fields, "max_words", "cut")) for r in f.rules]
    assert rules == [
        ("menu", PATH, 10, "Accueil", "line", "drop", None, None, None, None, None, None),
        ("pub", PATH, 11, "Publicité", "prefix", "drop_from", None, None, 2, 4, 6, None),
        ("by", PATH, 12, r"^Par (?P<value>\w+)$", "regex", "extract", "author", None, None, None, None, None),
        ("tail", PATH, 13, "x(?P<cut> y)$", "regex", "strip", None, None, None, None, None, 1),
        ("pair", PATH, 14, "Auteur", "line", "drop_pair", None, "author", None, None, None, None),
    ]
    menu, pub, by, tail, _ = f.rules
    assert menu.regex.search("Accueil") and not menu.regex.search("Accueil 2")  # a whole line
    assert pub.regex.search("PUBLICITÉ ici") and not pub.regex.search("La publicité")  # a prefix, any case
    assert not menu.regex.search("accueil")  # case kept without ignore_case
    assert by.regex.search("Par Émile")  # \w is any letter, as in Python
    assert tail.span(tail.regex.search("ax y")) == (2, 4) and menu.span(menu.regex.search("Accueil")) == (
        0,
        7,
    )
    cookies, captions = f.cleaners["cookies"], f.cleaners["captions"]
    assert (cookies["enabled"].value, cookies["enabled"].file, cookies["enabled"].line) == (False, PATH, 17)
    phrase = cookies["phrases"].value[0]
    assert (phrase.source, phrase.file, phrase.line) == ("accepter les cookies", PATH, 18)
    assert phrase.regex.search("Veuillez ACCEPTER les cookies")  # phrases ignore case
    assert (captions["max_words"].value, captions["max_words"].line) == (12, 20)
    assert {k: (s.value, s.line) for k, s in (f.filters or {}).items()} == {
        "min_doc_words": (30.0, 21),
        "max_symbol_word_ratio": (None, 21),
    }
    assert {k: s.value for k, s in (f.html or {}).items()} == {
        "favor": "precision",
        "prune_xpaths": ("//aside",),
        "skip_cleaners": ("cookies",),
        "recheck_share": 0.25,
    }
    assert [(e.file, e.line, e.input, e.expect, e.must_contain, e.must_not_contain) for e in f.examples] == [
        (PATH, 24, "Accueil\nTexte.", "Texte.", (), ()),
        (PATH, 25, "a", None, ("a", "b"), ("c",)),
    ]


def test_a_site_file_without_domains_is_named_by_its_file_and_other_kinds_have_none() -> None:
    assert parse_rule_file("version: 1\n", PATH, "site", "ex.org", {}).domains == ("ex.org",)
    lang = parse_rule_file("version: 1\nlang: fr\nstoplist: fr-long\n", PATH, "lang", "fr", {})
    assert (lang.domains, lang.lang, lang.stoplist, lang.stopwords) == ((), "fr", "fr-long", ())
    words = parse_rule_file('version: 1\nlang: fr\nstopwords: [Vous, "L\'"]\n', PATH, "lang", "fr", {})
    assert words.stopwords == ("vous", "l'")
    default = parse_rule_file("version: 1\nruleset_version: '2026.1'\n", PATH, "default", "_default", {})
    assert (default.ruleset_version, default.cleaners, default.rules) == ("2026.1", {}, ())


def test_the_default_file_reads_dedup_and_the_language_table_its_languages() -> None:
    text = "version: 1\nruleset_version: '1'\ndedup: {threshold: 1, num_perm: 64}\n"
    dedup = parse_rule_file(text, PATH, "default", "_default", {}).dedup or {}
    assert {k: (s.value, s.line) for k, s in dedup.items()} == {"threshold": (1.0, 3), "num_perm": (64, 3)}
    table = "version: 1\nfilters: {min_doc_words: 5}\nlanguages:\n  pt: {min_doc_words: 40}\n  de: {}\n"
    parsed = parse_rule_file(table, PATH, "lang_filters", "lang_filters", {})
    assert {code: {k: s.value for k, s in v.items()} for code, v in (parsed.languages or {}).items()} == {
        "pt": {"min_doc_words": 40.0},
        "de": {},
    }


# (kind, text, every error of the file as `path:line: message`)
MISTAKES = [
    ("site", "[]\n", ["1: the rule file must be a mapping of key: value"]),
    (
        "site",
        "rules: []\n",
        ["1: missing required key 'version' (a whole number, raise it when you change the file)"],
    ),
    ("site", "version: 1.5\n", ["1: 'version' must be a whole number, got 1.5"]),
    (
        "site",
        "version: yes\n",
        ["1: 'version' must be a whole number, got True (quote it: YAML reads yes/no/on/off as true/false)"],
    ),
    ("site", "version: 1\nsite_name: 3\n", ["2: 'site_name' must be text, got 3"]),
    ("site", "version: 1\nrules: x\n", ["2: 'rules' must be a list (items start with '- ')"]),
    ("site", "version: 1\nrules:\n  - x\n", ["3: a rule must be a mapping of key: value"]),
    ("site", "version: 1\nrules:\n  - line: x\n", ["3: every rule needs an 'id'"]),
    ("site", "version: 1\nrules:\n  - {id: 7, line: x}\n", ["3: 'id' must be text, got 7"]),
    (
        "site",
        "version: 1\nrules:\n  - {id: a}\n",
        ["3: rule 'a' needs exactly one of line / prefix / regex, found none"],
    ),
    (
        "site",
        "version: 1\nrules:\n  - {id: a, line: x, regex: y}\n",
        ["3: rule 'a' needs exactly one of line / prefix / regex, found ['line', 'regex']"],
    ),
    ("site", "version: 1\nrules:\n  - id: a\n    line: '  '\n", ["4: 'line' must not be empty"]),
    ("site", "version: 1\nrules:\n  - id: a\n    prefix: 4\n", ["4: 'prefix' must be text, got 4"]),
    (
        "site",
        "version: 1\nrules:\n  - id: a\n    line: x\n    ignore_case: 1\n",
        ["5: 'ignore_case' must be true or false, got 1"],
    ),
    (
        "site",
        "version: 1\nrules:\n  - id: a\n    line: x\n    suggested: maybe\n",
        ["5: 'suggested' must be true or false, got 'maybe'"],
    ),
    (
        "site",
        "version: 1\nrules:\n  - id: a\n    line: x\n    action: dorp\n",
        [
            "5: unknown action 'dorp' (did you mean 'drop'?); one of: drop, strip, drop_from, drop_until, "
            "drop_pair, extract, keep, keep_from, keep_until"
        ],
    ),
    (
        "site",
        "version: 1\nrules:\n  - id: a\n    line: x\n    extract: auhtor\n",
        [
            "5: unknown extract 'auhtor' (did you mean 'author'?); one of: author, section, site_name, "
            "dateline, published"
        ],
    ),
    (
        "site",
        "version: 1\nrules:\n  - id: a\n    line: x\n    action: extract\n",
        ["3: rule 'a': action 'extract' needs 'extract: <field>'"],
    ),
    (
        "site",
        "version: 1\nrules:\n  - id: a\n    line: x\n    extract_next: author\n",
        ["5: rule 'a': 'extract_next' only goes with action 'drop_pair'"],
    ),
    (
        "site",
        "version: 1\nrules:\n  - id: a\n    line: x\n    action: strip\n    extract: author\n",
        ["3: rule 'a': a 'strip' rule cannot extract a field"],
    ),
    (
        "site",
        "version: 1\nrules:\n  - {id: a, line: x, action: drop_pair, extract_next: author, extract: author}"
        "\n",
        [],
    ),
    (
        "site",
        "version: 1\nrules:\n  - id: a\n    regex: 'x(?P<cut> y)$'\n    action: keep\n",
        [
            "4: rule 'a': a (?P<cut>...) group names the part of the line to remove, so it only goes with "
            "action drop or strip, not 'keep'"
        ],
    ),
    ("site", "version: 1\nrules:\n  - id: a\n    line: x\n    top: 0\n", ["5: 'top' must be 1 or more"]),
    (
        "site",
        "version: 1\nrules:\n  - id: a\n    line: x\n    bottom: -2\n",
        ["5: 'bottom' must be 1 or more"],
    ),
    (
        "site",
        "version: 1\nrules:\n  - {id: a, line: x, max_words: 0}\n",
        ["3: 'max_words' must be 1 or more"],
    ),
    ("site", "version: 1\nrules:\n  - {id: a, line: x, top: 1}\n", []),
    (
        "site",
        "version: 1\nrules:\n  - {id: a, line: x}\n  - {id: b, line: y}\n  - {id: a, line: z}\n",
        ["5: duplicate id 'a' (first used on line 3)"],
    ),
    (
        "site",
        "version: 1\nrules:\n  - {id: a, line: x}\nfingerprints:\n  - {id: a, line: y}\n",
        ["5: duplicate id 'a' (first used on line 3)"],
    ),
    ("site", "version: 1\nfingerprints:\n  - {line: x}\n", ["3: every fingerprint needs an 'id'"]),
    (
        "site",
        "version: 1\nfingerprints:\n  - {id: f, line: x, max_words: 3}\n",
        ["3: unknown key 'max_words' in a fingerprint"],
    ),
    (
        "site",
        "version: 1\nfingerprints:\n  - {id: f, line: x, weight: heavy}\n",
        ["3: 'weight' must be a number, got 'heavy'"],
    ),
    (
        "site",
        "version: 1\nfingerprint_threshold: .nan\n",
        ["2: 'fingerprint_threshold' must be a finite number, got nan"],
    ),
    (
        "site",
        "version: 1\nfingerprint_threshold: -.inf\n",
        ["2: 'fingerprint_threshold' must be a finite number, got -inf"],
    ),
    ("site", "version: 1\nexamples:\n  - {expect: a}\n", ["3: every example needs an 'input'"]),
    (
        "site",
        "version: 1\nexamples:\n  - {input: a}\n",
        ["3: an example needs 'expect', 'must_contain' or 'must_not_contain'"],
    ),
    (
        "site",
        "version: 1\nexamples:\n  - {input: a, must_contain: b}\n",
        ["3: 'must_contain' must be a list"],
    ),
    (
        "site",
        "version: 1\nexamples:\n  - {input: a, must_not_contain: [1]}\n",
        ["3: each item of 'must_not_contain' must be text, got 1"],
    ),
    ("site", "version: 1\nexamples:\n  - {input: a, expect: 2}\n", ["3: 'expect' must be text, got 2"]),
    (
        "site",
        "version: 1\nexamples:\n  - {input: [a], expect: a}\n",
        ["3: 'input' must be text, got [Located(value='a', line=3)]"],
    ),
    ("site", "version: 1\ndomains: x.org\n", ["2: 'domains' must be a list"]),
    (
        "site",
        "version: 1\ndomains: ['a b']\n",
        ["2: each item of 'domains' must be a host name such as ex.com, got 'a b'"],
    ),
    (
        "site",
        "version: 1\ndomains: [' ']\n",
        ["2: each item of 'domains' must be a host name such as ex.com, got ' '"],
    ),
    ("site", "version: 1\nfilters: []\n", ["2: 'filters' must be a mapping of key: value"]),
    (
        "site",
        "version: 1\nfilters: {min_doc_words: -1}\n",
        ["2: 'filters.min_doc_words' must be 0 or more (or null to switch it off)"],
    ),
    ("site", "version: 1\nfilters: {min_doc_words: 0}\n", []),
    (
        "site",
        "version: 1\nfilters: {min_doc_wrods: 1}\n",
        ["2: unknown key 'min_doc_wrods' in 'filters' (did you mean 'min_doc_words'?)"],
    ),
    ("site", "version: 1\ncleaners: []\n", ["2: 'cleaners' must be a mapping of key: value"]),
    (
        "site",
        "version: 1\ncleaners:\n  cookie: {enabled: false}\n",
        ["3: unknown key 'cookie' in 'cleaners' (did you mean 'cookies'?)"],
    ),
    (
        "site",
        "version: 1\ncleaners:\n  cookies: {enabeld: false}\n",
        ["3: unknown key 'enabeld' in cleaner 'cookies' (did you mean 'enabled'?)"],
    ),
    ("site", "version: 1\ncleaners:\n  cookies: {phrases: x}\n", ["3: 'cookies.phrases' must be a list"]),
    (
        "site",
        "version: 1\ncleaners:\n  captions: {max_words: 2.5}\n",
        ["3: 'captions.max_words' must be a whole number, got 2.5"],
    ),
    (
        "site",
        "version: 1\ncleaners:\n  cookies:\n    phrases: ['(x']\n",
        ["4: invalid regular expression '(?i)(x': missing ): (?i)(x"],
    ),
    ("site", "version: 1\nhtml: []\n", ["2: 'html' must be a mapping of key: value"]),
    (
        "site",
        "version: 1\nhtml: {favor: precise}\n",
        ["2: unknown favor 'precise' (did you mean 'precision'?); one of: precision, balanced, recall"],
    ),
    (
        "site",
        "version: 1\nhtml: {classifier: trimm}\n",
        ["2: unknown classifier mode 'trimm' (did you mean 'trim'?); one of: full, trim"],
    ),
    (
        "site",
        "version: 1\nhtml: {min_extracted_chars: -1}\n",
        ["2: 'html.min_extracted_chars' must be 0 or more"],
    ),
    ("site", "version: 1\nhtml: {collapsed_share: -0.1}\n", ["2: 'html.collapsed_share' must be 0 or more"]),
    ("site", "version: 1\nhtml: {page_dump_gain: -2}\n", ["2: 'html.page_dump_gain' must be 0 or more"]),
    ("site", "version: 1\nhtml: {recheck_share: 0, page_dump_gain: 0, min_extracted_chars: 0}\n", []),
    (
        "site",
        "version: 1\nhtml: {include_tables: 1}\n",
        ["2: 'html.include_tables' must be true or false, got 1"],
    ),
    ("site", "version: 1\nhtml: {prune_xpaths: ['//div[']}\n", ["2: bad XPath '//div[': Invalid expression"]),
    (
        "site",
        "version: 1\nhtml:\n  skip_cleaners:\n    - cookies\n    - captoins\n",
        ["5: unknown cleaner 'captoins' (did you mean 'captions'?)"],
    ),
    ("default", "version: 1\n", ["1: missing required key 'ruleset_version' in the default rule file"]),
    (
        "default",
        "version: 1\nruleset_version: '1'\ndedup: {threshold: 0}\n",
        ["3: 'dedup.threshold' must be above 0 and at most 1"],
    ),
    (
        "default",
        "version: 1\nruleset_version: '1'\ndedup: {threshold: 1.5}\n",
        ["3: 'dedup.threshold' must be above 0 and at most 1"],
    ),
    (
        "default",
        "version: 1\nruleset_version: '1'\ndedup: {num_perm: 0}\n",
        ["3: 'dedup.num_perm' must be 1 or more"],
    ),
    ("default", "version: 1\nruleset_version: '1'\ndedup: {num_perm: 1}\n", []),
    ("default", "version: 1\nruleset_version: '1'\ndedup: {threshold: 0.5}\n", []),
    (
        "default",
        "version: 1\nruleset_version: '1'\ndedup: {nmu_perm: 2}\n",
        ["3: unknown key 'nmu_perm' in 'dedup' (did you mean 'num_perm'?)"],
    ),
    (
        "default",
        "version: 1\nruleset_version: '1'\ndedup: {num_perm: x}\n",
        ["3: 'dedup.num_perm' must be a whole number, got 'x'"],
    ),
    (
        "site",
        "version: 1\nrules:\n  - id: a\n    regex: '(?<=x)y'\n",
        [
            "4: invalid regular expression '(?<=x)y': invalid perl operator: (?<=. RE2 has no look-around: "
            "match the context too and name the part to remove (?P<cut>...), with action strip or drop; e.g. "
            "instead of '(?<=。) .+$' write '。(?P<cut> .+)$', which removes only the text after the '。'"
        ],
    ),
    (
        "site",
        "version: 1\nrules:\n  - id: a\n    regex: '(a)\\1'\n",
        [
            "4: invalid regular expression '(a)\\\\1': invalid escape sequence: \\1 (RE2 has no look-around "
            "or back-references)"
        ],
    ),
    (
        "site",
        "version: 1\nrules:\n  - id: a\n    regex: '[\\W]'\n",
        ["4: invalid regular expression '[\\\\W]': \\W inside [...] is not supported; use [^...] instead"],
    ),
    (
        "site",
        "version: 1\nrules:\n  - id: a\n    regex: 'a{2,1}'\n",
        ["4: invalid regular expression 'a{2,1}': invalid repetition size: {2,1}"],
    ),
    ("default", "version: 1\nruleset_version: 2\n", ["2: 'ruleset_version' must be text, got 2"]),
    ("lang", "version: 1\n", ["1: missing required key 'lang' (ISO 639-1 code such as fr)"]),
    ("lang", "version: 1\nlang: fr\ndomains: [x.org]\n", ["3: unknown key 'domains' in the rule file"]),
    ("lang", "version: 1\nlang: fr\nstopwords: vous\n", ["3: 'stopwords' must be a list"]),
    (
        "lang",
        "version: 1\nlang: fr\nstopwords:\n  - vous\n  - il y a\n",
        ["5: each item of 'stopwords' must be one word, got 'il y a'"],
    ),
    ("site", "version: 1\nstopwords: [vous]\n", ["2: unknown key 'stopwords' in the rule file"]),
    (
        "lang_filters",
        "version: 1\nlanguages: []\n",
        ["2: 'languages' must be a mapping of language code: thresholds"],
    ),
    ("lang_filters", "version: 1\nlanguages: {FR: {}}\n", ["2: 'FR' is not a language code such as fr"]),
    (
        "lang_filters",
        "version: 1\nlanguages: {pt-br: {}}\n",
        ["2: 'pt-br' is not a language code such as fr"],
    ),
    (
        "lang_filters",
        "version: 1\nlanguages: {pt: {min_doc_words: -3}}\n",
        ["2: 'filters.min_doc_words' must be 0 or more (or null to switch it off)"],
    ),
]


@pytest.mark.parametrize(("kind", "text", "errors"), MISTAKES)
def test_each_mistake_names_its_line_and_says_what_is_wrong(kind: str, text: str, errors: list[str]) -> None:
    found = rule_file_errors(text, PATH, kind, "ex.org", PARAM_SPECS)
    assert [str(e) for e in found] == [f"{PATH}:{e}" for e in errors]
    assert all((e.path, str(e)) == (PATH, f"{PATH}:{e.line}: {e.message}") for e in found)
    if errors:  # the loader stops at the first of them
        with pytest.raises(RuleFileError) as first:
            parse_rule_file(text, PATH, kind, "ex.org", PARAM_SPECS)
        assert str(first.value) == f"{PATH}:{errors[0]}"


def test_every_error_of_a_file_is_found_and_the_good_parts_still_read() -> None:
    text = (
        "version: x\n"  # 1
        "site_name: 4\n"  # 2
        "rules:\n"
        "  - {id: a, line: Menu, action: dorp}\n"  # 4
        "  - {id: b, line: Pub}\n"  # 5: fine
        "  - {id: b, line: Pub2}\n"  # 6: duplicate
        "cleaners:\n"
        "  cookies: {phrases: ['ok', '(x'], max_wrods: 3}\n"  # 8, twice
        "  captions: {max_words: 5}\n"  # 9: fine
        "filters: {min_doc_words: -1, max_doc_words: 9}\n"  # 10
        "examples:\n"
        "  - {input: a}\n"  # 12
    )
    found = rule_file_errors(text, PATH, "site", "ex.org", PARAM_SPECS)
    assert [(e.line, e.message.split(" ")[0]) for e in found] == [
        (1, "'version'"),
        (2, "'site_name'"),
        (4, "unknown"),
        (6, "duplicate"),
        (8, "unknown"),
        (8, "invalid"),
        (10, "'filters.min_doc_words'"),
        (12, "an"),
    ]


def test_a_regex_keeps_the_space_at_either_end() -> None:
    # normalised like the lines (NFC, runs of spaces), but a space at either end is the author's:
    # "^↑ " asks for a space after the arrow, and must not take "↑↑ x"
    from dechaff.ruleset.patterns import prepare

    assert prepare("^↑ ") == "^↑ " and prepare(" - (AFP)$") == " - (AFP)$"
    assert prepare("^a\u00a0\u00a0b") == "^a b"
