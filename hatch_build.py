"""Build hook: compiles the C parts (`SOURCES`) next to their sources, writes langdetect's
profiles as one table (`PROFILE_CACHE`), and compiles an editable install's Python modules to
bytecode.

Each has a pure-Python twin that gives the same answers, so a machine without a C compiler still
installs and runs, only slower: a failed compile is a warning (pip shows it with -v), not an
error. `DECHAFF_NO_C=1` builds none. The module lands in the source tree, where an editable
install imports it, and is forced into a wheel; an older build there is removed first.

pip compiles a wheel's modules to bytecode when it installs them, but not an editable install's
(they stay in the source tree): with `PYTHONDONTWRITEBYTECODE` set, as on the CI machine, every
start compiled the package's ~90 modules again (0.1 s of a one-file run's 0.9). The hook compiles
them into the tree's `__pycache__` instead; an edited module's bytecode is stale and Python
compiles that one again, as it would have anyway.
"""

from __future__ import annotations

import compileall
import functools
import importlib.util
import os
import shlex
import subprocess
import sys
import sysconfig
from types import ModuleType
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

SOURCES = [
    "dechaff/text/_langwalk.c",
    "dechaff/text/_scriptcount.c",
    "dechaff/text/_wordcount.c",
    "dechaff/cleaners/_measure.c",
    "dechaff/quality/_ngrams.c",
    "dechaff/quality/_minhash.c",
]
# libraries a twin links besides libm: where they (or their headers) are missing it is not built
LIBRARIES = {"dechaff/quality/_minhash.c": ["-lcrypto"]}
# langdetect's profiles as one table (dechaff/text/profile_cache.py, which writes it): read at
# start-up in 0.03 s instead of 0.09-0.16 s from the JSON; langdetect is a build requirement for it
PROFILE_CACHE = ("dechaff/text/profile_cache.py", "dechaff/text/_profiles.bin")
HEADER = "dechaff/_twin.h"  # what every twin includes (its module definition)
PACKAGE = "dechaff"
COMPILED = "dechaff/core/compiled.py"  # which builds load, by the digest of their sources
# no fused multiply-add, no fast math, sin and cos not merged into one sincos call (a libm other
# than glibc's need not give the same bits): the C must round exactly as the Python twin does
FLAGS = [
    "-O2",
    "-fPIC",
    "-shared",
    "-ffp-contract=off",
    "-fno-fast-math",
    "-fno-builtin-sin",
    "-fno-builtin-cos",
    "-std=c99",
]
if sys.platform == "darwin":  # the interpreter's symbols are found when the module is loaded
    FLAGS += ["-undefined", "dynamic_lookup"]


def _module_at(path: str, name: str) -> ModuleType:
    """A module of the package loaded by its path (it needs only the standard library; the
    package's own dependencies are not in the build environment). It is in `sys.modules` while
    it runs, for its dataclasses, which look their module up."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    finally:
        sys.modules.pop(name, None)
    return module


@functools.cache  # once per build, not once per twin
def _compiled(root: str) -> ModuleType:
    """dechaff/core/compiled.py: the digest it checks at import is the one compiled in, by the
    same function."""
    return _module_at(os.path.join(root, COMPILED), "_dechaff_compiled")


def target_of(root: str, source: str) -> str:
    """Where the module built from `source` goes: beside it, named for this interpreter."""
    return os.path.join(root, source[: -len(".c")] + sysconfig.get_config_var("EXT_SUFFIX"))


def compile_one(root: str, source: str) -> str | None:
    """The path of the built module, or None (with a warning, shown by `pip install -v`) when it
    could not be built. The module carries the digest of its source (`dechaff.core.compiled`
    loads it only if the source beside it still has that digest)."""
    target = target_of(root, source)
    cc = shlex.split(os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc")
    include = sysconfig.get_paths()["include"]
    with open(os.path.join(root, source), "rb") as code, open(os.path.join(root, HEADER), "rb") as header:
        digest = _compiled(root).digest_of(code.read(), header.read())
    command = [*cc, *FLAGS, f'-DSOURCE_DIGEST="{digest}"', f"-I{include}", os.path.join(root, source)]
    command += ["-o", target, "-lm", *LIBRARIES.get(source, [])]
    try:
        subprocess.run(command, check=True, capture_output=True, text=True)
    except (OSError, subprocess.CalledProcessError) as err:
        detail = getattr(err, "stderr", "") or str(err)
        print(f"dechaff: {source} not compiled, the pure-Python twin will run: {detail}", file=sys.stderr)
        return None
    return target


def write_profiles(root: str) -> str | None:
    """The path of langdetect's profiles written as one table, or None (with a warning) when
    they could not be: the JSON is then read at start-up, with the same answers."""
    module_path, target = (os.path.join(root, part) for part in PROFILE_CACHE)
    spec = importlib.util.find_spec("langdetect")
    if spec is None or not spec.submodule_search_locations:
        print("dechaff: langdetect not in the build environment, its profiles stay JSON", file=sys.stderr)
        return None
    folder = os.path.join(next(iter(spec.submodule_search_locations)), "profiles")
    try:
        written = _module_at(module_path, "_dechaff_profile_cache").write(folder, target)
    except (OSError, ValueError, KeyError, TypeError) as err:
        print(f"dechaff: langdetect's profiles not written as a table: {err}", file=sys.stderr)
        return None
    return target if written else None


def compile_bytecode(root: str) -> bool:
    """The package's modules under `root` compiled to bytecode beside them (what pip does for a
    wheel's); False when some could not be (a read-only tree: the modules then compile at import,
    as before). With SOURCE_DATE_EPOCH set, compileall writes hash-checked bytecode: still valid,
    each import then hashes the module's source."""
    return bool(compileall.compile_dir(os.path.join(root, PACKAGE), quiet=2))


class CustomBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    """Compile before the wheel (or the editable install) is assembled."""

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        for source in SOURCES:
            target = target_of(self.root, source)
            if os.path.exists(target):  # no older build left to be imported, whatever happens next
                os.remove(target)
            if os.environ.get("DECHAFF_NO_C") == "1":
                continue
            built = compile_one(self.root, source)
            if built is None:
                continue
            build_data["pure_python"] = False
            build_data["infer_tag"] = True
            if version != "editable":
                build_data["force_include"][built] = os.path.relpath(built, self.root)
        cache = os.path.join(self.root, PROFILE_CACHE[1])
        if os.path.exists(cache):  # never a table of other profiles left behind
            os.remove(cache)
        written = write_profiles(self.root)
        if written is not None and version != "editable":
            build_data["force_include"][written] = os.path.relpath(written, self.root)
        if version == "editable" and not compile_bytecode(self.root):
            print("dechaff: some modules not compiled to bytecode, they compile at import", file=sys.stderr)
