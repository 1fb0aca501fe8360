"""Every C twin (dechaff/**/_*.c, compiled at install by hatch_build.py) is built where a C compiler
is: a failed compile only warns at install and the slower Python twin runs, so it must not go
unseen here."""

from __future__ import annotations

import importlib
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest

from dechaff.core import compiled

PACKAGE = Path(__file__).resolve().parent.parent / "dechaff"
SOURCES = sorted(PACKAGE.rglob("_*.c"))


def _name(source: Path) -> str:
    return ".".join(source.relative_to(PACKAGE.parent).with_suffix("").parts)


def test_the_build_hook_builds_exactly_the_c_twins_there_are() -> None:
    hook = (PACKAGE.parent / "hatch_build.py").read_text(encoding="utf-8")
    listed = re.search(r"SOURCES = \[(.*?)\]", hook, re.S)
    assert listed is not None
    assert sorted(re.findall(r'"([^"]+)"', listed.group(1))) == sorted(
        source.relative_to(PACKAGE.parent).as_posix() for source in SOURCES
    )
    assert len(SOURCES) == 6


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_each_c_twin_is_built_from_its_source_where_a_compiler_is(source: Path) -> None:
    # a failed compile only warns at install, a stale build only warns at import: the slower
    # Python twin runs either way, so here they must not go unseen
    if os.environ.get("DECHAFF_NO_C") == "1" or not (shutil.which("gcc") or shutil.which("cc")):
        pytest.skip("no C compiler, or DECHAFF_NO_C=1: the Python twins run")
    if "_minhash" in source.name and not _links_openssl():
        pytest.skip("no OpenSSL headers or library to build _minhash.c with: its Python twin runs")
    module = importlib.import_module(_name(source))
    assert compiled.digest_of(source.read_bytes()) == module.SOURCE_DIGEST
    assert compiled.twin(_name(source)) is module


def _links_openssl() -> bool:
    """Whether this machine's compiler (the build's: $CC, else Python's) builds and links a program
    using what _minhash.c uses of OpenSSL (3.0 or later)."""
    import shlex
    import sysconfig
    import tempfile

    cc = shlex.split(os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc")
    with tempfile.TemporaryDirectory() as folder:
        probe = Path(folder) / "probe.c"
        probe.write_text(
            "#include <openssl/evp.h>\n#include <openssl/opensslv.h>\n"
            "#if OPENSSL_VERSION_NUMBER < 0x30000000L\n#error old\n#endif\n"
            "int main(void) {\n"
            '  EVP_MD *m = EVP_MD_fetch(NULL, "SHA1", NULL);\n'
            "  EVP_MD_CTX *c = EVP_MD_CTX_new();\n"
            "  int ok = m && c && EVP_DigestInit_ex2(c, m, NULL);\n"
            "  EVP_MD_CTX_free(c);\n  EVP_MD_free(m);\n  return !ok;\n}\n"
        )
        command = [*cc, str(probe), "-o", str(Path(folder) / "probe"), "-lcrypto"]
        try:
            done = subprocess.run(command, capture_output=True)
        except OSError:
            return False
    return done.returncode == 0


def test_a_build_of_another_source_is_not_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "_fake.c").write_bytes(b"/* this version */")
    fake = types.ModuleType("dechaff.text._fake")
    fake.__file__ = str(tmp_path / "_fake.cpython-311-x86_64-linux-gnu.so")
    fake.SOURCE_DIGEST = compiled.digest_of(b"/* an older version */")  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "dechaff.text._fake", fake)
    with pytest.warns(RuntimeWarning, match="another version"):
        assert compiled.twin("dechaff.text._fake") is None
    fake.SOURCE_DIGEST = compiled.digest_of(b"/* this version */")  # type: ignore[attr-defined]
    assert compiled.twin("dechaff.text._fake") is fake
    monkeypatch.setenv("DECHAFF_NO_C", "1")
    assert compiled.twin("dechaff.text._fake") is None
    monkeypatch.setenv("DECHAFF_NO_C", "0")
    assert compiled.twin("dechaff.text._fake") is fake
    (tmp_path / "_fake.c").unlink()  # installed without its source: the package's own build
    assert compiled.twin("dechaff.text._fake") is fake
    assert compiled.twin("dechaff.text._not_there") is None


