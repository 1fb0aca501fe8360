"""langdetect's profiles as the install's one table (`profile_cache`): the same table as the JSON
gives, in the order the folder lists the languages, and never read when it was made from other
profiles or is damaged."""

from __future__ import annotations

import json
import os
import shutil
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from langdetect import detector_factory
from test_compiled import PACKAGE, _editable_root, _hook_module

from dechaff.text import langdetect_fast, profile_cache
from dechaff.text.langdetect_fast import FastDetector, Profiles

FOLDER = detector_factory.PROFILES_DIRECTORY


def _same_table(a: Profiles, b: Profiles) -> None:
    assert a.langlist == b.langlist and a.size == b.size
    assert a.word_lang_prob_map.keys() == b.word_lang_prob_map.keys()
    for gram, at in b.word_lang_prob_map.items():
        assert np.array_equal(a.row(a.word_lang_prob_map[gram]), b.row(at)), gram


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> str:
    target = str(tmp_path_factory.mktemp("cache") / profile_cache.FILE_NAME)
    assert profile_cache.write(FOLDER, target)
    return target


@pytest.mark.parametrize("compiled", [True, False], ids=["c", "python"])
def test_the_table_read_is_the_table_the_json_gives(
    written: str, compiled: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # both tables in one process, in turns: each keeps its own words' n-gram numbers (the
    # cache numbers them in file-name order, the JSON in the folder's)
    monkeypatch.setattr(langdetect_fast, "COMPILED", compiled and langdetect_fast._c is not None)
    cached, from_json = Profiles(FOLDER, cache=written), Profiles(FOLDER, cache=None)
    assert profile_cache.read(FOLDER, written) is not None
    _same_table(cached, from_json)
    texts = [
        "Le Président de la République a annoncé mardi une réforme des retraites.",
        "Der Bundestag hat am Donnerstag über das neue Gesetz abgestimmt.",
        "Le Président a parlé. Der Bundestag hat gesprochen.",
    ]
    answers: list[list[object]] = [[], []]
    for text in texts:
        for k, table in enumerate((cached, from_json)):
            detector = FastDetector(table)
            detector.append(text)
            answers[k].append([(lang.lang, lang.prob) for lang in detector.get_probabilities()])
    assert answers[0] == answers[1]


def test_a_table_that_does_not_add_up_is_left_for_the_json(
    written: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    table = profile_cache.read(FOLDER, written)
    assert table is not None
    langs = bytes(len(table.langs))[:-2] + (9999).to_bytes(2, sys.byteorder)  # a language past the last
    monkeypatch.setattr(profile_cache, "read", lambda folder, path: replace(table, langs=langs))
    _same_table(Profiles(FOLDER, cache=written), Profiles(FOLDER, cache=None))


def test_the_table_is_written_whole(written: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / profile_cache.FILE_NAME
    target.write_bytes(b"an older table")
    assert profile_cache.write(FOLDER, str(target))
    assert target.read_bytes() == Path(written).read_bytes()
    assert [p.name for p in tmp_path.iterdir()] == [profile_cache.FILE_NAME]  # no partial file left
    target.write_bytes(b"an older table")

    def cut_short(source: str, destination: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(profile_cache.os, "replace", cut_short)
    with pytest.raises(OSError, match="disk full"):
        profile_cache.write(FOLDER, str(target))
    assert target.read_bytes() == b"an older table"  # never half a table
    assert [p.name for p in tmp_path.iterdir()] == [profile_cache.FILE_NAME]


def test_the_languages_keep_the_order_the_folder_lists_them(
    written: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # langdetect numbers the languages in os.listdir's order, which another file system may change:
    # the table (written in file-name order) is put in that order as it is read
    listed = os.listdir(FOLDER)
    monkeypatch.setattr(langdetect_fast.os, "listdir", lambda folder: listed[::-1])
    cached, from_json = Profiles(FOLDER, cache=written), Profiles(FOLDER, cache=None)
    assert cached.langlist == from_json.langlist != sorted(from_json.langlist)
    _same_table(cached, from_json)


def test_a_table_of_other_profiles_is_not_read(written: str, tmp_path: Path) -> None:
    folder = tmp_path / "profiles"
    shutil.copytree(FOLDER, folder)
    assert profile_cache.read(str(folder), written) is not None  # the same files, elsewhere
    de = folder / "de"
    profile = json.loads(de.read_bytes())
    gram = next(g for g in profile["freq"] if len(g) == 2)
    profile["freq"][gram] += 1
    de.write_text(json.dumps(profile), encoding="utf-8")
    assert profile_cache.read(str(folder), written) is None
    edited = Profiles(str(folder), cache=written)  # read from the JSON, with the edit
    assert np.array_equal(
        edited.row(edited.word_lang_prob_map[gram]),
        Profiles(str(folder), cache=None).row(Profiles(str(folder), cache=None).word_lang_prob_map[gram]),
    )
    de.unlink()  # one language fewer
    assert profile_cache.read(str(folder), written) is None


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # cut short
        lambda data: b"x" + data[1:],  # another file's start
        lambda data: data + b"\0",  # something after the table
        lambda data: data.replace(b'"digest": "', b'"digest": "0', 1),  # another digest
        lambda data: data.replace(b'"byteorder": "', b'"byteorder": "x', 1),
        lambda data: b"",
        lambda data: data[:-8] + bytes(8),  # a probability lost, the framing intact
        lambda data: data.replace(b"\nde", b"\nxx", 1),  # an n-gram changed
    ],
)
def test_a_damaged_table_is_not_read(written: str, tmp_path: Path, damage) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "damaged.bin"
    target.write_bytes(damage(Path(written).read_bytes()))
    assert profile_cache.read(FOLDER, str(target)) is None
    assert profile_cache.read(FOLDER, str(tmp_path / "missing.bin")) is None


def test_no_table_where_the_json_path_decides(tmp_path: Path) -> None:
    # two profiles of one language: the JSON path raises langdetect's error, so no table is made
    for name in ("aa", "bb"):
        profile = {"name": "xx", "freq": {"a": 1, "ab": 1}, "n_words": [1, 1, 1]}
        (tmp_path / name).write_text(json.dumps(profile), encoding="utf-8")
    assert profile_cache.build(str(tmp_path)) is None
    (tmp_path / "bb").write_text(json.dumps({"name": "yy", "freq": {"a\n": 1}, "n_words": [1, 1, 1]}))
    assert profile_cache.build(str(tmp_path)) is None  # an n-gram that holds a line break
    (tmp_path / "bb").unlink()
    assert profile_cache.build(str(tmp_path)) is not None


def test_the_build_hook_writes_the_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hook = _hook_module(monkeypatch)
    module, target = (tmp_path / part for part in hook.PROFILE_CACHE)
    module.parent.mkdir(parents=True)
    shutil.copy(PACKAGE / "text" / "profile_cache.py", module)
    assert hook.write_profiles(str(tmp_path)) == str(target)
    assert profile_cache.read(FOLDER, str(target)) is not None
    target.unlink()
    monkeypatch.setattr(hook.importlib.util, "find_spec", lambda name: None)
    assert hook.write_profiles(str(tmp_path)) is None and not target.exists()  # told, not raised


def test_the_install_wrote_the_table() -> None:
    # a start reads the table, not the JSON (0.03 s against 0.09-0.16 s)
    if _editable_root() != PACKAGE.parent:
        pytest.skip("this tree is not the editable install's")
    assert profile_cache.read(FOLDER, langdetect_fast.CACHE) is not None, "pip install -e ."
