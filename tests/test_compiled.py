"""Every C twin (dechaff/**/_*.c, compiled at install by hatch_build.py) is built where a C compiler
is: a failed compile only warns at install and the slower Python twin runs, so it must not go
unseen here."""

from __future__ import annotations

import importlib
import os
import shutil
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "dechaff"
SOURCES = sorted(PACKAGE.rglob("_*.c"))


def test_there_are_c_twins() -> None:
    assert len(SOURCES) >= 2


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_each_c_twin_is_built_where_a_compiler_is(source: Path) -> None:
    if os.environ.get("DECHAFF_NO_C") or not (shutil.which("gcc") or shutil.which("cc")):
        pytest.skip("no C compiler, or DECHAFF_NO_C set: the Python twins run")
    name = ".".join(source.relative_to(PACKAGE.parent).with_suffix("").parts)
    assert importlib.import_module(name) is not None


def test_the_build_hook_names_every_c_twin() -> None:
    hook = (PACKAGE.parent / "hatch_build.py").read_text(encoding="utf-8")
    for source in SOURCES:
        assert f'"{source.relative_to(PACKAGE.parent).as_posix()}"' in hook
