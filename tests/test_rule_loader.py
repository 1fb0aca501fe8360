"""Loading a rules folder (a small one written here, not the shipped rules): which files it needs,
how a document's cascade and thresholds are picked, the digest, and the YAML reader's limits."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
import yaml

from dechaff.cleaners import PARAM_SPECS
from dechaff.ruleset.errors import RuleFileError, did_you_mean
from dechaff.ruleset.line_model import LINE_MODEL_FILE, LineModel, load_line_model, parse_line_model
from dechaff.ruleset.loader import load_rulebook
from dechaff.ruleset.yamlnodes import Located, load_located

from conftest import ROOT

DEFAULT = "version: 1\nruleset_version: '7.2'\nfilters: {min_doc_words: 1}\n"
FILES = {
    "_default.yaml": DEFAULT,
    "lang/fr.yaml": "version: 1\nlang: fr\nfilters: {min_doc_words: 3}\n",
    "lang/de.yaml": "version: 1\nlang: de\n",
    "sites/example.org.yaml": "version: 1\ndomains: [example.org]\nfilters: {min_doc_words: 4}\n",
    "sites/news.example.org.yaml": "version: 1\nlang: de\n",
    "lang_filters.yaml": "version: 1\nfilters: {min_doc_words: 2}\nlanguages:\n  fr: {max_doc_words: 9}\n",
}


def folder(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "myrules"
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_a_rules_folder_loads_into_a_book_that_picks_each_document_s_files(tmp_path: Path) -> None:
    book = load_rulebook(folder(tmp_path, FILES), PARAM_SPECS)
    assert book.version == "7.2" and book.line_model is None
    assert [f.path for f in book.files] == [
        "myrules/_default.yaml",
        "myrules/lang_filters.yaml",
        "myrules/lang/de.yaml",
        "myrules/lang/fr.yaml",
        "myrules/sites/example.org.yaml",
        "myrules/sites/news.example.org.yaml",
    ]
    assert [f.kind for f in book.files] == ["default", "lang_filters", "lang", "lang", "site", "site"]
    site, news = book.sites
    assert book.site_for_host("example.org") is site and book.site_for_host("WWW.Example.org.") is site
    assert book.site_for_host("news.example.org") is news and book.site_for_host("a.news.example.org") is news
    assert book.site_for_host("badexample.org") is None and book.site_for_host(None) is None
    assert book.site_for_host("") is None
    names = [
        [f.name for f in book.cascade(lang, s)] for lang, s in [("fr", None), ("fr", site), ("fr", news)]
    ]
    assert names == [
        ["_default", "fr"],
        ["_default", "fr", "example.org"],
        ["_default", "de", "news.example.org"],
    ]
    assert [f.name for f in book.cascade("xx", None)] == ["_default"]
    assert book.path_of(site) == book.root / "sites" / "example.org.yaml"


def test_the_decide_step_reads_the_filters_of_each_file_in_cascade_order(tmp_path: Path) -> None:
    book = load_rulebook(folder(tmp_path, FILES), PARAM_SPECS)
    site = book.sites[0]

    def values(lang: str, site_file: object) -> list[dict[str, float] | None]:
        sections = book.filter_sections(lang, site_file)  # type: ignore[arg-type]
        return [None if s is None else {k: v.value for k, v in s.items()} for s in sections]

    common, default = {"min_doc_words": 2.0}, {"min_doc_words": 1.0}
    assert values("fr", site) == [
        default,
        common,
        {"max_doc_words": 9.0},
        {"min_doc_words": 3.0},
        {"min_doc_words": 4.0},
    ]
    assert values("de", None) == [default, None]  # German has no row of its own in the table
    french_site = replace(book.sites[1], lang="fr")  # a site file's language picks the table's row
    assert values("de", french_site)[:3] == [default, common, {"max_doc_words": 9.0}]
    files = {name: text for name, text in FILES.items() if name != "lang_filters.yaml"}
    without_table = load_rulebook(folder(tmp_path / "b", files), PARAM_SPECS)
    assert without_table.lang_filters is None and len(without_table.files) == 5
    site_b = without_table.sites[0]
    assert [
        None if s is None else {k: v.value for k, v in s.items()}
        for s in without_table.filter_sections("fr", site_b)
    ] == [
        default,
        {"min_doc_words": 3.0},
        {"min_doc_words": 4.0},
    ]


def test_the_digest_changes_with_any_file_and_with_the_line_model(tmp_path: Path) -> None:
    root = folder(tmp_path, FILES)
    first = load_rulebook(root, PARAM_SPECS)
    assert len(first.digest) == 16 and first.digest == load_rulebook(root, PARAM_SPECS).digest
    (root / "lang" / "de.yaml").write_text("version: 2\nlang: de\n", encoding="utf-8")
    second = load_rulebook(root, PARAM_SPECS)
    assert second.digest != first.digest
    zeros = (0.0, 0.0)
    model = LineModel(("a", "b"), zeros, (1.0, 1.0), zeros, 0.5, 0.9)
    (root / LINE_MODEL_FILE).parent.mkdir()
    (root / LINE_MODEL_FILE).write_text(model.to_json(), encoding="utf-8")
    third = load_rulebook(root, PARAM_SPECS)
    assert third.line_model is not None and third.line_model.keep_above == 0.9
    assert third.digest not in (first.digest, second.digest)
    assert (
        third.without_line_model().digest == second.digest and third.without_line_model().line_model is None
    )


def test_the_digest_changes_when_a_file_moves(tmp_path: Path) -> None:
    """A site file without `domains:` is for the site its name says: renamed, the same content is
    other rules, and so is a file moved from `sites/` to `lang/`."""
    root = folder(tmp_path, FILES)
    first = load_rulebook(root, PARAM_SPECS)
    site = next(p for p in (root / "sites").iterdir() if "domains:" not in p.read_text(encoding="utf-8"))
    site.rename(site.with_name("renamed.example.yaml"))
    second = load_rulebook(root, PARAM_SPECS)
    assert [f.domains for f in second.sites] != [f.domains for f in first.sites]
    assert second.digest != first.digest
    site.with_name("renamed.example.yaml").rename(site)
    assert load_rulebook(root, PARAM_SPECS).digest == first.digest


@pytest.mark.parametrize(
    ("files", "where", "message"),
    [
        (
            {"lang/fr.yaml": "version: 1\nlang: fr\n"},
            "myrules/_default.yaml:1",
            "missing: every rules folder needs",
        ),
        (
            {**FILES, "lang/fr.yaml": "version: 1\nlang: de\n"},
            "myrules/lang/fr.yaml:1",
            "lang 'de' does not match",
        ),
        (
            {**FILES, "sites/copy.yaml": "version: 1\ndomains: [x.org, example.org]\n"},
            "myrules/sites/example.org.yaml:1",
            "domain 'example.org' is already claimed by myrules/sites/copy.yaml",
        ),
        (
            {**FILES, "sites/x.yaml": "version: 1\nrules: 3\n"},
            "myrules/sites/x.yaml:2",
            "'rules' must be a list",
        ),
        (
            {**FILES, "lang_filters.yaml": "version: 1\nlanguages: {Fr: {}}\n"},
            "myrules/lang_filters.yaml:2",
            "'Fr'",
        ),
    ],
)
def test_a_broken_folder_is_refused_naming_file_and_line(
    tmp_path: Path, files: dict[str, str], where: str, message: str
) -> None:
    with pytest.raises(RuleFileError) as err:
        load_rulebook(folder(tmp_path, files), PARAM_SPECS)
    assert str(err.value).startswith(f"{where}: ") and message in err.value.message


def test_an_unreadable_rule_file_or_model_is_refused(tmp_path: Path) -> None:
    root = folder(tmp_path, FILES)
    (root / "sites" / "bad.yaml").write_bytes(b"version: 1\nsite_name: \xff\n")
    with pytest.raises(RuleFileError, match=r"^myrules/sites/bad\.yaml:1: cannot read: 'utf-8' codec"):
        load_rulebook(root, PARAM_SPECS)
    (root / "sites" / "bad.yaml").unlink()
    (root / LINE_MODEL_FILE).parent.mkdir()
    (root / LINE_MODEL_FILE).write_bytes(b"\xff")
    with pytest.raises(RuleFileError, match=r"^lbl/models/lines\.json:1: cannot read: 'utf-8' codec"):
        load_line_model(root, "lbl")
    assert load_line_model(tmp_path, "lbl") is None


def test_a_line_model_file_is_checked_number_by_number() -> None:
    body = {
        "format": 1,
        "features": ["a", "b"],
        "mean": [0.0, 1.0],
        "scale": [1.0, 2.0],
        "weights": [1.0, -1.0],
        "bias": 0.5,
        "keep_above": 0.9,
        "training": {"sites": ["x.org"]},
    }
    model = parse_line_model(json.dumps(body), "m.json")
    assert (model.features, model.mean, model.scale, model.weights) == (
        ("a", "b"),
        (0.0, 1.0),
        (1.0, 2.0),
        (1.0, -1.0),
    )
    assert (model.bias, model.keep_above, model.training) == (0.5, 0.9, {"sites": ["x.org"]})
    assert replace(parse_line_model(model.to_json(), "m.json"), sha=model.sha) == model  # round-trips
    assert json.loads(model.to_json()) == body and model.to_json().endswith("}\n")
    table = np.array([[0.0, 1.0], [2.0, 1.0], [-40.0, 1.0], [-60.0, 1.0]])
    expected = 1 / (1 + np.exp(-np.array([0.5, 2.5, -39.5, -40.0])))  # clipped at 40 either way
    assert np.allclose(model.probabilities(table), expected, rtol=1e-12, atol=0)
    assert model.probabilities(table[:1]) == pytest.approx([1 / (1 + np.exp(-0.5))])
    assert model.to_json() == (  # the file as written: sorted keys, one space per level, UTF-8
        '{\n "bias": 0.5,\n "features": [\n  "a",\n  "b"\n ],\n "format": 1,\n "keep_above": 0.9,\n'
        ' "mean": [\n  0.0,\n  1.0\n ],\n "scale": [\n  1.0,\n  2.0\n ],\n "training": {\n  "sites": [\n'
        '   "x.org"\n  ]\n },\n "weights": [\n  1.0,\n  -1.0\n ]\n}\n'
    )
    assert '"é.org"' in replace(model, training={"sites": ["é.org"]}).to_json()
    assert model.probabilities(np.zeros((0, 2))).shape == (0,)
    assert parse_line_model(json.dumps({**body, "training": None}), "m.json").training == {}
    broken = [
        ({**body, "format": 2}, "not a line model: format 2, this version reads 1"),
        ({k: v for k, v in body.items() if k != "bias"}, "not a line model: 'bias'"),
        ({**body, "mean": [0.0]}, "2 features but vectors of other lengths"),
        ({**body, "scale": [1.0, 0.0]}, "numbers must be finite, scales non-zero"),
        ({**body, "weights": [1.0, float("inf")]}, "numbers must be finite, scales non-zero"),
        ({**body, "keep_above": float("nan")}, "numbers must be finite, scales non-zero"),
        ([1, 2], "not a line model: 'list' object has no attribute 'get'"),
    ]
    for raw, message in broken:
        with pytest.raises(RuleFileError) as err:
            parse_line_model(json.dumps(raw), "m.json")
        assert str(err.value) == f"m.json:1: {message}"


def test_yaml_values_keep_their_lines_and_hostile_yaml_is_refused() -> None:
    tree = load_located("a: 1\nb:\n  - x\n  - {c: true}\n", "f.yaml")
    assert tree == Located(
        {"a": Located(1, 1), "b": Located([Located("x", 3), Located({"c": Located(True, 4)}, 4)], 2)}, 1
    )
    assert load_located("", "f.yaml") == Located({}, 1)
    shared = "base: &b [1, 2]\none: *b\ntwo: *b\n"
    assert load_located(shared, "f.yaml").value["two"].value == [Located(1, 1), Located(2, 1)]
    refused = [
        ("a: 1\na: 2\n", "f.yaml:2: duplicate key 'a'"),
        ("? [a]\n: 1\n", "f.yaml:1: keys must be plain words"),
        ("a: !x 1\n", "f.yaml:1: not valid YAML: could not determine a constructor for the tag '!x'"),
        ("a: &a [*a]\n", "f.yaml:1: an alias refers to the value that contains it"),
        ("a: [\n", "f.yaml:2: not valid YAML: expected the node content, but found '<stream end>'"),
        ("a: " + "[" * 65 + "]" * 65 + "\n", "f.yaml:1: nested deeper than 64 levels"),
        (
            "a:\n" + "".join("  " * k + "- \n" for k in range(1, 67)),
            "f.yaml:66: nested deeper than 64 levels",
        ),
    ]
    for text, message in refused:
        with pytest.raises(RuleFileError) as err:
            load_located(text, "f.yaml")
        assert str(err.value) == message
    assert load_located("a: " + "[" * 63 + "]" * 63 + "\n", "f.yaml").line == 1  # 64 levels in all: fine


def test_aliases_may_repeat_up_to_ten_thousand_values() -> None:
    row = "[" + ", ".join(["*a"] * 100) + "]"
    ok = "x: &a 1\ny: [" + ", ".join([row] * 99) + "]\n"  # 9,900 repeats of one value
    assert len(load_located(ok, "f.yaml").value["y"].value) == 99
    bomb = "x: &a 1\ny: [" + ", ".join([row] * 101) + "]\n"
    with pytest.raises(RuleFileError, match="aliases expand to more than 10000 values"):
        load_located(bomb, "f.yaml")


def test_did_you_mean_offers_only_a_close_name() -> None:
    assert did_you_mean("dorp", ["drop", "strip"]) == " (did you mean 'drop'?)"
    assert did_you_mean("zzzz", ["drop", "strip"]) == ""
    assert did_you_mean("stirp", ("drop", "strip", "strap")) == " (did you mean 'strip'?)"


def test_libyaml_and_the_pure_python_composer_read_rule_files_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rules are composed by libyaml when PyYAML has it (it is ten times faster, and they are read
    at every start) and by the pure-Python loader otherwise: the values, their lines and the errors
    are the same either way (a text libyaml refuses is read again by the pure-Python loader)."""
    texts = [
        "version: 1\ncleaners:\n  comments:\n    prompts:\n      - '^leave a reply'\n"
        '      - "^(\\\\d+ )?x$"\n',
        "a: &x [1, 2]\nb: *x\nc: {d: yes, e: 1.5, f: ~}\n",
        "a: [\n",
        "a: " + "[" * 65 + "]" * 65 + "\n",
        "a:\n\tb: 1\n",
        *(path.read_text(encoding="utf-8") for path in sorted((ROOT / "rules").rglob("*.yaml"))),
    ]

    def read_all() -> list[object]:
        load_located.cache_clear()
        out: list[object] = []
        for text in texts:
            try:
                out.append(load_located(text, "f.yaml"))
            except RuleFileError as exc:
                out.append(str(exc))
        return out

    assert getattr(yaml, "CSafeLoader", None) is not None  # the wheels this project installs carry libyaml
    fast = read_all()
    monkeypatch.delattr(yaml, "CSafeLoader")
    assert read_all() == fast
    load_located.cache_clear()


