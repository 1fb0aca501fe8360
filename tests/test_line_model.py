"""The line model: features of the classifier's lines, a second opinion that only keeps more, its
file (checked, in the rules digest), `dechaff train`, and the bench's site-grouped CV."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from dechaff.authoring.train import example_of, fit, fold_models, main_text_share, site_folds
from dechaff.bench import quality
from dechaff.cleaners import classifier_core
from dechaff.cleaners.classifier_core import (
    GOOD,
    ClassifierParams,
    Measured,
    Shape,
    classify,
    classify_measured,
    measure_lines,
)
from dechaff.cleaners.line_model import FEATURES, line_table, second_opinion
from dechaff.cli import main
from dechaff.engine.engine import Engine, Settings
from dechaff.engine.rulebook import load_book
from dechaff.io.inputs import Source
from dechaff.ruleset.errors import RuleFileError
from dechaff.ruleset.line_model import LINE_MODEL_FILE, LineModel, parse_line_model
from dechaff.ruleset.loader import RuleBook

from conftest import rules_copy

MENU = ["Home", "World", "Business", "Sport", "Weather", "Contact us"]
STORY = [
    "The harbour authority said on Monday that the old ferry terminal will close at the end of the year.",
    "Passengers will board at the new quay on the other side of the bay, which opens in the spring.",
    "The ferry company has promised a free bus between the two quays for the first three months.",
    "Local shops near the old terminal fear that they will lose most of their customers after the move.",
]
NOTE = "Ferries to the islands leave every hour."  # short: the classifier alone drops it


def _page(story: list[str]) -> list[str]:
    return [*MENU, *story, NOTE, "© 2025 Harbour News"]


def _model(bias: float, keep_above: float = 0.5) -> LineModel:
    zeros = (0.0,) * len(FEATURES)
    return LineModel(FEATURES, zeros, (1.0,) * len(FEATURES), zeros, bias, keep_above)


def _labels(lines: list[str]) -> list[str]:
    return classify(lines, [True] * len(lines), frozenset({"the", "of", "at", "on", "that", "will"}), "en")[0]


def test_one_row_of_features_per_line_computed_the_same_way_twice() -> None:
    lines = _page(STORY)
    labels = _labels(lines)
    stop = frozenset({"the", "of", "on"})
    table = line_table(lines, [True] * len(lines), stop, "en", ClassifierParams(), labels)
    assert table.shape == (len(lines), len(FEATURES)) and np.isfinite(table).all()
    again = line_table(lines, [True] * len(lines), stop, "en", ClassifierParams(), labels)
    assert np.array_equal(table, again)
    kept = table[:, FEATURES.index("kept")]
    assert list(kept) == [float(label == GOOD) for label in labels]
    assert table[MENU.index("Sport"), FEATURES.index("kept@+1")] == float(
        labels[MENU.index("Weather")] == GOOD
    )


def test_the_second_opinion_only_keeps_more() -> None:
    lines = _page(STORY)
    labels = _labels(lines)
    assert labels[lines.index(NOTE)] != GOOD and labels[0] != GOOD and labels[len(MENU)] == GOOD
    table = np.zeros((len(lines), len(FEATURES)))
    assert second_opinion(_model(10.0), table, labels) == [GOOD] * len(lines)
    assert second_opinion(_model(-10.0), table, labels) == labels  # sure of nothing: the classifier's
    assert second_opinion(_model(0.0, keep_above=0.5), table, labels) == [GOOD] * len(lines)  # p = 0.5
    assert second_opinion(_model(0.0, keep_above=0.6), table, labels) == labels
    with pytest.raises(ValueError, match="other features"):
        second_opinion(replace(_model(1.0), features=(*FEATURES[:-1], "x")), table, labels)


def test_the_engine_hands_the_model_to_the_classifier(book: RuleBook, tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text("\n".join(_page(STORY)) + "\n", encoding="utf-8")
    alone = Engine(book.without_line_model(), Settings(quality_filter=False)).process(Source("p", path))
    assert NOTE not in (alone.text or "") and STORY[0] in (alone.text or "")
    sure = Engine(replace(book, line_model=_model(10.0)), Settings(quality_filter=False)).process(
        Source("p", path)
    )
    assert NOTE in (sure.text or "")


def test_the_model_file_is_checked_and_part_of_the_rules_digest(tmp_path: Path) -> None:
    model = _model(1.5)
    assert parse_line_model(model.to_json(), "m.json").weights == model.weights
    assert parse_line_model(model.to_json(), "m.json").sha != ""
    body = json.loads(model.to_json())
    for broken in ({**body, "format": 2}, {**body, "bias": "nan"}, {**body, "weights": [1.0]}, {"x": 1}):
        with pytest.raises(RuleFileError, match=r"m\.json"):
            parse_line_model(json.dumps(broken), "m.json")
    root = rules_copy(tmp_path)
    (root / LINE_MODEL_FILE).unlink(missing_ok=True)
    without = load_book(root)
    assert without.line_model is None
    (root / LINE_MODEL_FILE).parent.mkdir(exist_ok=True)
    (root / LINE_MODEL_FILE).write_text(model.to_json(), encoding="utf-8")
    first = load_book(root)
    (root / LINE_MODEL_FILE).write_text(_model(2.5).to_json(), encoding="utf-8")
    second = load_book(root)
    assert first.line_model is not None and first.line_model.bias == 1.5
    assert len({without.digest, first.digest, second.digest}) == 3  # --resume notices a new model
    assert first.without_line_model().digest == without.digest


def test_lines_are_labelled_by_the_tokens_the_clean_text_holds() -> None:
    clean = "\n\n".join(STORY[:2])
    share = main_text_share([MENU[0], STORY[0], STORY[1] + " Read more", STORY[2]], clean)
    assert share[0] == 0.0 and share[1] == 1.0 and 0.8 < share[2] < 1.0 and share[3] < 0.5


def test_folds_group_sites_and_fits_are_deterministic() -> None:
    folds = site_folds(["a.org", "b.org", "c.org", "a.org"], 2)
    assert set(folds) == {"a.org", "b.org", "c.org"} and set(folds.values()) == {0, 1}
    assert folds == site_folds(["c.org", "b.org", "a.org"], 2)


def _write_pairs(root: Path) -> tuple[Path, Path, Path]:
    raw, clean = root / "raw", root / "clean"
    raw.mkdir()
    clean.mkdir()
    rows = []
    for k in range(4):
        story = [f"{line[:-1]}, reporter {k} wrote." for line in STORY]
        (raw / f"p{k}.txt").write_text("\n".join(_page(story)) + "\n", encoding="utf-8")
        (clean / f"p{k}.txt").write_text("\n\n".join([*story, NOTE]) + "\n", encoding="utf-8")
        rows.append(json.dumps({"id": f"p{k}", "domain": f"site{k % 2}.example.org", "dataset": "mine"}))
    (clean / "lonely.txt").write_text("no raw text for this one\n", encoding="utf-8")
    index = root / "index.jsonl"
    index.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return raw, clean, index


def test_train_fits_a_model_from_pairs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw, clean, index = _write_pairs(tmp_path)
    out = tmp_path / "lines.json"
    args = ["train", "--pairs", str(raw), str(clean), "--index", str(index), "--out", str(out)]
    assert main(args) == 0
    assert "fitted on 4 pages of 1 site(s)" in capsys.readouterr().out
    model = parse_line_model(out.read_text(encoding="utf-8"), "lines.json")
    assert model.features == FEATURES and model.training["ids"] == ["p0", "p1", "p2", "p3"]
    assert model.training["sites"] == ["example.org"]  # one registrable site: one CV group
    lines = _page(STORY)
    labels = _labels(lines)
    p = model.probabilities(
        line_table(lines, [True] * len(lines), frozenset(), "en", ClassifierParams(), labels)
    )
    assert p[lines.index(NOTE)] > p[MENU.index("Sport")]  # it learned the note is text, the menu not
    assert main([*args[:-2], "--datasets", "other", "--out", str(out)]) == 2  # no page left: refused


def test_the_bench_scores_training_pages_with_models_that_did_not_see_their_site(
    book: RuleBook, tmp_path: Path
) -> None:
    raw, clean, index = _write_pairs(tmp_path)
    root = tmp_path / "devset"
    (root / "dumps").mkdir(parents=True)
    for path in raw.iterdir():
        (root / "dumps" / path.name).write_bytes(path.read_bytes())
    (root / "gold").symlink_to(clean)
    rows = [
        {**json.loads(line), "domain": f"site{k}.org"}
        for k, line in enumerate(index.read_text().splitlines())
    ]
    (root / "index.jsonl").write_text("\n".join(map(json.dumps, rows)) + "\n", encoding="utf-8")
    shipped = replace(_model(-10.0), training={"ids": ["p0", "p1", "p2"], "datasets": ["mine"]})
    engine = Engine(replace(book, line_model=shipped), Settings(quality_filter=False))
    folds = quality.cross_validated(root, engine)
    assert sorted(folds) == ["p0", "p1", "p2"]  # p3 was not trained on: the shipped model scores it
    models = [folds[p].book.line_model for p in ("p0", "p1", "p2")]
    assert all(m is not None and m != shipped for m in models)
    assert fold_models([], 5) == {}
    # one site only: no other fold to fit on, the classifier alone scores it
    assert fold_models([replace(_example(), site="a.org")], 5) == {"a.org": None}
    assert fit([_example()]).features == FEATURES


def _example():  # type: ignore[no-untyped-def]
    from dechaff.authoring.train import Example

    table = np.array([[float(i == j) for j in range(len(FEATURES))] for i in range(4)])
    return Example("x.org", table, np.array([1.0, 0.0, 1.0, 0.0]), np.array([3.0, 1.0, 5.0, 2.0]))


def test_each_feature_of_a_line_and_of_its_neighbours_and_page() -> None:
    small = ClassifierParams(length_low=20, length_high=40, stopwords_low=0.25, stopwords_high=0.5)
    lines = [
        "* Menu 2024",
        "the the aaaa bbbbbbb.",
        "?!?! ?!",
        "aaaa | bbbb | cccc | dddd eeee ffff",
        "* Menu 2024",
    ]
    labels = ["short_isolated", "good", "short_isolated", "separators", "good"]
    table = line_table(lines, [True, False, True, True, False], frozenset({"the"}), "en", small, labels)
    weight = np.array([11.0, 21.0, 7.0, 35.0, 11.0])
    log_weight, kept, good = np.log1p(weight), [0, 1, 0, 0, 1], [0, 1, 0, 0, 0]
    expected = {
        "log_weight": log_weight,
        "density": [0, 0.5, 0, 0, 0],
        "ends_sentence": [0, 1, 1, 0, 0],
        "reason_no_letters": [0, 0, 1, 0, 0],
        "reason_separators": [0, 0, 0, 1, 0],
        "class_good": good,
        "class_short": [1, 0, 0, 0, 1],
        "good_in_context": [1, 1, 0, 0, 0],  # the first line heads good text
        "kept": kept,
        "position": [0, 0.25, 0.5, 0.75, 1],
        "weight_share_of_longest": weight / 35,
        "digit_share": [4 / 11, 0, 0, 0, 4 / 11],
        "punct_per_word": [0, 0.25, 2.0, 0, 0],  # 6 marks in 2 words: capped at 2
        "bullet": [1, 0, 0, 0, 1],
        "repeated": [1, 0, 0, 0, 1],
        "gap_before": [1, 0, 1, 1, 0],
        # "@+k" reads the line k above (zero off the page), "@-k" the line k below
        "log_weight@+1": [0, *log_weight[:-1]],
        "kept@+2": [0, 0, *kept[:-2]],
        "class_good@-1": [*good[1:], 0],
        "density@-2": [0, 0, 0, 0, 0],
        "log_weight@-2": [*log_weight[2:], 0, 0],
        # good lines' share of the weight within 3 (10) lines either side, and on the whole page
        "good_weight_within_3": [21 / 74, 21 / 85, 21 / 85, 21 / 85, 21 / 74],
        "good_weight_within_10": [21 / 85] * 5,
        "page_kept_share": [0.4] * 5,
        "page_kept_weight_share": [32 / 85] * 5,
    }
    for name, values in expected.items():
        assert table[:, FEATURES.index(name)] == pytest.approx(np.asarray(values, dtype=float)), name
    for name in ("by_punct", "title_case", "reason_timestamp", "reason_copyright", "class_neargood"):
        assert not table[:, FEATURES.index(name)].any(), name
    assert line_table([], [], frozenset(), "en", small, []).shape == (0, len(FEATURES))


@pytest.mark.parametrize("stop", [frozenset({"the", "of", "on", "at", "will", "that"}), frozenset({"zzz"})])
def test_what_classify_measured_is_what_the_line_model_would_measure(stop: frozenset[str]) -> None:
    """The line model reads the classifier's measures of the lines (`classify_measured`) instead
    of measuring them again: they must be `measure_lines`' own, stoplist fallback included (a
    stoplist none of the 50+ words of long lines is in is dropped), and the table the same."""
    near = "the of the on that will be at the next stop of the line without a final stop here ok"
    _same_measures([near, "Contact us", STORY[0], "Home", near], stop)  # the block relabels `near`
    long_page = [*_page(STORY), *[" ".join(["word"] * 12) + "."] * 5]
    measured = _same_measures(long_page, stop)
    assert any(not f.by_punct for f in measured.features) == (stop != frozenset({"zzz"}))


def _same_measures(lines: list[str], stop: frozenset[str]) -> Measured:
    gaps = [True] * len(lines)
    labels, _, measured = classify_measured(lines, gaps, stop, "en")
    assert measured is not None
    assert measured == measure_lines(lines, stop, "en")
    with_them = line_table(lines, gaps, stop, "en", ClassifierParams(), labels, measured)
    assert np.array_equal(with_them, line_table(lines, gaps, stop, "en", ClassifierParams(), labels))
    trim = ClassifierParams(trim_only=True)
    assert classify_measured(lines, gaps, stop, "en", trim)[2] is None  # trim mode: no line model
    return measured


def test_the_line_features_memo_stays_within_its_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """All the feature tables together hold at most `memo.TEXTS` lines, whatever the number of
    stoplists and params met; a line already held is answered from the memo (the very object it
    measured), even when the memo is full; a page longer than the budget is measured whole."""
    monkeypatch.setattr(classifier_core, "TEXTS", 10)
    classifier_core._TABLES.clear()
    classifier_core._ENTRIES[0] = 0

    def held() -> int:
        return sum(map(len, classifier_core._TABLES.values()))

    params, the = ClassifierParams(), frozenset({"the"})
    page = [f"a line of the page {k}" for k in range(5)]
    first = measure_lines(page, the, "en", params).features
    measure_lines([f"another line {k}" for k in range(4)], the, "en", params)  # 9 of 10 held
    again = measure_lines(page, the, "en", params).features
    assert all(a is b for a, b in zip(again, first, strict=True))  # no new line: nothing emptied
    assert held() == classifier_core._ENTRIES[0] == 9
    for n in range(20):
        stop = frozenset({"the", f"w{n % 3}"})  # three stoplists: three tables
        lines = [f"line {n} {k} of the page" for k in range(4)]
        measured = measure_lines(lines, stop, "en", params).features
        assert measure_lines(lines, stop, "en", params).features == measured
        assert held() == classifier_core._ENTRIES[0] <= 10
    many = [f"one of {k} lines" for k in range(25)]  # one page longer than the budget
    assert len(measure_lines(many, the, "en", params).features) == 25
    assert held() == classifier_core._ENTRIES[0] <= 10

    monkeypatch.setattr(classifier_core, "_MAX_TABLES", 2)
    for word in ("of", "and", "to"):  # a table per stoplist, two at the most
        measure_lines(["one line"], frozenset({word}), "en", params)
        assert len(classifier_core._TABLES) <= 2 and held() == classifier_core._ENTRIES[0]


def test_the_line_table_reads_the_classifier_s_measures_without_measuring_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from dechaff.cleaners import line_model

    lines = _page(STORY)
    gaps = [True] * len(lines)
    stop = frozenset({"the", "of", "on"})
    labels, _, measured = classify_measured(lines, gaps, stop, "en")
    expected = line_table(lines, gaps, stop, "en", ClassifierParams(), labels)

    def measure_again(*args: object) -> Measured:
        raise AssertionError("measured again")

    monkeypatch.setattr(line_model, "measure_lines", measure_again)
    assert np.array_equal(line_table(lines, gaps, stop, "en", ClassifierParams(), labels, measured), expected)


def test_a_two_line_page_spans_the_positions_and_a_one_word_line_its_marks_per_word() -> None:
    lines = ["Weather:", STORY[0]]
    table = line_table(lines, [True, True], frozenset({"the"}), "en", ClassifierParams(), ["short", GOOD])
    assert list(table[:, FEATURES.index("position")]) == [0.0, 1.0]  # first and last line
    assert table[0, FEATURES.index("punct_per_word")] == 1.0  # one mark, one word


# Thai: phrases are separated by spaces, sentences not marked by a stop (a phrase-spaced language).
THAI = [
    "หน้าแรก",  # home
    "ข่าว",  # news
    "ตลาดน้ำแห่งใหม่ เปิดให้บริการ ทุกวันเสาร์และอาทิตย์",  # a paragraph wrapped over three lines
    "นักท่องเที่ยว สามารถ ล่องเรือ ชมวิถีชีวิต ริมคลอง",
    "และ ชิมอาหาร พื้นบ้าน จากชุมชน ได้ตลอดทั้งวัน",
    "ติดต่อเรา",  # contact us
]


def test_a_phrase_spaced_page_is_measured_and_judged_as_such_on_every_path() -> None:
    """The page's language reaches every measure: the classifier's first pass, its pass over whole
    paragraphs, and the line model's table (from the classifier's measures or its own)."""
    gaps = [True, True, True, False, False, True]
    labels, _, measured = classify_measured(THAI, gaps, frozenset(), "th")
    assert measured is not None and measured == measure_lines(THAI, frozenset(), "th")
    assert all(f.ends_sentence for f in measured.features)  # no stop to wait for
    assert measured != measure_lines(THAI, frozenset(), "en")
    assert [label == GOOD for label in labels[2:5]] == [True] * 3  # judged whole: a paragraph
    assert labels[0] != GOOD and labels[-1] != GOOD
    assert not any(label == GOOD for label in classify(THAI, gaps, frozenset(), "en")[0])
    params = ClassifierParams()
    with_them = line_table(THAI, gaps, frozenset(), "th", params, labels, measured)
    assert np.array_equal(with_them, line_table(THAI, gaps, frozenset(), "th", params, labels))
    assert not np.array_equal(with_them, line_table(THAI, gaps, frozenset(), "en", params, labels))


def test_an_empty_page() -> None:
    assert classify_measured([], [], frozenset({"the"}), "en") == (
        [],
        Shape(1.0, 0.0, False, 0),
        Measured([], [], []),
    )


def test_lines_of_ten_short_words_count_their_stop_words_for_the_stoplist_check() -> None:
    """The stoplist check reads long lines (ten words or more); one under `length_low` characters
    has no stop words in its features (-1: not counted), so they are counted there."""
    lines = [f"the cat and the dog sat on a mat {n}" for n in range(6)]  # 60 words, 42% stop words
    assert all(len(line) < ClassifierParams().length_low for line in lines)
    stop = frozenset({"the", "and", "on", "a"})
    assert not any(f.by_punct for f in measure_lines(lines, stop, "en").features)  # the stoplist stays


def test_the_line_features_memo_is_safe_in_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    """The API and Dask's threads clean documents side by side: the memo's tables are emptied by
    one thread while others add theirs, and no thread may fail for it (a walk over the live dict
    of tables raised "dictionary changed size during iteration")."""
    import sys
    import threading

    monkeypatch.setattr(classifier_core, "TEXTS", 40)
    switch = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible
    errors: list[BaseException] = []

    def work(t: int) -> None:
        params = ClassifierParams()
        try:
            for n in range(1500):
                stop = frozenset({"the", f"w{t}-{n % 60}"})
                measure_lines([f"line {t} {n} {k} of the page" for k in range(6)], stop, "en", params)
        except Exception as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(t,)) for t in range(4)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(switch)
    assert not errors


def test_train_sees_the_lines_the_earlier_cleaners_removed(book: RuleBook) -> None:
    """`example_of` labels the lines as the cleaner does in its first round: the newsroom's name
    between the standfirst and the text, once the byline and dates around it went, is not kept
    (the model is fitted on the labels it will be asked about)."""
    page = [
        "Les prix alimentaires repartent à la hausse en avril",
        "Après plusieurs mois de stabilité, les prix des produits alimentaires ont de nouveau augmenté "
        "le mois dernier, selon les chiffres publiés vendredi.",
        "Article rédigé par",
        "Jeanne Morel",
        "RadioTéléInfo",  # one word: two or more beside the date would be the author's name
        "Publié le 10/05/2024 09:58",
        "Temps de lecture : 2 min",
        "Les prix de l'alimentation ont progressé de 0,8 % en avril par rapport au mois précédent, "
        "mettant fin à une période de relative accalmie.",
        "Les produits frais sont les plus touchés, avec une hausse marquée des prix des fruits et "
        "légumes, en raison de mauvaises conditions météorologiques.",
    ]
    # blank lines between the lines: the first round judges each as its own paragraph
    source = Source("p", Path("p.txt"), lang="fr", content="\n\n".join(page).encode())
    example = example_of(Engine(book), source, "\n\n".join(page[i] for i in (0, 1, 7, 8)), "example.org")
    assert example is not None
    kept = example.table[:, FEATURES.index("kept")]
    assert list(kept) == [1.0, 1.0, 0.0, 1.0, 1.0]  # title, standfirst, "RadioTéléInfo", the text
