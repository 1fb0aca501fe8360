"""The RE2 translation of ftfy's badness test must never skip a line ftfy would have changed."""

from __future__ import annotations

import re

import ftfy
import re2
from ftfy.badness import BADNESS_RE
from hypothesis import given, settings
from hypothesis import strategies as st

from dechaff.io import badness
from dechaff.io.badness import _SPACE, _searchers, always_fixed, badness_re, may_need_fix
from dechaff.io.mojibake import _fixer

# Mojibake is made of these: Latin-1 / cp1252 / cp1251 / MacRoman renderings of UTF-8 bytes.
_MOJI = (
    "ÃÂâ€™œžŸ©®°±²³´µ¶·¸¹º»¼½¾¿ÀÁÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ"
    "ĞŒœŠšŽžƒˆ˜–—‘’‚“”„†‡•…‰‹›рстуфхцчшщъыьэюяРСТУФХЦЧШЩ"
)
_TEXT = st.text(alphabet=st.sampled_from(_MOJI + "abcdeXYZ .,!?'-\u00a0\u2028\n\t0123"), max_size=40)
_SAMPLES = [
    "L'Ã©tÃ© arrive",
    "Ã ",
    "donâ€™t",
    "Ð¿Ñ€Ð¸Ð²ÐµÑ‚",
    "cafÃ\u00a0 noir",
    "Ligne normale, déjà vue à l'été.",
    "北京 报道",
]


def _ftfy_changes(line: str) -> bool:
    fix_text, config = _fixer()
    return ftfy.fix_text(line, config) != line and fix_text is ftfy.fix_text


@settings(max_examples=400, deadline=None)
@given(_TEXT | st.text(max_size=30) | st.sampled_from(_SAMPLES))
def test_a_skipped_line_is_one_ftfy_leaves_alone(text: str) -> None:
    for line in text.splitlines() or [text]:
        if not may_need_fix(line):
            assert not _ftfy_changes(line), line


@settings(max_examples=300, deadline=None)
@given(st.lists(_TEXT | st.sampled_from(_SAMPLES), max_size=6))
def test_the_whole_text_gate_sees_every_bad_line(lines: list[str]) -> None:
    text = "\n".join(lines)
    if any(may_need_fix(line) for line in text.splitlines()):
        assert may_need_fix(text, whole=True)


_ALWAYS_FIXED = re.compile("[\x80-\x9f\ud800-\udfff]")  # C1 controls and surrogates
_NEAR = "\x7f\x80\x9f\xa0\xc2\u0100\u0800\ud7ff\ud800\udbff\udc00\udfff\ue000\U00010000"


@settings(max_examples=500, deadline=None)
@given(st.text(st.characters(blacklist_categories=()) | st.sampled_from(_NEAR), max_size=12))
def test_always_fixed_finds_c1_controls_and_surrogates(text: str) -> None:
    assert always_fixed(text) == bool(_ALWAYS_FIXED.search(text))


def test_always_fixed_at_the_edges() -> None:
    for ch in _NEAR:
        for text in (ch, f"a{ch}", f"{ch}é", f"Â{ch}"):
            assert always_fixed(text) == bool(_ALWAYS_FIXED.search(text)), repr(text)
    assert may_need_fix("caf\ud800") and may_need_fix("a\x85b") and not may_need_fix("a\xa0b \u0185")


def test_same_answers_as_ftfys_own_search() -> None:
    line_search = _searchers()[0]
    for sample in _SAMPLES:
        assert bool(line_search(sample)) == bool(BADNESS_RE.search(sample)), sample
    assert may_need_fix("L'Ã©tÃ© arrive") and not may_need_fix("L'été arrive")


def test_the_pattern_read_alone_is_ftfys_own() -> None:
    assert badness_re().pattern == BADNESS_RE.pattern and badness_re().flags == BADNESS_RE.flags
    alone = badness._module_alone("ftfy", "badness")  # badness.py run alone, not from the package
    assert alone is not None and alone.BADNESS_RE.pattern == BADNESS_RE.pattern


def test_a_badness_module_that_does_not_run_alone_is_imported_the_usual_way(monkeypatch) -> None:
    monkeypatch.setattr(badness, "_module_alone", lambda package, name: None)
    badness_re.cache_clear()
    try:
        assert badness_re() is BADNESS_RE
    finally:
        badness_re.cache_clear()
    assert badness._module_alone("no_such_package_here", "badness") is None


def test_only_a_packages_own_file_is_run_alone(tmp_path, monkeypatch) -> None:
    (tmp_path / "lonely_module.py").write_text("")
    (tmp_path / "badness.py").write_text("RAN = True\n")  # beside a module, not in a package
    package = tmp_path / "some_package"
    package.mkdir()
    (package / "__init__.py").write_text("raise RuntimeError('the package init must not run')\n")
    (package / "badness.py").write_text("RAN = True\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert badness._module_alone("lonely_module", "badness") is None
    assert badness._module_alone("some_package", "badness").RAN


def test_the_space_class_is_pythons_backslash_s() -> None:
    space = re2.compile(f"^[{_SPACE}]$")
    for code in range(0x3001):
        char = chr(code)
        if not 0xD800 <= code <= 0xDFFF:
            assert bool(space.search(char)) == char.isspace(), hex(code)