def test_rule_files_are_composed_by_libyaml_when_pyyaml_has_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rules are read at every start, and libyaml composes them ten times faster than the
    pure-Python loader: it must be the one used when PyYAML was built with it."""
    used: list[str] = []

    class Counted(yaml.CSafeLoader):
        def __init__(self, stream: str) -> None:
            used.append(stream)
            super().__init__(stream)

    monkeypatch.setattr(yaml, "CSafeLoader", Counted)
    load_located.cache_clear()
    assert load_located("a: 1\n", "f.yaml") == Located({"a": Located(1, 1)}, 1)
    assert used == ["a: 1\n"]
    load_located.cache_clear()


def test_an_unclosed_deep_nest_libyaml_refuses_is_refused_as_too_deep() -> None:
    """libyaml refuses an unclosed nest; the pure-Python loader that reads it again stops at our
    depth limit (not PyYAML's own error at the end of the text, nor a recursion deep in it)."""
    load_located.cache_clear()
    with pytest.raises(RuleFileError) as err:
        load_located("a: " + "[" * 100 + "\n", "f.yaml")
    assert str(err.value) == "f.yaml:1: nested deeper than 64 levels"


def test_a_folder_loaded_again_parses_only_the_files_whose_text_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second load of the same folder reads every file again but parses none it has parsed
    with the same text; an edited file is parsed again, and a broken one fails every time."""
    from dechaff.ruleset import loader

    root = folder(tmp_path, FILES)
    first = load_rulebook(root, PARAM_SPECS)
    parsed: list[str] = []
    real = loader.parse_rule_file
    monkeypatch.setattr(
        loader, "parse_rule_file", lambda text, path, *rest: parsed.append(path) or real(text, path, *rest)
    )
    again = load_rulebook(root, PARAM_SPECS)
    assert parsed == [] and again.files == first.files and again.digest == first.digest
    (root / "lang" / "fr.yaml").write_text("version: 2\nlang: fr\n", encoding="utf-8")
    edited = load_rulebook(root, PARAM_SPECS)
    assert parsed == ["myrules/lang/fr.yaml"] and edited.langs["fr"].version == 2
    assert edited.digest != first.digest
    other_specs = dict(PARAM_SPECS)  # other cleaners' parameters: every file is checked again
    load_rulebook(root, other_specs)
    assert len(parsed) == 1 + len(first.files)
    (root / "lang" / "fr.yaml").write_text("version: 1\nlang: fr\nbogus: 1\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(RuleFileError, match=r"^myrules/lang/fr\.yaml:3: "):
            load_rulebook(root, PARAM_SPECS)


def test_clearing_the_memo_tables_forgets_the_parsed_files(tmp_path: Path) -> None:
    from dechaff.core.memo import clear_all
    from dechaff.ruleset import loader

    load_rulebook(folder(tmp_path, FILES), PARAM_SPECS)
    assert loader._PARSED
    clear_all()
    assert not loader._PARSED
