"""ftfy's "does this look like mojibake?" test, run by RE2.

ftfy decides whether to try an encoding fix with one large regular expression (`BADNESS_RE`); in
Python's `re` that search costs about as much as the rest of the text path put together. The
same expression, translated for RE2 (verbose layout removed, Python's Unicode `\\w` and `\\s`
spelled out), answers in linear time. When ftfy's expression cannot be translated (a future
release), the translation is skipped and ftfy's own search is used.

The expression is read from ftfy's `badness.py` alone: `import ftfy.badness` first runs ftfy's
package (its codecs, character tables and wcwidth: 0.1 s of a one-file run), which only the
repair of a suspect line needs (5 of the 270 seeds and dev dumps).
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

import re2

from dechaff.text.regex import re2_options, regex_tokens

# Python's \s under re.UNICODE: every character str.isspace() accepts.
_SPACE = (
    r"\t\n\x{0b}\f\r\x{1c}-\x{20}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}"
    r"\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}"
)
_OUTSIDE = {"w": r"[\p{L}\p{N}_]", "s": f"[{_SPACE}]"}
_INSIDE = {"w": r"\p{L}\p{N}_", "s": _SPACE}
# Characters ftfy changes even in text that does not look bad: C1 controls (U+0080-U+009F) and
# surrogates. A str holds a surrogate exactly when it has no UTF-8 encoding, and a C1 control
# exactly when its UTF-8 holds one of these byte pairs (0xC2 is only ever a lead byte): 7 against
# 62 us a dev dump for the class [\x80-\x9f\ud800-\udfff] over the str in Python's `re`.
_C1_UTF8 = re.compile(b"\xc2[\x80-\x9f]")


def translate(pattern: str, multiline: bool = False) -> str:
    """A verbose Python pattern as RE2 source; with `multiline`, `^` also matches after a newline.

    >>> translate(r"a \\w | ^[b ]")
    'a[\\\\p{L}\\\\p{N}_]|^[b ]'
    """
    out: list[str] = []
    comment = False
    for token, in_class in regex_tokens(pattern):
        if comment:
            comment = token != "\n"
        elif len(token) == 2 and token[0] == "\\":
            if token[1] in "WSDbB":
                raise ValueError(f"{token} has no RE2 equivalent here")
            out.append((_INSIDE if in_class else _OUTSIDE).get(token[1], token))
        elif in_class or token.startswith("["):
            out.append(token)
        elif token == "#":
            comment = True
        elif token == "^" and multiline:
            out.append("(?m:^)")
        elif not token.isspace():
            out.append(token)
    return "".join(out)


def _module_alone(package: str, name: str) -> object:
    """`package.name` run as a module of its own, without `package`'s `__init__` (None when the
    package is not found or the module does not run so: it imports its package's other parts)."""
    try:
        found = importlib.util.find_spec(package)
    except (ImportError, ValueError):  # a module in sys.modules without a spec
        return None
    if found is None or found.origin is None or not found.submodule_search_locations:
        return None  # not a package: no `name.py` of its own beside it
    spec = importlib.util.spec_from_file_location(
        f"_dechaff_{package}_{name}", Path(found.origin).parent / f"{name}.py"
    )
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception:  # any failure: import the package the usual way
        return None
    return module


@cache
def badness_re() -> re.Pattern[str]:
    """ftfy's `BADNESS_RE`, without ftfy's package init when its `badness.py` runs alone."""
    alone = _module_alone("ftfy", "badness")
    found = getattr(alone, "BADNESS_RE", None)
    if isinstance(found, re.Pattern):
        return found
    from ftfy.badness import BADNESS_RE

    return BADNESS_RE


@cache
def _searchers() -> tuple[Callable[[str], object], Callable[[str], object]]:
    """(search of one line, search of a whole text that finds at least what any of its lines would)."""
    bad = badness_re()
    if not bad.flags & re.VERBOSE:
        return bad.search, bad.search
    options = re2_options()
    try:
        line = re2.compile(translate(bad.pattern), options)
        text = re2.compile(translate(bad.pattern, multiline=True), options)
    except (ValueError, re2.error):
        return bad.search, lambda text: any(bad.search(x) for x in text.splitlines())
    return line.search, text.search


def may_need_fix(text: str, whole: bool = False) -> bool:
    """False when ftfy (encoding fixes, C1 controls, surrogates) would leave `text` unchanged.

    `whole=True` for a multi-line text: the answer is then True if any line may need a fix.
    """
    if text.isascii():
        return False
    # Those first: RE2 takes UTF-8, which cannot carry surrogates.
    return always_fixed(text) or bool(_searchers()[1 if whole else 0](text))


def always_fixed(text: str) -> bool:
    """Whether `text` holds a C1 control or a surrogate, which ftfy changes wherever they are."""
    try:
        encoded = text.encode("utf-8")
    except UnicodeEncodeError:  # a surrogate
        return True
    return _C1_UTF8.search(encoded) is not None