_HOSTILE = r"""
import functools, numpy as np
import dechaff.text._scriptcount as s
import dechaff.cleaners._measure as m
import dechaff.text._langwalk as w
import dechaff.quality._ngrams as g
import dechaff.text._wordcount as wc

# a callback that replaces itself mid-call: the old one must stay alive until it returns, and
# what it said must not be kept for the new one
s.setup(functools.lru_cache(8)(lambda ch: (s.setup(lambda c: "OTHER"), "LATIN")[1]))
assert s.count("é") == {"LATIN": 1}
assert s.count("é") == {"OTHER": 1}
m.setup(functools.lru_cache(8)(lambda ch: (m.setup(lambda c: 0), 8)[1]))
assert m.counts("é")[3] is True
assert m.counts("é")[3] is False
# the same for the word count: the old function's answer (part of a run) is not kept, so the
# second "é" is asked of the new one (a word of its own)
wc.setup(functools.lru_cache(8)(lambda ch: (wc.setup(lambda c: 2), 1)[1]))
assert wc.count("éé") == 2
class Index:  # an int only through __index__, which hands over to another function
    def __index__(self):
        wc.setup(lambda c: 2)
        return 1
for bad, error in ((lambda c: 300, ValueError), (lambda c: "x", TypeError), (lambda c: Index(), TypeError)):
    wc.setup(bad)
    try:
        wc.count("z")
        raise SystemExit("a bad class was taken")
    except error:
        pass
try:
    wc.count(b"x")
    raise SystemExit("count took bytes")
except TypeError:
    pass

class Evil:
    def __index__(self):
        known.clear()
        return 1
known = {"ab": 0, "cd": Evil()}
try:
    w.table(known)
    raise SystemExit("table took a row number that is no int")
except TypeError:
    pass

g.setup(functools.lru_cache(8)(lambda ch: (g.setup(lambda c: 0), 1)[1]))
assert g.word_measures("é", None, False, (2,), (5,))[0] == 0  # a space, as the old one said
assert g.word_measures("é", None, False, (2,), (5,))[0] == 1  # a token, as the new one says

class Stop:
    def __contains__(self, word):
        g.setup(lambda c: 1)  # every character a space from now on
        raise KeyError(word)
try:
    g.word_measures("ab cd", Stop(), False, (2,), (5,))
    raise SystemExit("a stop list's error was lost")
except KeyError:
    pass
assert g.word_measures("ab cd", None, False, (2,), (5,))[0] == 0

def spaces(ch):
    return 1 if ch == " " else 0

def old_c4(ch):  # asked of "a", it hands over to `spaces` and says a CJK full stop, once
    if ch == "a":
        g.setup_c4(spaces)
        return 8
    return spaces(ch)

g.setup_c4(old_c4)
assert g.c4(["b a c d"], "lorem ipsum", "javascript", (), 3, 1000)[5] == 2  # two sentences, once
assert g.c4(["b a c d"], "lorem ipsum", "javascript", (), 3, 1000)[5] == 1

import dechaff.cleaners.classifier_core as c  # sets _measure up
class Evicting(str):  # a stop word whose __eq__ measures with many other stoplists meanwhile
    def __eq__(self, other):
        for k in range(40):
            m.measure("w a b", frozenset({f"w{k}"}), False, False, 0, 1, 0.05, 60)
        return str.__eq__(self, other)
    __hash__ = str.__hash__
stop = frozenset({Evicting("the"), "a"})
assert m.measure("the a the b", stop, False, False, 0, 1, 0.05, 60).stop_words == 3

# a stoplist let go when its table is taken runs a weakref callback that measures with 32 new
# stoplists and leaves a cycle whose __del__ measures with the last of them: the tables must be
# whole whenever Python code runs (a collection in the middle of making a table)
import gc, weakref
measured = lambda line, words: m.measure(line, words, False, False, 0, 1, 0.05, 60).stop_words
fresh = []
class Late:
    def __del__(self):
        assert measured("x31 a", fresh[-1]) == 1
def taken(_):
    for k in range(32):
        fresh.append(frozenset({f"x{k}"}))
        measured("x a", fresh[-1])
    late = Late(); late.me = late; del late
    gc.set_threshold(1)
victim = frozenset({"victim"})
measured("a", victim)
ref = weakref.ref(victim, taken)
del victim
for k in range(31):
    measured("a", frozenset({f"f{k}"}))
count = measured("the the", frozenset({"the"}))  # the 32nd table since the victim's takes its place
gc.collect()
gc.set_threshold(700)
assert len(fresh) == 32 and count == 2

# setup_measure again from the __del__ of the str the first call replaces: every field is the
# last call's (a str and the characters read of another freed was a use after free)
class Strip(str):
    def __del__(self):
        m.setup_measure("(", c._CLOSERS, "".join(sorted(c._SENTENCE_END)), c._Line)
m.setup_measure(Strip("(-"), c._CLOSERS, "".join(sorted(c._SENTENCE_END)), c._Line)
m.setup_measure("\u0100(" + "x" * 50, c._CLOSERS, "".join(sorted(c._SENTENCE_END)), c._Line)
gc.collect()
junk = ["\u0101" * 60 for _ in range(1000)]
assert measured("(the) end", frozenset({"the)"})) == 1  # "(" stripped, ")" not
m.setup_measure(c._STRIP, c._CLOSERS, "".join(sorted(c._SENTENCE_END)), c._Line)

for call in (
    lambda: w.walk(memoryview(bytearray(17))[1:], np.zeros(2, np.int64), np.zeros(1, np.int16),
                   np.zeros(1), 1, [0] * 625, 1, 0.5, 0.05, 10000.0, 0.99999, 10, False),
):
    try:
        call()
        raise SystemExit("a misaligned buffer was taken")
    except ValueError:
        pass
print("ok")
"""


