"""Every `>>>` example in the package's docstrings runs as written: they show what a function
does, so a change that breaks one must fail here, not leave a docstring that lies."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import dechaff

MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(dechaff.__path__, "dechaff.")
    if info.name != "dechaff.__main__"
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as exc:  # an optional extra (dask, datatrove...) not installed
        if exc.name is not None and exc.name.split(".")[0] == "dechaff":
            raise
        pytest.skip(f"{name} needs {exc.name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS, report=True)
    assert result.failed == 0, (
        f"{result.failed} of {result.attempted} examples in {name} failed (printed above)"
    )


def test_the_examples_are_found() -> None:
    """The walk reaches the package's modules and their examples (a wrong path would pass vacuously)."""
    assert len(MODULES) > 50 and {"dechaff.text.slug", "dechaff.io.html_extract"} <= set(MODULES)
    finder = doctest.DocTestFinder()
    modules = [importlib.import_module(name) for name in ("dechaff.text.slug", "dechaff.io.html_extract")]
    assert sum(len(test.examples) for module in modules for test in finder.find(module)) >= 7
