"""The line model's table in C (`_measure.line_rows`) against its Python twin (`line_table` with
`COMPILED` off): the same floats, to the bit."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dechaff.cleaners import classifier_core, line_model
from dechaff.cleaners.classifier_core import GOOD, ClassifierParams, classify, measure_lines
from dechaff.cleaners.line_model import FEATURES, line_table
from dechaff.text.stoplists import stoplist_for

needs_c = pytest.mark.skipif(not line_model.COMPILED, reason="_measure is not built")


def test_the_c_fills_the_table_wherever_it_is_built() -> None:
    # a layout the C does not follow turns it off, and the twin tests would then skip
    assert (classifier_core._c is not None) == line_model.COMPILED


_STOP = frozenset({"the", "a", "of", "le", "la", "de", "l'"})
# bullets, digits of two scripts, clause marks, kana, a lone surrogate, words the stoplist holds
_WORDS = st.sampled_from(
    ["the", "of", "Le", "l'eau", "A", "•", "-", ">", "12", "٣", "!", "?", "。", "語", "\ud800"]
)
_LINE = st.lists(_WORDS, max_size=25).map(" ".join) | st.text(max_size=30)
# lines of 70 characters or more that the classifier finds good (stop words, a final stop), in
# title case or full of clause marks: without them no page would have class_good, class_title_case,
# a window of good weight or a capped punct_per_word
_SENTENCE = st.lists(
    st.sampled_from(["the", "of", "a", "cat", "sat", "on", "mat"]), min_size=16, max_size=30
).map(lambda words: " ".join(words) + ".")
_TITLED = st.lists(
    st.sampled_from(["Big", "Red", "House", "Over", "There", "New"]), min_size=14, max_size=20
).map(" ".join)
_MARKS = st.integers(3, 30).map(lambda k: ", ; : ! ?" * k)
_PAGE_LINE = _LINE | _SENTENCE | _TITLED | _MARKS
_LABELS = st.sampled_from([GOOD, "short", "neargood", "edge", "kicker", "no_letters", "timestamp"])


def _both(
    lines: list[str], gaps: list[bool], labels: list[str], monkeypatch: pytest.MonkeyPatch
) -> np.ndarray:
    measured = measure_lines(lines, _STOP, "en")
    with np.errstate(all="ignore"):  # a page of empty lines divides by a weight of 0 (NaN in both)
        c = line_table(lines, gaps, _STOP, "en", ClassifierParams(), labels, measured)
        monkeypatch.setattr(line_model, "COMPILED", False)
        python = line_table(lines, gaps, _STOP, "en", ClassifierParams(), labels, measured)
    monkeypatch.setattr(line_model, "COMPILED", True)
    assert c.shape == python.shape == (len(lines), len(FEATURES))
    np.testing.assert_array_equal(c, python)  # NaN where the other has NaN
    assert c[~np.isnan(c)].tobytes() == python[~np.isnan(python)].tobytes()  # -0.0 is not 0.0
    return c


@needs_c
@settings(max_examples=300, deadline=None)
@given(st.data())
def test_c_line_rows_as_python(data: st.DataObject) -> None:
    pool = data.draw(st.lists(_PAGE_LINE, min_size=1, max_size=6))  # lines come back: `repeated`
    lines = data.draw(st.lists(st.sampled_from(pool), max_size=30))
    gaps = data.draw(st.lists(st.booleans(), min_size=len(lines), max_size=len(lines)))
    labels = data.draw(st.lists(_LABELS, min_size=len(lines), max_size=len(lines)))
    with pytest.MonkeyPatch.context() as patch:
        _both(lines, gaps, labels, patch)


@needs_c
@pytest.mark.parametrize(
    "lines",
    [
        [],
        ["One line of the page, with the words."],
        ["Title", "The first sentence of the text."],
        ["a", "b", "a", "c", "a"],  # neighbours of one and two lines away, both ends
        [""],  # a weight of 0: the share of the longest is NaN, in both
        ["", "x"],
        ["• Item 12", "- item", "> quoted", "▪ 3 ٣"],
    ],
)
def test_c_line_rows_as_python_on_examples(lines: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    gaps = [k % 2 == 0 for k in range(len(lines))]
    labels = [GOOD if k % 3 else "short" for k in range(len(lines))]
    _both(lines, gaps, labels, monkeypatch)


@needs_c
def test_c_line_rows_as_python_where_every_column_has_values(monkeypatch: pytest.MonkeyPatch) -> None:
    sentence = "The cat sat on the mat of the house, and the dog sat on a mat of the barn."
    lines = [
        "Home",
        sentence,
        "The Big Red House Over There In The New Town Of The Old Hills And Dales",
        "Updated 12:30",
        "| a | b | c | d | e | f | g | h |",
        "© 2024 Example",
        sentence,
        "the cat sat on the mat of the house and the dog sat on a mat of the old barn",  # no stop: near-good
        "Кошка сидела на ковре, а собака лежала у двери дома; всё было тихо и спокойно.",  # by punctuation
        "• one, two; three: four! five? six, seven; eight: nine! ten? eleven, twelve; thirteen",
        "Read more",
        "What?!?!?!",  # more marks than twice its words: punct_per_word capped
        sentence.replace("dog", "fox"),
        "9",
        "Last words.",
    ]
    gaps = [k % 3 != 1 for k in range(len(lines))]
    table = _both(lines, gaps, [GOOD if k % 2 else "edge" for k in range(len(lines))], monkeypatch)
    # the tests above compare nothing where every page leaves a column at zero
    assert (table != 0).any(axis=0).all(), [FEATURES[k] for k in np.flatnonzero(~(table != 0).any(axis=0))]
    assert (table[:, FEATURES.index("punct_per_word")] == 2.0).any()


@needs_c
def test_c_line_rows_as_python_on_dev_pages(shared: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [json.loads(row) for row in (shared / "devset" / "index.jsonl").read_text().splitlines()][::4]
    tested = 0
    for row in rows:
        path = shared / "devset" / "dumps" / f"{row['id']}.txt"
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()][:400]
        gaps = [True] * len(lines)
        stop = stoplist_for(row.get("lang") or "en") or stoplist_for("en")
        labels = classify(lines, gaps, stop, row.get("lang") or "en")[0]
        measured = measure_lines(lines, stop, row.get("lang") or "en")
        c = line_table(lines, gaps, stop, "en", ClassifierParams(), labels, measured)
        monkeypatch.setattr(line_model, "COMPILED", False)
        python = line_table(lines, gaps, stop, "en", ClassifierParams(), labels, measured)
        monkeypatch.setattr(line_model, "COMPILED", True)
        assert c.tobytes() == python.tobytes(), row["id"]
        tested += 1
    assert tested > 40


@needs_c
def test_line_rows_refuses_what_it_cannot_read() -> None:
    c = line_model._c
    assert c is not None
    lines = ["a b", "c"]
    feats, classes, in_context = measure_lines(lines, _STOP, "en")
    args = [lines, [True, False], feats, classes, in_context, [GOOD, "short"]]
    names = (GOOD, line_model._REASONS, line_model._INTRINSIC, "•")

    def call(table: object, weight: object, *rest: object) -> None:
        c.line_rows(table, weight, *rest)

    good = (np.zeros((2, len(FEATURES))), np.zeros(2))
    call(*good, *args, *names)  # the call the others break
    for table, weight, error in [
        (np.zeros((2, 40)), np.zeros(2), ValueError),  # too few columns
        (np.zeros((3, len(FEATURES))), np.zeros(2), ValueError),  # a row per line
        (np.zeros((2, len(FEATURES)), np.float32), np.zeros(2), ValueError),
        (np.zeros((len(FEATURES), 2)).T, np.zeros(2), ValueError),  # not C-contiguous
        (np.zeros((2, len(FEATURES))), np.zeros(3), ValueError),
        (b"\0" * 8 * 2 * len(FEATURES), np.zeros(2), (ValueError, TypeError, BufferError)),  # read-only
    ]:
        with pytest.raises(error):
            call(table, weight, *args, *names)
    with pytest.raises(ValueError):
        call(*good, *args[:-1], [GOOD], *names)  # a label short
    with pytest.raises(TypeError):
        call(*good, *args, GOOD, line_model._REASONS[:3], line_model._INTRINSIC, "•")
    with pytest.raises(TypeError):
        c.line_rows(*good, *args)


@needs_c
def test_line_rows_leaves_other_types_to_the_python_twin(monkeypatch: pytest.MonkeyPatch) -> None:
    c = line_model._c
    assert c is not None
    lines = ["a b", "c"]
    feats, classes, in_context = measure_lines(lines, _STOP, "en")

    class Loose(str):  # a str that equals every other
        def __eq__(self, other: object) -> bool:
            return True

        __hash__ = str.__hash__

    as_float = feats[0]._replace(weight=3.0)
    for rest in [
        (lines, [True, None], feats, classes, in_context, [GOOD, "short"]),  # numpy makes None a NaN
        (lines, [True, False], feats, classes, in_context, [Loose("x"), "short"]),
        ([Loose("a b"), "c"], [True, False], feats, classes, in_context, [GOOD, "short"]),
        (lines, [True, False], [as_float, feats[1]], classes, in_context, [GOOD, "short"]),
        (lines, [True, False], feats, [Loose("x"), classes[1]], in_context, [GOOD, "short"]),
        (lines, [True, False], [(1,), (2,)], classes, in_context, [GOOD, "short"]),  # no _Line
        ([b"a", "c"], [True, False], feats, classes, in_context, [GOOD, "short"]),
    ]:
        table = np.zeros((2, len(FEATURES)))
        assert c.line_rows(
            table, np.zeros(2), *rest, GOOD, line_model._REASONS, line_model._INTRINSIC, "•"
        ) is (NotImplemented)
        assert not table.any()  # nothing written
    assert (
        c.line_rows(
            np.zeros((2, len(FEATURES))),
            np.zeros(2),
            lines,
            [True, False],
            feats,
            classes,
            in_context,
            [GOOD, "short"],
            Loose(GOOD),
            line_model._REASONS,
            line_model._INTRINSIC,
            "•",
        )
        is NotImplemented
    )
    # a label with a trailing NUL is no GOOD to either twin (a numpy str array would drop the NUL)
    table = _both(lines, [True, False], [GOOD + "\0", GOOD], monkeypatch)
    assert table[:, FEATURES.index("kept")].tolist() == [0.0, 1.0]
    # and line_table gives the Python twin's answer for what the C leaves to it
    loose = [Loose("x"), "short"]
    python = line_table(
        lines, [True, False], _STOP, "en", ClassifierParams(), loose, (feats, classes, in_context)
    )
    assert python[:, FEATURES.index("kept")].tolist() == [1.0, 0.0]