def test_the_c_twins_survive_hostile_callers() -> None:
    # in a child: it swaps the twins' callbacks, and a crash must fail the test, not the run
    for source in SOURCES:
        pytest.importorskip(_name(source))
    out = subprocess.run([sys.executable, "-c", _HOSTILE], capture_output=True, text=True, timeout=120)
    assert (out.returncode, out.stdout.strip()) == (0, "ok"), out.stderr[-2000:]


def _editable_root() -> Path | None:
    """The source tree this environment's dechaff is installed from in editable mode, if it is."""
    import importlib.metadata
    import json
    from urllib.parse import unquote, urlparse

    try:
        found = json.loads(importlib.metadata.distribution("dechaff").read_text("direct_url.json") or "{}")
    except (importlib.metadata.PackageNotFoundError, ValueError):
        return None
    if not found.get("dir_info", {}).get("editable") or not found.get("url", "").startswith("file:"):
        return None
    return Path(unquote(urlparse(found["url"]).path)).resolve()


def _hook_module(monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    """hatch_build.py, loaded with a stand-in for hatchling (which only the build environment has)."""
    names = ["hatchling", "hatchling.builders", "hatchling.builders.hooks", "hatchling.builders.hooks.plugin"]
    for name in names:
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    interface = types.ModuleType("hatchling.builders.hooks.plugin.interface")
    interface.BuildHookInterface = type("BuildHookInterface", (), {})  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, interface.__name__, interface)
    spec = importlib.util.spec_from_file_location("_hatch_build", PACKAGE.parent / "hatch_build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_build_hook_compiles_a_tree_to_bytecode(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hook = _hook_module(monkeypatch)
    (tmp_path / "dechaff" / "sub").mkdir(parents=True)
    modules = [tmp_path / "dechaff" / "a.py", tmp_path / "dechaff" / "sub" / "b.py"]
    for module in modules:
        module.write_text("VALUE = 1\n", encoding="utf-8")
    assert hook.compile_bytecode(str(tmp_path))
    assert all(Path(importlib.util.cache_from_source(str(m))).is_file() for m in modules)
    (tmp_path / "dechaff" / "bad.py").write_text("def (:\n", encoding="utf-8")
    assert not hook.compile_bytecode(str(tmp_path))  # told, not raised: the install goes on


def test_an_editable_install_compiles_the_modules_to_bytecode() -> None:
    # pip compiles a wheel's modules, not an editable install's: the build hook does (with
    # PYTHONDONTWRITEBYTECODE set, each start compiled ~90 modules again, 0.1 s)
    if _editable_root() != PACKAGE.parent:
        pytest.skip("this tree is not the editable install's")
    # modules that have been there since long before the hook (a new module has no bytecode
    # until the next install, which costs only its compile at import)
    for module in (PACKAGE / "cli.py", PACKAGE / "engine" / "engine.py", PACKAGE / "cleaners" / "base.py"):
        assert Path(importlib.util.cache_from_source(str(module))).is_file(), f"{module}: pip install -e ."
